// Another instance of a pool (or a second one of a single server), in another zone when
// the pool sits in one zone and its region has another (a new one when the region has
// only one): an autoscaling group across zones, not a second machine in the same rack.
import { instanceDomain, replicasOf, type Component, type Topology } from '../../../model';
import type { MoveKind } from '../moves';
import { zoneBeside, zonesUsed } from '../placement';
import { named } from '../structure';
import { componentOf, inZone, movable, ownElements, replaceComponent, zonesOf } from './common';

type AddInstance = { type: 'add-instance'; component: string };

/** Kinds whose single instance may become a pool: stateless servers. */
const SCALABLE = new Set(['web', 'app', 'service']);

/** The zone the new instance opens, when the pool sits in exactly one zone (placed in the zone itself). */
function newZoneFor(t: Topology, c: Component) {
  const used = zonesUsed(t, c);
  if (used.length !== 1) return undefined;
  for (let i = 1; i <= replicasOf(c); i++) if (instanceDomain(c, i) !== used[0]) return undefined;
  const pick = zoneBeside(t, c);
  return pick && { ...pick, home: used[0] };
}

export const addInstance: MoveKind<AddInstance> = {
  type: 'add-instance',
  leavesZone: true,
  candidates: (ctx) => movable(ctx)
    .filter((c) => c.kind !== 'external' && (replicasOf(c) > 1 || SCALABLE.has(c.kind)))
    .map((c) => ({ type: 'add-instance', component: c.id })),
  apply(t, m) {
    const c = componentOf(t, m.component, m.type);
    const n = replicasOf(c) + 1;
    const zone = newZoneFor(t, c);
    if (!zone) return { doc: replaceComponent(t, { ...c, replicas: n }), added: [] };
    const { domain: _domain, ...rest } = c;
    return {
      doc: replaceComponent(zone.doc, { ...rest, replicas: n, domains: [zone.home, zone.zone] }),
      added: zone.created ? [{ id: zone.zone, twin: zone.home }] : [],
    };
  },
  describe(t, m, applied) {
    const c = componentOf(t, m.component, m.type);
    const zone = newZoneFor(t, c);
    const where = zone ? `, the new one${inZone(applied.doc, zone.zone, zone.created)}` : '';
    return `add an instance to ${named(t, c.id)} (${replicasOf(c)} → ${replicasOf(c) + 1}${where})`;
  },
  potential(ctx, m) {
    const c = componentOf(ctx.doc, m.component, m.type);
    return ctx.improvement([...ownElements(c), ...(newZoneFor(ctx.doc, c) ? zonesOf(ctx.doc, c) : [])]);
  },
};
