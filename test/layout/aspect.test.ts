// Large designs keep a screen-like shape (issue 20): wide tiers wrap into rows inside
// their containers, regions stay side by side, and the document's order of regions and
// zones holds.
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { layoutTopology, type LayoutResult } from '../../src/layout';
import { SCREEN_ASPECT } from '../../src/layout/wrap';
import { absoluteRects } from '../../src/model/geometry';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { syntheticEstate } from '../../bench/engine/estate';
import { fiftyServices } from '../../bench/plan/designs';
import { expectFlow, expectTidy } from './invariants';

const elk = new ELK();

function parsed(input: TopologyInput): Topology {
  const p = parseTopology(input);
  if (!p.ok) throw new Error('the design must be valid');
  return p.topology;
}

function laidOut(t: Topology, r: LayoutResult): Topology {
  return { ...t, view: { ...t.view, positions: r.positions, sizes: r.sizes } };
}

function shape(t: Topology): { width: number; height: number } {
  const rects = [...absoluteRects(t).values()];
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));
  return { width: Math.max(...rects.map((r) => r.x + r.width)) - x0, height: Math.max(...rects.map((r) => r.y + r.height)) - y0 };
}

describe('the shape of a large design', () => {
  it.each([
    ['fifty services behind one gateway', () => fiftyServices()],
    ['the 300-component estate', () => syntheticEstate(300, 1)],
  ])('%s comes out no wider than a screen, tidy and flowing down', async (_name, make) => {
    const t = parsed(make());
    const result = await layoutTopology(t, { elk });
    const { width, height } = shape(laidOut(t, result));
    expect(width / height).toBeLessThanOrEqual(SCREEN_ASPECT);
    // Not a tower either (the bound is 4:1 either way).
    expect(height / width).toBeLessThan(4);
    expectFlow(t, expectTidy(t, result), 'TB');
  }, 120_000);

  it('wraps in LR too, into columns, until it is no taller than wide', async () => {
    const t = parsed(fiftyServices());
    const result = await layoutTopology(t, { elk, direction: 'LR' });
    const { width, height } = shape(laidOut(t, result));
    expect(height / width).toBeLessThanOrEqual(1);
    expect(width / height).toBeLessThan(4);
    expectFlow(t, expectTidy(t, result), 'LR');
  }, 60_000);

  it('leaves a design that already fits in one row per tier', async () => {
    const t = parsed({
      format: 'spof-topology', version: 2,
      components: [
        { id: 'users', kind: 'client' }, { id: 'lb', kind: 'loadbalancer' },
        { id: 'a', kind: 'service' }, { id: 'b', kind: 'service' }, { id: 'db', kind: 'database' },
      ],
      links: [{ from: 'users', to: 'lb' }, { from: 'lb', to: 'a' }, { from: 'lb', to: 'b' }, { from: 'a', to: 'db' }, { from: 'b', to: 'db' }],
    });
    const rects = absoluteRects(laidOut(t, await layoutTopology(t, { elk })));
    expect(rects.get('a')!.y).toBe(rects.get('b')!.y);
  });
});

describe('the document order of regions and zones', () => {
  // The links reach the west region first, so ELK's crossing minimisation alone draws it first.
  const design = (): Topology => parsed({
    format: 'spof-topology', version: 2,
    domains: [
      { id: 'east', kind: 'region', label: 'US East' },
      { id: 'west', kind: 'region', label: 'US West' },
      { id: 'east-a', kind: 'zone', parent: 'east' },
      { id: 'east-b', kind: 'zone', parent: 'east' },
    ],
    components: [
      { id: 'users', kind: 'client' },
      { id: 'w-lb', kind: 'loadbalancer', domain: 'west' },
      { id: 'e-lb2', kind: 'loadbalancer', domain: 'east-b' },
      { id: 'e-lb1', kind: 'loadbalancer', domain: 'east-a' },
      { id: 'w-app', kind: 'service', domain: 'west' },
      { id: 'e-app2', kind: 'service', domain: 'east-b' },
      { id: 'e-app1', kind: 'service', domain: 'east-a' },
    ],
    links: [
      { from: 'users', to: 'w-lb' }, { from: 'users', to: 'e-lb2' }, { from: 'users', to: 'e-lb1' },
      { from: 'w-lb', to: 'w-app' }, { from: 'e-lb2', to: 'e-app2' }, { from: 'e-lb1', to: 'e-app1' },
    ],
  });

  it.each(['TB', 'LR'] as const)('keeps them as written, whatever ELK orders first (%s)', async (direction) => {
    const t = design();
    const rects = absoluteRects(laidOut(t, await layoutTopology(t, { elk, direction })));
    const across = (id: string) => (direction === 'TB' ? rects.get(id)!.x : rects.get(id)!.y);
    expect(across('east')).toBeLessThan(across('west'));
    expect(across('east-a')).toBeLessThan(across('east-b'));
  });
});

describe('containers with nothing inside', () => {
  // The estate at the limits has thousands of empty zones: each went after its siblings in one
  // band, and the drawing was a line 71 times wider than tall.
  it('wrap into rows with the components around them, screen-like and tidy', async () => {
    const zones = Array.from({ length: 300 }, (_, i) => ({ id: `z${i}`, kind: 'zone' as const, parent: 'r' }));
    const t = parsed({
      format: 'spof-topology', version: 2,
      domains: [{ id: 'r', kind: 'region' }, ...zones],
      components: [
        { id: 'users', kind: 'client' }, { id: 'lb', kind: 'loadbalancer', domain: 'z0' },
        { id: 'app', kind: 'service', domain: 'z1' }, { id: 'db', kind: 'database', domain: 'z2' },
      ],
      links: [{ from: 'users', to: 'lb' }, { from: 'lb', to: 'app' }, { from: 'app', to: 'db' }],
    });
    const result = await layoutTopology(t, { elk });
    const { width, height } = shape(laidOut(t, result));
    expect(width / height).toBeLessThanOrEqual(SCREEN_ASPECT);
    expect(height / width).toBeLessThan(4);
    expectFlow(t, expectTidy(t, result), 'TB');
  }, 60_000);
});
