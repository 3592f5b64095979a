// The plan (DESIGN section 3, "The plan, as an architect would draw it"): moves that reach
// an availability target, each verified by exact recomputation. Round by round, every
// kind of move lists its candidates (moves.ts); a move on elements that cannot help
// (zero Birnbaum importance for the clients short of their targets) is cut; the rest are
// ranked by what they could gain for what they cost (instances, or money when the design
// has costs), and the best few are recomputed exactly, with each zone that is a SPOF
// weighed as one step of several moves (domainSteps.ts: one move at a time may not help).
// The round keeps the step that meets every target most cheaply, else the one that
// gains most for its cost. Then a bounded look-ahead (planSearch.ts) has the last word: moves the
// target does not need are dropped, and on small designs every sequence of up to three
// moves is searched for a cheaper plan.
import type { Topology } from '../../model';
import { evaluationOfReport } from '../evaluate';
import type { Report } from '../types';
import { domainSteps } from './domainSteps';
import { alternativesOf } from './structure';
import { moveContext } from './moveContext';
import { applyMoveFully, candidatesIn, kindOf, withinLimits, type Move } from './moves';
import { addCosts, costOfMove, downtimeCostPerYear, NO_COST, pricingOf, weightOf, type MoveCost, type Pricing } from './planCost';
import { fixedFailures, outOfReachClients, spofsToRemove } from './planBlockers';
import { boundedSearch, planWeight, prune } from './planSearch';
import { Evaluator, MIN_SHARE_PER_MOVE, shortClients, targetsOf, type State, type Targets } from './planState';
import { finish } from './planSteps';
import { scoreLocalMoves } from './planScore';
import type { Plan } from './planTypes';

export type { Blocker, Plan, PlanOutcome, PlanStep, StepAdds, StepFixes } from './planTypes';

export interface PlanOptions {
  /** System target as a fraction; replaces the document's targets (the CLI's --slo). */
  target?: number;
  /** Safety bound on the number of moves (default: 20 plus two per component). */
  maxMoves?: number;
  /**
   * What the search for a cheaper plan of up to three moves may spend, in evaluations
   * times the square of the components (an evaluation costs about the design's size, and
   * the moves to weigh grow with it too): by default 100,000, so 6,250 evaluations of a
   * 4-component design, 400 of a 16-component one. 0 turns it off.
   */
  searchBudget?: number;
  /**
   * The work the plan may do, in elements evaluated (an exact evaluation of a design of
   * 10,000 elements spends 10,000; one past the exact method's budget, by Monte Carlo, ten
   * times that): by default 100,000, about sixteen evaluations of a design of 2,000
   * components. A round starts, and a candidate is weighed, only while the work done
   * leaves room for one more evaluation like the last; the plan then ends with the moves
   * taken so far (each verified) and says that the budget cut it.
   */
  workBudget?: number;
  /**
   * The design's analysis, when the caller has made it (`analyze --format html`): a design
   * past the exact method's budget (a whole analysis by Monte Carlo, seconds on the largest)
   * is then not analysed again to start from. Its work counts against the budget all the same.
   */
  analysis?: Report;
  /**
   * The exact method's budget for each evaluation (analyze's `exactBudget`): a smaller one forces
   * Monte Carlo, as the app's analysis knobs do for its analysis (src/worker/engineApi.ts).
   */
  exactBudget?: number;
}

const DEFAULT_SEARCH_BUDGET = 100_000;
export const DEFAULT_WORK_BUDGET = 100_000;

/** Candidates recomputed exactly per round, at least and at most; and the best by gain alone that might meet the target. */
const MIN_EVALUATED = 1;
const MAX_EVALUATED = 8;
const MAX_EVALUATED_UNTIL_ONE_HELPS = 32;
const BEST_BY_GAIN = 2;
/** Local moves recomputed alone in a round before the rest are scored together (planScore.ts). */
const LOCAL_ALONE = 2;
/** How far an estimate may fall short of the exact gain it ranks. */
const LAZY_SLACK = 0.1;
/** A design is large when one evaluation of it takes more than 1/LARGE_SHARE of the budget. */
const LARGE_SHARE = 8;
/** What a large design may spend beyond its own evaluation: this many like it, at most LARGE_WORK (the whole estate, whose own is more, weighs none: seconds each). */
const LARGE_EVALUATIONS = 6;
const LARGE_WORK = 1_000_000;
/** Moves of a large design verified together in one round, at most (halved while the batch does not help). */
const BATCH = 16;


