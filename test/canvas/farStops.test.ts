// Where Tab goes far out (src/canvas/farStops.ts): every drawn container and every drawn SPOF,
// a container before what is inside it, siblings top to bottom then left to right, nothing a
// collapsed container hides.
import { describe, expect, it } from 'vitest';
import { collapsedView, NOTHING_COLLAPSED } from '../../src/canvas/collapse';
import { farStops } from '../../src/canvas/farStops';
import { drawnRects } from '../../src/canvas/mapping';
import { parseTopology, type Topology } from '../../src/model';

function design(): Topology {
  const p = parseTopology({
    format: 'spof-topology', version: 2,
    domains: [
      { id: 'west', kind: 'region' },
      { id: 'east', kind: 'region' },
      { id: 'east-b', kind: 'zone', parent: 'east' },
      { id: 'east-a', kind: 'zone', parent: 'east' },
    ],
    components: [
      { id: 'users', kind: 'client' },
      { id: 'lb', kind: 'loadbalancer', domain: 'east-a' },
      { id: 'db', kind: 'database', domain: 'east-b' },
      { id: 'w', kind: 'service', domain: 'west' },
    ],
    links: [],
    view: {
      positions: {
        users: { x: 0, y: 0 }, west: { x: 0, y: 200 }, east: { x: 600, y: 200 },
        'east-a': { x: 620, y: 240 }, 'east-b': { x: 620, y: 500 },
        lb: { x: 640, y: 280 }, db: { x: 640, y: 540 }, w: { x: 20, y: 240 },
      },
      sizes: { west: { width: 400, height: 300 }, east: { width: 500, height: 600 }, 'east-a': { width: 300, height: 200 }, 'east-b': { width: 300, height: 200 } },
    },
  });
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join('; '));
  return p.topology;
}

describe('far stops', () => {
  it('walks containers and SPOFs as a tree, siblings in reading order', () => {
    const t = design();
    expect(farStops(t, NOTHING_COLLAPSED, drawnRects(t), new Set(['users', 'lb', 'db']))).toEqual(['users', 'west', 'east', 'east-a', 'lb', 'east-b', 'db']);
  });

  it('leaves out what a collapsed container hides, and plain components', () => {
    const t = design();
    const view = collapsedView(t, new Set(['east']), new Set(['lb']));
    expect(farStops(t, view, drawnRects(t, view), new Set(['lb']))).toEqual(['west', 'east']);
  });
});
