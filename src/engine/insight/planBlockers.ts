// What keeps a target out of reach, and its share of the error budget: each element's
// improvement potential for the clients short of their targets (Birnbaum importance
// times unavailability: what making it perfect would give), over the budget; with why no
// move removes it. And the early verdict: when single points of failure that no move can
// remove (a provider, a third-party service, a managed service, a network link, a region
// that cannot be copied) already take a client's whole error budget, no plan can meet the target.
import { MAX_INSTANCES, MAX_REPLICAS, minHealthyOf, numberText, replicasOf, type Component, type Topology } from '../../model';
import { clientFailureCheck } from '../index';
import { shortClients, type State, type Targets } from './planState';
import type { Blocker } from './planTypes';
import { copyBlocker, secondRegionFor } from './regionCopy';
import { isManagedService } from './moveKinds/managed';
import { componentMap, regionOf } from './structure';

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

/** Why no move removes the element, or undefined when some move could. */
export function unremovable(t: Topology, id: string, type: Blocker['type']): string | undefined {
  const d = t.domains.find((x) => x.id === id);
  if (d?.kind === 'provider') return 'a whole provider: no move leaves it';
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

/**
 * True when some client short of its target already loses its whole error budget to
 * single points of failure that no move removes: 1 − Π(1 − q) over them ≥ 1 − target.
 */
export function outOfReach(start: State, targets: Targets): boolean {
  const e = start.evaluation;
  if (!e.birnbaum || !e.spofs) return false;
  const t = start.doc;
  const fixed = e.spofs.filter((i) => unremovable(t, e.elements[i].id, e.elements[i].type) !== undefined);
  if (fixed.length === 0) return false;
  return shortClients(start, targets).some((c) => {
    const target = targets.clientTarget(t, e.clients[c].id)!;
    let up = 1;
    for (const i of fixed) {
      const a = e.elements[i].availability;
      // A SPOF of this client: with it down the client is down, so ∂A/∂a = A(up) = A / a.
      if (Math.abs(e.birnbaum![c][i] * a - e.clients[c].availability) <= 1e-12 * Math.max(1e-300, e.clients[c].availability)) up *= a;
    }
    return 1 - up >= (1 - target) * (1 - 1e-9);
  });
}

/** Why no instance can be added to `c`: the document's limits (a plan never writes a document that Open refuses). */
function atLimit(t: Topology, c: Component): string | undefined {
  if (c.kind === 'client') return undefined;
  if (replicasOf(c) >= MAX_REPLICAS) return `a pool at the limit of ${numberText(MAX_REPLICAS)} instances: no move adds one`;
  const instances = t.components.reduce((n, x) => n + (x.kind === 'client' ? 0 : replicasOf(x)), 0);
  if (instances >= MAX_INSTANCES) return `the design holds ${numberText(MAX_INSTANCES)} instances, the most a document may: no move adds one`;
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
