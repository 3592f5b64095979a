// Copy and paste of a large selection beside its originals: every copy on its original's row,
// right of it, overlapping nothing, in work that grows with the design (each box was compared
// with every one placed before until none moved: 5,000 components took 66 s of CPU).
import { describe, expect, it, vi } from 'vitest';
import { parseTopology, type Topology } from '../../src/model';
import { COMPONENT_SIZE } from '../../src/model/geometry';
import { copyFragment, pasteBeside } from '../../src/store/clipboard';

const calls = vi.hoisted(() => ({ sizeOf: 0 }));
vi.mock('../../src/store/geometry', async (original) => {
  const geometry = await original<typeof import('../../src/store/geometry')>();
  return { ...geometry, sizeOf: (...args: Parameters<typeof geometry.sizeOf>) => (calls.sizeOf++, geometry.sizeOf(...args)) };
});

/** A client over a chain of services, placed 50 to a row. */
function grid(n: number): Topology {
  const ids = ['u', ...Array.from({ length: n - 1 }, (_, i) => `s${i}`)];
  const r = parseTopology({
    format: 'spof-topology', version: 2, name: 'grid',
    components: ids.map((id, i) => ({ id, kind: i === 0 ? 'client' : 'service' })),
    links: ids.slice(1).map((to, i) => ({ from: ids[i], to })),
    view: { positions: Object.fromEntries(ids.map((id, i) => [id, { x: (i % 50) * 300, y: Math.floor(i / 50) * 150 }])) },
  });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.topology;
}

describe('pasting a large selection beside its originals', () => {
  it('2,000 copies: each on its original\'s row, right of it, none overlapping another box of that row', () => {
    const doc = grid(2000);
    const fragment = copyFragment(doc, doc.components.map((c) => c.id))!;
    calls.sizeOf = 0;
    const pasted = pasteBeside(doc, fragment, { x: 40, y: 40 });
    expect(pasted.ids).toHaveLength(2000);
    // Each box is measured against the boxes of its row (100 here), not against every box
    // placed before it (20 million measures before).
    expect(calls.sizeOf).toBeLessThan(2000 * 1000);
    const at = pasted.doc.view!.positions!;
    const all = pasted.doc.components.map((c) => c.id);
    const rows = new Map<number, string[]>();
    for (const id of all) rows.set(at[id].y, [...(rows.get(at[id].y) ?? []), id]);
    for (const id of pasted.ids) {
      const twin = pasted.twins[id];
      expect(at[id].y).toBe(at[twin].y);
      expect(at[id].x).toBeGreaterThan(at[twin].x);
    }
    // Components are all one size: on a row, no two closer than its width.
    for (const row of rows.values()) {
      const xs = row.map((id) => at[id].x).sort((a, b) => a - b);
      for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1], `row of ${row[0]}`).toBeGreaterThanOrEqual(COMPONENT_SIZE.width);
    }
  });
});