export interface Tried {
  moves: Move[];
  next: State;
  cost: MoveCost;
  weight: number;
  gain: number;
  /** Its figures were scored with other moves (planScore.ts), not yet recomputed on their own. */
  scored?: boolean;
}

export function plan(t: Topology, opts: PlanOptions = {}): Plan {
  const targets = targetsOf(t, opts.target);
  if (!targets) throw new Error('no target: give one (--slo), or set "slo" on the document or on a client');
  const maxMoves = opts.maxMoves ?? 20 + 2 * t.components.filter((c) => c.kind !== 'client').length;
  const pricing = pricingOf(t);
  const evaluator = new Evaluator(targets, opts.workBudget ?? DEFAULT_WORK_BUDGET);
  evaluator.exactBudget = opts.exactBudget;
  if (opts.analysis && opts.analysis.method !== 'exact' && !opts.analysis.whatIf) evaluator.remember(t, evaluationOfReport(opts.analysis, { sensitivity: true }));
  const start = evaluator.state(t, [], true);
  // The design's own evaluation is always made: the budget is never less than it (it then weighs nothing).
  evaluator.extend(evaluator.work);
  // A large design (its own evaluation an eighth of the budget or more: past the exact
  // method, a Monte Carlo analysis of all of it) cannot weigh its moves one evaluation each:
  // its rounds are batches of moves verified together (batchStep), and by default it may
  // spend a few evaluations like its own beyond the first, whatever their size.
  const large = evaluator.work * LARGE_SHARE > evaluator.workBudget;
  // Its moves only add to it: a design past the exact method stays past it.
  evaluator.pastExact = large && start.evaluation.method !== 'exact';
  if (large && opts.workBudget === undefined) evaluator.extend(evaluator.work + Math.min(LARGE_EVALUATIONS * evaluator.work, LARGE_WORK));
  let cur = start;
  let rounds: number[] = [];
  /** Per move: the system availability its round gained, over the moves of the round. */
  let gains: number[] = [];
  let outcome: Plan['outcome'] = start.slo.met ? 'already-met' : 'met';
  /** The last round was a batch of moves that helped only together (batchStep). */
  let batched = false;
  /** A large design's rounds, their moves verified together by one evaluation (batchStep): each move shows its round's figures. */
  let together = new Set<number>();
  // Nothing connected (no dependency link): no figure, so nothing to plan towards.
  if (Number.isNaN(start.evaluation.system.availability)) {
    return finish({ start, end: start, rounds, outcome: 'out-of-reach', search: 'greedy', targets, pricing, evaluator, maxMoves });
  }
  // What no move changes may take a client's whole error budget: no plan reaches it, however
  // much work. Said at once, but the moves that still raise the availability are looked for
  // all the same (the estate at a tenth: its racks cap it at 99.709%, and 18 moves take it
  // from 96.8% to 99.68%): an SRE wants both the verdict and how far the design can still go.
  const fixed = start.slo.met ? [] : fixedFailures(start, targets.budget);
  const beyond = outOfReachClients(start, targets, fixed);
  const unreachable = beyond.length > 0;
  while (!cur.slo.met) {
    if (!evaluator.affords()) {
      evaluator.cut = true;
      outcome = 'work-budget';
      break;
    }
    const movesLeft = maxMoves - cur.moves.length;
    // Where no move alone closes its share of the gap (two hundred services, each a SPOF a
    // fraction of the gap), the best few together may: weighed as a large design's round.
    // After a round of moves together, the next is likely one too: tried first, then one move at a time.
    const wasBatched: boolean = batched;
    let best: Tried | undefined = large || wasBatched ? batchStep(cur, targets, pricing, evaluator, movesLeft) : undefined;
    let fromBatch: boolean = best !== undefined;
    if (!best && !large) {
      best = bestStep(cur, targets, pricing, evaluator, movesLeft);
      if (!best && !evaluator.cut && !wasBatched) fromBatch = (best = batchStep(cur, targets, pricing, evaluator, movesLeft)) !== undefined;
    }
    batched = fromBatch && !large;
    if (!best) {
      outcome = evaluator.cut ? 'work-budget' : cur.moves.length >= maxMoves ? 'move-limit' : 'no-move-helps';
      break;
    }
    const round = (rounds.at(-1) ?? 0) + 1;
    rounds = [...rounds, ...best.moves.map(() => round)];
    // A large design's figures are its rounds'; a smaller one's moves are evaluated one by one for
    // the report while the budget lasts (planSteps.ts).
    if (fromBatch && large) together.add(round);
    const share = (best.next.evaluation.system.availability - cur.evaluation.system.availability) / best.moves.length;
    gains = [...gains, ...best.moves.map(() => share)];
    cur = evaluator.state(best.next.doc, best.next.moves, true);
  }
  let search: Plan['search'] = 'greedy';
  // Out of reach, no plan meets the targets: nothing to prune or search for.
  if (!start.slo.met && !evaluator.cut && !unreachable) {
    if (cur.slo.met) {
      // A move whose round gained four times the margin the plan ends with is not tried
      // without (each try is an exact evaluation, and dropping it would almost surely lose
      // the target; at worst a move stays that a luckier order would not have needed).
      const margin = sloMargin(cur);
      const pruned = prune(start, cur.moves, pricing, evaluator, cur.moves.map((_, i) => gains[i] >= 4 * margin));
      if (pruned.length < cur.moves.length) {
        cur = replay(start, pruned, evaluator);
        rounds = pruned.map((_, i) => i + 1);
        together = new Set();
        search = 'pruned';
      }
    }
    // Up to three moves: worth searching when the greedy plan is not longer, or failed.
    const budget = !cur.slo.met || cur.moves.length <= 3 ? Math.floor((opts.searchBudget ?? DEFAULT_SEARCH_BUDGET) / Math.max(1, t.components.length) ** 2) : 0;
    const bound = cur.slo.met ? planWeight(start.doc, cur.moves, pricing, evaluator) : Infinity;
    const found = boundedSearch(start, targets, pricing, evaluator, budget, Math.min(3, maxMoves), bound);
    if (found && (!cur.slo.met || planWeight(start.doc, found, pricing, evaluator) < planWeight(start.doc, cur.moves, pricing, evaluator) - 1e-9
      || (planWeight(start.doc, found, pricing, evaluator) <= planWeight(start.doc, cur.moves, pricing, evaluator) + 1e-9 && found.length < cur.moves.length))) {
      // Found on scores, taken only once its exact figures meet the targets too.
      const exact = replay(start, found, evaluator);
      if (exact.slo.met) {
        cur = exact;
        rounds = found.map((_, i) => i + 1);
        together = new Set();
        outcome = 'met';
        search = 'exhaustive';
      } else evaluator.disagreements++;
    }
  }
  // The budget lets an evaluation through while there is room for one like the last: one of a
  // larger design may end past it, and then nothing more could be weighed.
  if (evaluator.work > evaluator.workBudget) evaluator.cut = true;
  if (unreachable) {
    // The verdict stands; why the search for moves ended is said beside it.
    const stopped = outcome === 'work-budget' || outcome === 'move-limit' ? outcome : 'no-move-helps';
    return finish({ start, end: cur, rounds, outcome: 'out-of-reach', stopped, search, targets, pricing, evaluator, maxMoves, large, together, fixed, beyond });
  }
  // Short of the target: how many of its SPOFs the furthest client must lose at least, and what the plan had room for.
  const toRemove = cur.slo.met ? undefined : spofsToRemove(cur, targets);
  const room = toRemove && { moves: Math.max(0, maxMoves - cur.moves.length), rounds: evaluator.lastWork > 0 ? Math.max(0, Math.floor((evaluator.workBudget - evaluator.work) / evaluator.lastWork)) : Infinity, batch: BATCH };
  return finish({ start, end: cur, rounds, outcome, search, targets, pricing, evaluator, maxMoves, large, together, toRemove: toRemove && room && { ...toRemove, ...room } });
}

