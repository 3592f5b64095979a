// Another instance of a pool (or a second one of a single server), in another zone when
// the pool sits in one zone, or each instance in a zone of its own, and its region has
// another (a new one when the region has fewer than three): an autoscaling group across
// zones, not a second machine in the same rack.
import { instanceDomain, linkType, replicasOf, type Component, type Topology } from '../../../model';
import type { MoveKind } from '../moves';
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
    .filter((c) => c.kind !== 'external' && !isManagedService(c) && (replicasOf(c) > 1 || SCALABLE.has(c.kind) || behindDns(ctx.doc, c)))
    .map((c) => ({ type: 'add-instance', component: c.id })),
  apply(t, m) {
    const c = componentOf(t, m.component, m.type);
    const n = replicasOf(c) + 1;
    const zone = newZoneFor(t, c);
    if (!zone) return { doc: replaceComponent(t, { ...c, replicas: n }), added: [] };
    const { domain: _domain, ...rest } = c;
    return {
      doc: replaceComponent(zone.doc, { ...rest, replicas: n, domains: zone.domains }),
      added: zone.created ? [{ id: zone.zone, twin: zone.home }] : [],
    };
  },
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
};
