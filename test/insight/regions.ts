// Which region each component lives in, and which regions call which: what the plan's
// architecture properties are checked against.
import { instanceDomain, linkType, replicasOf, type Topology } from '../../src/model';

/** The region of each component (its first placed instance), walking up the domains. */
export function regionOfComponents(t: Topology): Map<string, string | undefined> {
  const parent = new Map(t.domains.map((d) => [d.id, d.parent]));
  const kind = new Map(t.domains.map((d) => [d.id, d.kind]));
  const regionOf = (d: string | undefined): string | undefined => {
    for (let cur = d, n = 0; cur !== undefined && n < 50; cur = parent.get(cur), n++) if (kind.get(cur) === 'region') return cur;
    return undefined;
  };
  return new Map(t.components.map((c) => {
    for (let i = 1; i <= replicasOf(c); i++) {
      const r = regionOf(instanceDomain(c, i));
      if (r) return [c.id, r];
    }
    return [c.id, undefined];
  }));
}

/** Pairs of regions joined by a dependency link: "r1>r2" (from > to). */
export function crossRegionCalls(t: Topology): Set<string> {
  const region = regionOfComponents(t);
  const out = new Set<string>();
  for (const l of t.links) {
    if (linkType(l) !== 'dependency') continue;
    const a = region.get(l.from);
    const b = region.get(l.to);
    if (a && b && a !== b) out.add(`${a}>${b}`);
  }
  return out;
}