/** How far the plan's end clears its strictest target (availability minus target, the smallest). */
function sloMargin(s: State): number {
  const entries = [...(s.slo.system ? [s.slo.system] : []), ...s.slo.clients];
  return Math.min(...entries.map((e) => e.availability - e.target));
}

/** The state after replaying `moves` from the start, evaluated exactly (with importance: the report reads it). */
export function replay(start: State, moves: Move[], evaluator: Evaluator): State {
  let doc = start.doc;
  for (const m of moves) doc = evaluator.apply(doc, m).doc;
  return evaluator.state(doc, moves, true);
}

/**
 * The step (one move, or a zone's moves weighed together) that meets the targets most
 * cheaply, else gains most for its cost. Local moves are scored together in one compiled
 * design (planScore.ts); the step taken is recomputed exactly, and should that disagree
 * with its score, the round is weighed again with every move recomputed on its own.
 */
function bestStep(state: State, targets: Targets, pricing: Pricing, evaluator: Evaluator, movesLeft: number, scoring = true): Tried | undefined {
  if (movesLeft <= 0) return undefined;
  const ranked = rankedMoves(state, targets, pricing);
  const tried: Tried[] = [];
  const done = new Set<number>();
  let best = 0;
  let exact = 0;
  const take = (t: Tried) => {
    tried.push(t);
    // Only a step `choose` could take sets the bar: a free move that gains a hair (spreading
    // a pool that is spread enough) must not stop the search before the moves that help.
    if (helps(state, t)) best = Math.max(best, t.gain / t.weight);
  };
  const tryOne = (x: Ranked) => {
    done.add(x.i);
    const next = evaluator.state(evaluator.apply(state.doc, x.m).doc, [...state.moves, x.m], true);
    exact++;
    return { moves: [x.m], next, cost: x.cost, weight: x.weight, gain: state.gap - next.gap };
  };
  // Each weighing is an evaluation: only while the budget of work leaves room for one.
  const affords = () => {
    if (evaluator.affords()) return true;
    evaluator.cut = true;
    return false;
  };
  // Moves alike (the same kind, the same estimate and cost: an instance more for one of
  // fifty identical services) are represented by the first of them.
  const alike = new Set<string>();
  const keyOf = (x: Ranked) => `${x.m.type}:${x.potential.toPrecision(9)}:${x.weight.toPrecision(9)}`;
  let batched = !scoring;
  let localTried = 0;
  for (const [at, x] of ranked.entries()) {
    if (done.has(x.i)) continue;
    if (exact >= (best > 0 ? MAX_EVALUATED : MAX_EVALUATED_UNTIL_ONE_HELPS)) break;
    if (tried.length >= MIN_EVALUATED && x.potential / x.weight <= best * (1 + LAZY_SLACK)) break;
    if (alike.has(keyOf(x))) continue;
    if (!affords()) break;
    const local = kindOf(x.m).phantom !== undefined;
    if (!batched && local && localTried >= LOCAL_ALONE) {
      // A third local move to weigh: every local move left (one of each alike) is scored at
      // once, in one compiled design. Most rounds recompute one or two moves, fewer than a
      // compiled design of them all costs; a round where none helps would recompute 32.
      batched = true;
      const scored = scoreBatch(state, ranked.slice(at), alike, keyOf, evaluator);
      for (const t of scored) take(t);
      const moves = new Set(scored.map((t) => t.moves[0]));
      for (const y of ranked) if (moves.has(y.m)) done.add(y.i);
      if (done.has(x.i)) continue;
      if (!affords()) break;
    }
    alike.add(keyOf(x));
    if (local) localTried++;
    take(tryOne(x));
  }
  // A move that might meet every target at once is weighed whatever its cost (a second region).
  for (const x of [...ranked].sort((a, b) => b.potential - a.potential).slice(0, BEST_BY_GAIN)) {
    if (!done.has(x.i) && x.potential >= state.gap && affords()) tried.push(tryOne(x));
  }
  if (movesLeft >= 2) {
    // Each zone that is a SPOF, weighed as one step of several moves (one at a time, none may help).
    const spofDomains = (state.evaluation.spofs ?? []).map((e) => state.evaluation.elements[e]).filter((e) => e.type === 'domain').map((e) => e.id);
    const steps = domainSteps(state.doc, spofDomains, ranked.map((x) => x.m)).filter((s) => s.length <= movesLeft);
    for (const moves of steps) {
      if (!affords()) break;
      const step = trySequence(state, moves, pricing, evaluator);
      if (step) tried.push(step);
    }
  }
  const chosen = choose(state, tried, pricing);
  evaluator.forgetOthers(state.doc, chosen ? chosen.moves.slice(0, 1) : []);
  if (!chosen?.scored) return chosen;
  // Taken: recomputed exactly (with importance, for the next round), whatever the budget
  // left: a step is taken only once verified.
  const next = evaluator.state(chosen.next.doc, chosen.next.moves, true);
  const agrees = next.evaluation.clients.every((c, i) => Math.abs(c.unavailability - chosen.next.evaluation.clients[i].unavailability) <= 1e-9 * Math.max(c.unavailability, 1e-12));
  if (!agrees) {
    evaluator.disagreements++;
    return affords() ? bestStep(state, targets, pricing, evaluator, movesLeft, false) : undefined;
  }
  return { ...chosen, next, gain: state.gap - next.gap, scored: false };
}

