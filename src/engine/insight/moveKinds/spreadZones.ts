// Spread a pool over the zones of its region (its own zone first), adding zones to a
// region that has only one (real regions have three): no new instance, one zone's
// failure no longer takes the whole pool.
import { instanceDomain, replicasOf, type Component, type Topology } from '../../../model';
import type { MoveKind } from '../moves';
import { zonesToSpreadOver, zonesUsed } from '../placement';
import { ZONE_KINDS, labelOf, named } from '../structure';
import { componentOf, movable, ownElements, replaceComponent, zonesOf } from './common';

type SpreadZones = { type: 'spread-zones'; component: string };

/** The zones to spread over, when that puts instances in more zones than today; only pools placed in zones themselves. */
function spread(t: Topology, c: Component) {
  const n = replicasOf(c);
  if (n < 2) return undefined;
  const used = zonesUsed(t, c);
  for (let i = 1; i <= n; i++) {
    const p = instanceDomain(c, i);
    const d = t.domains.find((x) => x.id === p);
    if (!d || !ZONE_KINDS.has(d.kind)) return undefined;
  }
  const s = zonesToSpreadOver(t, c, n);
  if (!s || Math.min(n, s.zones.length) <= used.length) return undefined;
  return s;
}

export const spreadZones: MoveKind<SpreadZones> = {
  type: 'spread-zones',
  leavesZone: true,
  candidates: (ctx) => movable(ctx).filter((c) => spread(ctx.doc, c) !== undefined).map((c) => ({ type: 'spread-zones', component: c.id })),
  apply(t, m) {
    const c = componentOf(t, m.component, m.type);
    const s = spread(t, c);
    if (!s) throw new Error(`move spread-zones: "${c.id}" has no other zones to spread to`);
    const { domain: _domain, ...rest } = c;
    const home = zonesUsed(t, c)[0];
    return { doc: replaceComponent(s.doc, { ...rest, domains: s.zones }), added: s.created.map((id) => ({ id, twin: home })) };
  },
  describe(t, m, applied) {
    const c = componentOf(t, m.component, m.type);
    const s = spread(t, c)!;
    const names = s.zones.slice(0, replicasOf(c)).map((z) => labelOf(applied.doc, z));
    const fresh = s.created.length === 0 ? '' : ` (adding ${s.created.length === 1 ? 'the zone' : 'the zones'} ${s.created.map((z) => labelOf(applied.doc, z)).join(', ')})`;
    return `spread ${named(t, c.id)} across the zones ${names.join(', ')}${fresh}`;
  },
  // No instance is added: the most it gives is what its zones take from it, and never
  // more than the pool itself could.
  potential(ctx, m) {
    const c = componentOf(ctx.doc, m.component, m.type);
    return Math.min(ctx.improvement(ownElements(c)), ctx.improvement(zonesOf(ctx.doc, c)));
  },
};
