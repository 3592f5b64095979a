// A second region, only where a region blocks the target (moveContext.ts): the whole
// serving path of the region copied into another (regionCopy.ts).
import type { MoveKind } from '../moves';
import { copiesAlreadyThere, copyBlocker, copyRegion, secondRegionFor, servingPath } from '../regionCopy';
import { componentElements, labelOf, named } from '../structure';
import { zonesOf } from './common';

type SecondRegion = { type: 'second-region'; region: string };

export const secondRegion: MoveKind<SecondRegion> = {
  type: 'second-region',
  candidates(ctx) {
    return [...ctx.blockingRegions]
      .filter((r) => servingPath(ctx.doc, r).length > 0)
      .filter((r) => {
        const { existing } = secondRegionFor(ctx.doc, r);
        return copyBlocker(ctx.doc, r, existing?.id) === undefined;
      })
      .sort()
      .map((region) => ({ type: 'second-region', region }));
  },
  apply: (t, m) => copyRegion(t, m.region),
  describe(t, m, applied) {
    const region = applied.added[0].twin === m.region ? applied.added[0].id : secondRegionFor(t, m.region).existing!.id;
    const fresh = applied.added[0].twin === m.region;
    const copies = applied.added.filter((a) => a.twin !== undefined && t.components.some((c) => c.id === a.twin)).length;
    const entry = applied.added.find((a) => a.twin === undefined);
    const there = [...copiesAlreadyThere(t, m.region, region)].map(([original, replica]) => `the copy of ${named(t, original)} is ${named(t, replica)}, already there`);
    return `copy the serving path of ${named(t, m.region)} (${copies} component${copies === 1 ? '' : 's'}) into ${fresh ? 'a new region ' : 'the region '}${labelOf(applied.doc, region)}`
      + `, data stores fed by asynchronous replication${there.length > 0 ? ` (${there.join('; ')})` : ''}`
      + `${entry ? `, behind a new "${labelOf(applied.doc, entry.id)}" routing to both` : ', the entry routing to both'}`;
  },
  potential(ctx, m) {
    const path = servingPath(ctx.doc, m.region);
    return ctx.improvement([m.region, ...path.flatMap((c) => [...componentElements(c), ...zonesOf(ctx.doc, c)])]);
  },
};
