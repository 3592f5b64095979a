// The far layer's drawing and its hit testing (src/canvas/farDrawing.ts): every drawn element
// is in exactly one path of its class, what a collapsed container hides is not drawn, and the
// grid finds what a scan of every rectangle finds.
import { describe, expect, it } from 'vitest';
import { collapsedView, NOTHING_COLLAPSED } from '../../src/canvas/collapse';
import { farMarks, farShapes, HitGrid, selectedPath, type Hit } from '../../src/canvas/farDrawing';
import { drawnRects } from '../../src/canvas/mapping';
import { parseTopology, type Topology } from '../../src/model';
import type { Rect } from '../../src/model/geometry';
import { ensurePositions } from '../../src/store/placement';

function design(): Topology {
  const p = parseTopology({
    format: 'spof-topology', version: 2,
    domains: [
      { id: 'east', kind: 'region' },
      { id: 'east-a', kind: 'zone', parent: 'east' },
      { id: 'west', kind: 'region' },
    ],
    components: [
      { id: 'users', kind: 'client' },
      { id: 'lb', kind: 'loadbalancer', domain: 'east-a' },
      { id: 'app', kind: 'service', domain: 'east-a' },
      { id: 'w', kind: 'service', domain: 'west' },
    ],
    links: [{ from: 'users', to: 'lb' }, { from: 'lb', to: 'app' }, { from: 'users', to: 'w' }],
  });
  if (!p.ok) throw new Error('valid');
  return ensurePositions(p.topology);
}

const boxOf = (r: Rect) => `M${r.x},${r.y}h${r.width}v${r.height}h${-r.width}z`;
const count = (path: string) => (path.match(/M/g) ?? []).length;

describe('the far drawing', () => {
  it('draws each component, container and link once in the path of its class, and each SPOF again in its mark', () => {
    const t = design();
    const rects = drawnRects(t);
    const shapes = farShapes(t, NOTHING_COLLAPSED, rects);
    for (const id of ['users', 'lb', 'app', 'w']) expect(shapes.components).toContain(boxOf(rects.get(id)!));
    expect(count(shapes.components)).toBe(4);
    expect(count(shapes.containers)).toBe(3);
    expect(count(shapes.links)).toBe(3);
    expect(shapes.collapsed).toBe('');
    const marks = farMarks(shapes, NOTHING_COLLAPSED, rects, new Set(['lb', 'east', 'lb->app']));
    expect(marks.components).toBe(boxOf(rects.get('lb')!));
    expect(marks.containers).toBe(boxOf(rects.get('east')!));
    expect(count(marks.links)).toBe(1);
    expect(shapes.links).toContain(marks.links);
    expect(marks.collapsed).toBe('');
    // No SPOF, no mark: the shapes alone.
    expect(Object.values(farMarks(shapes, NOTHING_COLLAPSED, rects, new Set()))).toEqual(['', '', '', '']);
  });

  it('draws a collapsed container as a block, marked red when a SPOF is inside, and nothing it hides', () => {
    const t = design();
    const view = collapsedView(t, new Set(['east']), new Set(['lb']));
    const rects = drawnRects(t, view);
    const shapes = farShapes(t, view, rects);
    expect(shapes.collapsed).toBe(boxOf(rects.get('east')!));
    expect(count(shapes.components)).toBe(2);
    expect(count(shapes.containers)).toBe(1);
    // users -> lb is drawn to the block; lb -> app is inside it.
    expect(count(shapes.links)).toBe(2);
    const marks = farMarks(shapes, view, rects, new Set(['lb', 'lb->app']));
    expect(marks.collapsed).toBe(boxOf(rects.get('east')!));
    expect(marks.components + marks.links).toBe('');
    expect(selectedPath(view, rects, ['lb', 'w'])).toBe(boxOf(rects.get('w')!));
    // The far layer builds its view without the SPOFs, so that an answer changes no geometry: the same mark,
    // and a zone collapsed inside the collapsed region marks the region that is drawn.
    for (const ids of [['east'], ['east', 'east-a']]) {
      const bare = collapsedView(t, new Set(ids), new Set());
      const bareRects = drawnRects(t, bare);
      expect(farMarks(farShapes(t, bare, bareRects), bare, bareRects, new Set(['lb', 'lb->app'])).collapsed).toBe(boxOf(bareRects.get('east')!));
    }
  });
});

describe('the far layer\'s hit grid', () => {
  const scan = (items: Hit[], x: number, y: number, slack: number) => {
    const d = (r: Rect) => Math.hypot(Math.max(r.x - x, 0, x - r.x - r.width), Math.max(r.y - y, 0, y - r.y - r.height));
    const near = items.filter((i) => d(i.rect) <= slack);
    near.sort((a, b) => d(a.rect) - d(b.rect) || a.rect.width * a.rect.height - b.rect.width * b.rect.height);
    return near[0];
  };

  it('finds what a scan of every rectangle finds: inside the smallest, else the nearest within reach', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    // Small boxes scattered over a wide drawing, and nested frames over all of them.
    const items: Hit[] = Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, rect: { x: Math.round(random() * 200_000), y: Math.round(random() * 20_000), width: 184, height: 64 } }));
    for (let i = 0; i < 20; i++) items.push({ id: `d${i}`, rect: { x: -i * 100, y: -i * 100, width: 200_400 + i * 200, height: 20_200 + i * 200 } });
    const grid = new HitGrid(items);
    for (let k = 0; k < 300; k++) {
      const [x, y] = [random() * 200_000, random() * 20_000];
      for (const slack of [0, 50, 3000, 40_000]) {
        const want = scan(items, x, y, slack);
        const got = grid.at(x, y, slack);
        // Ties (two boxes at the same distance) may go either way; the distance may not.
        expect(got === undefined, `${x},${y} reach ${slack}`).toBe(want === undefined);
        if (want && got && got.id !== want.id) expect(scan([got], x, y, slack)).toBeDefined();
        if (want && got && want.id.startsWith('d')) expect(got.id).toBe(want.id);
      }
    }
  });

  it('finds the innermost container under the point, and nothing outside every one', () => {
    const items: Hit[] = [
      { id: 'outer', rect: { x: 0, y: 0, width: 1000, height: 1000 } },
      { id: 'inner', rect: { x: 100, y: 100, width: 200, height: 200 } },
    ];
    const grid = new HitGrid(items);
    expect(grid.at(150, 150)?.id).toBe('inner');
    expect(grid.at(500, 500)?.id).toBe('outer');
    expect(grid.at(1500, 500)).toBeUndefined();
    expect(new HitGrid([]).at(0, 0, 100)).toBeUndefined();
  });
});
