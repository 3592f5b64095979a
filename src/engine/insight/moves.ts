// The changes the plan may make (DESIGN section 3, "plan"), as data: each move names a
// component; applyMove turns it into a new, valid document. Moves are deterministic
// (new ids are derived from existing ones), so a list of moves replays exactly.
import { instanceDomain, isStandby, linkType, replicasOf, type Component, type Topology } from '../../model';
import { addAlternative } from './alternative';
import { otherZone, regions, uniqueId, zonesOfRegion, zonesUsed } from './placement';
import { DATA_STORE_KINDS, alternativesOf, componentMap, instancePlacements, named, regionOf } from './structure';

export type MoveType = 'add-instance' | 'add-standby' | 'spread-zones' | 'replicate-region';

export interface Move {
  type: MoveType;
  component: string;
}

/** Kinds whose single instance may become a pool: stateless servers behind a balancer. */
const SCALABLE = new Set(['loadbalancer', 'web', 'app', 'service']);

/** Every move that applies to the document, in a stable order. */
export function candidateMoves(t: Topology): Move[] {
  const requiredCallers = new Set(t.links.filter((l) => linkType(l) === 'dependency' && !l.optional).map((l) => l.to));
  const byId = componentMap(t);
  const out: Move[] = [];
  for (const c of t.components) {
    if (c.kind === 'client' || isStandby(c)) continue;
    const n = replicasOf(c);
    const alternatives = [...alternativesOf(t, c.id)].map((id) => byId.get(id)!);
    if (n > 1 || SCALABLE.has(c.kind)) out.push({ type: 'add-instance', component: c.id });
    // A standby must stand behind something: someone has to need the original.
    if (n === 1 && requiredCallers.has(c.id)) out.push({ type: 'add-standby', component: c.id });
    if (n > 1 && spreadZones(t, c) !== undefined) out.push({ type: 'spread-zones', component: c.id });
    const home = regionOf(t, instanceDomain(c, 1));
    if (requiredCallers.has(c.id) && home !== undefined) {
      // Not into a region that already holds an alternative of it.
      const target = regions(t).find((r) => r.id !== home)?.id;
      const covered = target !== undefined && alternatives.some((a) => instancePlacements(a).some((p) => regionOf(t, p) === target));
      if (!covered) out.push({ type: 'replicate-region', component: c.id });
    }
  }
  return out;
}

export function applyMove(t: Topology, m: Move): Topology {
  const c = componentMap(t).get(m.component);
  if (!c) throw new Error(`move ${m.type}: no component "${m.component}"`);
  switch (m.type) {
    case 'add-instance':
      return replace(t, { ...c, replicas: replicasOf(c) + 1 });
    case 'spread-zones': {
      const zones = spreadZones(t, c);
      if (!zones) throw new Error(`move spread-zones: "${c.id}" has no other zones to spread to`);
      const { domain: _domain, ...rest } = c;
      return replace(t, { ...rest, domains: zones });
    }
    case 'add-standby': {
      const copy = standbyCopy(t, c);
      return addAlternative(t, c, copy, 'sync');
    }
    case 'replicate-region':
      return replicateRegion(t, c);
  }
}

export function applyMoves(t: Topology, moves: readonly Move[]): Topology {
  return moves.reduce(applyMove, t);
}

/** What the move does, in words, against the document before it. */
export function describeMove(t: Topology, m: Move): string {
  const c = componentMap(t).get(m.component)!;
  const after = applyMove(t, m);
  const added = after.components.find((x) => !t.components.some((y) => y.id === x.id));
  switch (m.type) {
    case 'add-instance':
      return `add an instance to ${named(t, c.id)} (${replicasOf(c)} → ${replicasOf(c) + 1} replicas)`;
    case 'spread-zones':
      return `spread ${named(t, c.id)} across the zones ${spreadZones(t, c)!.join(', ')}`;
    case 'add-standby':
      return `add a hot standby "${added!.id}" for ${named(t, c.id)}${added!.domain ? ` in ${named(after, added!.domain)}` : ''}`;
    case 'replicate-region': {
      const region = regionOf(after, instanceDomain(added!, 1))!;
      const fresh = !t.domains.some((d) => d.id === region);
      return `replicate ${named(t, c.id)} into ${fresh ? 'a new ' : ''}region ${named(after, region)} as "${added!.id}"`;
    }
  }
}

