// A second load balancer: active-passive, the standby hot and taking over the floating IP
// (DESIGN section 1, stage 5), in another zone of the region, behind every caller of the
// first and routing to the same servers.
import type { MoveKind } from '../moves';
import { componentMap, named } from '../structure';
import { aloneAndSingle, componentOf, inZone, selfRun, ownElements, zonesOf } from './common';
import { addHotStandby, standbyPhantom } from './standby';

type SecondLoadBalancer = { type: 'second-load-balancer'; component: string };

export const secondLoadBalancer: MoveKind<SecondLoadBalancer> = {
  type: 'second-load-balancer',
  leavesZone: true,
  candidates: (ctx) => selfRun(ctx)
    .filter((c) => c.kind === 'loadbalancer' && aloneAndSingle(ctx.doc, c) && ctx.called.has(c.id))
    .map((c) => ({ type: 'second-load-balancer', component: c.id })),
  apply: (t, m) => addHotStandby(t, componentOf(t, m.component, m.type)),
  describe(t, m, applied) {
    const standby = componentMap(applied.doc).get(applied.added.at(-1)!.id)!;
    const created = applied.added.length > 1;
    return `add a second load balancer "${standby.label}" to ${named(t, m.component)}, active-passive with a floating IP${standby.domain ? inZone(applied.doc, standby.domain, created) : ''}`;
  },
  potential(ctx, m) {
    const c = componentOf(ctx.doc, m.component, m.type);
    return ctx.improvement([...ownElements(c), ...zonesOf(ctx.doc, c)]);
  },
  phantom: (t, m) => standbyPhantom(t, componentOf(t, m.component, m.type), secondLoadBalancer.apply(t, m)),
};
