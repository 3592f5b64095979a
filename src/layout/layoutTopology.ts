// Auto-layout of a design: ELK's layered algorithm gives one global layering of
// the components (elkGraph.ts), and bands.ts nests the domains around it.
//
// COORDINATES: every position is RELATIVE TO THE NODE'S PARENT CONTAINER, the way
// React Flow positions a child node (`parentId`) and the way `view.positions`
// stores it; nodes at the root are absolute. The container of each node is the one
// containers.ts computes (a pool spread over zones sits in their lowest common
// ancestor). Container sizes go to `view.sizes`.
//
// The function is pure (no DOM): the ELK instance is injected, so the browser runs
// elkjs in its Web Worker (client.ts) while Node and the tests use elk.bundled.js.
import type { Topology } from '../model';
import { keyedCopy, own } from '../model/keyed';
import { componentSize } from '../model/nodeCard';
import { ancestorsOf, containerTree, descendantsOf, ROOT, type ContainerTree } from './containers';
import { NODE_GAP, placeInBands, type Placed } from './bands';
import { FOLD_FROM, foldLong, LONGEST } from './fold';
import { stackShelves } from './shelves';
import { wrapTiers, type Extent, type Wrapped } from './wrap';
import { buildLayeringGraph, dependencyEdges, readLayers, type LeafLayer } from './elkGraph';
import { isLargeDesign, quickLayers } from './quickLayering';
import {
  CONTAINER_PADDING,
  DEFAULT_COMPONENT_SIZE,
  EMPTY_CONTAINER_SIZE,
  type ElkLayouter,
  type LayoutOptions,
  type LayoutResult,
  type Point,
  type Size,
} from './types';

/** Between a selection laid out into a fixed container and the children already there. */
const SIBLING_GAP = 40;

