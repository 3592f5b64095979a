// Where a link runs: out of one side of its source card, into the facing side of its
// target, in straight segments with rounded bends that go around the cards in between
// instead of through them. Pure, shared by the canvas (each link's path) and the drawn SVG.
//
// The router is a few tries, cheapest first, not a search: a link leaves its source by a
// short stub, crosses to the target's line in the gap where it is free (just after the
// source, half-way, or just before the target), and when every such three-segment path
// hits a card, it runs along a free corridor between the cards (five segments). With the
// layered auto-layout the gaps between layers are free, so nearly every link is one of these.
import type { Rect, XY } from './geometry';

export type Side = 'top' | 'bottom' | 'left' | 'right';

/** Which sides a link leaves and enters by: vertical unless the two ends share a row. */
export function linkSides(a: Rect | undefined, b: Rect | undefined): { source: Side; target: Side } {
  if (!a || !b) return { source: 'bottom', target: 'top' };
  const dx = b.x + b.width / 2 - (a.x + a.width / 2);
  const dy = b.y + b.height / 2 - (a.y + a.height / 2);
  if (Math.abs(dy) >= Math.min(a.height, b.height)) {
    return dy > 0 ? { source: 'bottom', target: 'top' } : { source: 'top', target: 'bottom' };
  }
  return dx > 0 ? { source: 'right', target: 'left' } : { source: 'left', target: 'right' };
}

/** The middle of a rectangle's side: where a link leaves or enters it. */
export function sidePoint(r: Rect, side: Side): XY {
  switch (side) {
    case 'top': return { x: r.x + r.width / 2, y: r.y };
    case 'bottom': return { x: r.x + r.width / 2, y: r.y + r.height };
    case 'left': return { x: r.x, y: r.y + r.height / 2 };
    case 'right': return { x: r.x + r.width, y: r.y + r.height / 2 };
  }
}

/** Cards a link must not cross, indexed by a coarse grid so a check touches only nearby ones. */
export interface Obstacles {
  cell: number;
  grid: Map<string, { id: string; rect: Rect }[]>;
}

const CELL = 256;
/** Room kept between a link and a card it passes. */
const CLEARANCE = 8;
/** The straight bit out of a card and into one, so an arrow head meets its side square. */
const STUB = 16;
const CORNER = 8;

export function obstacleIndex(rects: Iterable<[string, Rect]>): Obstacles {
  const grid = new Map<string, { id: string; rect: Rect }[]>();
  for (const [id, rect] of rects) {
    for (let cx = Math.floor(rect.x / CELL); cx <= Math.floor((rect.x + rect.width) / CELL); cx++) {
      for (let cy = Math.floor(rect.y / CELL); cy <= Math.floor((rect.y + rect.height) / CELL); cy++) {
        const key = `${cx},${cy}`;
        const list = grid.get(key);
        if (list) list.push({ id, rect });
        else grid.set(key, [{ id, rect }]);
      }
    }
  }
  return { cell: CELL, grid };
}

/** True when the axis-parallel segment a-b keeps clear of every card but the ones skipped. */
function segmentFree(obstacles: Obstacles, a: XY, b: XY, skip: ReadonlySet<string>): boolean {
  const x = Math.min(a.x, b.x) - CLEARANCE;
  const y = Math.min(a.y, b.y) - CLEARANCE;
  return boxFree(obstacles, { x, y, width: Math.max(a.x, b.x) + CLEARANCE - x, height: Math.max(a.y, b.y) + CLEARANCE - y }, skip);
}

const SKIP_NONE: ReadonlySet<string> = new Set();

/** True when `box` overlaps no card in `obstacles` but the ones skipped. */
export function boxFree(obstacles: Obstacles, box: Rect, skip: ReadonlySet<string> = SKIP_NONE): boolean {
  const [x0, x1, y0, y1] = [box.x, box.x + box.width, box.y, box.y + box.height];
  const c = obstacles.cell;
  for (let cx = Math.floor(x0 / c); cx <= Math.floor(x1 / c); cx++) {
    for (let cy = Math.floor(y0 / c); cy <= Math.floor(y1 / c); cy++) {
      for (const { id, rect } of obstacles.grid.get(`${cx},${cy}`) ?? []) {
        if (skip.has(id)) continue;
        if (x0 < rect.x + rect.width && rect.x < x1 && y0 < rect.y + rect.height && rect.y < y1) return false;
      }
    }
  }
  return true;
}

