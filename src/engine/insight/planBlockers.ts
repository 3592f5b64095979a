// What keeps a target out of reach, and its share of the error budget: each element's
// improvement potential for the clients short of their targets (Birnbaum importance
// times unavailability: what making it perfect would give), over the budget; with why no
// move removes it. And the early verdict: when single points of failure that no move can
// remove (a provider, a third-party service, a managed service, a network link, a region
// that cannot be copied) already take a client's whole error budget, no plan can meet the target.
import { instanceCount, MAX_INSTANCES, MAX_REPLICAS, minHealthyOf, numberText, replicasOf, type Component, type Topology } from '../../model';
import { clientFailureCheck } from '../index';
import { Propagator } from '../propagate';
import { buildStructure } from '../structure';
import { resolveFailed } from '../whatIf';
import { blockingRegions } from './moveContext';
import { shortClients, type State, type Targets } from './planState';
import type { Blocker } from './planTypes';
import { copyBlocker, secondRegionFor } from './regionCopy';
import { isManagedService } from './moveKinds/managed';
import { ZONE_KINDS, componentMap, memo, regionOf, zoneOf } from './structure';

/** The elements that keep the target out of reach, the largest share first (at most three, each at least 5%); `unremovableOnly`: those no move removes. */
export function blockersOf(end: State, targets: Targets, unremovableOnly = false, cut = false): Blocker[] {
  const e = end.evaluation;
  if (!e.birnbaum) return [];
  const short = shortClients(end, targets);
  // A pool's instances are one blocker, their gains summed: a pool of 1,000 that needs 999
  // fails the target as a whole, while no instance of it alone takes 5% of the budget.
  const byPool = new Map<string, number[]>();
  e.elements.forEach((el, i) => {
    if (el.type !== 'instance' || el.componentId === undefined) return;
    const list = byPool.get(el.componentId);
    if (list) list.push(i);
    else byPool.set(el.componentId, [i]);
  });
  const gainOf = (ids: readonly number[]) => short.reduce((most, c) => Math.max(most, ids.reduce((sum, i) => sum + e.birnbaum![c][i] * (1 - e.elements[i].availability), 0)), 0);
  const labels = componentMap(end.doc);
  let fails: ((ids: readonly string[]) => boolean) | undefined;
  const pools = [...byPool].map(([id, ids]) => {
    let gain = gainOf(ids);
    const c = labels.get(id)!;
    // A pool at its limit whose failure alone fails a client: its own unavailability is what
    // it takes (its instances' first-order sum is nothing where the design is at 2e-140).
    if (atLimit(end.doc, c) && (fails ??= clientFailureCheck(end.doc))([id])) gain = Math.max(gain, poolUnavailability(c, e.elements[ids[0]].availability));
    return { id, label: c.label ?? id, type: 'component' as const, unavailability: gain };
  });
  return [
    ...e.elements.flatMap((el, i) => (el.type === 'instance' ? [] : [{ id: el.id, label: el.label, type: el.type, unavailability: gainOf([i]) }])),
    ...pools,
  ].map((b) => ({ ...b, share: b.unavailability / targets.budget, reason: '' })).filter((b) => b.share >= 0.05 && (!unremovableOnly || unremovable(end.doc, b.id, b.type) !== undefined)).sort((a, b) => b.share - a.share).slice(0, 3)
    .map((b) => ({ ...b, reason: reasonOf(end.doc, b, cut) }));
}

/**
 * Why no move removes the element, or undefined when some move could. `budget` (1 − the
 * strictest target): a domain inside a region that blocks it may be left by a second region.
 */
export function unremovable(t: Topology, id: string, type: Blocker['type'], budget?: number): string | undefined {
  const d = t.domains.find((x) => x.id === id);
  if (d?.kind === 'provider') return 'a whole provider: no move leaves it';
  // Moves take instances out of zones (another zone of the region) and regions (a second one,
  // only where a region blocks the target: DESIGN section 3); none spreads over racks. What
  // sits in a rack that is in no zone stays in it, and in every rack above it.
  if (d && d.kind !== 'region' && !ZONE_KINDS.has(d.kind) && zoneOf(t, d.id) === undefined) {
    const region = regionOf(t, d.id);
    if (region === undefined || budget === undefined || !regionsBlocking(t, budget).has(region)) {
      return `a ${d.kind} in no zone: no move spreads over ${d.kind}s, only over zones, and over regions where a region blocks the target`;
    }
  }
  if (d?.kind === 'region') {
    const why = copyBlocker(t, d.id, secondRegionFor(t, d.id).existing?.id);
    return why ? `a second region would need a new cross-region call (${why})` : undefined;
  }
  if (type === 'link') return 'a network link: no move duplicates it';
  const byId = componentMap(t);
  const c = byId.get(id) ?? byId.get(id.slice(0, id.lastIndexOf('#')));
  if (c?.kind === 'external') return 'a third-party service: no move adds a second one';
  if (c && isManagedService(c)) {
    // Only a second region stands beside it: unremovable when its region cannot be copied.
    const region = regionOf(t, c.domain ?? c.domains?.[0]);
    const what = 'a managed service at its SLA (its provider runs its standby, no move adds one in its region)';
    if (region === undefined) return what;
    const why = copyBlocker(t, region, secondRegionFor(t, region).existing?.id);
    return why ? `${what}, and a second region would need a new cross-region call (${why})` : undefined;
  }
  return undefined;
}

