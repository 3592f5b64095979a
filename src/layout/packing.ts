// Across the layers (x for TB, y for LR): the order of each container's children
// and where they go. Three steps:
// 1. Order each container's children by ELK's flat layout (a container by the mean
//    place of the components inside it).
// 2. Improve that order by swapping neighbours while the total length of the
//    dependency edges across the layers shrinks: this sees through the containers,
//    which ELK could not (a pool in the region moves between the two zones it links).
// 3. Pack: a child goes right after every earlier sibling whose bands it shares,
//    so boxes never overlap, the order holds, and each container is as narrow as
//    that allows.
// 4. Use the slack: within its container's packed size, each child moves towards
//    the mean place of the nodes outside it that it is linked to (a DNS centred
//    above its two LBs). Sizes never change in this step, so nothing drifts.
// A sparse container is packed on its own instead (packSparse): when its children
// are so spread over the bands that keeping their order wastes much of its width.
export type Span = readonly [first: number, last: number];

export interface PackingInput {
  /** Containers, inner ones before outer ones, the root last. */
  containers: string[];
  childrenOf: (container: string) => string[];
  isContainer: (id: string) => boolean;
  /** Container of a node: the root's id at the top level, undefined for the root itself. */
  containerOf: (id: string) => string | undefined;
  spanOf: (id: string) => Span;
  /** A leaf's extent across the layers. */
  leafSize: (leaf: string) => number;
  /** A leaf's place in ELK's flat layout (Infinity: none, goes last). */
  elkOrder: (leaf: string) => number;
  /** Leaves linked to a leaf by a dependency, either way. */
  neighbours: (leaf: string) => string[];
  /** Where the first child starts inside a container, and the margin after the last. */
  startPadding: (container: string) => number;
  endPadding: number;
  minContainerSize: number;
  gap: number;
  /** A domain's place in the document: sibling domains keep this order (regions and zones as written). */
  documentRank: (id: string) => number | undefined;
  /** Only order by ELK and pack (no swaps, no pull towards links): the extents, quickly. */
  quick?: boolean;
  /**
   * Sub-containers before the other children, in the document's order (wrapped tiers: a zone
   * that spans every row is a column, and the rows of services start after the columns
   * instead of stepping right past each zone that ELK's order put before them).
   */
  containersFirst?: boolean;
}

export interface Packed {
  /** Start across the layers, relative to the container. */
  start: Map<string, number>;
  /** Extent across the layers. */
  size: Map<string, number>;
  /** The containers packed by packSparse: their children's order means nothing, and no step moves them. */
  sparse: Set<string>;
}

/** Rounds of neighbour swaps; each costs one packing of the container per adjacent pair. */
const SWAP_ROUNDS = 3;
/** Rounds of moving nodes towards their links within the slack; each starts from the previous placement. */
const PULL_ROUNDS = 3;
/**
 * A container is packed on its own (packSparse) when that makes it at least a quarter
 * narrower than its children in order, and by more than a screen (1,600 px at a zoom of 1):
 * a zone or two spanning more bands than the rest costs less than that, and in a drawing
 * that small the document's order and the shorter links read better than the room saved.
 */
const SPARSE_GAIN = 0.75;
const SPARSE_SAVING = 1600;
const isSparse = (inOrder: number, onItsOwn: number) => onItsOwn < SPARSE_GAIN * inOrder && inOrder - onItsOwn > SPARSE_SAVING;

