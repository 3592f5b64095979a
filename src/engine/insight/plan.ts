// The plan (DESIGN section 3): the fewest changes that reach an availability target,
// found greedily and verified by recomputation. Each round weighs every single move and
// every "move a whole tier set out of a failing domain" step (domainSteps.ts), recomputes
// the availability exactly with the engine, and keeps the step that closes the most of
// the gap per move. It stops when every target is met or no step helps. Then a
// breadth-first search over shorter sequences (up to three moves, within a budget of
// analyses) has the last word: it finds a shorter plan when there is one, and a plan of
// up to three moves when the greedy search fell short.
import { parseTopology, type Topology } from '../../model';
import { analyze } from '../index';
import { domainSteps } from './domainSteps';
import { applyMove, applyMoves, candidateMoves, describeMove, type Move } from './moves';
import { mostPromising } from './potential';
import type { Report } from './report';
import { shortfall, sloReport } from './slo';
import type { SloReport } from './types';

export interface PlanStep {
  /** Moves weighed together (a domain step) share a round; availability rises round by round. */
  round: number;
  move: Move;
  description: string;
  /** System availability after this move (and the ones before it). */
  availability: number;
  nines: number;
}

export type PlanOutcome = 'already-met' | 'met' | 'no-move-helps' | 'move-limit';

export interface Plan {
  /** The system target (the override, else the document's `slo`); null when only clients carry targets. */
  target: number | null;
  before: { availability: number; nines: number };
  after: { availability: number; nines: number };
  met: boolean;
  outcome: PlanOutcome;
  /** How the moves were found: greedily, or by the bounded search of up to three moves. */
  search: 'greedy' | 'exhaustive';
  message: string;
  steps: PlanStep[];
  /** The document with every move applied: what `-o` writes and "Apply plan" loads. */
  topology: Topology;
  /** The SLO status after the plan. */
  slo: SloReport;
}

export interface PlanOptions {
  /** System target as a fraction; replaces the document's targets (the CLI's --slo). */
  target?: number;
  /** Safety bound on the number of moves (default 20). */
  maxMoves?: number;
  /**
   * What the search for a shorter plan (up to three moves) may spend, in analyses times
   * components (default 60,000: 2,000 analyses of a 30-component design). 0 turns it off.
   */
  searchBudget?: number;
}

interface State { doc: Topology; report: Report; slo: SloReport; gap: number }

const DEFAULT_SEARCH_BUDGET = 60_000;

/** Moves recomputed per round: those of highest improvement potential (potential.ts). */
const MAX_CANDIDATES = 24;

/** A step helps when it closes at least this share of the remaining gap per move. */
const MIN_SHARE_PER_MOVE = 0.01;

export function plan(t: Topology, opts: PlanOptions = {}): Plan {
  const maxMoves = opts.maxMoves ?? 20;
  const evaluate = (doc: Topology): State => {
    const report = analyze(doc, { seed: 1 });
    const slo = sloReport(doc, report, opts.target);
    return { doc, report, slo, gap: shortfall(slo) };
  };
  const start = evaluate(t);
  if (start.slo.system === null && start.slo.clients.length === 0) {
    throw new Error('no target: give one (--slo), or set "slo" on the document or on a client');
  }
  let moves: Move[] = [];
  let rounds: number[] = [];
  let cur = start;
  let outcome: PlanOutcome = start.slo.met ? 'already-met' : 'met';
  while (!cur.slo.met) {
    const best = bestStep(cur, maxMoves - moves.length, evaluate);
    if (!best) {
      outcome = moves.length >= maxMoves ? 'move-limit' : 'no-move-helps';
      break;
    }
    rounds = [...rounds, ...best.moves.map(() => rounds.length === 0 ? 1 : rounds[rounds.length - 1] + 1)];
    moves = [...moves, ...best.moves];
    cur = best.next;
  }
  let search: Plan['search'] = 'greedy';
  // Fewer moves may do what the greedy search did (or could not): search them out, to the
  // depth the budget affords (an analysis costs about the size of the design).
  const budget = Math.floor((opts.searchBudget ?? DEFAULT_SEARCH_BUDGET) / Math.max(1, t.components.length));
  const branching = candidateMoves(t).length;
  let depth = Math.min(maxMoves, cur.slo.met ? Math.min(3, moves.length - 1) : 3);
  while (depth >= 1 && branching ** depth > budget) depth--;
  if (!start.slo.met && depth >= 1) {
    const found = searchUpTo(depth, start, evaluate, budget);
    if (found) {
      moves = found;
      rounds = found.map((_, i) => i + 1);
      cur = evaluate(applyMoves(t, found));
      outcome = 'met';
      search = 'exhaustive';
    }
  }
  return finish(t, start, cur, moves, rounds, outcome, search, opts.target, evaluate);
}

/** How heavy a change is to make: a new instance is lighter than a standby, a standby than a region. */
const WEIGHT: Record<Move['type'], number> = { 'add-instance': 1, 'spread-zones': 1, 'add-standby': 2, 'replicate-region': 3 };
/** Steps within this share of the best gain per move count as equal: the lighter one wins. */
const NEAR_BEST = 0.95;

const weightOf = (moves: Move[]) => moves.reduce((sum, m) => sum + WEIGHT[m.type], 0);