function reasonOf(t: Topology, b: Blocker, cut: boolean): string {
  const why = unremovable(t, b.id, b.type);
  if (why) return why;
  const d = t.domains.find((x) => x.id === b.id);
  if (d?.kind === 'region') return 'a region: a second region is planned only when one region alone takes the whole error budget';
  if (d) return `the ${d.kind} of what remains in it`;
  if (b.type === 'failover') return 'the time a switchover takes';
  const c = componentMap(t).get(b.id);
  if (c && isManagedService(c)) return 'a managed service at its SLA (its provider runs its standby): only a second region stands beside it';
  const full = c && atLimit(t, c);
  if (full) return full;
  // Not "gains too little" when the budget of work stopped the plan before its moves were weighed.
  return cut ? 'its moves were not all weighed: the budget of work ran out' : 'what the moves can still add to it gains too little';
}

/** The regions that block the target, once per document and budget (a pass over the design each). */
function regionsBlocking(t: Topology, budget: number): ReadonlySet<string> {
  return memo(t, `blockingRegions:${budget}`, () => blockingRegions(t, budget));
}

/** A failure no move changes that fails clients on its own: with its unavailability and the clients it fails (evaluation order). */
export interface FixedFailure {
  id: string;
  label: string;
  type: Blocker['type'];
  unavailability: number;
  reason: string;
  clients: number[];
}

/**
 * The failures no move changes, each failing some client alone: single points of failure
 * no move removes (a provider, a rack in no zone, a third-party service, ...) and pools at
 * the document's limit (their own unavailability: too few instances up). Found by
 * propagation through the design, not by importance (a Monte Carlo analysis's is the
 * system's, and noisy).
 */
export function fixedFailures(start: State, budget: number): FixedFailure[] {
  const e = start.evaluation;
  const t = start.doc;
  const candidates: Omit<FixedFailure, 'clients'>[] = [];
  for (const i of e.spofs ?? []) {
    const el = e.elements[i];
    if (el.type === 'instance') continue;
    const reason = unremovable(t, el.id, el.type, budget);
    if (reason !== undefined) candidates.push({ id: el.id, label: el.label, type: el.type, unavailability: 1 - el.availability, reason });
  }
  for (const c of t.components) {
    const full = atLimit(t, c);
    if (!full) continue;
    const q = poolUnavailability(c, instanceAvailability(e, c.id));
    if (q > 0) candidates.push({ id: c.id, label: c.label ?? c.id, type: 'component', unavailability: q, reason: full });
  }
  if (candidates.length === 0) return [];
  const s = buildStructure(t);
  const prop = new Propagator(s);
  const clientIndex = new Map(e.clients.map((c, i) => [c.id, i]));
  return candidates.flatMap((f) => {
    const forced = resolveFailed(s, [f.id]);
    const mark = prop.mark();
    const down = prop.fail(forced.elements, forced.components, forced.slots).flatMap((c) => {
      const i = s.components[c].isClient ? clientIndex.get(s.components[c].id) : undefined;
      return i === undefined ? [] : [i];
    });
    prop.undo(mark);
    return down.length > 0 ? [{ ...f, clients: down }] : [];
  });
}

/** Each element's availability in the evaluation of one instance of `componentId` (its pool's instances are alike). */
function instanceAvailability(e: State['evaluation'], componentId: string): number {
  const el = e.elements.find((x) => x.componentId === componentId && x.type === 'instance') ?? e.elements.find((x) => x.id === componentId);
  return el?.availability ?? 1;
}

/**
 * Per client short of its target that the fixed failures alone keep from it: the most it can
 * reach, Π(1 − q) over the fixed failures that fail it (independent elements, each failing it
 * alone: no plan passes that), and its target. Empty when every short client could still reach its own.
 */
export function outOfReachClients(start: State, targets: Targets, fixed: readonly FixedFailure[]): { client: number; most: number; target: number }[] {
  if (fixed.length === 0) return [];
  const e = start.evaluation;
  return shortClients(start, targets).flatMap((c) => {
    const target = targets.clientTarget(start.doc, e.clients[c].id)!;
    let up = 1;
    for (const f of fixed) if (f.clients.includes(c)) up *= 1 - f.unavailability;
    return 1 - up >= (1 - target) * (1 - 1e-9) ? [{ client: c, most: up, target }] : [];
  });
}

