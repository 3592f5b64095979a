// What the far layer draws (no React): the whole design as a few SVG paths, one per kind of
// mark, and an index to find the element under the pointer. Far out, one SVG element per
// component and a mounted React Flow node per container were the reload's freeze: at 20,000
// components and 5,000 nested containers the browser's own style and layout of them held the
// page 10 s, to draw marks a pixel wide.
import type { Topology } from '../model';
import type { Rect } from '../model/geometry';
import { linkKey } from '../store/ids';
import { drawnAs, type CollapsedView } from './collapse';

/**
 * The design's shapes, one path per class, whatever the analysis says: rebuilt when the design,
 * its layout or what is collapsed changes, never by an answer. A SPOF is drawn here too, and its
 * red mark again over it (FarMarks): an answer of the whole estate rewrote every path, 4 MB of
 * its 100,000 links, to recolour a few hundred marks (0.57 s of the answer's 1.8 s task).
 */
export interface FarShapes {
  components: string;
  /** Open containers' outlines. */
  containers: string;
  /** Collapsed containers (a block, as the overview map draws them). */
  collapsed: string;
  links: string;
  /** What each drawn component or container is drawn as: the marks over it take the same class. */
  nodeClass: ReadonlyMap<string, 'components' | 'containers' | 'collapsed'>;
  /** Each drawn link's line by its key, for the mark over a SPOF link. */
  linkLines: ReadonlyMap<string, string>;
}

/** The SPOF marks, drawn over the shapes: from the SPOFs (and the collapsed containers), not from the whole design. */
export interface FarMarks {
  components: string;
  /** Containers that are a SPOF themselves. */
  containers: string;
  /** Collapsed containers with a SPOF inside, or one themselves. */
  collapsed: string;
  links: string;
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

export function farShapes(doc: Topology, view: CollapsedView, rects: ReadonlyMap<string, Rect>): FarShapes {
  // Arrays joined once: 100,000 links are some 4 MB of path text.
  const out = { components: [] as string[], containers: [] as string[], collapsed: [] as string[], links: [] as string[] };
  const nodeClass = new Map<string, 'components' | 'containers' | 'collapsed'>();
  const linkLines = new Map<string, string>();
  for (const d of doc.domains) {
    const r = rects.get(d.id);
    if (!r || view.hiddenBy.has(d.id)) continue;
    const cls = view.summaries.has(d.id) ? 'collapsed' : 'containers';
    nodeClass.set(d.id, cls);
    out[cls].push(rectPath(r));
  }
  for (const c of doc.components) {
    const r = rects.get(c.id);
    if (!r || view.hiddenBy.has(c.id)) continue;
    nodeClass.set(c.id, 'components');
    out.components.push(rectPath(r));
  }
  for (const link of doc.links) {
    const [from, to] = [rects.get(drawnAs(view, link.from)), rects.get(drawnAs(view, link.to))];
    if (!from || !to || from === to) continue;
    const line = linkPath(from, to);
    const key = linkKey(link);
    linkLines.set(key, (linkLines.get(key) ?? '') + line);
    out.links.push(line);
  }
  return { components: out.components.join(''), containers: out.containers.join(''), collapsed: out.collapsed.join(''), links: out.links.join(''), nodeClass, linkLines };
}

export function farMarks(shapes: FarShapes, view: CollapsedView, rects: ReadonlyMap<string, Rect>, spof: ReadonlySet<string>): FarMarks {
  const out = { components: '', containers: '', collapsed: '', links: '' };
  // A collapsed container is marked once, whether it or something it hides is the SPOF. Found
  // through what hides what, not the summaries' SPOF counts: the view then does not change
  // with an answer, and neither do the rectangles and shapes drawn from it.
  const collapsed = new Set<string>();
  for (const id of spof) {
    const cls = shapes.nodeClass.get(id);
    const r = cls && rects.get(id);
    if (r) {
      if (cls === 'collapsed') collapsed.add(id);
      else out[cls] += rectPath(r);
      continue;
    }
    const holder = view.hiddenBy.get(id);
    if (holder !== undefined) collapsed.add(holder);
    else out.links += shapes.linkLines.get(id) ?? '';
  }
  for (const id of collapsed) {
    const r = rects.get(id);
    if (r && shapes.nodeClass.get(id) === 'collapsed') out.collapsed += rectPath(r);
  }
  return out;
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
