// Nests the domains around ELK's global layering (see elkGraph.ts for why).
//
// Along the layer axis (y for TB, x for LR) every layer is one band shared by the
// whole drawing, so an edge always runs from an earlier band to a later one, even
// when it enters or leaves a zone. A domain spans the bands of the components
// inside it; the gap before a band makes room for the title bars of the domains
// that start there (nested ones stacked) and the gap after it for the bottom
// padding of the domains that end there, so boxes in different bands never touch.
// Across the layers, packing.ts orders and packs the children of each container.
import { ROOT, type ContainerTree } from './containers';
import type { LeafLayer } from './elkGraph';
import { packAcross, type Span } from './packing';
import { CONTAINER_PADDING, EMPTY_CONTAINER_SIZE, type Direction, type Point, type Size } from './types';

/** A node's place: position relative to its parent container (absolute at the root), and its size. */
export interface Placed {
  position: Point;
  size: Size;
}

const LAYER_GAP = 64;
/** Between the rows of one wrapped tier (wrap.ts): closer than tiers, so a tier reads as one. */
const ROW_GAP = 32;

export interface BandOptions {
  /** The tier of each band when wide tiers are wrapped into several bands (wrap.ts); absent: band = tier. */
  tierOfBand?: readonly number[];
  /** Only the extents matter (wrap.ts's search): skip the order improvements. */
  quick?: boolean;
}
export const NODE_GAP = 40;
const ROOT_MARGIN = 24;