function replace(t: Topology, c: Component): Topology {
  return { ...t, components: t.components.map((x) => (x.id === c.id ? c : x)) };
}

/** The zones of the pool's region in order (its own first), when that spreads it further. */
function spreadZones(t: Topology, c: Component): string[] | undefined {
  const used = zonesUsed(t, c);
  const home = used[0] ?? instanceDomain(c, 1);
  if (home === undefined) return undefined;
  const all = zonesOfRegion(t, regionOf(t, home)).map((z) => z.id);
  if (all.length < 2) return undefined;
  const ordered = [...used.filter((z) => all.includes(z)), ...all.filter((z) => !used.includes(z))];
  // Only a move if more zones get instances than today.
  if (Math.min(replicasOf(c), ordered.length) <= used.length) return undefined;
  return ordered;
}

/** The reliability figures and dependencies of the original, none of its placement or role. */
function baseCopy(c: Component, id: string, label: string): Component {
  const copy: Component = { id, kind: c.kind, label };
  for (const key of ['availability', 'mtbfHours', 'mttrHours', 'requires'] as const) {
    if (c[key] !== undefined) (copy as Record<string, unknown>)[key] = c[key];
  }
  return copy;
}

function standbyCopy(t: Topology, c: Component): Component {
  const copy = baseCopy(c, uniqueId(t, `${c.id}-standby`), `${c.label ?? c.id} standby`);
  // A standby in the same zone shares the zone's fate: put it in another zone when there is one.
  const home = instanceDomain(c, 1);
  const place = otherZone(t, c) ?? home;
  return { ...copy, role: 'standby', standby: 'hot', ...(place !== undefined ? { domain: place } : {}) };
}

function replicateRegion(t: Topology, c: Component): Topology {
  const home = regionOf(t, instanceDomain(c, 1))!;
  let doc = t;
  let target = regions(t).find((r) => r.id !== home)?.id;
  if (target === undefined) {
    // No second region yet: add one beside the first (same provider).
    const first = t.domains.find((d) => d.id === home)!;
    target = uniqueId(t, `${home}-2`);
    doc = { ...t, domains: [...t.domains, { id: target, kind: 'region', label: `${first.label ?? first.id} (second region)`, ...(first.parent ? { parent: first.parent } : {}) }] };
  }
  const zones = zonesOfRegion(doc, target).map((z) => z.id);
  const width = Math.max(1, Math.min(zonesUsed(t, c).length, zones.length));
  const placement = zones.length === 0 ? { domain: target } : width > 1 ? { domains: zones.slice(0, width) } : { domain: zones[0] };
  const copy = baseCopy(c, uniqueId(doc, `${c.id}-${target}`), `${c.label ?? c.id} (${doc.domains.find((d) => d.id === target)!.label ?? target})`);
  // A data store's copy is a hot standby fed by asynchronous replication (the usual
  // choice across regions); any other component's copy serves actively, as a pool if
  // the original is one.
  const isData = DATA_STORE_KINDS.has(c.kind);
  const full: Component = isData
    ? { ...copy, role: 'standby', standby: 'hot', ...placement }
    : {
        ...copy, ...placement,
        ...(c.replicas !== undefined ? { replicas: c.replicas } : {}),
        ...(c.minHealthy !== undefined ? { minHealthy: c.minHealthy } : {}),
        ...(c.standby !== undefined && replicasOf(c) > 1 ? { standby: c.standby } : {}),
        ...(c.failoverSeconds !== undefined && replicasOf(c) > 1 ? { failoverSeconds: c.failoverSeconds } : {}),
      };
  return addAlternative(doc, c, full, 'async');
}