/** The cards that overlap a box, for finding a corridor. */
function cardsIn(obstacles: Obstacles, x0: number, y0: number, x1: number, y1: number, skip: ReadonlySet<string>): Rect[] {
  const out = new Map<string, Rect>();
  const c = obstacles.cell;
  for (let cx = Math.floor(x0 / c); cx <= Math.floor(x1 / c); cx++) {
    for (let cy = Math.floor(y0 / c); cy <= Math.floor(y1 / c); cy++) {
      for (const { id, rect } of obstacles.grid.get(`${cx},${cy}`) ?? []) {
        if (skip.has(id) || out.has(id)) continue;
        if (x0 < rect.x + rect.width && rect.x < x1 && y0 < rect.y + rect.height && rect.y < y1) out.set(id, rect);
      }
    }
  }
  return [...out.values()];
}

// The router works in a frame where the link leaves its source towards +u and enters its
// target moving towards +u as well; v runs across. `toFrame` and `fromFrame` turn a side
// pair into that frame and back.
interface Frame {
  toFrame: (p: XY) => { u: number; v: number };
  fromFrame: (u: number, v: number) => XY;
}

function frameOf(source: Side): Frame {
  switch (source) {
    case 'bottom': return { toFrame: (p) => ({ u: p.y, v: p.x }), fromFrame: (u, v) => ({ x: v, y: u }) };
    case 'top': return { toFrame: (p) => ({ u: -p.y, v: p.x }), fromFrame: (u, v) => ({ x: v, y: -u }) };
    case 'right': return { toFrame: (p) => ({ u: p.x, v: p.y }), fromFrame: (u, v) => ({ x: u, y: v }) };
    case 'left': return { toFrame: (p) => ({ u: -p.x, v: p.y }), fromFrame: (u, v) => ({ x: -u, y: v }) };
  }
}

export interface Route {
  /** The corners, from the source's side to the target's. */
  points: XY[];
  /** SVG path data with rounded bends. */
  path: string;
  /** Where the link's caption goes: half-way along it. */
  label: XY;
}

/**
 * The route of a link from `source` (leaving by `sourceSide`) to `target`, around the
 * cards in `obstacles` except the ones in `skip` (the link's own ends). Sides come in
 * facing pairs (linkSides): bottom to top, top to bottom, right to left, left to right.
 */
export function routeLink(source: XY, sourceSide: Side, target: XY, obstacles: Obstacles | undefined, skip: ReadonlySet<string>): Route {
  const f = frameOf(sourceSide);
  const s = f.toFrame(source);
  const t = f.toFrame(target);
  const free = (a: { u: number; v: number }, b: { u: number; v: number }) => !obstacles || segmentFree(obstacles, f.fromFrame(a.u, a.v), f.fromFrame(b.u, b.v), skip);
  const pathFree = (pts: { u: number; v: number }[]) => pts.every((p, i) => i === 0 || free(pts[i - 1], p));
  const finish = (pts: { u: number; v: number }[]) => toRoute(dedupe(pts.map((p) => f.fromFrame(p.u, p.v))));

  if (Math.abs(s.v - t.v) < 1 && t.u > s.u && free(s, t)) return finish([s, { u: t.u, v: s.v }]);
  const ahead = t.u - s.u >= 2 * STUB;
  if (ahead) {
    // Three segments: cross over at a free u between the two ends; last, at the target's stub,
    // below the title bar of a container it enters (the bar crossed where its words are not).
    for (const m of [(s.u + t.u) / 2, t.u - STUB - CLEARANCE, s.u + STUB + CLEARANCE, t.u - STUB, t.u - STUB / 2]) {
      const pts = [s, { u: m, v: s.v }, { u: m, v: t.v }, t];
      if (pathFree(pts)) return finish(pts);
    }
    if (obstacles) {
      const u1 = s.u + STUB;
      // The last turn at the stub, or half of it: just below the title bar of a container the target sits close under.
      for (const u2 of [t.u - STUB, t.u - STUB / 2]) {
        for (const v of corridors(obstacles, f, u1, u2, s.v, t.v, skip)) {
          const pts = [s, { u: u1, v: s.v }, { u: u1, v }, { u: u2, v }, { u: u2, v: t.v }, t];
          if (pathFree(pts)) return finish(pts);
        }
      }
    }
    const m = (s.u + t.u) / 2;
    return finish([s, { u: m, v: s.v }, { u: m, v: t.v }, t]);
  }
  // The ends overlap along u (cards side by side, almost touching): step out and around.
  const u1 = Math.max(s.u, t.u) + STUB;
  const u0 = Math.min(s.u, t.u) - STUB;
  const mid = (s.v + t.v) / 2;
  return finish([s, { u: u1, v: s.v }, { u: u1, v: mid }, { u: u0, v: mid }, { u: u0, v: t.v }, t]);
}