export async function layoutTopology(
  t: Topology,
  opts: LayoutOptions & { elk: ElkLayouter },
): Promise<LayoutResult> {
  const tree = containerTree(t);
  const direction = opts.direction ?? t.view?.direction ?? 'TB';
  const oldPositions = t.view?.positions ?? {};
  const positions: Record<string, Point> = keyedCopy(oldPositions);
  const sizes: Record<string, Size> = keyedCopy(t.view?.sizes);
  const components = new Map(t.components.map((c) => [c.id, c]));
  const sizeOf = (id: string): Size => {
    const known = own(opts.sizes, id) ?? own(t.view?.sizes, id);
    if (known) return known;
    const c = components.get(id);
    return c ? componentSize(c) : tree.domainIds.has(id) ? EMPTY_CONTAINER_SIZE : DEFAULT_COMPONENT_SIZE;
  };

  const laidOut = nodesToLayOut(tree, opts.only);
  if (laidOut.size === 0) return { positions, sizes };
  const inGraph = new Set(laidOut);
  for (const id of laidOut) for (const a of ancestorsOf(tree, id)) inGraph.add(a);

  const componentIds = t.components.map((c) => c.id).filter((id) => laidOut.has(id));
  const dependencies = dependencyEdges(t, new Set(componentIds));
  const targets = new Set(dependencies.map(([, to]) => to));
  const entries = new Set(t.components.filter((c) => c.kind === 'client' && laidOut.has(c.id) && !targets.has(c.id)).map((c) => c.id));
  // ELK's layering grows much faster than the design (quickLayering.ts): large designs get a linear one.
  const layers =
    isLargeDesign(componentIds.length, dependencies.length)
      ? quickLayers(componentIds, dependencies, entries)
      : readLayers(await opts.elk.layout(buildLayeringGraph(componentIds, dependencies, direction, sizeOf, entries)), direction);
  // Empty containers join the wrapping as leaves: left to bands.ts, each went after its siblings
  // in one band, and the 3,000 empty zones of an estate made it a 780,000 px line.
  withEmptyContainers(tree, inGraph, layers);
  const place = (w: Wrapped, quick: boolean) =>
    placeInBands(tree, inGraph, w.layers, dependencies, sizeOf, direction, { tierOfBand: w.tierOfBand, quick });
  const crossSize = (id: string) => (direction === 'TB' ? sizeOf(id).width : sizeOf(id).height);
  const measure = (w: Wrapped) => extentOf(tree, place(w, true), direction);
  const tiersWrapped = wrapTiers(tree, layers, crossSize, NODE_GAP, direction, measure);
  let wrapped: Wrapped = tiersWrapped;
  // A selection laid out keeps its place among the rest: only a whole design is shelved or folded.
  // Columns that wrapping cannot narrow (zones spanning many tiers, side by side) are cut into
  // shelves when they make the drawing a strip, as fold.ts folds a long one: below that, two
  // regions a little wider than a screen read better side by side (the multi-region template).
  if (opts.only === undefined && !tiersWrapped.screenLike && isStrip(measure(wrapped))) {
    const asTiers = (l: Map<string, LeafLayer>): Wrapped => ({ layers: l, tierOfBand: Array.from({ length: layerCount(l) }, (_, i) => i) });
    const stacked = stackShelves(tree, inGraph, layers, direction, (l) => place(asTiers(l), true), (p) => extentOf(tree, p, direction));
    if (stacked) wrapped = wrapTiers(tree, stacked, crossSize, NODE_GAP, direction, measure);
  }
  const placed = place(wrapped, false);
  if (opts.only === undefined) foldLong(placed, [...placed.keys()].filter((id) => tree.parentOf.get(id) === undefined), direction);

  // Inside a laid-out container, the placement is already relative to it. A
  // laid-out node whose container stays fixed (or the root, with `only`) is
  // anchored instead: its group keeps the top-left corner it had before.
  const anchored = new Map<string | undefined, string[]>();
  for (const id of laidOut) {
    const parent = tree.parentOf.get(id);
    const fixedParent = opts.only !== undefined && (parent === undefined || !laidOut.has(parent));
    if (fixedParent) anchored.set(parent, [...(anchored.get(parent) ?? []), id]);
    else positions[id] = placed.get(id)!.position;
    if (tree.domainIds.has(id)) sizes[id] = placed.get(id)!.size;
  }
  for (const [parent, group] of anchored) {
    const now = topLeft(group.map((id) => placed.get(id)!.position));
    const before = topLeft(group.flatMap((id) => (oldPositions[id] ? [oldPositions[id]] : [])));
    const target = before ?? afterSiblings(tree, parent, new Set(group), oldPositions, sizeOf, direction) ?? now;
    for (const id of group) {
      const p = placed.get(id)!.position;
      positions[id] = { x: p.x - now!.x + target!.x, y: p.y - now!.y + target!.y };
    }
  }
  if (opts.only !== undefined) growFixedContainers(tree, inGraph, laidOut, positions, sizes, sizeOf);
  return { positions, sizes };
}

/**
 * Gives each container with nothing inside a tier: the last tier of the nearest container above
 * it that holds components, after the components there. Not the first: thousands of empty
 * zones wrapped into rows there made it 65,000 px tall, and every zone spanning from it down
 * was stretched over all those rows.
 */
function withEmptyContainers(tree: ContainerTree, nodes: Set<string>, layers: Map<string, LeafLayer>): void {
  const hasKids = new Set<string>();
  for (const id of nodes) {
    const parent = tree.parentOf.get(id);
    if (parent !== undefined) hasKids.add(parent);
  }
  // The last tier of the components inside each container, at any depth.
  const lastTier = new Map<string | undefined, number>();
  for (const [id, l] of layers) {
    for (let cur = tree.parentOf.get(id); ; cur = tree.parentOf.get(cur)) {
      const known = lastTier.get(cur);
      if (known !== undefined && known >= l.layer) break;
      lastTier.set(cur, l.layer);
      if (cur === undefined) break;
    }
  }
  let rank = 0;
  for (const id of nodes) {
    if (!tree.domainIds.has(id) || hasKids.has(id)) continue;
    let holder = tree.parentOf.get(id);
    while (holder !== undefined && !lastTier.has(holder)) holder = tree.parentOf.get(holder);
    // Ordered after every component (ELK's orders are coordinates, quickLayers' fractions), in the document's order.
    layers.set(id, { layer: lastTier.get(holder) ?? 0, order: Number.MAX_SAFE_INTEGER / 2 + rank++ });
  }
}

/** Broader than fold.ts folds at, and more than LONGEST times broader than long: the layout's bound (README). */
const isStrip = ({ cross, main }: Extent) => cross >= FOLD_FROM && cross > LONGEST * main;

