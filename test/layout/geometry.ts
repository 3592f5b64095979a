// Absolute rectangles from the layout's parent-relative positions, for assertions.
import { containerTree, DEFAULT_COMPONENT_SIZE, type LayoutResult, type Size } from '../../src/layout';
import type { Topology } from '../../src/model';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function absoluteRects(t: Topology, result: LayoutResult, componentSizes: Record<string, Size> = {}): Map<string, Rect> {
  const tree = containerTree(t);
  const out = new Map<string, Rect>();
  const rectOf = (id: string): Rect => {
    const known = out.get(id);
    if (known) return known;
    const p = result.positions[id];
    if (!p) throw new Error(`no position for ${id}`);
    const parent = tree.parentOf.get(id);
    const origin = parent === undefined ? { x: 0, y: 0 } : rectOf(parent);
    const size = tree.domainIds.has(id) ? result.sizes[id] : (componentSizes[id] ?? DEFAULT_COMPONENT_SIZE);
    if (!size) throw new Error(`no size for ${id}`);
    const rect = { x: origin.x + p.x, y: origin.y + p.y, width: size.width, height: size.height };
    out.set(id, rect);
    return rect;
  };
  for (const id of tree.parentOf.keys()) rectOf(id);
  return out;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** The width and height of everything drawn. */
export function bounds(rects: Map<string, Rect>): { width: number; height: number } {
  const all = [...rects.values()];
  const x0 = Math.min(...all.map((r) => r.x));
  const y0 = Math.min(...all.map((r) => r.y));
  return { width: Math.max(...all.map((r) => r.x + r.width)) - x0, height: Math.max(...all.map((r) => r.y + r.height)) - y0 };
}