/** The step (one move, or a domain step of several) closing the most of the gap per move. */
function bestStep(state: State, movesLeft: number, evaluate: (doc: Topology) => State): { moves: Move[]; next: State } | undefined {
  const singles = mostPromising(state.doc, state.report, candidateMoves(state.doc), MAX_CANDIDATES);
  const steps: Move[][] = [...singles.map((m) => [m]), ...domainSteps(state.doc, state.report)];
  const tried: { moves: Move[]; next: State; perMove: number }[] = [];
  for (const moves of steps) {
    if (moves.length > movesLeft) continue;
    const next = tryMoves(state, moves, evaluate);
    if (next) tried.push({ moves, next, perMove: (state.gap - next.gap) / moves.length });
  }
  // A step that meets every target ends the plan: the fewest moves, the lightest, the most available.
  const meeting = tried.filter((x) => x.next.slo.met).sort((a, b) => a.moves.length - b.moves.length
    || weightOf(a.moves) - weightOf(b.moves) || b.next.report.system.availability - a.next.report.system.availability);
  if (meeting.length > 0) return meeting[0].moves.length > 1 ? prune(state, meeting[0], evaluate) : meeting[0];
  const top = Math.max(0, ...tried.map((x) => x.perMove));
  if (top <= 0 || top < MIN_SHARE_PER_MOVE * state.gap) return undefined;
  const near = tried.filter((x) => x.perMove >= NEAR_BEST * top)
    .sort((a, b) => weightOf(a.moves) / a.moves.length - weightOf(b.moves) / b.moves.length || b.perMove - a.perMove);
  return near[0].moves.length > 1 ? prune(state, near[0], evaluate) : near[0];
}

/** The state after the moves, if the document stays valid and nothing gets worse. */
function tryMoves(state: State, moves: Move[], evaluate: (doc: Topology) => State): State | undefined {
  const doc = applyMoves(state.doc, moves);
  // Every move keeps the document valid; a step that would not is never offered.
  if (!parseTopology(doc).ok) return undefined;
  const next = evaluate(doc);
  // Never worse: the system availability may not drop, and the gap must close.
  if (next.gap >= state.gap || next.report.system.availability < state.report.system.availability) return undefined;
  return next;
}

/** Drops the moves of a domain step that add nothing (a tier already outside the domain). */
function prune(state: State, step: { moves: Move[]; next: State }, evaluate: (doc: Topology) => State) {
  let { moves, next } = step;
  for (const m of [...moves]) {
    if (moves.length === 1) break;
    const without = moves.filter((x) => x !== m);
    const alt = tryMoves(state, without, evaluate);
    if (alt && alt.gap <= next.gap * (1 + 1e-9) + 1e-15) {
      moves = without;
      next = alt;
    }
  }
  return { moves, next };
}

/** Breadth-first over sequences of up to `maxDepth` moves: the shortest that meets every target. */
function searchUpTo(maxDepth: number, start: State, evaluate: (doc: Topology) => State, budget: number): Move[] | undefined {
  let frontier: { doc: Topology; moves: Move[] }[] = [{ doc: start.doc, moves: [] }];
  const seen = new Set([JSON.stringify(start.doc)]);
  let spent = 0;
  for (let depth = 1; depth <= maxDepth; depth++) {
    const next: typeof frontier = [];
    let best: { moves: Move[]; availability: number } | undefined;
    for (const s of frontier) {
      for (const m of candidateMoves(s.doc)) {
        const doc = applyMove(s.doc, m);
        const key = JSON.stringify(doc);
        if (seen.has(key) || !parseTopology(doc).ok) continue;
        if (++spent > budget) return undefined;
        seen.add(key);
        const e = evaluate(doc);
        const moves = [...s.moves, m];
        if (e.slo.met && (!best || e.report.system.availability > best.availability)) best = { moves, availability: e.report.system.availability };
        next.push({ doc, moves });
      }
    }
    if (best) return best.moves;
    frontier = next;
  }
  return undefined;
}

function finish(
  t: Topology, start: State, end: State, moves: Move[], rounds: number[], outcome: PlanOutcome, search: Plan['search'],
  target: number | undefined, evaluate: (doc: Topology) => State,
): Plan {
  // Replay the moves to report the availability after each one.
  const steps: PlanStep[] = [];
  let doc = t;
  moves.forEach((move, i) => {
    const description = describeMove(doc, move);
    doc = applyMove(doc, move);
    const r = i === moves.length - 1 ? end.report : evaluate(doc).report;
    steps.push({ round: rounds[i], move, description, availability: r.system.availability, nines: r.system.nines });
  });
  const figures = (r: Report) => ({ availability: r.system.availability, nines: r.system.nines });
  return {
    target: target ?? t.slo ?? null,
    before: figures(start.report),
    after: figures(end.report),
    met: end.slo.met,
    outcome,
    search,
    message: outcomeMessage(outcome, moves.length),
    steps,
    topology: end.doc,
    slo: end.slo,
  };
}

function outcomeMessage(outcome: PlanOutcome, n: number): string {
  const moves = `${n} move${n === 1 ? '' : 's'}`;
  switch (outcome) {
    case 'already-met': return 'The target is already met: no change needed.';
    case 'met': return `The target is met after ${moves}.`;
    case 'no-move-helps': return `The target cannot be reached with the moves available: after ${moves}, no further move closes at least ${MIN_SHARE_PER_MOVE * 100}% of the gap.`;
    case 'move-limit': return `The target is not reached after ${moves}, the most the plan tries.`;
  }
}

/** The document a plan produces, replayed from its moves (what the UI's "Apply plan" loads). */
export function applyPlan(t: Topology, p: Pick<Plan, 'steps'>): Topology {
  return applyMoves(t, p.steps.map((s) => s.move));
}

/** Same as applyPlan, for callers holding the whole plan. */
export function planToTopology(t: Topology, p: Plan): Topology {
  return applyPlan(t, p);
}
