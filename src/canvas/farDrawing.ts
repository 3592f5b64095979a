// What the far layer draws (no React): the whole design as a few SVG paths, one per kind of
// mark, and an index to find the element under the pointer. Far out, one SVG element per
// component and a mounted React Flow node per container were the reload's freeze: at 20,000
// components and 5,000 nested containers the browser's own style and layout of them held the
// page 10 s, to draw marks a pixel wide.
import type { Topology } from '../model';
import type { Rect } from '../model/geometry';
import { linkKey } from '../store/ids';
import { drawnAs, type CollapsedView } from './collapse';

export interface FarPaths {
  /** Components: plain and SPOF (the selection's outline is drawn over them: `selectedPath`). */
  components: string;
  spofComponents: string;
  /** Open containers' outlines; those that are a SPOF themselves, in red. */
  containers: string;
  spofContainers: string;
  /** Collapsed containers (a block, as the overview map draws them); red when anything inside is a SPOF. */
  collapsed: string;
  spofCollapsed: string;
  links: string;
  spofLinks: string;
}

/** A rectangle as path commands: many drawn as one path cost the browser one element. */
export const rectPath = (r: Rect) => `M${r.x},${r.y}h${r.width}v${r.height}h${-r.width}z`;

/** A link far out: a straight line from the bottom of one end to the top of the other. */
export const linkPath = (from: Rect, to: Rect) => `M${from.x + from.width / 2},${from.y + from.height}L${to.x + to.width / 2},${to.y}`;

/** The box around every rectangle; null when there is none. */
export function boundsOf(rects: Iterable<Rect>): Rect | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rects) {
    [x0, y0] = [Math.min(x0, r.x), Math.min(y0, r.y)];
    [x1, y1] = [Math.max(x1, r.x + r.width), Math.max(y1, r.y + r.height)];
  }
  return x1 < x0 ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function farPaths(doc: Topology, view: CollapsedView, rects: ReadonlyMap<string, Rect>, spof: ReadonlySet<string>): FarPaths {
  // Arrays joined once: 100,000 links are some 4 MB of path text.
  const out = { components: [], spofComponents: [], containers: [], spofContainers: [], collapsed: [], spofCollapsed: [], links: [], spofLinks: [] } as Record<keyof FarPaths, string[]>;
  for (const d of doc.domains) {
    const r = rects.get(d.id);
    if (!r || view.hiddenBy.has(d.id)) continue;
    const summary = view.summaries.get(d.id);
    const marked = spof.has(d.id) || (summary?.spofs ?? 0) > 0;
    out[summary ? (marked ? 'spofCollapsed' : 'collapsed') : marked ? 'spofContainers' : 'containers'].push(rectPath(r));
  }
  for (const c of doc.components) {
    const r = rects.get(c.id);
    if (!r || view.hiddenBy.has(c.id)) continue;
    out[spof.has(c.id) ? 'spofComponents' : 'components'].push(rectPath(r));
  }
  for (const link of doc.links) {
    const [from, to] = [rects.get(drawnAs(view, link.from)), rects.get(drawnAs(view, link.to))];
    if (!from || !to || from === to) continue;
    out[spof.has(linkKey(link)) ? 'spofLinks' : 'links'].push(linkPath(from, to));
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join('')])) as unknown as FarPaths;
}

/** The outline of the selected components and containers that are drawn. */
export function selectedPath(view: CollapsedView, rects: ReadonlyMap<string, Rect>, selected: Iterable<string>): string {
  let d = '';
  for (const id of selected) {
    const r = rects.get(id);
    if (r && !view.hiddenBy.has(id)) d += rectPath(r);
  }
  return d;
}

export interface Hit {
  id: string;
  rect: Rect;
}

/** An item covering more cells than this is kept in a short list checked whole (a top container covers them all). */
const MAX_CELLS_PER_ITEM = 64;
/** A query covering more cells than this reads every item instead (fewer steps than the cells). */
const MAX_QUERY_CELLS = 4096;

const distance = (r: Rect, x: number, y: number) =>
  Math.hypot(Math.max(r.x - x, 0, x - r.x - r.width), Math.max(r.y - y, 0, y - r.y - r.height));

/**
 * The rectangles of a drawing in a uniform grid of about one cell per item, built once per
 * drawing: a pointer's hover or click reads the few cells around it, not 20,000 rectangles.
 */
export class HitGrid {
  private readonly cells = new Map<number, Hit[]>();
  private readonly big: Hit[] = [];
  private readonly x0: number;
  private readonly y0: number;
  private readonly cell: number;
  private readonly columns: number;

  constructor(private readonly items: readonly Hit[]) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const { rect: r } of items) {
      [x0, y0] = [Math.min(x0, r.x), Math.min(y0, r.y)];
      [x1, y1] = [Math.max(x1, r.x + r.width), Math.max(y1, r.y + r.height)];
    }
    [this.x0, this.y0] = items.length ? [x0, y0] : [0, 0];
    const area = items.length ? Math.max(x1 - x0, 1) * Math.max(y1 - y0, 1) : 1;
    this.cell = Math.max(Math.sqrt(area / Math.max(items.length, 1)), 1);
    this.columns = Math.floor((items.length ? x1 - x0 : 0) / this.cell) + 1;
    for (const item of items) {
      const [c0, r0, c1, r1] = this.span(item.rect.x, item.rect.y, item.rect.x + item.rect.width, item.rect.y + item.rect.height);
      if ((c1 - c0 + 1) * (r1 - r0 + 1) > MAX_CELLS_PER_ITEM) {
        this.big.push(item);
        continue;
      }
      for (let row = r0; row <= r1; row++) {
        for (let col = c0; col <= c1; col++) {
          const key = row * this.columns + col;
          const list = this.cells.get(key);
          if (list) list.push(item);
          else this.cells.set(key, [item]);
        }
      }
    }
  }

  /** The cells' columns and rows that [x0, x1] x [y0, y1] covers, clamped to the grid. */
  private span(x0: number, y0: number, x1: number, y1: number): [number, number, number, number] {
    const col = (x: number) => Math.min(Math.max(Math.floor((x - this.x0) / this.cell), 0), this.columns - 1);
    const row = (y: number) => Math.max(Math.floor((y - this.y0) / this.cell), 0);
    return [col(x0), row(y0), col(x1), row(y1)];
  }

  /**
   * The item under (x, y): of those containing it the smallest (the innermost container), else
   * the nearest within `slack` (far out a component is under a pixel: the pointer need only
   * be near it). Undefined when none is that close.
   */
  at(x: number, y: number, slack = 0): Hit | undefined {
    let best: Hit | undefined;
    let bestDistance = Infinity;
    let bestArea = Infinity;
    const consider = (item: Hit) => {
      const d = distance(item.rect, x, y);
      if (d > slack) return;
      const area = item.rect.width * item.rect.height;
      if (d < bestDistance || (d === bestDistance && area < bestArea)) [best, bestDistance, bestArea] = [item, d, area];
    };
    const [c0, r0, c1, r1] = this.span(x - slack, y - slack, x + slack, y + slack);
    if ((c1 - c0 + 1) * (r1 - r0 + 1) > MAX_QUERY_CELLS) {
      this.items.forEach(consider);
      return best;
    }
    for (let row = r0; row <= r1; row++) {
      for (let col = c0; col <= c1; col++) this.cells.get(row * this.columns + col)?.forEach(consider);
    }
    this.big.forEach(consider);
    return best;
  }
}
