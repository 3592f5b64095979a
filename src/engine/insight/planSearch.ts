// The bounded look-ahead of the plan: drop the moves the target does not need (the
// heaviest first), and on small designs search every sequence of up to three moves for
// the cheapest that meets every target, within a budget of exact evaluations.
import type { Topology } from '../../model';
import { buildStructure } from '../structure';
import { applyMoveFully, candidateMoves, kindOf, withinLimits, type Move } from './moves';
import { scoreLocalMoves } from './planScore';
import { costOfMove, weightOf, type Pricing } from './planCost';
import type { Evaluator, State, Targets } from './planState';

/** The moves' total weight (planCost.ts), replayed from `start`; Infinity when they do not replay. */
export function planWeight(start: Topology, moves: readonly Move[], pricing: Pricing, evaluator: Evaluator): number {
  let doc = start;
  let sum = 0;
  for (const m of moves) {
    try {
      const a = evaluator.apply(doc, m);
      sum += weightOf(costOfMove(doc, a, pricing), pricing);
      doc = a.doc;
    } catch {
      return Infinity;
    }
  }
  return sum;
}

function replayDoc(start: Topology, moves: readonly Move[], evaluator: Evaluator): Topology | undefined {
  let doc = start;
  try {
    for (const m of moves) doc = evaluator.apply(doc, m).doc;
  } catch {
    return undefined;
  }
  return doc;
}

const PRUNE_TRIES = 16;

/** The plan without each move the targets can do without, trying the heaviest first; `needed[i]`: move i is not tried. */
export function prune(start: State, moves: Move[], pricing: Pricing, evaluator: Evaluator, needed: readonly boolean[] = []): Move[] {
  const weights: number[] = [];
  let doc = start.doc;
  for (const m of moves) {
    const a = evaluator.apply(doc, m);
    weights.push(weightOf(costOfMove(doc, a, pricing), pricing));
    doc = a.doc;
  }
  // Heaviest first; of equal weight (to rounding), the later first, so that of two
  // alike moves the plan keeps the earlier.
  const order = moves.map((m, i) => ({ m, w: weights[i], i }))
    .sort((a, b) => (Math.abs(b.w - a.w) > 1e-9 * Math.max(a.w, b.w) ? b.w - a.w : b.i - a.i));
  let kept = [...moves];
  // The last move is needed (the target was not met before it); a long plan tries its heaviest few.
  for (const { m } of order.filter((x) => x.i < moves.length - 1 && !needed[x.i]).slice(0, PRUNE_TRIES)) {
    if (kept.length === 1) break;
    if (!evaluator.affords()) {
      evaluator.cut = true;
      break;
    }
    const without = kept.filter((x) => x !== m);
    const doc = replayDoc(start.doc, without, evaluator);
    if (doc && evaluator.state(doc, without, false).slo.met) kept = without;
  }
  return kept;
}

/**
 * Breadth-first over sequences of up to `maxDepth` moves (as deep as `budget` exact
 * evaluations allow): the cheapest that meets every target, then the shortest, then the
 * most available; none dearer than `bound` (the weight of the plan to improve on). The
 * local moves from each design are scored together in one compiled design (planScore.ts:
 * one evaluation of the budget for all of them); the others are evaluated one by one.
 */
export function boundedSearch(
  start: State, targets: Targets, pricing: Pricing, evaluator: Evaluator, budget: number, maxDepth: number, bound = Infinity,
): Move[] | undefined {
  const branching = candidateMoves(start.doc, { budget: targets.budget }).length;
  let depth = maxDepth;
  while (depth >= 1 && branching ** depth > budget) depth--;
  if (depth < 1) return undefined;
  let frontier: Node[] = [{ doc: start.doc, moves: [], weight: 0, state: start }];
  const seen = new Set([JSON.stringify(start.doc)]);
  let spent = 0;
  let best: { moves: Move[]; weight: number; availability: number } | undefined;
  const consider = (n: Node) => {
    const availability = n.state.evaluation.system.availability;
    if (n.state.slo.met && (!best || n.weight < best.weight - 1e-9 || (Math.abs(n.weight - best.weight) <= 1e-9 && availability > best.availability))) {
      best = { moves: n.moves, weight: n.weight, availability };
    }
  };
  for (let d = 1; d <= depth; d++) {
    const next: Node[] = [];
    for (const s of frontier) {
      const children: { m: Move; doc: Topology; weight: number }[] = [];
      for (const m of candidateMoves(s.doc, { budget: targets.budget })) {
        const a = applyMoveFully(s.doc, m);
        if (!withinLimits(s.doc, a.doc)) continue;
        const weight = s.weight + weightOf(costOfMove(s.doc, a, pricing), pricing);
        // Dearer cannot beat what is found, nor the plan it is to improve on.
        if (weight > Math.min(bound, best?.weight ?? Infinity) + 1e-9) continue;
        const key = JSON.stringify(a.doc);
        if (seen.has(key)) continue;
        seen.add(key);
        children.push({ m, doc: a.doc, weight });
      }
      const local = children.filter((c) => kindOf(c.m).phantom);
      if (!evaluator.affords()) {
        evaluator.cut = true;
        return best?.moves;
      }
      const scores = local.length >= 2 && spent < budget ? scoreLocalMoves(s.doc, local.map((c) => c.m), s.state.evaluation.clients, availabilityIn(s), evaluator) : new Map();
      if (scores.size > 0) spent++;
      for (const c of children) {
        const moves = [...s.moves, c.m];
        const clients = scores.get(c.m);
        if (!clients && ++spent > budget) return best?.moves;
        if (!clients && !evaluator.affords()) {
          evaluator.cut = true;
          return best?.moves;
        }
        const state = clients ? evaluator.scoredState(s.doc, () => c.doc, moves, clients) : evaluator.state(c.doc, moves, false);
        const n = { doc: c.doc, moves, weight: c.weight, state };
        consider(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  return best?.moves;
}

/** A design the search reached, with its figures (exact, or scored with others). */
interface Node {
  doc: Topology;
  moves: Move[];
  weight: number;
  state: State;
}

/** Each element's availability in a design the search reached (read off its structure when its state was scored). */
function availabilityIn(n: Node): (id: string) => number | undefined {
  const elements = n.state.evaluation.elements.length > 0 ? n.state.evaluation.elements : buildStructure(n.doc).elements;
  const byId = new Map(elements.map((e) => [e.id, e.availability]));
  return (id) => byId.get(id);
}
