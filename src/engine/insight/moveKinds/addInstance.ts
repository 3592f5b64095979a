// Another instance of a pool (or a second one of a single server), in another zone when
// the pool sits in one zone, or each instance in a zone of its own, and its region has
// another (a new one when the region has fewer than three): an autoscaling group across
// zones, not a second machine in the same rack.
import { instanceDomain, instanceId, isActivePassivePool, linkType, MAX_REPLICAS, minHealthyOf, replicasOf, type Component, type Topology } from '../../../model';
import type { Applied, MoveKind } from '../moves';
import { zoneBeside, zonesUsed } from '../placement';
import { componentMap, named } from '../structure';
import { isManagedService } from './managed';
import { aloneAndSingle, componentOf, inZone, movable, ownElements, replaceComponent, zonesOf } from './common';

type AddInstance = { type: 'add-instance'; component: string };

/** Kinds whose single instance may become a pool: stateless servers. */
const SCALABLE = new Set(['web', 'app', 'service']);

/**
 * A single load balancer (no standby yet) that only DNS (or a CDN) calls may become a pool of nodes in several
 * zones, the DNS answering with every node (active-active, as a managed load balancer
 * runs one node per zone): no switchover to wait for, unlike a standby with a floating IP.
 */
function behindDns(t: Topology, c: Component): boolean {
  if (c.kind !== 'loadbalancer' || !aloneAndSingle(t, c)) return false;
  const byId = componentMap(t);
  const callers = t.links.filter((l) => l.to === c.id && linkType(l) === 'dependency').map((l) => byId.get(l.from)!);
  return callers.length > 0 && callers.every((x) => x.kind === 'dns' || x.kind === 'cdn');
}

/**
 * The zone the new instance opens, and the pool's zones after it: when the pool sits in
 * one zone (placed in the zone itself), it spans that zone and the new one; when each
 * instance has a zone of its own, the new instance takes another (a third instance goes
 * to the third zone, not back into the first).
 */
function newZoneFor(t: Topology, c: Component) {
  const used = zonesUsed(t, c);
  const places = Array.from({ length: replicasOf(c) }, (_, i) => instanceDomain(c, i + 1));
  const oneZone = used.length === 1 && places.every((p) => p === used[0]);
  const ownZones = used.length === places.length && places.every((p, i) => p === used[i]);
  if (!oneZone && !ownZones) return undefined;
  const pick = zoneBeside(t, c);
  return pick && { ...pick, home: used[0], domains: [...used, pick.zone] };
}

export const addInstance: MoveKind<AddInstance> = {
  type: 'add-instance',
  leavesZone: true,
  candidates: (ctx) => movable(ctx)
    // A pool at the document's limit grows no further (the plan checks every move against the limits too).
    .filter((c) => c.kind !== 'external' && !isManagedService(c) && replicasOf(c) < MAX_REPLICAS && (replicasOf(c) > 1 || SCALABLE.has(c.kind) || behindDns(ctx.doc, c)))
    .map((c) => ({ type: 'add-instance', component: c.id })),
  apply: (t, m) => grown(t, componentOf(t, m.component, m.type)).applied,
  describe(t, m, applied) {
    const c = componentOf(t, m.component, m.type);
    const zone = newZoneFor(t, c);
    const where = zone ? `, the new one${inZone(applied.doc, zone.zone, zone.created)}` : '';
    if (c.kind === 'loadbalancer') return `add a load balancer node to ${named(t, c.id)} (${replicasOf(c)} → ${replicasOf(c) + 1}${where}), the DNS answering with every node`;
    return `add an instance to ${named(t, c.id)} (${replicasOf(c)} → ${replicasOf(c) + 1}${where})`;
  },
  potential(ctx, m) {
    const c = componentOf(ctx.doc, m.component, m.type);
    return ctx.improvement([...ownElements(c), ...(newZoneFor(ctx.doc, c) ? zonesOf(ctx.doc, c) : [])]);
  },
  phantom(t, m) {
    const c = componentOf(t, m.component, m.type);
    // The pool as it becomes, without a map of the new document's components (one per move scored was quadratic).
    const { applied: { doc }, after } = grown(t, c);
    // The same k and no new switchover: the pool with one instance more, in the place it goes.
    if (minHealthyOf(after) !== minHealthyOf(c) || isActivePassivePool(after) !== isActivePassivePool(c)) return undefined;
    const place = addedPlace(c, after);
    if (place === null) return undefined;
    // Instances are alike: the last one in that place stands for the one added.
    let i = replicasOf(after);
    while (instanceDomain(after, i) !== place) i--;
    return { doc, absent: { [instanceId(c.id, i)]: 0 } };
  },
};

/** The move applied: the new document, and the pool in it. */
function grown(t: Topology, c: Component): { applied: Applied; after: Component } {
  const n = replicasOf(c) + 1;
  const zone = newZoneFor(t, c);
  if (!zone) {
    const after = { ...c, replicas: n };
    return { applied: { doc: replaceComponent(t, after), added: [] }, after };
  }
  const { domain: _domain, ...rest } = c;
  const after = { ...rest, replicas: n, domains: zone.domains };
  return { applied: { doc: replaceComponent(zone.doc, after), added: zone.created ? [{ id: zone.zone, twin: zone.home }] : [] }, after };
}

/** The place (domain, or none) the pool has one instance more in, all others alike; null when it is not so. */
function addedPlace(before: Component, after: Component): string | undefined | null {
  const count = (c: Component) => {
    const n = new Map<string | undefined, number>();
    for (let i = 1; i <= replicasOf(c); i++) n.set(instanceDomain(c, i), (n.get(instanceDomain(c, i)) ?? 0) + 1);
    return n;
  };
  const was = count(before);
  const now = count(after);
  let added: string | undefined | null = null;
  for (const [place, k] of now) {
    const d = k - (was.get(place) ?? 0);
    if (d === 1 && added === null) added = place;
    else if (d !== 0) return null;
  }
  for (const place of was.keys()) if (!now.has(place)) return null;
  return added;
}
