// Nests the domains around ELK's global layering (see elkGraph.ts for why).
//
// Along the layer axis (y for TB, x for LR) every layer is one band shared by the
// whole drawing, so an edge always runs from an earlier band to a later one, even
// when it enters or leaves a zone. A domain spans the bands of the components
// inside it; the gap before a band makes room for the title bars of the domains
// that start there (nested ones stacked) and the gap after it for the bottom
// padding of the domains that end there, so boxes in different bands never touch.
// Across the layers, the children of each container are packed in ELK's order: a
// child goes right after every earlier sibling whose bands it shares, so a pool in
// the region can sit between the two zones it spans, in the bands between them.
import { ROOT, type ContainerTree } from './containers';
import type { LeafLayer } from './elkGraph';
import { CONTAINER_PADDING, EMPTY_CONTAINER_SIZE, type Direction, type Point, type Size } from './types';

/** A node's place: position relative to its parent container (absolute at the root), and its size. */
export interface Placed {
  position: Point;
  size: Size;
}

const LAYER_GAP = 64;
const NODE_GAP = 40;
const ROOT_MARGIN = 24;

type Span = readonly [first: number, last: number];

export function placeInBands(
  tree: ContainerTree,
  nodes: Set<string>,
  componentLayers: Map<string, LeafLayer>,
  sizeOf: (id: string) => Size,
  direction: Direction,
): Map<string, Placed> {
  const tb = direction === 'TB';
  const pad: Record<'mainStart' | 'mainEnd' | 'crossStart' | 'crossEnd', number> = tb
    ? { mainStart: CONTAINER_PADDING.top, mainEnd: CONTAINER_PADDING.bottom, crossStart: CONTAINER_PADDING.left, crossEnd: CONTAINER_PADDING.right }
    : { mainStart: CONTAINER_PADDING.left, mainEnd: CONTAINER_PADDING.right, crossStart: CONTAINER_PADDING.top, crossEnd: CONTAINER_PADDING.bottom };
  const main = (s: Size) => (tb ? s.height : s.width);
  const cross = (s: Size) => (tb ? s.width : s.height);
  const kids = (id: string) => (tree.childrenOf.get(id) ?? []).filter((c) => nodes.has(c));
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
    const previousEnd = r === 0 ? ROOT_MARGIN : bandStart[r - 1] + bandSize[r - 1] + paddingAfter[r - 1] * pad.mainEnd + LAYER_GAP;
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

  // Across the layers: pack each container's children, innermost containers first.
  const crossStart = new Map<string, number>();
  const crossSize = new Map<string, number>();
  const orderKey = (id: string): number => {
    if (!isContainer(id)) return leafLayer.get(id)!.order;
    const keys = kids(id).map(orderKey).filter(Number.isFinite);
    return keys.length > 0 ? keys.reduce((a, b) => a + b, 0) / keys.length : Infinity;
  };
  for (const id of postOrder) {
    const children = kids(id)
      .map((c, index) => ({ c, index, key: orderKey(c) }))
      .sort((a, b) => a.key - b.key || a.index - b.index)
      .map((k) => k.c);
    const placed: { span: Span; start: number; size: number }[] = [];
    const first = id === ROOT ? ROOT_MARGIN : pad.crossStart;
    let end = first;
    for (const c of children) {
      const span = spanOf.get(c)!;
      const size = isContainer(c) ? crossSize.get(c)! : cross(sizeOf(c));
      let start = first;
      for (const p of placed) if (p.span[0] <= span[1] && span[0] <= p.span[1]) start = Math.max(start, p.start + p.size + NODE_GAP);
      placed.push({ span, start, size });
      crossStart.set(c, start);
      end = Math.max(end, start + size);
    }
    crossSize.set(id, Math.max(cross(EMPTY_CONTAINER_SIZE), end + pad.crossEnd));
  }

  const out = new Map<string, Placed>();
  for (const id of nodes) {
    const relMain = Math.round(mainStart.get(id)! - mainStart.get(tree.parentOf.get(id) ?? ROOT)!);
    const relCross = Math.round(crossStart.get(id)!);
    const m = Math.round(mainSize.get(id)!);
    const x = isContainer(id) ? Math.round(crossSize.get(id)!) : cross(sizeOf(id));
    out.set(id, {
      position: tb ? { x: relCross, y: relMain } : { x: relMain, y: relCross },
      size: tb ? { width: x, height: m } : { width: m, height: x },
    });
  }
  return out;
}
