// Places a template's components on a grid and sizes every container to hold what
// it contains, so templates are written as cells, not pixel coordinates. A column is as
// wide as the template's widest card (cards grow with their labels) plus a gap, and each
// card is centred in its column, so links between cards of one column stay straight.
import type { Topology } from '../model';
import { keyedCopy } from '../model/keyed';
import { componentSize } from '../model/nodeCard';
import { COMPONENT_SIZE, CONTAINER_PADDING, GRID, containerOf, snap, type Rect } from '../store/geometry';

// Multiples of the grid, and cells snapped to it, so a nudge or a drag keeps nodes aligned.
const COLUMN_GAP = 56;
export const ROW = 128;

export type Draft = Omit<Topology, 'view'>;
/** Grid cell [column, row] of each component; fractions are allowed. */
export type Cells = Record<string, [number, number]>;

export function arrange(doc: Draft, cells: Cells): Topology {
  const abs = new Map<string, Rect>();
  const widest = Math.max(COMPONENT_SIZE.width, ...doc.components.map((c) => componentSize(c).width));
  const column = Math.ceil((widest + COLUMN_GAP) / GRID) * GRID;
  for (const c of doc.components) {
    const cell = cells[c.id];
    if (!cell) throw new Error(`template "${doc.name}": no cell for component "${c.id}"`);
    const size = componentSize(c);
    abs.set(c.id, { x: snap(cell[0] * column + (widest - size.width) / 2), y: snap(cell[1] * ROW), ...size });
  }
  const domainRect = (id: string): Rect => {
    const known = abs.get(id);
    if (known) return known;
    const inside: Rect[] = [];
    for (const c of doc.components) if (containerOf(doc, c.id) === id) inside.push(abs.get(c.id)!);
    for (const d of doc.domains) if (d.parent === id) inside.push(domainRect(d.id));
    if (inside.length === 0) throw new Error(`template "${doc.name}": domain "${id}" holds nothing`);
    const left = Math.min(...inside.map((r) => r.x)) - CONTAINER_PADDING.side;
    const top = Math.min(...inside.map((r) => r.y)) - CONTAINER_PADDING.top;
    const right = Math.max(...inside.map((r) => r.x + r.width)) + CONTAINER_PADDING.side;
    const bottom = Math.max(...inside.map((r) => r.y + r.height)) + CONTAINER_PADDING.bottom;
    const rect = { x: left, y: top, width: right - left, height: bottom - top };
    abs.set(id, rect);
    return rect;
  };
  for (const d of doc.domains) domainRect(d.id);

  const positions = keyedCopy<{ x: number; y: number }>();
  const sizes = keyedCopy<{ width: number; height: number }>();
  const relativeTo = (id: string, container: string | undefined) => {
    const r = abs.get(id)!;
    const p = container ? abs.get(container)! : { x: 0, y: 0 };
    positions[id] = { x: r.x - p.x, y: r.y - p.y };
  };
  for (const d of doc.domains) {
    relativeTo(d.id, d.parent);
    const r = abs.get(d.id)!;
    sizes[d.id] = { width: r.width, height: r.height };
  }
  for (const c of doc.components) relativeTo(c.id, containerOf(doc, c.id));
  return { ...doc, view: { positions, sizes, direction: 'TB' } };
}
