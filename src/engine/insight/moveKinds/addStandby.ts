// A hot standby of a data store (database, cache, storage, queue) in another zone of the
// same region, joined by synchronous replication, with every caller linked to it.
import { isStandby, type Topology } from '../../../model';
import type { MoveKind } from '../moves';
import { zoneBeside } from '../placement';
import { DATA_STORE_KINDS, alternativesOf, componentMap, named } from '../structure';
import { componentOf, inZone, selfRun, ownElements, zonesOf } from './common';
import { addHotStandby, standbyPhantom, standbyZones } from './standby';

type AddStandby = { type: 'add-standby'; component: string };

/**
 * A single data store with no standby yet, or with one and a zone of its region that
 * neither uses (a standby in each of the other two zones of a region of three).
 */
function admits(t: Topology, id: string): boolean {
  const c = componentMap(t).get(id)!;
  if (!DATA_STORE_KINDS.has(c.kind) || (c.replicas ?? 1) > 1) return false;
  const standbys = [...alternativesOf(t, id)].filter((a) => isStandby(componentMap(t).get(a)!));
  if (standbys.length === 0) return true;
  return standbys.length === 1 && zoneBeside(t, c, standbyZones(t, c)) !== undefined;
}

export const addStandby: MoveKind<AddStandby> = {
  type: 'add-standby',
  leavesZone: true,
  candidates: (ctx) => selfRun(ctx).filter((c) => ctx.called.has(c.id) && admits(ctx.doc, c.id)).map((c) => ({ type: 'add-standby', component: c.id })),
  apply: (t, m) => addHotStandby(t, componentOf(t, m.component, m.type)),
  describe(t, m, applied) {
    const standby = componentMap(applied.doc).get(applied.added.at(-1)!.id)!;
    const created = applied.added.length > 1;
    return `add a hot standby "${standby.label}" for ${named(t, m.component)}${inZone(applied.doc, standby.domain, created)}, joined by synchronous replication`;
  },
  potential(ctx, m) {
    const c = componentOf(ctx.doc, m.component, m.type);
    return ctx.improvement([...ownElements(c), ...zonesOf(ctx.doc, c)]);
  },
  phantom: (t, m) => standbyPhantom(t, componentOf(t, m.component, m.type), addStandby.apply(t, m)),
};
