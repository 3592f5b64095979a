// Where the nodes a plan adds go: each new node beside its twin (the node it copies or
// stands in for); a copied container (a second region, a new zone) beside the original,
// its content where the original's is; a component that moved to another container (a
// pool spread over its region's zones, a managed service now regional) where it was on
// screen; anything else as ensurePositions places a new node. Then, from the innermost
// container out, what overlaps moves right along its row and containers grow to hold
// their content, so the layout stays readable without an auto-layout.
import { keyedCopy, type Topology } from '../model';
import { CONTAINER_PADDING, absolutePosition, containerOf, domainDepth, sizeOf } from './geometry';
import { ensurePositions } from './placement';

const GAP = 48;

/** `after` (a plan's moves applied to `before`) with every node placed; `twins` maps each new node to its original. */
export function placePlanned(before: Topology, after: Topology, twins: Readonly<Record<string, string>>): Topology {
  const positions = keyedCopy(after.view?.positions);
  const sizes = keyedCopy(after.view?.sizes);
  let doc: Topology = { ...after, view: { ...after.view, positions, sizes } };
  const existed = new Set([...before.components, ...before.domains].map((x) => x.id));
  const isDomain = new Set(after.domains.map((d) => d.id));
  const touched: string[] = [];

  // A component whose container changed keeps its place on screen.
  for (const c of after.components) {
    if (!existed.has(c.id) || !positions[c.id]) continue;
    const now = containerOf(after, c.id);
    if (now === containerOf(before, c.id)) continue;
    const was = absolutePosition(before, c.id);
    const origin = now === undefined ? { x: 0, y: 0 } : absolutePosition(doc, now);
    positions[c.id] = { x: was.x - origin.x, y: was.y - origin.y };
    touched.push(c.id);
  }

  const fresh = [...after.domains.map((d) => d.id), ...after.components.map((c) => c.id)].filter((id) => !existed.has(id));
  touched.push(...fresh);
  // Containers first, outer before inner, so that content is placed in a placed container.
  fresh.sort((a, b) => (isDomain.has(b) ? 1 : 0) - (isDomain.has(a) ? 1 : 0) || (isDomain.has(a) ? domainDepth(doc, a) - domainDepth(doc, b) : 0));
  for (const id of fresh) {
    const twin = twins[id];
    if (twin === undefined || !positions[twin] || positions[id]) continue;
    if (isDomain.has(id) && isDomain.has(twin) && !sizes[id]) sizes[id] = sizeOf(doc, twin);
    const container = containerOf(doc, id);
    const twinContainer = containerOf(doc, twin);
    if (container === twinContainer) {
      // Beside the twin, on its row (what stands there moves over below).
      positions[id] = { x: positions[twin].x + sizeOf(doc, twin).width + GAP, y: positions[twin].y };
    } else if (container !== undefined && twinContainer !== undefined && twins[container] === twinContainer) {
      // In the copy of the twin's container: where the twin is in the original.
      positions[id] = { ...positions[twin] };
    }
  }
  // What has no twin to go by (a global DNS in front of two regions): placed as any new node.
  doc = ensurePositions(doc);
  settle(doc, touched);
  return doc;
}

/**
 * From the innermost container out, in every container that holds something the plan
 * added or moved: what overlaps moves right along its row, then the container grows to
 * hold its content (never shrinks), which its own container settles in turn.
 */
export function settle(doc: Topology, touched: readonly string[]): void {
  const affected = new Set<string | undefined>();
  for (const id of touched) {
    for (let c = containerOf(doc, id), n = 0; n < 64; c = containerOf(doc, c!), n++) {
      affected.add(c);
      if (c === undefined) break;
    }
  }
  const inner = [...affected].filter((c): c is string => c !== undefined).sort((a, b) => domainDepth(doc, b) - domainDepth(doc, a));
  for (const container of inner) {
    spreadOut(doc, container);
    grow(doc, container);
  }
  if (affected.has(undefined)) spreadOut(doc, undefined);
}
/** Nodes of a container, row by row left to right, each moved right past any it would overlap. */
function spreadOut(doc: Topology, container: string | undefined): void {
  const positions = doc.view!.positions!;
  const placed = new Shelf(doc);
  const inside = siblings(doc, container).filter((id) => positions[id]);
  inside.sort((a, b) => positions[a].y - positions[b].y || positions[a].x - positions[b].x);
  for (const id of inside) {
    const p = positions[id];
    const x = placed.fit(p.x, p.y, sizeOf(doc, id));
    if (x !== p.x) positions[id] = { x, y: p.y };
    placed.add(id);
  }
}

/** Height of a band of rows in a Shelf: about a component's. */
const BAND = 128;

/**
 * Boxes already placed in one container, by bands of rows, to find where a new box fits on
 * its row: comparing each box with every one placed before, until none moved, took a paste of
 * 5,000 components beside their originals 66 s of CPU.
 */
export class Shelf {
  private readonly bands = new Map<number, string[]>();

  constructor(private readonly doc: Topology) {}

  add(id: string): void {
    const p = this.doc.view!.positions![id];
    const s = sizeOf(this.doc, id);
    for (let b = Math.floor(p.y / BAND); b <= Math.floor((p.y + s.height) / BAND); b++) {
      const list = this.bands.get(b);
      if (list) list.push(id);
      else this.bands.set(b, [id]);
    }
  }

  /**
   * The x, from `x` rightwards, where a box of `size` on row `y` overlaps none placed: past
   * each it would overlap by that box's right edge and a gap. Taken left to right, one pass
   * finds it (a box passed is never reached again by moving right).
   */
  fit(x: number, y: number, size: { width: number; height: number }): number {
    const positions = this.doc.view!.positions!;
    const near = new Set<string>();
    for (let b = Math.floor(y / BAND); b <= Math.floor((y + size.height) / BAND); b++) for (const id of this.bands.get(b) ?? []) near.add(id);
    const row = [...near].filter((id) => positions[id].y < y + size.height && y < positions[id].y + sizeOf(this.doc, id).height);
    row.sort((a, b) => positions[a].x - positions[b].x);
    for (const id of row) {
      const o = positions[id];
      const width = sizeOf(this.doc, id).width;
      if (x < o.x + width + GAP / 2 && o.x < x + size.width + GAP / 2) x = o.x + width + GAP;
    }
    return x;
  }
}

function siblings(doc: Topology, container: string | undefined): string[] {
  return [...doc.domains.map((d) => d.id), ...doc.components.map((c) => c.id)].filter((id) => containerOf(doc, id) === container);
}

/** The container grows (never shrinks) to hold its content with its padding. */
function grow(doc: Topology, container: string): void {
  const positions = doc.view!.positions!;
  const inner = siblings(doc, container).filter((id) => positions[id]);
  if (inner.length === 0) return;
  const size = sizeOf(doc, container);
  const right = Math.max(...inner.map((id) => positions[id].x + sizeOf(doc, id).width)) + CONTAINER_PADDING.side;
  const bottom = Math.max(...inner.map((id) => positions[id].y + sizeOf(doc, id).height)) + CONTAINER_PADDING.bottom;
  if (right > size.width || bottom > size.height) doc.view!.sizes![container] = { width: Math.max(size.width, right), height: Math.max(size.height, bottom) };
}