/**
 * Values of v where a segment from u1 to u2 runs clear of every card, best first: the
 * ones that add the least to the link's length, then the nearest to the target.
 */
function corridors(obstacles: Obstacles, f: Frame, u1: number, u2: number, sv: number, tv: number, skip: ReadonlySet<string>): number[] {
  const lo = Math.min(sv, tv);
  const hi = Math.max(sv, tv);
  for (const reach of [400, 1600, 6400]) {
    const a = f.fromFrame(u1, lo - reach);
    const b = f.fromFrame(u2, hi + reach);
    const cards = cardsIn(obstacles, Math.min(a.x, b.x), Math.min(a.y, b.y), Math.max(a.x, b.x), Math.max(a.y, b.y), skip);
    // Each card blocks an interval of v; the corridors are the gaps between those.
    const blocked = cards.map((r) => {
      const p = f.toFrame({ x: r.x, y: r.y });
      const q = f.toFrame({ x: r.x + r.width, y: r.y + r.height });
      return [Math.min(p.v, q.v) - CLEARANCE - 1, Math.max(p.v, q.v) + CLEARANCE + 1] as const;
    }).sort((x, y) => x[0] - y[0]);
    const gaps: [number, number][] = [];
    let from = lo - reach;
    for (const [b0, b1] of blocked) {
      if (b0 > from) gaps.push([from, b0]);
      from = Math.max(from, b1);
    }
    if (from < hi + reach) gaps.push([from, hi + reach]);
    const candidates = gaps.map(([g0, g1]) => Math.min(Math.max(tv, g0), g1));
    if (candidates.length === 0) continue;
    const cost = (v: number) => Math.abs(sv - v) + Math.abs(v - tv);
    return candidates.sort((x, y) => cost(x) - cost(y) || Math.abs(x - tv) - Math.abs(y - tv)).slice(0, 6);
  }
  return [];
}

function dedupe(points: XY[]): XY[] {
  const out: XY[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.x - p.x) < 0.5 && Math.abs(last.y - p.y) < 0.5) continue;
    // Drop a corner that lies on a straight line with its neighbours.
    const before = out[out.length - 2];
    if (before && last && ((Math.abs(before.x - last.x) < 0.5 && Math.abs(last.x - p.x) < 0.5) || (Math.abs(before.y - last.y) < 0.5 && Math.abs(last.y - p.y) < 0.5))) out.pop();
    out.push(p);
  }
  return out;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The path with rounded bends, and the point half-way along it. */
function toRoute(points: XY[]): Route {
  let path = `M${round(points[0].x)},${round(points[0].y)}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i];
    const next = points[i + 1];
    if (!next) {
      path += ` L${round(p.x)},${round(p.y)}`;
      break;
    }
    const prev = points[i - 1];
    const r = Math.min(CORNER, distance(prev, p) / 2, distance(p, next) / 2);
    const a = towards(p, prev, r);
    const b = towards(p, next, r);
    path += ` L${round(a.x)},${round(a.y)} Q${round(p.x)},${round(p.y)} ${round(b.x)},${round(b.y)}`;
  }
  return { points, path, label: halfWay(points) };
}

function distance(a: XY, b: XY): number {
  return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
}

function towards(from: XY, to: XY, by: number): XY {
  const d = distance(from, to) || 1;
  return { x: from.x + ((to.x - from.x) * by) / d, y: from.y + ((to.y - from.y) * by) / d };
}

function halfWay(points: XY[]): XY {
  return pointAlong(points, 0.5);
}

/** The point `share` (0 to 1) of the way along the polyline `points`. */
export function pointAlong(points: readonly XY[], share: number): XY {
  const total = points.slice(1).reduce((sum, p, i) => sum + distance(points[i], p), 0);
  let left = total * share;
  for (let i = 1; i < points.length; i++) {
    const d = distance(points[i - 1], points[i]);
    if (d >= left) return towards(points[i - 1], points[i], left);
    left -= d;
  }
  return points[points.length - 1];
}
