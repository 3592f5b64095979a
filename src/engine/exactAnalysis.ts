// The exact method: compile the clients' structure functions to BDDs, then read off
// availability, Birnbaum importance (one backward pass per client), and the single and
// double failures that fail each client (SPOF candidates and order-2 cut sets).
import { Bdd } from './bdd';
import { compileWorks } from './compile';
import { birnbaumOf, cutsOfOrderTwo, nodeProbabilities } from './exact';
import { variableOrder } from './order';
import type { Structure } from './structure';
import type { Forced } from './whatIf';

export interface ClientFigures {
  availability: number;
  unavailability: number;
  /** Birnbaum importance of each element for this client. */
  birnbaum: Float64Array;
  interval?: { low: number; high: number };
}

/**
 * Pairs collected at most: tight pools have a pair for every two instances (a pool of 1,000
 * that needs 999 has 499,500; a hundred of them, 50 million, past any memory). Beyond this
 * the listed pairs are the most probable of those found, and the report says so.
 */
export const MAX_PAIRS_FOUND = 200_000;

export type RawPairs = Map<number | string, { a: number; b: number; clients: Set<number> }>;

export interface ExactResult {
  perClient: ClientFigures[];
  /** Per element: the clients its single failure fails (from the BDDs). */
  singles: Map<number, Set<number>>;
  rawPairs: RawPairs;
  /** More pairs than MAX_PAIRS_FOUND: the rest were not looked at. */
  pairsCapped: boolean;
  bddNodes: number;
  bddSteps: number;
}

/**
 * Throws BddBudgetExceeded past `budget` nodes. `up`: each element's availability (0 when
 * forced down). `cuts`: the failures looked for, single and double ('pairs'), single only,
 * or none; those not looked for are empty.
 */
export function exactAnalysis(
  s: Structure, up: Float64Array, forced: Forced, budget: number, lap: (name: string) => void, cuts: 'pairs' | 'singles' | 'none' = 'pairs',
): ExactResult {
  const order = variableOrder(s);
  // About a dozen nodes per element on the estates of the benchmark.
  const bdd = new Bdd(budget, Math.min(budget, 16 * s.elements.length));
  const works = compileWorks(s, bdd, order, forced);
  lap('bdd');
  const n = s.elements.length;
  const upByLevel = new Float64Array(n);
  const baseUp = new Uint8Array(n);
  for (let e = 0; e < n; e++) {
    upByLevel[order.levelOf[e]] = up[e];
    // The base state is "all else working": only what-if failures are down in it.
    baseUp[order.levelOf[e]] = forced.elements.has(e) ? 0 : 1;
  }
  const roots = s.clients.map((c) => works[c]);
  const { P, Q } = nodeProbabilities(bdd, upByLevel, Math.max(1, ...roots));
  // Clients that need the same thing have the same root (the BDD is canonical): each root's
  // importance and cuts are worked out once and shared (200 clients of one design repeated
  // the same work 200 times and did not end in five minutes). Nothing writes to them after.
  const birnbaumByRoot = new Map<number, Float64Array>();
  const perClient = roots.map((root) => {
    let birnbaum = birnbaumByRoot.get(root);
    if (!birnbaum) {
      const byLevel = birnbaumOf(bdd, root, upByLevel, Q, n);
      birnbaum = new Float64Array(n);
      for (let e = 0; e < n; e++) birnbaum[e] = byLevel[order.levelOf[e]];
      birnbaumByRoot.set(root, birnbaum);
    }
    return { availability: P[root], unavailability: Q[root], birnbaum };
  });
  lap('probability');
  const singles = new Map<number, Set<number>>();
  const rawPairs: RawPairs = new Map();
  let pairsCapped = false;
  if (cuts === 'none') return { perClient, singles, rawPairs, pairsCapped, bddNodes: bdd.size, bddSteps: bdd.steps };
  // Clients by root: the cuts of each root once, its pairs then shared by its clients (one
  // set of clients for all its pairs, copied only when another root's clients join a pair).
  const clientsOfRoot = new Map<number, Set<number>>();
  roots.forEach((root, i) => {
    let set = clientsOfRoot.get(root);
    if (!set) clientsOfRoot.set(root, (set = new Set()));
    set.add(s.clients[i]);
  });
  const shared = new Set(clientsOfRoot.values());
  for (const [root, clients] of clientsOfRoot) {
    const found = cutsOfOrderTwo(bdd, root, baseUp, cuts === 'pairs' ? MAX_PAIRS_FOUND : 0);
    // Singles only: no pair is kept, and none missed is said.
    if (cuts === 'pairs') pairsCapped ||= found.capped;
    for (const x of found.singles) {
      const e = order.elementAt[x];
      let set = singles.get(e);
      if (!set) singles.set(e, (set = new Set()));
      for (const c of clients) set.add(c);
    }
    for (const [x, y] of found.pairs) {
      const a = order.elementAt[x];
      const b = order.elementAt[y];
      // A number, not a string: a large pool has hundreds of thousands of pairs.
      const key = a < b ? a * s.elements.length + b : b * s.elements.length + a;
      const entry = rawPairs.get(key);
      if (!entry) {
        if (rawPairs.size >= MAX_PAIRS_FOUND) {
          pairsCapped = true;
          continue;
        }
        rawPairs.set(key, { a, b, clients });
        continue;
      }
      if (shared.has(entry.clients)) entry.clients = new Set(entry.clients);
      for (const c of clients) entry.clients.add(c);
    }
  }
  lap('cuts');
  return { perClient, singles, rawPairs, pairsCapped, bddNodes: bdd.size, bddSteps: bdd.steps };
}
