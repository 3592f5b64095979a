import { readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { CONTAINER_PADDING, containerTree, layoutTopology } from '../../src/layout';
import { linkType, parseTopology, type Topology } from '../../src/model';
import { generateDesign } from './generate';
import { absoluteRects, contains, overlaps } from './geometry';
import { expectFlow, expectTidy } from './invariants';

const elk = new ELK();

function threeTier(): Topology {
  const parsed = parseTopology(readFileSync('examples/three-tier.spof.json', 'utf8'));
  if (!parsed.ok) throw new Error('the example must parse');
  return parsed.topology;
}

describe('layoutTopology on the three-tier example', () => {
  it('places every component and domain, with container sizes', async () => {
    const t = threeTier();
    const result = await layoutTopology(t, { elk });
    for (const node of [...t.components, ...t.domains]) expect(result.positions[node.id], node.id).toBeDefined();
    for (const d of t.domains) expect(result.sizes[d.id]?.width, d.id).toBeGreaterThan(0);
  });

  it.each(['TB', 'LR'] as const)('is tidy and flows along the dependencies (%s)', async (direction) => {
    const t = threeTier();
    const result = await layoutTopology(t, { elk, direction });
    expectFlow(t, expectTidy(t, result), direction);
  });

  it('puts the app pool, spread over both zones, in their region between them', async () => {
    const t = threeTier();
    const result = await layoutTopology(t, { elk });
    expect(containerTree(t).parentOf.get('app')).toBe('use1');
    const rects = absoluteRects(t, result);
    const [left, right] = [rects.get('use1a')!, rects.get('use1b')!].sort((p, q) => p.x - q.x);
    const app = rects.get('app')!;
    expect(left.x + left.width).toBeLessThanOrEqual(app.x);
    expect(app.x + app.width).toBeLessThanOrEqual(right.x);
  });

  it('leaves room above every component for its container titles', async () => {
    const t = threeTier();
    const rects = absoluteRects(t, await layoutTopology(t, { elk }));
    // lb1 sits in use1a in use1 in aws: three title bars stack above it, one per container.
    expect(rects.get('lb1')!.y - rects.get('use1a')!.y).toBeGreaterThanOrEqual(CONTAINER_PADDING.top);
    expect(rects.get('use1a')!.y - rects.get('use1')!.y).toBeGreaterThanOrEqual(CONTAINER_PADDING.top);
    expect(rects.get('use1')!.y - rects.get('aws')!.y).toBeGreaterThanOrEqual(CONTAINER_PADDING.top);
  });

  it('uses the document direction when none is given', async () => {
    const t = { ...threeTier(), view: { direction: 'LR' as const } };
    expectFlow(t, absoluteRects(t, await layoutTopology(t, { elk })), 'LR');
  });

  it('lays out measured sizes without overlap', async () => {
    const t = threeTier();
    const sizes = Object.fromEntries(t.components.map((c, i) => [c.id, { width: 120 + 40 * i, height: 50 + 10 * (i % 3) }]));
    const result = await layoutTopology(t, { elk, sizes });
    const rects = absoluteRects(t, result, sizes);
    for (const a of t.components) {
      for (const b of t.components) {
        if (a.id < b.id) expect(overlaps(rects.get(a.id)!, rects.get(b.id)!), `${a.id} and ${b.id}`).toBe(false);
      }
    }
    for (const c of t.components) {
      const parent = containerTree(t).parentOf.get(c.id);
      if (parent) expect(contains(rects.get(parent)!, rects.get(c.id)!), c.id).toBe(true);
    }
  });
});

describe('replication links', () => {
  it('do not pull the standby a layer below its primary', async () => {
    const t = threeTier();
    const rects = absoluteRects(t, await layoutTopology(t, { elk }));
    expect(rects.get('db2')!.y).toBe(rects.get('db')!.y);
  });

  it('leave the layout exactly as without them', async () => {
    const t = threeTier();
    const withoutReplication = { ...t, links: t.links.filter((l) => linkType(l) !== 'replication') };
    // A replication link from primary to standby in a chain that would otherwise move the standby.
    const chained: Topology = { ...t, links: [...t.links, { from: 'db2', to: 'reco', type: 'replication', mode: 'backup' }] };
    const base = await layoutTopology(withoutReplication, { elk });
    expect(await layoutTopology(t, { elk })).toEqual(base);
    expect(await layoutTopology(chained, { elk })).toEqual(base);
  });
});

describe('generated designs', () => {
  const shapes = [
    { seed: 1, components: 24, regions: 1, zonesPerRegion: 2 },
    { seed: 2, components: 40, regions: 2, zonesPerRegion: 3, emptyDomains: 2 },
    { seed: 3, components: 60, regions: 3, zonesPerRegion: 2, emptyDomains: 1 },
    { seed: 4, components: 12, regions: 0, zonesPerRegion: 0 },
  ];
  it.each(shapes)('seed $seed ($components components) is valid, tidy and flows down', async ({ seed, ...shape }) => {
    const t = generateDesign(seed, shape);
    expect(parseTopology(t).ok).toBe(true);
    const result = await layoutTopology(t, { elk });
    expectFlow(t, expectTidy(t, result), 'TB');
  });

  it('seed 5 flows right in LR', async () => {
    const t = generateDesign(5, { components: 40, regions: 2, zonesPerRegion: 2, emptyDomains: 1 });
    expectFlow(t, expectTidy(t, await layoutTopology(t, { elk, direction: 'LR' })), 'LR');
  });

  it('lays out the same design the same way twice', async () => {
    const t = generateDesign(6, { components: 30, regions: 2, zonesPerRegion: 2 });
    expect(await layoutTopology(t, { elk })).toEqual(await layoutTopology(t, { elk }));
  });
});

describe('edge cases', () => {
  const base = { format: 'spof-topology' as const, version: 2 as const, name: 'x', links: [] };

  it('lays out domains with nothing inside, nested or not, and nothing at all', async () => {
    const t: Topology = {
      ...base,
      domains: [{ id: 'p', kind: 'provider' }, { id: 'r', kind: 'region', parent: 'p' }, { id: 'z', kind: 'zone', parent: 'r' }, { id: 'g', kind: 'group' }],
      components: [],
    };
    const result = await layoutTopology(t, { elk });
    expectTidy(t, result);
    expect(result.sizes.z).toEqual({ width: 220, height: 120 });
    expect(await layoutTopology({ ...base, domains: [], components: [] }, { elk })).toEqual({ positions: {}, sizes: {} });
  });

  it('lays out a dependency cycle without overlap', async () => {
    const t: Topology = {
      ...base,
      domains: [{ id: 'z', kind: 'zone' }],
      components: [{ id: 'a', kind: 'service', domain: 'z' }, { id: 'b', kind: 'service' }, { id: 'c', kind: 'service', domain: 'z' }],
      links: [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'c', to: 'a' }],
    };
    expectTidy(t, await layoutTopology(t, { elk }));
  });
});
