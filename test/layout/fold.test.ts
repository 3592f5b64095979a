// Long designs are folded into runs side by side (src/layout/fold.ts): a 10,000-long chain was a
// 184 x 1,280,000 px line, fitted at a zoom where nothing paints.
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { layoutTopology, type Direction } from '../../src/layout';
import { SCREEN_ASPECT } from '../../src/layout/wrap';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { expectTidy } from './invariants';
import { bounds, type Rect } from './geometry';

const elk = new ELK();

function chain(n: number, domain?: string): Topology {
  const input: TopologyInput = {
    format: 'spof-topology', version: 2,
    domains: domain ? [{ id: domain, kind: 'region' }] : [],
    components: [{ id: 'users', kind: 'client' }, ...Array.from({ length: n }, (_, i) => ({ id: `c${i}`, kind: 'service' as const, ...(domain ? { domain } : {}) }))],
    links: [{ from: 'users', to: 'c0' }, ...Array.from({ length: n - 1 }, (_, i) => ({ from: `c${i}`, to: `c${i + 1}` }))],
  };
  const p = parseTopology(input);
  if (!p.ok) throw new Error('the chain must be valid');
  return p.topology;
}

/** Each link goes on along its run (down, TB; right, LR) or to the start of the next run (to the right, TB; below, LR). */
function expectRuns(t: Topology, rects: Map<string, Rect>, direction: Direction): number {
  let cuts = 0;
  for (const link of t.links) {
    const [a, b] = [rects.get(link.from)!, rects.get(link.to)!];
    const along = direction === 'TB' ? b.y > a.y + a.height : b.x > a.x + a.width;
    const nextRun = direction === 'TB' ? b.x > a.x + a.width && b.y < a.y : b.y > a.y + a.height && b.x < a.x;
    expect(along || nextRun, `${link.from} -> ${link.to} goes on along its run or starts the next`).toBe(true);
    if (!along) cuts++;
  }
  return cuts;
}

describe('a long design', () => {
  it.each([
    ['TB', 400],
    ['LR', 200],
  ] as const)('%s: a chain of %i is folded into runs side by side, screen-like and tidy', async (direction, n) => {
    const t = chain(n);
    const result = await layoutTopology(t, { elk, direction });
    const rects = expectTidy(t, result);
    const { width, height } = bounds(rects);
    expect(width / height).toBeGreaterThan(SCREEN_ASPECT / 2);
    expect(width / height).toBeLessThan(SCREEN_ASPECT * 2);
    expect(expectRuns(t, rects, direction)).toBeGreaterThan(1);
  }, 60_000);

  it('folds a chain too long for ELK (quick layering) the same way', async () => {
    const t = chain(600);
    const rects = expectTidy(t, await layoutTopology(t, { elk }));
    const { width, height } = bounds(rects);
    expect(width / height).toBeGreaterThan(SCREEN_ASPECT / 2);
    expect(width / height).toBeLessThan(SCREEN_ASPECT * 2);
    expect(expectRuns(t, rects, 'TB')).toBeGreaterThan(2);
  }, 60_000);

  it('leaves a chain that a screen shows whole as one line', async () => {
    const t = chain(30);
    const rects = expectTidy(t, await layoutTopology(t, { elk, direction: 'LR' }));
    expect(expectRuns(t, rects, 'LR')).toBe(0);
  });

  it('does not cut through a container: a chain inside one region stays one line', async () => {
    const t = chain(100, 'r');
    const rects = expectTidy(t, await layoutTopology(t, { elk }));
    expect(expectRuns(t, rects, 'TB')).toBe(0);
  });

  it('does not fold a selection laid out on its own', async () => {
    const t = chain(100);
    const placed = await layoutTopology(t, { elk });
    const again = await layoutTopology({ ...t, view: { positions: placed.positions, sizes: placed.sizes } }, { elk, only: t.components.slice(1, 90).map((c) => c.id) });
    const rects = new Map(t.components.map((c) => [c.id, { ...again.positions[c.id], width: 184, height: 64 }]));
    // The selection keeps its top-left corner and is laid out in one run.
    for (let i = 1; i < 89; i++) expect(rects.get(`c${i}`)!.y).toBeGreaterThan(rects.get(`c${i - 1}`)!.y);
  });
});
