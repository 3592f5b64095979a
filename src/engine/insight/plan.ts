// The plan (DESIGN section 3): the fewest changes that reach an availability target,
// found greedily and verified by recomputation. Each round tries every candidate move,
// recomputes the availability exactly with the engine, and keeps the move that closes
// the most of the gap; it stops when every target is met or no move helps.
import { parseTopology, type Topology } from '../../model';
import { analyze } from '../index';
import { applyMove, applyMoves, candidateMoves, describeMove, type Move } from './moves';
import type { Report } from './report';
import { shortfall, sloReport } from './slo';
import type { SloReport } from './types';

export interface PlanStep {
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
}

/** A move must close the gap by more than this to count as helping (rounding noise). */
const HELPS = 1e-12;

export function plan(t: Topology, opts: PlanOptions = {}): Plan {
  const maxMoves = opts.maxMoves ?? 20;
  const evaluate = (doc: Topology) => {
    const report = analyze(doc, { seed: 1 });
    return { doc, report, slo: sloReport(doc, report, opts.target) };
  };
  const start = evaluate(t);
  if (start.slo.system === null && start.slo.clients.length === 0) {
    throw new Error('no target: give one (--slo), or set "slo" on the document or on a client');
  }
  let cur = start;
  const steps: PlanStep[] = [];
  let outcome: PlanOutcome = start.slo.met ? 'already-met' : 'met';
  while (!cur.slo.met) {
    if (steps.length >= maxMoves) {
      outcome = 'move-limit';
      break;
    }
    const best = bestMove(cur);
    if (!best) {
      outcome = 'no-move-helps';
      break;
    }
    steps.push({ move: best.move, description: describeMove(cur.doc, best.move), availability: best.next.report.system.availability, nines: best.next.report.system.nines });
    cur = best.next;
  }
  const figures = (r: Report) => ({ availability: r.system.availability, nines: r.system.nines });
  return {
    target: opts.target ?? t.slo ?? null,
    before: figures(start.report),
    after: figures(cur.report),
    met: cur.slo.met,
    outcome,
    message: outcomeMessage(outcome, steps.length),
    steps,
    topology: cur.doc,
    slo: cur.slo,
  };

  function bestMove(state: typeof start): { move: Move; next: typeof start } | undefined {
    let best: { move: Move; next: typeof start; gap: number } | undefined;
    const gapNow = shortfall(state.slo);
    for (const move of candidateMoves(state.doc)) {
      const doc = applyMove(state.doc, move);
      // Every move keeps the document valid; a move that would not is never offered.
      if (!parseTopology(doc).ok) continue;
      const next = evaluate(doc);
      const gap = shortfall(next.slo);
      // Never worse: the system availability may not drop, and the gap must close.
      if (gap > gapNow - HELPS || next.report.system.availability < state.report.system.availability) continue;
      if (!best || gap < best.gap - HELPS || (Math.abs(gap - best.gap) <= HELPS && next.report.system.availability > best.next.report.system.availability)) {
        best = { move, next, gap };
      }
    }
    return best;
  }
}

function outcomeMessage(outcome: PlanOutcome, n: number): string {
  const moves = `${n} move${n === 1 ? '' : 's'}`;
  switch (outcome) {
    case 'already-met': return 'The target is already met: no change needed.';
    case 'met': return `The target is met after ${moves}.`;
    case 'no-move-helps': return `The target cannot be reached with the moves available: after ${moves}, no move improves the availability further.`;
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
