// Laying out only the selection: everything else keeps its place.
import { readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { containerTree, layoutTopology } from '../../src/layout';
import { parseTopology, type Topology } from '../../src/model';
import { generateDesign } from './generate';
import { absoluteRects, contains, overlaps } from './geometry';

const elk = new ELK();

async function laidOut(t: Topology): Promise<Topology> {
  const { positions, sizes } = await layoutTopology(t, { elk });
  return { ...t, view: { positions, sizes } };
}

/** Scrambles the given nodes' positions, as a person dragging them about would. */
function scramble(t: Topology, ids: string[]): Topology {
  const positions = { ...t.view!.positions };
  ids.forEach((id, i) => (positions[id] = { x: 30 + 7 * i, y: 50 + 3 * i }));
  return { ...t, view: { ...t.view, positions } };
}

function threeTier(): Topology {
  const parsed = parseTopology(readFileSync('examples/three-tier.spof.json', 'utf8'));
  if (!parsed.ok) throw new Error('the example must parse');
  return parsed.topology;
}

describe('layoutTopology with only', () => {
  it('moves only the selected components and keeps the others exactly', async () => {
    const base = await laidOut(threeTier());
    const selected = ['users', 'dns', 'reco'];
    const t = scramble(base, selected);
    const result = await layoutTopology(t, { elk, only: selected });
    for (const [id, p] of Object.entries(t.view!.positions!)) {
      if (!selected.includes(id)) expect(result.positions[id], id).toEqual(p);
    }
    const rects = absoluteRects(t, result);
    for (const a of selected) for (const b of selected) if (a < b) expect(overlaps(rects.get(a)!, rects.get(b)!), `${a} ${b}`).toBe(false);
    // Anchored where the group was: its top-left corner is kept.
    expect(Math.min(...selected.map((id) => result.positions[id].x))).toBe(30);
    expect(Math.min(...selected.map((id) => result.positions[id].y))).toBe(50);
    // The selected components are laid out among themselves: users above dns.
    expect(rects.get('dns')!.y).toBeGreaterThan(rects.get('users')!.y + rects.get('users')!.height);
  });

  it('lays out a selected zone with everything inside it, and nothing else', async () => {
    const base = await laidOut(threeTier());
    const t = scramble(base, ['lb1', 'db']);
    const result = await layoutTopology(t, { elk, only: ['use1a'] });
    const moved = Object.keys(result.positions).filter((id) => JSON.stringify(result.positions[id]) !== JSON.stringify(t.view!.positions![id]));
    expect(moved.sort()).toEqual(['db', 'lb1']);
    expect(result.positions.use1a).toEqual(t.view!.positions!.use1a);
    const rects = absoluteRects(t, result);
    expect(overlaps(rects.get('lb1')!, rects.get('db')!)).toBe(false);
    expect(contains(rects.get('use1a')!, rects.get('db')!)).toBe(true);
    expect(rects.get('db')!.y).toBeGreaterThan(rects.get('lb1')!.y);
  });

  it('grows a fixed container that the selection no longer fits in, never moving it', async () => {
    const base = await laidOut(threeTier());
    const small = { ...base, view: { ...base.view, sizes: { ...base.view!.sizes, use1a: { width: 200, height: 100 } } } };
    const t = scramble(small, ['lb1', 'db']);
    const result = await layoutTopology(t, { elk, only: ['lb1', 'db'] });
    expect(result.positions.use1a).toEqual(t.view!.positions!.use1a);
    const rects = absoluteRects(t, result);
    for (const id of ['lb1', 'db']) expect(contains(rects.get('use1a')!, rects.get(id)!), id).toBe(true);
    expect(result.sizes.use1a.height).toBeGreaterThan(100);
    // Grown all the way up: the zone still fits its region.
    expect(contains(rects.get('use1')!, rects.get('use1a')!)).toBe(true);
    expect(contains(rects.get('aws')!, rects.get('use1')!)).toBe(true);
  });

  it('keeps every unselected node of a generated design in place', async () => {
    const base = await laidOut(generateDesign(11, { components: 40, regions: 2, zonesPerRegion: 2 }));
    const tree = containerTree(base);
    const selected = base.components.filter((_, i) => i % 5 === 0).map((c) => c.id);
    const result = await layoutTopology(scramble(base, selected), { elk, only: selected });
    for (const id of tree.parentOf.keys()) if (!selected.includes(id)) expect(result.positions[id], id).toEqual(base.view!.positions![id]);
    const rects = absoluteRects(base, result);
    for (const id of selected) {
      const parent = tree.parentOf.get(id);
      if (parent) expect(contains(rects.get(parent)!, rects.get(id)!), `${id} in ${parent}`).toBe(true);
    }
  });

  it('changes nothing for a selection of links or unknown ids', async () => {
    const t = await laidOut(threeTier());
    expect(await layoutTopology(t, { elk, only: ['repl', 'nope'] })).toEqual({ positions: t.view!.positions, sizes: t.view!.sizes });
  });
});

describe('layoutTopology with only, for nodes that have no position yet', () => {
  it('puts new components in a zone below what is there, and grows the zone', async () => {
    const base = await laidOut(threeTier());
    const t: Topology = {
      ...base,
      components: [...base.components, { id: 'cache1', kind: 'cache', domain: 'use1a' }, { id: 'cache2', kind: 'cache', domain: 'use1a' }],
      links: [...base.links, { from: 'app', to: 'cache1' }, { from: 'cache1', to: 'cache2' }],
    };
    const result = await layoutTopology(t, { elk, only: ['cache1', 'cache2'] });
    const rects = absoluteRects(t, result);
    for (const added of ['cache1', 'cache2']) {
      expect(contains(rects.get('use1a')!, rects.get(added)!), added).toBe(true);
      for (const old of ['lb1', 'db']) expect(overlaps(rects.get(added)!, rects.get(old)!), `${added} ${old}`).toBe(false);
    }
    expect(rects.get('cache2')!.y).toBeGreaterThan(rects.get('cache1')!.y);
    expect(result.sizes.use1a.height).toBeGreaterThan(base.view!.sizes!.use1a.height);
  });

  it('puts new top-level components below the design', async () => {
    const base = await laidOut(threeTier());
    const t: Topology = { ...base, components: [...base.components, { id: 'audit', kind: 'service' }] };
    const result = await layoutTopology(t, { elk, only: ['audit'] });
    const rects = absoluteRects(t, result);
    for (const id of ['users', 'aws', 'reco']) expect(overlaps(rects.get('audit')!, rects.get(id)!), id).toBe(false);
    expect(rects.get('audit')!.y).toBeGreaterThan(rects.get('aws')!.y + rects.get('aws')!.height);
  });
});