export function placeInBands(
  tree: ContainerTree,
  nodes: Set<string>,
  componentLayers: Map<string, LeafLayer>,
  /** Dependency edges between the laid-out components (elkGraph.ts dependencyEdges). */
  dependencies: [string, string][],
  sizeOf: (id: string) => Size,
  direction: Direction,
  options: BandOptions = {},
): Map<string, Placed> {
  const tb = direction === 'TB';
  const pad: Record<'mainStart' | 'mainEnd' | 'crossStart' | 'crossEnd', number> = tb
    ? { mainStart: CONTAINER_PADDING.top, mainEnd: CONTAINER_PADDING.bottom, crossStart: CONTAINER_PADDING.left, crossEnd: CONTAINER_PADDING.right }
    : { mainStart: CONTAINER_PADDING.left, mainEnd: CONTAINER_PADDING.right, crossStart: CONTAINER_PADDING.top, crossEnd: CONTAINER_PADDING.bottom };
  const main = (s: Size) => (tb ? s.height : s.width);
  const cross = (s: Size) => (tb ? s.width : s.height);
  // Asked for again and again by the packing: computed once (a region of a large estate has thousands of children).
  const kidsOf = new Map<string, string[]>();
  const kids = (id: string) => kidsOf.get(id) ?? kidsOf.set(id, (tree.childrenOf.get(id) ?? []).filter((c) => nodes.has(c))).get(id)!;
  const isContainer = (id: string) => id === ROOT || (tree.domainIds.has(id) && kids(id).length > 0);

  // Containers, children before parents; the root last.
  const postOrder: string[] = [];
  const visit = (id: string) => {
    for (const c of kids(id)) if (isContainer(c)) visit(c);
    postOrder.push(id);
  };
  visit(ROOT);

  const leafLayer = new Map<string, LeafLayer>();
  for (const [id, l] of componentLayers) if (nodes.has(id)) leafLayer.set(id, l);
  const spanOf = new Map<string, Span>();
  const computeSpans = () => {
    spanOf.clear();
    for (const id of postOrder) {
      let first = Infinity;
      let last = -Infinity;
      for (const c of kids(id)) {
        const layer = leafLayer.get(c)?.layer;
        const s: Span | undefined = isContainer(c) ? spanOf.get(c) : layer !== undefined ? [layer, layer] : undefined;
        if (!s) continue;
        first = Math.min(first, s[0]);
        last = Math.max(last, s[1]);
        if (!isContainer(c)) spanOf.set(c, s);
      }
      if (first <= last) spanOf.set(id, [first, last]);
    }
  };
  computeSpans();
  // A domain with nothing inside sits in the first band of its nearest non-empty container, after its siblings.
  for (const id of nodes) {
    if (isContainer(id) || leafLayer.has(id)) continue;
    let holder = tree.parentOf.get(id);
    while (holder !== undefined && !spanOf.has(holder)) holder = tree.parentOf.get(holder);
    leafLayer.set(id, { layer: spanOf.get(holder ?? ROOT)?.[0] ?? 0, order: Infinity });
  }
  computeSpans();

  // How many title bars (bottom paddings) stack up where a container starts (ends).
  const topDepth = new Map<string, number>();
  const bottomDepth = new Map<string, number>();
  for (const id of postOrder) {
    if (id === ROOT) continue;
    const [first, last] = spanOf.get(id)!;
    const inner = kids(id).filter((c) => isContainer(c));
    topDepth.set(id, 1 + Math.max(0, ...inner.filter((c) => spanOf.get(c)![0] === first).map((c) => topDepth.get(c)!)));
    bottomDepth.set(id, 1 + Math.max(0, ...inner.filter((c) => spanOf.get(c)![1] === last).map((c) => bottomDepth.get(c)!)));
  }

  const layerCount = spanOf.get(ROOT)![1] + 1;
  const bandSize = new Array<number>(layerCount).fill(0);
  for (const [id, l] of leafLayer) bandSize[l.layer] = Math.max(bandSize[l.layer], main(sizeOf(id)));
  const titlesBefore = new Array<number>(layerCount).fill(0);
  const paddingAfter = new Array<number>(layerCount).fill(0);
  for (const [id, depth] of topDepth) titlesBefore[spanOf.get(id)![0]] = Math.max(titlesBefore[spanOf.get(id)![0]], depth);
  for (const [id, depth] of bottomDepth) paddingAfter[spanOf.get(id)![1]] = Math.max(paddingAfter[spanOf.get(id)![1]], depth);
  const bandStart: number[] = [];
  for (let r = 0; r < layerCount; r++) {
    const tiers = options.tierOfBand;
    const gap = tiers && tiers[r] === tiers[r - 1] ? ROW_GAP : LAYER_GAP;
    const previousEnd = r === 0 ? ROOT_MARGIN : bandStart[r - 1] + bandSize[r - 1] + paddingAfter[r - 1] * pad.mainEnd + gap;
    bandStart.push(previousEnd + titlesBefore[r] * pad.mainStart);
  }

  // Layer axis: absolute start and extent of every node.
  const mainStart = new Map<string, number>([[ROOT, 0]]);
  const mainSize = new Map<string, number>();
  for (const id of nodes) {
    if (isContainer(id)) {
      const [first, last] = spanOf.get(id)!;
      const start = bandStart[first] - topDepth.get(id)! * pad.mainStart;
      mainStart.set(id, start);
      mainSize.set(id, bandStart[last] + bandSize[last] + bottomDepth.get(id)! * pad.mainEnd - start);
    } else {
      const layer = leafLayer.get(id)!.layer;
      mainStart.set(id, bandStart[layer] + (bandSize[layer] - main(sizeOf(id))) / 2);
      mainSize.set(id, main(sizeOf(id)));
    }
  }

  // Across the layers: order and pack each container's children (packing.ts).
  const neighbours = new Map<string, string[]>();
  for (const [from, to] of dependencies) {
    neighbours.set(from, [...(neighbours.get(from) ?? []), to]);
    neighbours.set(to, [...(neighbours.get(to) ?? []), from]);
  }
  const { start: crossStart, size: crossSize } = packAcross({
    containers: postOrder,
    childrenOf: kids,
    isContainer,
    containerOf: (id) => (id === ROOT ? undefined : (tree.parentOf.get(id) ?? ROOT)),
    spanOf: (id) => spanOf.get(id)!,
    leafSize: (id) => cross(sizeOf(id)),
    elkOrder: (id) => leafLayer.get(id)!.order,
    neighbours: (id) => (neighbours.get(id) ?? []).filter((n) => leafLayer.has(n)),
    startPadding: (id) => (id === ROOT ? ROOT_MARGIN : pad.crossStart),
    endPadding: pad.crossEnd,
    minContainerSize: cross(EMPTY_CONTAINER_SIZE),
    gap: NODE_GAP,
    documentRank: (id) => tree.domainRank.get(id),
    quick: options.quick,
    containersFirst: options.tierOfBand !== undefined && options.tierOfBand.some((tier, band) => tier !== band),
  });

  const out = new Map<string, Placed>();
  for (const id of nodes) {
    const relMain = Math.round(mainStart.get(id)! - mainStart.get(tree.parentOf.get(id) ?? ROOT)!);
    const relCross = Math.round(crossStart.get(id)!);
    const mainExtent = Math.round(mainSize.get(id)!);
    const crossExtent = isContainer(id) ? Math.round(crossSize.get(id)!) : cross(sizeOf(id));
    out.set(id, {
      position: tb ? { x: relCross, y: relMain } : { x: relMain, y: relCross },
      size: tb ? { width: crossExtent, height: mainExtent } : { width: mainExtent, height: crossExtent },
    });
  }
  return out;
}
