import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyMoveFully, type Move } from '../../src/engine/insight';
import { parseTopology, type Topology } from '../../src/model';
import { absolutePosition, absoluteRect, containerOf, relativePosition, sizeOf } from '../../src/store/geometry';
import { ensurePositions } from '../../src/store/placement';
import { placePlanned } from '../../src/store/twinPlacement';
import { templateById } from '../../src/templates';

function must(text: string): Topology {
  const r = parseTopology(text);
  if (!r.ok) throw new Error('invalid');
  return r.topology;
}

/** The planned design as the app shows it: moves applied, new nodes placed, the rest filled in. */
function planned(before: Topology, moves: Move[]): { after: Topology; twins: Record<string, string> } {
  let doc = before;
  const twins: Record<string, string> = {};
  for (const m of moves) {
    const a = applyMoveFully(doc, m);
    for (const x of a.added) if (x.twin) twins[x.id] = x.twin;
    doc = a.doc;
  }
  return { after: ensurePositions(placePlanned(before, doc, twins)), twins };
}

/** Every node inside its container; no two nodes of one container overlap. */
function expectReadable(t: Topology): void {
  const ids = [...t.domains.map((d) => d.id), ...t.components.map((c) => c.id)];
  const rect = new Map(ids.map((id) => [id, absoluteRect(t, id)]));
  for (const id of ids) {
    const parent = containerOf(t, id);
    const r = rect.get(id)!;
    if (parent) {
      const p = rect.get(parent)!;
      expect(r.x >= p.x && r.y >= p.y && r.x + r.width <= p.x + p.width && r.y + r.height <= p.y + p.height, `${id} inside ${parent}`).toBe(true);
    }
    for (const other of ids) {
      if (other <= id || containerOf(t, other) !== parent) continue;
      const o = rect.get(other)!;
      const apart = r.x + r.width <= o.x || o.x + o.width <= r.x || r.y + r.height <= o.y || o.y + o.height <= r.y;
      expect(apart, `${id} and ${other} apart`).toBe(true);
    }
  }
}

describe('placing what a plan adds beside its twins', () => {
  it('a second region stands beside the first, its zones and components where theirs are', () => {
    const shop = ensurePositions(must(readFileSync('examples/shop.spof.json', 'utf8')));
    const { after } = planned(shop, [{ type: 'second-region', region: 'euw1' }]);
    expectReadable(after);
    const first = absoluteRect(after, 'euw1');
    const second = absoluteRect(after, 'euc1');
    expect(second.y).toBe(first.y);
    expect(second.x).toBeGreaterThanOrEqual(first.x + first.width);
    expect(sizeOf(after, 'euc1').height).toBe(sizeOf(after, 'euw1').height);
    expect(sizeOf(after, 'euc1').width).toBeGreaterThanOrEqual(sizeOf(after, 'euw1').width);
    // Zone for zone, row for row; cards whose longer labels would overlap move right on their row.
    for (const [copy, original] of [['euc1a', 'euw1a'], ['euc1b', 'euw1b'], ['orders-db-euc1', 'orders-db'], ['alb-euc1', 'alb'], ['queue-euc1', 'queue'], ['cache-euc1', 'cache']]) {
      expect(relativePosition(after, copy).y, copy).toBe(relativePosition(after, original).y);
      expect(relativePosition(after, copy).x, copy).toBeGreaterThanOrEqual(relativePosition(after, original).x);
    }
  });

  it('a standby in a new zone: the zone beside its twin, the standby where its primary is, the region grown and its neighbours moved over', () => {
    const stage3 = templateById('stage3')!.topology;
    const { after } = planned(stage3, [{ type: 'add-standby', component: 'db' }]);
    expectReadable(after);
    const zone = after.domains.at(-1)!.id;
    expect(absoluteRect(after, zone).y).toBe(absoluteRect(after, 'use1a').y);
    expect(absoluteRect(after, zone).x).toBeGreaterThan(absoluteRect(after, 'use1a').x);
    expect(relativePosition(after, 'db-standby')).toEqual(relativePosition(after, 'db'));
    expect(sizeOf(after, 'use1').width).toBeGreaterThan(sizeOf(stage3, 'use1').width);
  });

  it('a pool spread over its region\'s zones stays on its row, now in the region beside its zones', () => {
    const stage3 = templateById('stage3')!.topology;
    const pooled = { ...stage3, components: stage3.components.map((c) => (c.id === 'web1' ? { ...c, replicas: 3 } : c)) };
    const before = absolutePosition(pooled, 'web1');
    const { after } = planned(pooled, [{ type: 'spread-zones', component: 'web1' }]);
    expect(containerOf(after, 'web1')).toBe('use1');
    expect(absolutePosition(after, 'web1').y).toBe(before.y);
    expectReadable(after);
  });

  it('leaves a document without new nodes as it was placed', () => {
    const t = templateById('stage5')!.topology;
    const { after } = planned(t, [{ type: 'hot-standby', component: 'db2' }]);
    expect(after.view!.positions).toEqual(t.view!.positions);
  });
});
