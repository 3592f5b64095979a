// The layering of a large design without ELK (issue 20, "the canvas at real size").
//
// ELK's layered algorithm grows much faster than the design: measured on the synthetic
// estate, 10 s of CPU at 1,000 components and over 30 s at 5,000 even with its crossing
// minimisation switched off (its network-simplex layering alone), so a user opening a large
// estate waited minutes. Above LARGE_DESIGN components the layering is computed here in
// linear time per step, with the same meaning as ELK's: dependencies point to later layers,
// clients nothing depends on stay in the first, and an order within each layer that keeps
// linked components near each other. What follows (wrapping, bands, packing) is the same.
import type { LeafLayer } from './elkGraph';

/** Above this many components the layering is this file's, not ELK's. */
export const LARGE_DESIGN = 500;
/**
 * Or above this many dependencies between them: ELK's time follows the links too. The pools at
 * the limits (300 components, 20,000 links) took ELK 45-52 s of CPU, past the layout worker's
 * one-minute limit on a busy machine; the 500-component estate's 1,299 links take it 2-3 s.
 */
export const LARGE_DESIGN_LINKS = 2000;

/** Whether a design is layered here (quickLayers) rather than by ELK. */
export const isLargeDesign = (components: number, dependencies: number) => components > LARGE_DESIGN || dependencies > LARGE_DESIGN_LINKS;
/** Down-and-up sweeps of the barycentre ordering: the crossings stop falling noticeably after a few. */
const SWEEPS = 4;

/**
 * Each component's layer (0 first) and its order within the layer, from the dependencies
 * between them (from -> to: `to` goes in a later layer). Deterministic: ties keep the order
 * of `componentIds` (the document's).
 */
export function quickLayers(
  componentIds: string[],
  dependencies: [string, string][],
  /** Entry points (clients) that nothing depends on: kept in the first layer. */
  entries: Set<string> = new Set(),
): Map<string, LeafLayer> {
  const n = componentIds.length;
  const index = new Map(componentIds.map((id, i) => [id, i]));
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [from, to] of dependencies) {
    const a = index.get(from);
    const b = index.get(to);
    if (a !== undefined && b !== undefined && a !== b) out[a].push(b);
  }
  const { succ, pred, topo } = acyclic(out);
  const layer = layering(succ, pred, topo, componentIds.map((id) => entries.has(id)));
  const position = ordering(succ, pred, layer);
  return new Map(componentIds.map((id, i) => [id, { layer: layer[i], order: position[i] }]));
}

/**
 * The graph made acyclic (a depth-first search in document order turns every edge back to a
 * node still on its path around, as ELK's cycle breaking does), its edges without duplicates,
 * and a topological order.
 */
function acyclic(out: number[][]): { succ: number[][]; pred: number[][]; topo: number[] } {
  const n = out.length;
  const state = new Uint8Array(n); // 0 unseen, 1 on the path, 2 done
  const succ: number[][] = Array.from({ length: n }, () => []);
  const finished: number[] = [];
  const edges = new Set<number>();
  const add = (a: number, b: number) => {
    if (edges.has(a * n + b)) return;
    edges.add(a * n + b);
    succ[a].push(b);
  };
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0) continue;
    // Iterative: a 5,000-deep chain must not overflow the stack.
    const stack: [node: number, next: number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [v, i] = top;
      if (i < out[v].length) {
        top[1]++;
        const w = out[v][i];
        if (state[w] === 1) add(w, v);
        else add(v, w);
        if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        finished.push(v);
        stack.pop();
      }
    }
  }
  const pred: number[][] = Array.from({ length: n }, () => []);
  for (let a = 0; a < n; a++) for (const b of succ[a]) pred[b].push(a);
  // Kahn's algorithm, seeded in reverse finishing order so that ties follow the search.
  return { succ, pred, topo: kahn(succ, pred, finished.reverse()) };
}

function kahn(succ: number[][], pred: number[][], seed: number[]): number[] {
  const n = succ.length;
  const waiting = pred.map((p) => p.length);
  const ready = seed.filter((v) => waiting[v] === 0);
  const topo: number[] = [];
  for (let head = 0; head < ready.length; head++) {
    const v = ready[head];
    topo.push(v);
    for (const w of succ[v]) if (--waiting[w] === 0) ready.push(w);
  }
  if (topo.length !== n) throw new Error('the layering graph still has a cycle');
  return topo;
}

/**
 * Longest path from the sources (every node right below its deepest predecessor), then, from
 * the bottom up, a node with more dependencies below than above moves down to just above its
 * nearest successor: the total length of the edges shrinks, as ELK's network simplex aims
 * for. A source that is not an entry thus sits next to what it calls, not among the clients.
 */
function layering(succ: number[][], pred: number[][], topo: number[], entry: boolean[]): number[] {
  const layer = new Array<number>(succ.length).fill(0);
  for (const v of topo) for (const w of succ[v]) layer[w] = Math.max(layer[w], layer[v] + 1);
  for (let k = topo.length - 1; k >= 0; k--) {
    const v = topo[k];
    if (entry[v] || succ[v].length === 0 || succ[v].length <= pred[v].length) continue;
    let nearest = Infinity;
    for (const w of succ[v]) nearest = Math.min(nearest, layer[w]);
    layer[v] = Math.max(layer[v], nearest - 1);
  }
  return layer;
}

/**
 * The order within each layer: the document's first, then barycentre sweeps, down (by the
 * predecessors) and up (by the successors). A neighbour's place is its rank in its layer
 * divided by the layer's size, so a long edge into a narrow layer counts as much as a short one.
 * The result is that fraction (0 to 1): comparable across layers, as ELK's coordinates are.
 */
function ordering(succ: number[][], pred: number[][], layer: number[]): number[] {
  const n = layer.length;
  const layerCount = n === 0 ? 0 : Math.max(...layer) + 1;
  const members: number[][] = Array.from({ length: layerCount }, () => []);
  for (let v = 0; v < n; v++) members[layer[v]].push(v);
  const place = new Float64Array(n);
  const settle = (l: number) => members[l].forEach((v, i) => (place[v] = (i + 0.5) / members[l].length));
  for (let l = 0; l < layerCount; l++) settle(l);

  // One array of keys for every sweep (each reads only its layer's entries): one per sweep was
  // n per layer, quadratic on a 10,000-long chain of 10,000 layers (9 s of its layout).
  const key = new Float64Array(n);
  const sweep = (l: number, neighbours: number[][]) => {
    for (const v of members[l]) {
      const ns = neighbours[v];
      if (ns.length === 0) {
        key[v] = place[v];
        continue;
      }
      let sum = 0;
      for (const w of ns) sum += place[w];
      key[v] = sum / ns.length;
    }
    // Stable: equal keys keep their current order (at first, the document's).
    members[l].sort((a, b) => key[a] - key[b] || place[a] - place[b]);
    settle(l);
  };
  for (let s = 0; s < SWEEPS; s++) {
    for (let l = 1; l < layerCount; l++) sweep(l, pred);
    for (let l = layerCount - 2; l >= 0; l--) sweep(l, succ);
  }
  return [...place];
}
