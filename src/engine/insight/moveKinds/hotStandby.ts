// Make a standby hot: a warm or cold standby (or an active-passive pool) whose switchover
// time shows in the availability takes over in seconds instead (DESIGN section 1: hot,
// seconds; warm, seconds to minutes; cold, minutes to hours). No instance is added.
import { FAILOVER_SECONDS, failoverSecondsOf, isActivePassivePool, isStandby, type Component } from '../../../model';
import type { MoveKind } from '../moves';
import { formatSeconds, named } from '../structure';
import { componentOf, replaceComponent } from './common';

type HotStandby = { type: 'hot-standby'; component: string };

const HOT = FAILOVER_SECONDS.hot;

const slow = (c: Component) => (isStandby(c) || isActivePassivePool(c)) && failoverSecondsOf(c) > HOT;

export const hotStandby: MoveKind<HotStandby> = {
  type: 'hot-standby',
  // Only where its switchover is an element of the analysis (it stands behind someone).
  candidates: (ctx) => ctx.doc.components
    .filter((c) => c.kind !== 'client' && slow(c) && ctx.improvement([`failover:${c.id}`]) > 0)
    .map((c) => ({ type: 'hot-standby', component: c.id })),
  apply(t, m) {
    const c = componentOf(t, m.component, m.type);
    const { failoverSeconds: _seconds, ...rest } = c;
    return { doc: replaceComponent(t, { ...rest, standby: 'hot' }), added: [] };
  },
  describe(t, m) {
    const c = componentOf(t, m.component, m.type);
    return `make ${named(t, c.id)} a hot standby: switchover in ${formatSeconds(HOT)} instead of ${formatSeconds(failoverSecondsOf(c))}`;
  },
  potential: (ctx, m) => ctx.improvement([`failover:${m.component}`]),
  // Only the switchover's availability changes.
  phantom(t, m, availabilityOf) {
    const id = `failover:${m.component}`;
    const old = availabilityOf(id);
    return old === undefined ? undefined : { doc: hotStandby.apply(t, m).doc, absent: { [id]: old } };
  },
};