/** True when some client short of its target already loses its whole error budget to failures no move changes. */
export function outOfReach(start: State, targets: Targets): boolean {
  return outOfReachClients(start, targets, fixedFailures(start, targets.budget)).length > 0;
}

/**
 * What keeps the target out of reach for any plan: the fixed failures of the clients that
 * cannot reach their targets, largest share first (at most three). Alike ones (the same
 * reason, the same clients: nested racks) are one blocker, their shares together.
 */
export function fixedBlockers(t: Topology, fixed: readonly FixedFailure[], clients: readonly number[], budget: number): Blocker[] {
  const groups = new Map<string, FixedFailure[]>();
  for (const f of fixed) {
    if (!f.clients.some((c) => clients.includes(c))) continue;
    const key = `${f.type}\u0000${f.reason}\u0000${f.clients.join(',')}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()].map((g) => {
    const unavailability = 1 - g.reduce((up, f) => up * (1 - f.unavailability), 1);
    const byId = componentMap(t);
    const kind = g[0].type === 'domain' ? `${t.domains.find((d) => d.id === g[0].id)?.kind ?? 'domain'}s`
      : g.every((f) => replicasOf(byId.get(f.id) ?? { replicas: 1 } as Component) > 1) ? 'pools' : 'components';
    const label = g.length === 1 ? g[0].label : `${numberText(g.length)} ${kind} (${g.slice(0, 3).map((f) => f.label).join(', ')}${g.length > 3 ? ` and ${numberText(g.length - 3)} more` : ''})`;
    return { id: g[0].id, label, type: g[0].type, unavailability, share: unavailability / budget, reason: g[0].reason, ...(g.length > 1 ? { members: g.map((f) => f.id) } : {}) };
  }).sort((a, b) => b.share - a.share).slice(0, 3);
}

/** Why no instance can be added to `c`: the document's limits (a plan never writes a document that Open refuses). */
function atLimit(t: Topology, c: Component): string | undefined {
  if (c.kind === 'client') return undefined;
  if (replicasOf(c) >= MAX_REPLICAS) return `a pool at the limit of ${numberText(MAX_REPLICAS)} instances: no move adds one`;
  // Counted once per document: fixedFailures asks of every component (quadratic on 20,000).
  if (memo(t, 'instanceCount', () => instanceCount(t.components)) >= MAX_INSTANCES) return `the design holds ${numberText(MAX_INSTANCES)} instances, the most a document may: no move adds one`;
  return undefined;
}

/** The chance that fewer than `minHealthy` of the pool's instances are up, each up with `a` (binomial). */
function poolUnavailability(c: Component, a: number): number {
  const n = replicasOf(c);
  const down = n - minHealthyOf(c);
  // P(at most `down` instances down), term by term in logarithms (a^1000 underflows nothing here).
  let logTerm = n * Math.log(a);
  let up = Math.exp(logTerm);
  for (let j = 1; j <= down; j++) {
    logTerm += Math.log((n - j + 1) / j) + Math.log(1 - a) - Math.log(a);
    up += Math.exp(logTerm);
  }
  return Math.max(0, 1 - up);
}

/**
 * The client furthest from its target by its single points of failure, and how many of them
 * at least must be removed before it can reach its target: with the rest in place it is at
 * most their product. Which SPOFs are whose is the evaluation's (read off the same pass that
 * found them; before, by propagation SPOF by SPOF, which the 20,000-long chain under 200
 * clients could not afford). Undefined when no short client needs more than one removed.
 */
export function spofsToRemove(st: State, targets: Targets): { client: number; spofs: number[]; needed: number } | undefined {
  const e = st.evaluation;
  if (!e.spofs || e.spofs.length < 2 || !e.clientSpofs) return undefined;
  const clientSpofs = e.clientSpofs;
  let worst: { client: number; spofs: number[]; needed: number } | undefined;
  // Clients that need the same thing share one list: counted once per list and target (200 clients on one chain).
  const counted = new Map<number[], Map<number, number>>();
  for (const c of shortClients(st, targets)) {
    const mine = clientSpofs[c];
    const target = targets.clientTarget(st.doc, e.clients[c].id)!;
    let byTarget = counted.get(mine);
    if (!byTarget) counted.set(mine, (byTarget = new Map()));
    let needed = byTarget.get(target);
    if (needed === undefined) {
      // Least likely up first: removing those raises the bound most. In logarithms (10,000 at 99.5% underflow nothing).
      const logs = mine.map((i) => Math.log(e.elements[i].availability)).sort((a, b) => a - b);
      let up = logs.reduce((sum, x) => sum + x, 0);
      needed = 0;
      while (needed < logs.length && up < Math.log(target)) up -= logs[needed++];
      byTarget.set(target, needed);
    }
    if (needed >= 2 && (!worst || needed > worst.needed)) worst = { client: c, spofs: mine, needed };
  }
  return worst;
}