export function packAcross(input: PackingInput): Packed {
  const leavesUnder = new Map<string, string[]>();
  for (const c of input.containers) {
    leavesUnder.set(c, input.childrenOf(c).flatMap((k) => (input.isContainer(k) ? leavesUnder.get(k)! : [k])));
  }
  const members = (id: string) => (input.isContainer(id) ? leavesUnder.get(id)! : [id]);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  const order = new Map<string, string[]>();
  for (const c of input.containers) {
    const sorted = sortBy(input.childrenOf(c), (k) => {
      const keys = members(k).map(input.elkOrder).filter(Number.isFinite);
      return keys.length > 0 ? mean(keys) : Infinity;
    });
    const ordered = inDocumentOrder(sorted, input.documentRank);
    const isDomain = (k: string) => input.documentRank(k) !== undefined;
    order.set(c, input.containersFirst ? [...ordered.filter(isDomain), ...ordered.filter((k) => !isDomain(k))] : ordered);
  }

  const memo: SparseMemo = new Map();
  if (input.quick) return place(input, order, memo);
  let packed = improveOrder(input, order, members, memo);
  // Wrapped tiers stay packed from the start of their container: pulled towards their links,
  // each row drifted after the one above and a region came out as a staircase.
  if (input.containersFirst) return packed;

  const inside = (node: string, box: string) => {
    for (let cur: string | undefined = node; cur !== undefined; cur = input.containerOf(cur)) if (cur === box) return true;
    return false;
  };
  for (let round = 0; round < PULL_ROUNDS; round++) {
    const { center, start } = absoluteCenters(input, packed);
    const wanted = new Map<string, number>();
    for (const c of input.containers) {
      for (const k of input.childrenOf(c)) {
        const linked = members(k).flatMap((m) => input.neighbours(m).filter((n) => !inside(n, k)).map((n) => center.get(n)!));
        wanted.set(k, linked.length > 0 ? mean(linked) - packed.size.get(k)! / 2 - start.get(c)! : packed.start.get(k)!);
      }
    }
    packed = useSlack(input, order, packed, wanted);
  }
  return packed;
}

/**
 * Swaps adjacent children of each container while that shortens the dependency
 * edges across the layers. A swap is judged inside its container only (the
 * container's place and the subtrees' insides stay as they are), so it costs one
 * packing of that container, not of the whole drawing.
 */
function improveOrder(input: PackingInput, order: Map<string, string[]>, members: (id: string) => string[], memo: SparseMemo): Packed {
  const packed = place(input, order, memo);
  const neighbours = new Map<string, string[]>();
  const neighboursOf = (m: string) => neighbours.get(m) ?? neighbours.set(m, input.neighbours(m)).get(m)!;
  // The absolute places, made again only after a container's order changed: made for each of
  // the whole estate's 5,000 containers, with the drawing packed again after each, they were
  // 576 of its layout's 580 s of CPU, and most containers keep their order.
  let centers: ReturnType<typeof absoluteCenters> | undefined;
  for (let round = 0; round < SWAP_ROUNDS; round++) {
    let improved = false;
    for (const c of input.containers) {
      const kids = order.get(c)!;
      if (kids.length < 2 || packed.sparse.has(c)) continue;
      centers ??= absoluteCenters(input, packed);
      const { start: absStart, center } = centers;
      let reordered = false;
      const inC = new Map<string, { child: string; offset: number }>();
      for (const k of kids) for (const m of members(k)) inC.set(m, { child: k, offset: center.get(m)! - absStart.get(k)! });
      const origin = absStart.get(c)!;
      const starts = packOne(input, c, kids, packed.size).start;
      const at = (m: string, startOf: (child: string) => number) => {
        const inside = inC.get(m);
        return inside ? origin + startOf(inside.child) + inside.offset : center.get(m)!;
      };
      // How much the total length of the edges at the members of C changes when the children
      // in `moved` move (to `moved`'s values): only their edges change. Summing every edge of a
      // region with thousands of children for each candidate swap was cubic. An edge to a
      // member of C that stays is counted from both of its ends in that total.
      const change = (moved: Map<string, number>) => {
        const before = (k: string) => starts.get(k)!;
        const after = (k: string) => moved.get(k) ?? starts.get(k)!;
        let delta = 0;
        for (const k of moved.keys()) {
          for (const m of members(k)) {
            const [was, now] = [at(m, before), at(m, after)];
            for (const n of neighboursOf(m)) {
              const other = inC.get(n);
              const weight = other && !moved.has(other.child) ? 2 : 1;
              delta += weight * (Math.abs(now - at(n, after)) - Math.abs(was - at(n, before)));
            }
          }
        }
        return delta;
      };
      // Where the children before the pair end, per band (packOne's state): a swap of two
      // neighbours leaves everything before them alone, and everything after them too when
      // the pair ends where it did in every band it covers (then only the two move).
      const prefix: number[] = [];
      const first = input.startPadding(c);
      const placeAfter = (k: string, ends: Map<number, number>) => {
        const [low, high] = input.spanOf(k);
        const extent = packed.size.get(k)!;
        let start = first;
        for (let band = low; band <= high; band++) {
          const end = ends.get(band) ?? prefix[band];
          if (end !== undefined) start = Math.max(start, end + input.gap);
        }
        for (let band = low; band <= high; band++) ends.set(band, Math.max(ends.get(band) ?? prefix[band] ?? -Infinity, start + extent));
        return start;
      };
      for (let i = 0; i + 1 < kids.length; i++) {
        const [left, right] = [kids[i], kids[i + 1]];
        const domains = [left, right].filter((k) => input.documentRank(k) !== undefined).length;
        if (!(domains === 2 || (domains === 1 && input.containersFirst))) {
          const [endsBefore, endsAfter] = [new Map<number, number>(), new Map<number, number>()];
          placeAfter(left, endsBefore);
          placeAfter(right, endsBefore);
          const moved = new Map<string, number>([[right, placeAfter(right, endsAfter)], [left, placeAfter(left, endsAfter)]]);
          const sameEnds = [...endsBefore].every(([band, end]) => endsAfter.get(band) === end);
          [kids[i], kids[i + 1]] = [right, left];
          if (!sameEnds) {
            // The children after the pair may move too: pack the container again.
            const next = packOne(input, c, kids, packed.size).start;
            moved.clear();
            for (const k of kids) if (next.get(k) !== starts.get(k)) moved.set(k, next.get(k)!);
          }
          for (const [k, v] of moved) if (v === starts.get(k)) moved.delete(k);
          if (moved.size > 0 && change(moved) < -0.5) {
            for (const [k, v] of moved) starts.set(k, v);
            improved = true;
            reordered = true;
          } else {
            [kids[i], kids[i + 1]] = [left, right];
          }
        }
        // kids[i] is settled for this pass: it joins the state the next pair starts from.
        const [low, high] = input.spanOf(kids[i]);
        const end = starts.get(kids[i])! + packed.size.get(kids[i])!;
        for (let band = low; band <= high; band++) prefix[band] = Math.max(prefix[band] ?? -Infinity, end);
      }
      if (reordered) {
        const top = placeAgain(input, order, memo, packed, c);
        if (centers) moveSubtree(input, packed, centers, top);
      }
    }
    if (!improved) break;
  }
  return packed;
}

