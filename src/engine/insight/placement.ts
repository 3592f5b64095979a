// Where new instances and copies go: zones of a region, another zone, another region.
import { instanceDomain, type Component, type FailureDomain, type Topology } from '../../model';
import { ZONE_KINDS, regionOf, zoneOf } from './structure';

/** The zone-level domains of a region (or, with no region, the zones outside any region). */
export function zonesOfRegion(t: Topology, region: string | undefined): FailureDomain[] {
  return t.domains.filter((d) => ZONE_KINDS.has(d.kind) && regionOf(t, d.id) === region);
}

/** The zones a component's instances use, in instance order, without repeats. */
export function zonesUsed(t: Topology, c: Component): string[] {
  const out: string[] = [];
  for (let i = 1; i <= (c.replicas ?? 1); i++) {
    const z = zoneOf(t, instanceDomain(c, i));
    if (z !== undefined && !out.includes(z)) out.push(z);
  }
  return out;
}

/** Another zone of the same region than the component's first instance, if there is one. */
export function otherZone(t: Topology, c: Component): string | undefined {
  const home = zoneOf(t, instanceDomain(c, 1));
  if (home === undefined) return undefined;
  return zonesOfRegion(t, regionOf(t, home)).find((z) => z.id !== home)?.id;
}

export function regions(t: Topology): FailureDomain[] {
  return t.domains.filter((d) => d.kind === 'region');
}

/** A unique id from `base`: base, base-2, base-3, ... against every id in the document. */
export function uniqueId(t: Topology, base: string): string {
  const taken = new Set<string>([...t.components.map((c) => c.id), ...t.domains.map((d) => d.id), ...t.links.flatMap((l) => (l.id ? [l.id] : []))]);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
