// Seeded random designs (fast-check picks the seed and the shape): every layout is
// tidy and flows down; laying out a random selection moves nothing else.
import ELK from 'elkjs/lib/elk.bundled.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containerTree, layoutTopology } from '../../src/layout';
import type { Topology } from '../../src/model';
import { generateDesign } from './generate';
import { absoluteRects, contains, overlaps } from './geometry';
import { expectFlow, expectTidy } from './invariants';

const elk = new ELK();

const design = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    components: fc.integer({ min: 2, max: 24 }),
    regions: fc.integer({ min: 0, max: 3 }),
    zonesPerRegion: fc.integer({ min: 1, max: 3 }),
    emptyDomains: fc.integer({ min: 0, max: 2 }),
    direction: fc.constantFrom('TB' as const, 'LR' as const),
  })
  .map(({ seed, direction, ...shape }) => ({ t: generateDesign(seed, shape), direction }));

describe('layout properties', () => {
  it('every layout is tidy and flows along the dependencies', async () => {
    await fc.assert(
      fc.asyncProperty(design, async ({ t, direction }) => {
        const result = await layoutTopology(t, { elk, direction });
        expectFlow(t, expectTidy(t, result), direction);
      }),
      { numRuns: 15 },
    );
  });

  it('laying out a selection keeps every other node where it was', async () => {
    await fc.assert(
      fc.asyncProperty(design, fc.infiniteStream(fc.boolean()), async ({ t, direction }, picks) => {
        const full = await layoutTopology(t, { elk, direction });
        const laidOut: Topology = { ...t, view: { positions: full.positions, sizes: full.sizes } };
        const tree = containerTree(t);
        const ids = [...tree.parentOf.keys()];
        const iterator = picks[Symbol.iterator]();
        const selected = ids.filter(() => iterator.next().value);
        const result = await layoutTopology(laidOut, { elk, direction, only: selected });

        const moving = new Set(selected.flatMap((id) => [id, ...(tree.domainIds.has(id) ? descendants(tree, id) : [])]));
        for (const id of ids) if (!moving.has(id)) expect(result.positions[id], id).toEqual(full.positions[id]);
        const rects = absoluteRects(t, result);
        for (const id of moving) {
          const parent = tree.parentOf.get(id);
          if (parent !== undefined) expect(contains(rects.get(parent)!, rects.get(id)!), `${id} in ${parent}`).toBe(true);
          for (const other of moving) {
            if (other <= id || tree.parentOf.get(other) !== parent) continue;
            expect(overlaps(rects.get(id)!, rects.get(other)!), `${id} and ${other}`).toBe(false);
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});

function descendants(tree: ReturnType<typeof containerTree>, id: string): string[] {
  return (tree.childrenOf.get(id) ?? []).flatMap((c) => [c, ...descendants(tree, c)]);
}
