// Move a component to another zone of its region, apart from the alternative it shares a
// zone with (a standby, a second load balancer, a second server beside the first): the
// step from stage 5 to stage 6 (DESIGN section 1). No instance is added. Of two
// alternatives in one zone, the one that is a standby moves, else the later by id.
import { instanceDomain, isStandby, replicasOf, type Component, type Topology } from '../../../model';
import type { MoveKind } from '../moves';
import { zoneBeside } from '../placement';
import { ZONE_KINDS, alternativesOf, componentMap, named } from '../structure';
import { componentOf, inZone, ownElements, replaceComponent, zonesOf } from './common';

type MoveToZone = { type: 'move-to-zone'; component: string };

/** The alternative the component shares its zone with (the one that stays), if it should move away from one. */
function partnerInZone(t: Topology, c: Component): Component | undefined {
  if (replicasOf(c) !== 1) return undefined;
  const home = instanceDomain(c, 1);
  const d = t.domains.find((x) => x.id === home);
  if (!d || !ZONE_KINDS.has(d.kind)) return undefined;
  const byId = componentMap(t);
  return [...alternativesOf(t, c.id)].map((id) => byId.get(id)!)
    .find((a) => replicasOf(a) === 1 && instanceDomain(a, 1) === home && (isStandby(c) && !isStandby(a) || isStandby(c) === isStandby(a) && a.id < c.id));
}

export const moveToZone: MoveKind<MoveToZone> = {
  type: 'move-to-zone',
  leavesZone: true,
  candidates: (ctx) => ctx.doc.components
    .filter((c) => c.kind !== 'client' && ctx.called.has(c.id) && partnerInZone(ctx.doc, c) !== undefined && zoneBeside(ctx.doc, c) !== undefined)
    .map((c) => ({ type: 'move-to-zone', component: c.id })),
  apply(t, m) {
    const c = componentOf(t, m.component, m.type);
    const pick = zoneBeside(t, c);
    if (!pick) throw new Error(`move move-to-zone: "${c.id}" has no other zone to go to`);
    const { domains: _domains, ...rest } = c;
    return { doc: replaceComponent(pick.doc, { ...rest, domain: pick.zone }), added: pick.created ? [{ id: pick.zone, twin: instanceDomain(c, 1)! }] : [] };
  },
  describe(t, m, applied) {
    const c = componentOf(t, m.component, m.type);
    const partner = partnerInZone(t, c)!;
    const moved = componentOf(applied.doc, m.component, m.type);
    return `move ${named(t, c.id)}${inZone(applied.doc, moved.domain, applied.added.length > 0).replace(/^ in /, ' to ')}, apart from ${named(t, partner.id)}`;
  },
  potential(ctx, m) {
    const c = componentOf(ctx.doc, m.component, m.type);
    return Math.min(ctx.improvement(ownElements(c)) + ctx.improvement(ownElements(partnerInZone(ctx.doc, c)!)), ctx.improvement(zonesOf(ctx.doc, c)));
  },
};
