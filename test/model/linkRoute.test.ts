// Links go around the cards between their ends, in straight segments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteRects, type Rect, type XY } from '../../src/model/geometry';
import { linkSides, obstacleIndex, routeLink, sidePoint } from '../../src/model/linkRoute';
import { TEMPLATES } from '../../src/templates';

/** Does the segment a-b pass through the inside of r (touching its border is allowed)? */
function crosses(a: XY, b: XY, r: Rect): boolean {
  const x0 = Math.min(a.x, b.x);
  const x1 = Math.max(a.x, b.x);
  const y0 = Math.min(a.y, b.y);
  const y1 = Math.max(a.y, b.y);
  return x0 < r.x + r.width - 1 && r.x + 1 < x1 + (x0 === x1 ? 1 : 0) && y0 < r.y + r.height - 1 && r.y + 1 < y1 + (y0 === y1 ? 1 : 0);
}

function expectOrthogonal(points: XY[]): void {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    expect(Math.abs(a.x - b.x) < 0.01 || Math.abs(a.y - b.y) < 0.01, `${JSON.stringify(a)} -> ${JSON.stringify(b)}`).toBe(true);
  }
}

describe('routeLink', () => {
  it.each(TEMPLATES.map((t) => [t.id, t.topology] as const))('%s: every link runs clear of the cards between its ends', (_, doc) => {
    const rects = absoluteRects(doc);
    const cards = doc.components.map((c) => [c.id, rects.get(c.id)!] as [string, Rect]);
    const obstacles = obstacleIndex(cards);
    for (const l of doc.links) {
      const a = rects.get(l.from)!;
      const b = rects.get(l.to)!;
      const sides = linkSides(a, b);
      const route = routeLink(sidePoint(a, sides.source), sides.source, sidePoint(b, sides.target), obstacles, new Set([l.from, l.to]));
      expectOrthogonal(route.points);
      expect(route.points[0]).toEqual(sidePoint(a, sides.source));
      expect(route.points.at(-1)).toEqual(sidePoint(b, sides.target));
      for (let i = 1; i < route.points.length; i++) {
        for (const [id, r] of cards) {
          if (id === l.from || id === l.to) continue;
          expect(crosses(route.points[i - 1], route.points[i], r), `${l.from}->${l.to} crosses ${id}`).toBe(false);
        }
      }
    }
  });

  it('goes around a card that stands between two others in a column', () => {
    const top = { x: 0, y: 0, width: 184, height: 64 };
    const middle = { x: 0, y: 128, width: 184, height: 64 };
    const bottom = { x: 0, y: 256, width: 184, height: 64 };
    const obstacles = obstacleIndex([['top', top], ['middle', middle], ['bottom', bottom]]);
    const route = routeLink(sidePoint(top, 'bottom'), 'bottom', sidePoint(bottom, 'top'), obstacles, new Set(['top', 'bottom']));
    expectOrthogonal(route.points);
    for (let i = 1; i < route.points.length; i++) expect(crosses(route.points[i - 1], route.points[i], middle)).toBe(false);
    // Without anything between, it is one straight segment.
    const straight = routeLink(sidePoint(top, 'bottom'), 'bottom', sidePoint(middle, 'top'), obstacles, new Set(['top', 'middle']));
    expect(straight.points).toHaveLength(2);
  });

  it('between far cards of one row, runs around the cards between them, its caption clear of every card', () => {
    const row: [string, Rect][] = [0, 1, 2, 3].map((i) => [`n${i}`, { x: i * 240, y: 0, width: 184, height: 64 }]);
    const [first, , , last] = row;
    for (const [a, b] of [[first, last], [last, first]]) {
      const sides = linkSides(a[1], b[1]);
      expect(sides.source === 'right' || sides.source === 'left').toBe(true);
      const route = routeLink(sidePoint(a[1], sides.source), sides.source, sidePoint(b[1], sides.target), obstacleIndex(row), new Set([a[0], b[0]]));
      expectOrthogonal(route.points);
      for (const [id, r] of row.slice(1, 3)) {
        for (let i = 1; i < route.points.length; i++) expect(crosses(route.points[i - 1], route.points[i], r), id).toBe(false);
        const inside = route.label.x > r.x && route.label.x < r.x + r.width && route.label.y > r.y && route.label.y < r.y + r.height;
        expect(inside, `caption on ${id}`).toBe(false);
      }
    }
  });

  it('on a grid of cards with room between them, finds a path clear of every other card', () => {
    fc.assert(fc.property(
      fc.integer({ min: 2, max: 6 }), fc.integer({ min: 2, max: 6 }), fc.nat(), fc.nat(),
      fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }),
      (columns, rows, from, to, present) => {
        const cards: [string, Rect][] = [];
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < columns; c++) {
            if (present[r * columns + c]) cards.push([`n${r}-${c}`, { x: c * 240, y: r * 144, width: 184, height: 64 }]);
          }
        }
        if (cards.length < 2) return;
        const a = cards[from % cards.length];
        const b = cards[to % cards.length];
        if (a[0] === b[0]) return;
        const sides = linkSides(a[1], b[1]);
        const route = routeLink(sidePoint(a[1], sides.source), sides.source, sidePoint(b[1], sides.target), obstacleIndex(cards), new Set([a[0], b[0]]));
        expectOrthogonal(route.points);
        for (let i = 1; i < route.points.length; i++) {
          for (const [id, r] of cards) {
            if (id !== a[0] && id !== b[0]) expect(crosses(route.points[i - 1], route.points[i], r), `${a[0]} -> ${b[0]} crosses ${id}`).toBe(false);
          }
        }
      },
    ), { numRuns: 300 });
  });
});
