// Exact quantities read off a BDD: probabilities, Birnbaum importance in one backward
// pass, and the single and double failures that falsify a function.
import type { Bdd } from './bdd';

/**
 * P(f) and Q(f) = 1 − P(f) of every node up to `last`, each as a sum of positive terms
 * (Shannon expansion) so that a tiny unavailability keeps its relative precision.
 * Children are always created before their parents, so one pass in id order suffices.
 */
export function nodeProbabilities(bdd: Bdd, up: Float64Array, last: number): { P: Float64Array; Q: Float64Array } {
  const P = new Float64Array(last + 1);
  const Q = new Float64Array(last + 1);
  P[1] = 1;
  Q[0] = 1;
  const { level, lo, hi } = bdd;
  for (let n = 2; n <= last; n++) {
    const p = up[level[n]];
    const q = 1 - p;
    P[n] = p * P[hi[n]] + q * P[lo[n]];
    Q[n] = p * Q[hi[n]] + q * Q[lo[n]];
  }
  return { P, Q };
}

/**
 * Birnbaum importance of every level for the function at `root`: ∂P(root)/∂p_x
 * = Σ over nodes u labelled x of reach(u)·(P(hi u) − P(lo u)), with reach the
 * probability of the path from the root to u (a top-down pass in reverse id order).
 */
export function birnbaumOf(bdd: Bdd, root: number, up: Float64Array, Q: Float64Array, levels: number): Float64Array {
  const out = new Float64Array(levels);
  if (root < 2) return out;
  const reach = new Float64Array(root + 1);
  reach[root] = 1;
  const { level, lo, hi } = bdd;
  for (let n = root; n >= 2; n--) {
    const r = reach[n];
    if (r === 0) continue;
    const x = level[n];
    const p = up[x];
    reach[hi[n]] += r * p;
    reach[lo[n]] += r * (1 - p);
    // P(hi) − P(lo) written as Q(lo) − Q(hi): both small, no cancellation against 1.
    out[x] += r * (Q[lo[n]] - Q[hi[n]]);
  }
  return out;
}

/**
 * The levels whose single failure falsifies `root`, and the pairs whose joint failure
 * does while neither alone does, starting from the base state (`baseUp`: 1 = up).
 * singles(u) is a shared linked list, built bottom-up in one pass: u's level when its
 * low child is false in the base state, then the singles of the child the base state
 * follows. A pair {x, v} with x above v: x on the root's base path, v a single of lo(x).
 */
export function cutsOfOrderTwo(
  bdd: Bdd, root: number, baseUp: Uint8Array, maxPairs = Infinity,
): { singles: number[]; pairs: [number, number][]; capped: boolean } {
  const singles: number[] = [];
  const pairs: [number, number][] = [];
  let capped = false;
  if (root < 2) return { singles, pairs, capped };
  const { level, lo, hi } = bdd;
  const value = new Uint8Array(root + 1);
  const head = new Int32Array(root + 1).fill(-1);
  const cellLevel: number[] = [];
  const cellNext: number[] = [];
  value[1] = 1;
  for (let n = 2; n <= root; n++) {
    const x = level[n];
    if (baseUp[x]) {
      value[n] = value[hi[n]];
      if (!value[n]) continue;
      if (value[lo[n]] === 0) {
        cellLevel.push(x);
        cellNext.push(head[hi[n]]);
        head[n] = cellLevel.length - 1;
      } else head[n] = head[hi[n]];
    } else {
      value[n] = value[lo[n]];
      head[n] = head[lo[n]];
    }
  }
  if (!value[root]) return { singles, pairs, capped };
  for (let c = head[root]; c >= 0; c = cellNext[c]) singles.push(cellLevel[c]);
  let u = root;
  while (u >= 2) {
    const x = level[u];
    if (!baseUp[x]) {
      u = lo[u];
      continue;
    }
    if (value[lo[u]] === 1) {
      for (let c = head[lo[u]]; c >= 0; c = cellNext[c]) {
        if (pairs.length >= maxPairs) {
          capped = true;
          break;
        }
        pairs.push([x, cellLevel[c]]);
      }
    }
    u = hi[u];
  }
  return { singles, pairs, capped };
}