function layerCount(layers: Map<string, LeafLayer>): number {
  let last = -1;
  for (const l of layers.values()) last = Math.max(last, l.layer);
  return last + 1;
}

/** The extent of the top-level nodes: the drawing's. */
function extentOf(tree: ContainerTree, placed: Map<string, Placed>, direction: 'TB' | 'LR'): Extent {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [id, p] of placed) {
    if (tree.parentOf.get(id) !== undefined) continue;
    x0 = Math.min(x0, p.position.x);
    y0 = Math.min(y0, p.position.y);
    x1 = Math.max(x1, p.position.x + p.size.width);
    y1 = Math.max(y1, p.position.y + p.size.height);
  }
  const [width, height] = [Math.max(1, x1 - x0), Math.max(1, y1 - y0)];
  return direction === 'TB' ? { cross: width, main: height } : { cross: height, main: width };
}

/** Every node, or the selection with everything inside the selected domains. Unknown ids (links) are ignored. */
function nodesToLayOut(tree: ContainerTree, only: string[] | undefined): Set<string> {
  if (only === undefined) return new Set(tree.parentOf.keys());
  const out = new Set<string>();
  for (const id of only) {
    if (!tree.parentOf.has(id)) continue;
    out.add(id);
    if (tree.domainIds.has(id)) descendantsOf(tree, id).forEach((d) => out.add(d));
  }
  return out;
}

/**
 * Where a group with no position yet (components just added) goes in a fixed
 * container: below its other children (TB) or right of them (LR), never on them.
 */
function afterSiblings(
  tree: ContainerTree,
  parent: string | undefined,
  group: Set<string>,
  oldPositions: Record<string, Point>,
  sizeOf: (id: string) => Size,
  direction: 'TB' | 'LR',
): Point | undefined {
  const origin = parent === undefined ? undefined : { x: CONTAINER_PADDING.left, y: CONTAINER_PADDING.top };
  const siblings = (tree.childrenOf.get(parent ?? ROOT) ?? []).filter((id) => !group.has(id) && oldPositions[id]);
  if (siblings.length === 0) return origin;
  const ends = siblings.map((id) => ({ x: oldPositions[id].x + sizeOf(id).width, y: oldPositions[id].y + sizeOf(id).height }));
  const start = topLeft(siblings.map((id) => oldPositions[id]))!;
  return direction === 'TB'
    ? { x: origin?.x ?? start.x, y: Math.max(...ends.map((e) => e.y)) + SIBLING_GAP }
    : { x: Math.max(...ends.map((e) => e.x)) + SIBLING_GAP, y: origin?.y ?? start.y };
}

function topLeft(points: Point[]): Point | undefined {
  if (points.length === 0) return undefined;
  return { x: Math.min(...points.map((p) => p.x)), y: Math.min(...points.map((p) => p.y)) };
}

/**
 * A fixed container around a laid-out selection keeps its place but grows (never
 * shrinks) to hold its children, innermost first, so a child never spills out.
 */
function growFixedContainers(
  tree: ContainerTree,
  inGraph: Set<string>,
  laidOut: Set<string>,
  positions: Record<string, Point>,
  sizes: Record<string, Size>,
  sizeOf: (id: string) => Size,
): void {
  // Sizes written by this layout (laid-out domains, grown containers) win over the drawn ones.
  const resized = new Set([...laidOut].filter((id) => tree.domainIds.has(id)));
  const sizeNow = (id: string) => (resized.has(id) ? sizes[id] : sizeOf(id));
  const fixed = [...inGraph].filter((id) => !laidOut.has(id));
  fixed.sort((a, b) => ancestorsOf(tree, b).length - ancestorsOf(tree, a).length);
  for (const id of fixed) {
    const current = sizeNow(id);
    let width = current.width;
    let height = current.height;
    for (const child of tree.childrenOf.get(id) ?? []) {
      const p = positions[child];
      if (!p) continue;
      const s = sizeNow(child);
      width = Math.max(width, p.x + s.width + CONTAINER_PADDING.right);
      height = Math.max(height, p.y + s.height + CONTAINER_PADDING.bottom);
    }
    if (width !== current.width || height !== current.height) {
      sizes[id] = { width, height };
      resized.add(id);
    }
  }
}
