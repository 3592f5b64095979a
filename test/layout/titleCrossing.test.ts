// Links keep clear of the words in a container's title bar (issue 20: DNS -> load balancers
// ran across the region's title in the templates): each template as shipped and after its
// auto-layout, every link routed as the canvas and the SVG route it, no segment over a title.
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { layoutTopology } from '../../src/layout';
import type { Topology } from '../../src/model';
import { titleObstacles, titleTextRects } from '../../src/model/containerTitle';
import { absoluteRects, type Rect, type XY } from '../../src/model/geometry';
import { linkSides, obstacleIndex, routeLink, sidePoint, type Side } from '../../src/model/linkRoute';
import { TEMPLATES } from '../../src/templates';

const elk = new ELK();

/** A point `by` px out of a card's side: React Flow's handles put a link's ends 4 px outside the card. */
function outside(p: XY, side: Side, by: number): XY {
  return side === 'top' ? { x: p.x, y: p.y - by } : side === 'bottom' ? { x: p.x, y: p.y + by } : side === 'left' ? { x: p.x - by, y: p.y } : { x: p.x + by, y: p.y };
}

/** Each link segment that runs over a title's words: `from->to over <domain>`; ends as the SVG (0) or the canvas (4) puts them. */
function crossings(t: Topology, handle: number): string[] {
  const rects = absoluteRects(t);
  const obstacles = obstacleIndex([...t.components.map((c): [string, Rect] => [c.id, rects.get(c.id)!]), ...titleObstacles(t.domains, rects)]);
  const titles = t.domains.flatMap((d) => titleTextRects(d, rects.get(d.id)!).map((r) => ({ id: d.id, r })));
  const out: string[] = [];
  for (const l of t.links) {
    const a = rects.get(l.from)!;
    const b = rects.get(l.to)!;
    const sides = linkSides(a, b);
    const from = outside(sidePoint(a, sides.source), sides.source, handle);
    const to = outside(sidePoint(b, sides.target), sides.target, handle);
    const { points } = routeLink(from, sides.source, to, obstacles, new Set([l.from, l.to]));
    points.slice(1).forEach((p: XY, i) => {
      const q = points[i];
      const [x0, x1, y0, y1] = [Math.min(p.x, q.x), Math.max(p.x, q.x), Math.min(p.y, q.y), Math.max(p.y, q.y)];
      for (const { id, r } of titles) {
        if (x0 <= r.x + r.width && r.x <= x1 && y0 <= r.y + r.height && r.y <= y1) out.push(`${l.from}->${l.to} over ${id}`);
      }
    });
  }
  return out;
}

describe('links and container titles', () => {
  it.each(TEMPLATES.map((tpl) => [tpl.id, tpl.topology] as const))('%s: no link over a title, as shipped and after its auto-layout', async (_id, template) => {
    const laidOut = await layoutTopology({ ...template, view: undefined }, { elk });
    for (const handle of [0, 4]) {
      expect(crossings(template, handle)).toEqual([]);
      expect(crossings({ ...template, view: { ...laidOut, direction: 'TB' } }, handle)).toEqual([]);
    }
  });
});