/**
 * The candidates of a round that could help and keep the document within its limits, best
 * estimate of gain per cost first. Lazily: bestStep stops once no estimate left could beat
 * the best exact gain per cost found (estimates are near bounds: LAZY_SLACK allows for the difference).
 */
function rankedMoves(state: State, targets: Targets, pricing: Pricing, minPotential = 0): Ranked[] {
  const ctx = moveContext(state.doc, { budget: targets.budget, evaluation: state.evaluation, shortClients: shortClients(state, targets) });
  const ranked: Ranked[] = candidatesIn(ctx).map((m, i) => {
    const potential = kindOf(m).potential(ctx, m);
    // Left out before it is applied: applying each of the 20,000-long chain's candidates copies
    // the whole document (a round of a large design was quadratic, 20 s of CPU on the chain).
    if (!(potential > 0) || potential < minPotential) return undefined;
    // Applied to be priced, not kept: thousands of candidate documents held at once (a
    // 10,000-long chain) took gigabytes; the few weighed are applied again, and kept.
    const applied = applyMoveFully(state.doc, m);
    if (!withinLimits(state.doc, applied.doc)) return undefined;
    const cost = costOfMove(state.doc, applied, pricing);
    return { m, i, potential, cost, weight: weightOf(cost, pricing) };
  }).filter((x) => x !== undefined);
  return ranked.sort((a, b) => b.potential / b.weight - a.potential / a.weight || a.i - b.i);
}