/**
 * The domains among `sorted` put back in the document's order, in the slots ELK gave them:
 * US East stays left of US West and zone a left of zone b, whatever crossings ELK saw.
 */
function inDocumentOrder(sorted: string[], rank: (id: string) => number | undefined): string[] {
  const domains = sorted.filter((k) => rank(k) !== undefined).sort((a, b) => rank(a)! - rank(b)!);
  let next = 0;
  return sorted.map((k) => (rank(k) !== undefined ? domains[next++] : k));
}

function sortBy(ids: string[], keyOf: (id: string) => number): string[] {
  return ids
    .map((id, index) => ({ id, index, key: keyOf(id) }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((k) => k.id);
}

/**
 * Each sparse container's packing, by container, with the children and sizes it was packed for:
 * the swaps pack a container and those around it again after its order changed, and packing the
 * estate's region of 4,481 zones on its own each time was most of its layout's time.
 */
type SparseMemo = Map<string, { kids: string[]; sizes: number[]; packed: { start: Map<string, number>; size: number } }>;

/** Packs children in order, each right after the earlier siblings that share its bands; a sparse container on its own. */
function place(input: PackingInput, order: Map<string, string[]>, memo: SparseMemo): Packed {
  const packed: Packed = { start: new Map(), size: new Map(), sparse: new Set() };
  for (const c of input.containers) packContainer(input, order, memo, packed, c);
  return packed;
}

/**
 * `packed` after the order of `c`'s children changed: what place() gives, made again for `c`
 * and the containers around it only as far as a size changes (no other container's packing
 * depends on that order).
 */
function placeAgain(input: PackingInput, order: Map<string, string[]>, memo: SparseMemo, packed: Packed, c: string): string {
  let cur = c;
  for (;;) {
    const before = packed.size.get(cur);
    packContainer(input, order, memo, packed, cur);
    const parent = input.containerOf(cur);
    if (packed.size.get(cur) === before || parent === undefined) return cur;
    cur = parent;
  }
}

/**
 * The absolute places after placeAgain packed `top` and the containers inside it again: only
 * the nodes inside `top` moved (its own place and size are as they were, or it is the root).
 * Made again for the whole drawing, they were 11 of the whole estate's 23 s once it was shelved.
 */
function moveSubtree(input: PackingInput, packed: Packed, centers: { start: Map<string, number>; center: Map<string, number> }, top: string): void {
  const stack = [top];
  while (stack.length > 0) {
    const c = stack.pop()!;
    for (const k of input.childrenOf(c)) {
      const s = centers.start.get(c)! + packed.start.get(k)!;
      centers.start.set(k, s);
      centers.center.set(k, s + packed.size.get(k)! / 2);
      if (input.isContainer(k)) stack.push(k);
    }
  }
}

/** One container's children packed into `packed` (their starts, its size, whether it is sparse). */
function packContainer(input: PackingInput, order: Map<string, string[]>, memo: SparseMemo, packed: Packed, c: string): void {
  const { start, size, sparse } = packed;
  const kids = order.get(c)!;
  for (const k of kids) if (!input.isContainer(k)) size.set(k, input.leafSize(k));
  let one = packOne(input, c, kids, size);
  sparse.delete(c);
  // No packing is narrower than the container's busiest band: where that is most of its
  // width (the whole estate, whose zones all cross its middle tiers), packSparse is not tried.
  if (kids.length > 2 && isSparse(one.size, busiestBand(input, c, kids, size))) {
    const sizes = kids.map((k) => size.get(k)!);
    const known = memo.get(c);
    const same = known && known.kids.every((k, i) => k === kids[i]) && known.sizes.every((v, i) => v === sizes[i]);
    const onItsOwn = same ? known.packed : packSparse(input, c, kids, size);
    if (!same) memo.set(c, { kids: [...kids], sizes, packed: onItsOwn });
    if (isSparse(one.size, onItsOwn.size)) {
      one = onItsOwn;
      sparse.add(c);
    }
  }
  one.start.forEach((v, k) => start.set(k, v));
  size.set(c, one.size);
}

/**
 * One container packed on its own: the children spanning the most bands first, each at the
 * first place where it fits in every band it spans, gaps between earlier ones included. In
 * order, each child went after every earlier sibling sharing one of its bands, so a zone
 * whose two components sit twenty tiers apart pushed all of those bands to its right, and
 * the one-component zones of a tier of the estate at a tenth ended up 1,300 px apart, not
 * 290. Containers spanning the same bands are columns side by side, as in order; the rest
 * fill the bands between them, each band in the given order.
 */
function packSparse(input: PackingInput, c: string, kids: string[], sizes: Map<string, number>): { start: Map<string, number>; size: number } {
  const span = (k: string) => input.spanOf(k)[1] - input.spanOf(k)[0];
  const byReach = kids.map((k, i) => ({ k, i, reach: span(k) })).sort((a, b) => b.reach - a.reach || a.i - b.i);
  // Per band, the children placed in it as [start, end) pairs, sorted and apart.
  const taken: number[][][] = [];
  const start = new Map<string, number>();
  const first = input.startPadding(c);
  let end = first;
  for (const { k } of byReach) {
    const [low, high] = input.spanOf(k);
    const extent = sizes.get(k)!;
    let at = first;
    // Each clash moves the child past the box it meets; a place clear in every band ends the search.
    for (let moved = true; moved; ) {
      moved = false;
      for (let b = low; b <= high; b++) {
        const band = taken[b];
        if (!band) continue;
        // Past every box of this band in the way at once: one at a time, a zone crossing
        // thousands of columns took one step per band for each of them.
        for (let i = firstReaching(band, at - input.gap); i < band.length && band[i][0] < at + extent + input.gap; i++) {
          at = band[i][1] + input.gap;
          moved = true;
        }
      }
    }
    for (let b = low; b <= high; b++) insertSorted((taken[b] ??= []), [at, at + extent]);
    start.set(k, at);
    end = Math.max(end, at + extent);
  }
  return { start, size: Math.max(input.minContainerSize, end + input.endPadding) };
}

/** The most room the children take across any one band, with their gaps and the container's padding. */
function busiestBand(input: PackingInput, c: string, kids: string[], sizes: Map<string, number>): number {
  const taken: number[] = [];
  for (const k of kids) {
    const [low, high] = input.spanOf(k);
    for (let b = low; b <= high; b++) taken[b] = (taken[b] ?? -input.gap) + sizes.get(k)! + input.gap;
  }
  let most = 0;
  for (const t of taken) if (t !== undefined) most = Math.max(most, t);
  return input.startPadding(c) + most + input.endPadding;
}

/** The index of the first of the sorted, disjoint intervals that ends after `x`. */
function firstReaching(intervals: number[][], x: number): number {
  let [lo, hi] = [0, intervals.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid][1] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function insertSorted(intervals: number[][], interval: number[]): void {
  let i = intervals.length;
  while (i > 0 && intervals[i - 1][0] > interval[0]) i--;
  intervals.splice(i, 0, interval);
}

/** One container: its children's starts (in the given order) and its own size. */
function packOne(input: PackingInput, c: string, kids: string[], sizes: Map<string, number>): { start: Map<string, number>; size: number } {
  const start = new Map<string, number>();
  // Where the children placed so far end, per band: a child starts after every one sharing a band.
  const bandEnd: number[] = [];
  const first = input.startPadding(c);
  let end = first;
  for (const k of kids) {
    const [low, high] = input.spanOf(k);
    const extent = sizes.get(k)!;
    let at = first;
    for (let b = low; b <= high; b++) if (bandEnd[b] !== undefined) at = Math.max(at, bandEnd[b] + input.gap);
    for (let b = low; b <= high; b++) bandEnd[b] = Math.max(bandEnd[b] ?? -Infinity, at + extent);
    start.set(k, at);
    end = Math.max(end, at + extent);
  }
  return { start, size: Math.max(input.minContainerSize, end + input.endPadding) };
}

/**
 * Moves each child to its wanted start, within what its container's packed size
 * leaves: no earlier than the earlier siblings sharing its bands allow, no later
 * than the later ones still need (their right-packed places).
 */
function useSlack(input: PackingInput, order: Map<string, string[]>, packed: Packed, wanted: Map<string, number>): Packed {
  const start = new Map<string, number>();
  for (const c of input.containers) {
    const kids = order.get(c)!;
    if (packed.sparse.has(c)) {
      for (const k of kids) start.set(k, packed.start.get(k)!);
      continue;
    }
    const latest = new Map<string, number>();
    const limit = packed.size.get(c)! - input.endPadding;
    // Per band, the latest start of the later children in it (then the end of the earlier ones).
    const bandLatest: number[] = [];
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      const [low, high] = input.spanOf(k);
      const size = packed.size.get(k)!;
      let at = limit - size;
      for (let b = low; b <= high; b++) if (bandLatest[b] !== undefined) at = Math.min(at, bandLatest[b] - input.gap - size);
      for (let b = low; b <= high; b++) bandLatest[b] = Math.min(bandLatest[b] ?? Infinity, at);
      latest.set(k, at);
    }
    const bandEnd: number[] = [];
    for (const k of kids) {
      const [low, high] = input.spanOf(k);
      let earliest = input.startPadding(c);
      for (let b = low; b <= high; b++) if (bandEnd[b] !== undefined) earliest = Math.max(earliest, bandEnd[b] + input.gap);
      const at = Math.min(Math.max(Math.round(wanted.get(k)!), earliest), Math.max(earliest, latest.get(k)!));
      start.set(k, at);
      for (let b = low; b <= high; b++) bandEnd[b] = Math.max(bandEnd[b] ?? -Infinity, at + packed.size.get(k)!);
    }
  }
  return { start, size: packed.size, sparse: packed.sparse };
}

/** The absolute start and centre across the layers of every node, in the root's coordinates. */
function absoluteCenters(input: PackingInput, packed: Packed): { start: Map<string, number>; center: Map<string, number> } {
  const root = input.containers.at(-1)!;
  const start = new Map<string, number>([[root, 0]]);
  const center = new Map<string, number>();
  for (const c of [...input.containers].reverse()) {
    for (const k of input.childrenOf(c)) {
      const s = start.get(c)! + packed.start.get(k)!;
      start.set(k, s);
      center.set(k, s + packed.size.get(k)! / 2);
    }
  }
  return { start, center };
}
