// Pairs without a BDD (the Monte Carlo path). Two elements that are not SPOFs fail a
// client together only if some pool or group loses members to both and, together, more
// than its slack (alive − minimum): any other combination is just the union of two
// harmless blast radii. So only such candidates are tried, by propagation, one pair of
// classes of interchangeable elements at a time (singleScan.ts: a pool of 1,000 that needs
// 999 is one try for its 499,500 pairs). Bounded three ways, each said in the report: `cap`
// pairs found, MAX_PAIR_TRIES candidates, MAX_PAIR_WORK changes of state propagated.
import type { Propagator } from './propagate';
import { membersOf, type SingleScan } from './singleScan';
import type { Structure } from './structure';

/** Candidate pairs of classes collected at most. */
export const MAX_PAIR_TRIES = 1_000_000;
/**
 * Changes of state propagated in all the tries at most (a count of work, not a clock, so the
 * same design gives the same pairs; about a second): each try propagates both falls again (a
 * zone's is a thousand changes), and an estate at every limit has 280,000 candidates.
 */
export const MAX_PAIR_WORK = 20_000_000;

export type FoundPairs = Map<number, { a: number; b: number; clients: Set<number> }>;

export interface PairSearch {
  pairs: FoundPairs;
  capped: false | 'pairs' | 'tries' | 'work';
  /** Candidate pairs of classes collected, and how many of them were tried. */
  candidates: number;
  tried: number;
}

export function pairsByPropagation(s: Structure, prop: Propagator, scan: SingleScan, cap: number, workBudget = MAX_PAIR_WORK): PairSearch {
  const { xs, ys, likelihood, full } = candidatePairs(s, scan);
  const alreadyDown = new Set(s.clients.filter((c) => prop.componentDown[c]));
  const pairs: FoundPairs = new Map();
  const n = s.elements.length;
  /** Every pair of members of x and y (x = y: two of x's), all failing `clients`; false once `cap` is reached. */
  const addAll = (x: number, y: number, clients: Set<number>): boolean => {
    const xm = membersOf(scan, x);
    const ym = membersOf(scan, y);
    for (let i = 0; i < xm.length; i++) {
      for (let j = x === y ? i + 1 : 0; j < ym.length; j++) {
        const a = Math.min(xm[i], ym[j]);
        const b = Math.max(xm[i], ym[j]);
        pairs.set(a * n + b, { a, b, clients });
        if (pairs.size >= cap) return false;
      }
    }
    return true;
  };
  // Most probable first, so that a search cut by its work is the most probable part of it.
  const order = Array.from(xs, (_, k) => k).sort((a, b) => likelihood[b] - likelihood[a] || xs[a] - xs[b] || ys[a] - ys[b]);
  let work = 0;
  let tried = 0;
  const result = (capped: PairSearch['capped']): PairSearch => ({ pairs, capped, candidates: xs.length, tried });
  for (const k of order) {
    if (work >= workBudget) return result('work');
    const x = xs[k];
    const y = ys[k];
    tried++;
    const mark = prop.mark();
    const fallen = prop.fail([x, x === y ? membersOf(scan, x)[1] : y]);
    work += prop.mark() - mark;
    const clients = new Set(fallen.filter((c) => s.components[c].isClient && !alreadyDown.has(c)));
    prop.undo(mark);
    if (clients.size > 0 && !addAll(x, y, clients)) return result('pairs');
  }
  return result(full ? 'tries' : false);
}

/** Pairs of classes that weaken one threshold past its slack together, each once, with the probability of its likeliest pair. */
function candidatePairs(s: Structure, scan: SingleScan): { xs: number[]; ys: number[]; likelihood: number[]; full: boolean } {
  const n = s.elements.length;
  const seen = new Set<number>();
  const xs: number[] = [];
  const ys: number[] = [];
  const likelihood: number[] = [];
  const worstOf = new Map<number, number>();
  const worst = (cls: number) => {
    let q = worstOf.get(cls);
    if (q === undefined) {
      q = 0;
      for (const e of membersOf(scan, cls)) q = Math.max(q, 1 - s.elements[e].availability);
      worstOf.set(cls, q);
    }
    return q;
  };
  for (const [key, list] of scan.weakening) {
    const slack = scan.slackOf.get(key)!;
    list.sort((p, q) => q.decrement - p.decrement);
    for (let i = 0; i < list.length; i++) {
      for (let j = i; j < list.length && list[i].decrement + list[j].decrement > slack; j++) {
        const x = Math.min(list[i].cls, list[j].cls);
        const y = Math.max(list[i].cls, list[j].cls);
        // Two of one class: only when it has two.
        if ((x === y && membersOf(scan, x).length < 2) || seen.has(x * n + y)) continue;
        if (seen.size >= MAX_PAIR_TRIES) return { xs, ys, likelihood, full: true };
        seen.add(x * n + y);
        xs.push(x);
        ys.push(y);
        likelihood.push(worst(x) * worst(y));
      }
    }
  }
  return { xs, ys, likelihood, full: false };
}