/**
 * A round of a large design, or of one where no move alone closes its share of the gap: the
 * best-ranked moves (at most BATCH), on components apart (not the same one, nor one standing
 * in for another), applied together and verified by one evaluation of the whole design, as
 * any step is. A batch that does not close its share of the gap is halved and weighed again,
 * while the budget lasts; a single move that does not is not taken.
 * Moves that copy shared structure (a second region, a second provider) are weighed by the
 * rounds of smaller designs only.
 */
function batchStep(state: State, targets: Targets, pricing: Pricing, evaluator: Evaluator, movesLeft: number): Tried | undefined {
  const bar = MIN_SHARE_PER_MOVE * state.gap;
  const picked: Move[] = [];
  const taken = new Set<string>();
  for (const x of rankedMoves(state, targets, pricing, bar / BATCH)) {
    if (picked.length >= Math.min(BATCH, movesLeft)) break;
    // Each could close its part of the batch's share (its estimate is near a bound of what it gains).
    if (x.m.type === 'second-region' || x.m.type === 'second-provider' || !(x.potential >= bar / BATCH) || taken.has(x.m.component)) continue;
    taken.add(x.m.component);
    for (const a of alternativesOf(state.doc, x.m.component)) taken.add(a);
    picked.push(x.m);
  }
  for (let n = picked.length; n >= 1; n = Math.floor(n / 2)) {
    if (!evaluator.affords()) {
      evaluator.cut = true;
      return undefined;
    }
    const step = trySequence(state, picked.slice(0, n), pricing, evaluator, true);
    if (step && step.gain >= bar && step.next.evaluation.system.availability >= state.evaluation.system.availability) return step;
  }
  return undefined;
}

