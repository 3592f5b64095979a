import { describe, expect, it } from 'vitest';
import { plan } from '../../src/engine/insight';
import { parseTopology, type Topology } from '../../src/model';
import { absoluteRect, containerOf } from '../../src/store/geometry';
import { ensurePositions } from '../../src/store/placement';
import { templateById } from '../../src/templates';

function withoutView(t: Topology): Topology {
  const { view: _view, ...rest } = structuredClone(t);
  return rest as Topology;
}

describe('placing nodes without positions', () => {
  it('leaves a fully placed document alone', () => {
    const t = templateById('stage7')!.topology;
    expect(ensurePositions(t)).toBe(t);
  });

  it.each(['stage6', 'multi-region', 'active-active'])('%s: every node gets a place inside its container', (id) => {
    const placed = ensurePositions(withoutView(templateById(id)!.topology));
    expect(parseTopology(JSON.parse(JSON.stringify(placed))).ok).toBe(true);
    const ids = [...placed.components.map((c) => c.id), ...placed.domains.map((d) => d.id)];
    for (const x of ids) {
      expect(placed.view?.positions?.[x]).toBeDefined();
      const parent = containerOf(placed, x);
      if (!parent) continue;
      const r = absoluteRect(placed, x);
      const p = absoluteRect(placed, parent);
      expect(r.x >= p.x && r.y >= p.y && r.x + r.width <= p.x + p.width && r.y + r.height <= p.y + p.height, `${x} in ${parent}`).toBe(true);
    }
    // No two components of one container on the same spot.
    const spots = placed.components.map((c) => `${containerOf(placed, c.id)}:${placed.view!.positions![c.id].x},${placed.view!.positions![c.id].y}`);
    expect(new Set(spots).size).toBe(spots.length);
  });

  it('places what a plan adds beside its twin, inside its container, overlapping nothing; containers grow to hold it', () => {
    const before = templateById('multi-region')!.topology;
    const after = ensurePositions(plan(before).topology);
    const added = after.components.filter((c) => !before.components.some((b) => b.id === c.id));
    expect(added.map((c) => c.id)).toEqual(expect.arrayContaining(['cdn-2', 'db-primary-standby']));
    // The second CDN sits beside the first, on its row.
    expect(after.view!.positions!['cdn-2'].y).toBe(after.view!.positions!.cdn.y);
    const rects = new Map(after.components.map((c) => [c.id, absoluteRect(after, c.id)]));
    for (const c of added) {
      const r = rects.get(c.id)!;
      const parent = containerOf(after, c.id);
      if (parent) {
        const p = absoluteRect(after, parent);
        expect(r.x >= p.x && r.y >= p.y && r.x + r.width <= p.x + p.width && r.y + r.height <= p.y + p.height, `${c.id} in ${parent}`).toBe(true);
      }
      for (const [other, o] of rects) {
        if (other === c.id) continue;
        const apart = r.x + r.width <= o.x || o.x + o.width <= r.x || r.y + r.height <= o.y || o.y + o.height <= r.y;
        expect(apart, `${c.id} over ${other}`).toBe(true);
      }
    }
  });
});