/** A candidate of a round: its move, its place in the list, its estimate and its cost. */
interface Ranked {
  m: Move;
  i: number;
  potential: number;
  cost: MoveCost;
  weight: number;
}

/** The local moves among `ranked` (one of each alike), scored together (planScore.ts): each as a step not yet recomputed. */
function scoreBatch(state: State, ranked: readonly Ranked[], alike: Set<string>, keyOf: (x: Ranked) => string, evaluator: Evaluator): Tried[] {
  const batch: Ranked[] = [];
  const keys = new Set(alike);
  for (const y of ranked) {
    if (!kindOf(y.m).phantom || keys.has(keyOf(y))) continue;
    keys.add(keyOf(y));
    batch.push(y);
  }
  const scores = scoreLocalMoves(state.doc, batch.map((y) => y.m), state.evaluation.clients, availabilityIn(state), evaluator);
  return batch.flatMap((y) => {
    const clients = scores.get(y.m);
    if (!clients) return [];
    alike.add(keyOf(y));
    // Its document is made only if it is taken (thousands are scored on a long chain).
    const next = evaluator.scoredState(state.doc, () => evaluator.apply(state.doc, y.m).doc, [...state.moves, y.m], clients);
    return [{ moves: [y.m], next, cost: y.cost, weight: y.weight, gain: state.gap - next.gap, scored: true }];
  });
}

/** Each element's availability in the state's design. */
function availabilityIn(state: State): (id: string) => number | undefined {
  const byId = new Map(state.evaluation.elements.map((e) => [e.id, e.availability]));
  return (id) => byId.get(id);
}

/** A sequence of moves from `state`, evaluated exactly once at its end; undefined when it would pass the document's limits. */
export function trySequence(state: State, moves: Move[], pricing: Pricing, evaluator: Evaluator, sensitivity = false): Tried | undefined {
  let doc = state.doc;
  let cost = NO_COST;
  for (const m of moves) {
    const a = evaluator.apply(doc, m);
    cost = addCosts(cost, costOfMove(doc, a, pricing));
    doc = a.doc;
  }
  if (!withinLimits(state.doc, doc)) return undefined;
  const next = evaluator.state(doc, [...state.moves, ...moves], sensitivity);
  return { moves, next, cost, weight: weightOf(cost, pricing), gain: state.gap - next.gap };
}

/**
 * The step to take: of those meeting every target, the cheapest (then the most
 * available); else, of those closing enough of the gap without lowering the availability,
 * the best gain per cost, preferring (where downtime has a cost) steps that save more a
 * year than they cost.
 */
function choose(state: State, tried: Tried[], pricing: Pricing): Tried | undefined {
  const valid = tried.filter((x) => x.gain > 0 && x.next.evaluation.system.availability >= state.evaluation.system.availability);
  const meeting = valid.filter((x) => x.next.slo.met)
    .sort((a, b) => a.weight - b.weight || a.moves.length - b.moves.length || b.next.evaluation.system.availability - a.next.evaluation.system.availability);
  if (meeting.length > 0) return meeting[0];
  const helping = valid.filter((x) => helps(state, x));
  const paysOff = (x: Tried) => {
    if (!pricing.downtimeCosted || x.cost.perMonth === null) return 0;
    const saving = downtimeCostPerYear(state.doc, state.evaluation.clients) - downtimeCostPerYear(x.next.doc, x.next.evaluation.clients);
    return saving >= 12 * x.cost.perMonth ? 0 : 1;
  };
  helping.sort((a, b) => paysOff(a) - paysOff(b) || b.gain / b.weight - a.gain / a.weight || b.gain - a.gain);
  return helping[0];
}

/** The step meets every target, or closes enough of the gap per move without lowering the availability. */
function helps(state: State, x: Tried): boolean {
  if (!(x.gain > 0) || x.next.evaluation.system.availability < state.evaluation.system.availability) return false;
  return x.next.slo.met || x.gain / x.moves.length >= MIN_SHARE_PER_MOVE * state.gap;
}

/** The document a plan produces, replayed from its moves. */
export function applyPlan(t: Topology, p: Pick<Plan, 'steps'>): Topology {
  return p.steps.reduce((doc, s) => applyMoveFully(doc, s.move).doc, t);
}
