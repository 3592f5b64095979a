// The plan as the CLI prints it and the app lists it (DESIGN section 3).
import type { Topology } from '../../model';
import type { ElementType } from './report';
import type { Move } from './moves';
import type { SloReport } from './types';

/**
 * What a move removes: the single points of failure, or else the pairs of failures that
 * no longer fail a client; or else the elements it makes less likely to fail (a managed
 * service's better SLA), which stay what they were.
 */
export interface StepFixes {
  spofs: string[];
  pairs: [string, string][];
  /** Not every pair was checked or listed (MAX_FIX_PAIR_CHECKS, MAX_FIX_PAIRS): the pairs listed are some of those removed. */
  pairsCut?: true;
  lessens: string[];
}

/** What a move adds. */
export interface StepAdds {
  instances: number;
  /** What the added instances cost a month (null when the design has no costs). */
  costPerMonth: number | null;
  /** Some added instance had no price: priced at the design's mean instance price. */
  assumedPrice: boolean;
  components: string[];
  domains: string[];
  /** Each new element and the one it copies or stands beside (where the editor places it). */
  twins: Record<string, string>;
}

export interface PlanStep {
  /** Moves weighed together (a zone's moves) share a round; availability rises round by round. */
  round: number;
  move: Move;
  description: string;
  fixes: StepFixes;
  adds: StepAdds;
  /** System availability after this move (and the ones before it). */
  availability: number;
  /**
   * Monte Carlo figures: the round's figure is within the 95% sampling interval of the one
   * before it, so the sampling cannot tell its gain from none (the move is kept: it loses nothing).
   */
  withinInterval?: true;
  nines: number;
  /** Downtime cost saved a year, where downtime has a cost (else null). */
  savingPerYear: number | null;
  /** The saving a year exceeds what the move costs a year (null without both figures). */
  paysOff: boolean | null;
}

/** An element that keeps the target out of reach, with its share of the error budget. */
export interface Blocker {
  id: string;
  label: string;
  type: ElementType;
  /** What making it perfect would give the client short of its target that it costs most. */
  unavailability: number;
  /** That, over the error budget (1 − target): 0.2 is a fifth of it. */
  share: number;
  /** Why no move removes it. */
  reason: string;
  /** Alike elements named as one blocker (nested racks that fail the same clients), their shares together. */
  members?: string[];
}

/**
 * `out-of-reach`: failures no move changes (single points of failure no move removes, pools at
 * the document's limit) take the whole budget of some client: no plan reaches it. The moves that
 * still raise the availability are listed all the same, and the message says why their search ended.
 * `work-budget`: the budget of work (PlanOptions.workBudget) ran out before the target was met or every move weighed.
 */
export type PlanOutcome = 'already-met' | 'met' | 'no-move-helps' | 'move-limit' | 'out-of-reach' | 'work-budget';

export interface Plan {
  /** The system target (the override, else the document's `slo`); null when only clients carry targets. */
  target: number | null;
  before: { availability: number; nines: number };
  after: { availability: number; nines: number };
  met: boolean;
  outcome: PlanOutcome;
  /** How the moves were found: greedily, greedily with unneeded moves dropped, or by the bounded search of up to three moves. */
  search: 'greedy' | 'pruned' | 'exhaustive';
  message: string;
  steps: PlanStep[];
  /** What the whole plan adds. */
  cost: { instances: number; perMonth: number | null; currency: string; assumedPrice: boolean };
  /** When the target is not met: what keeps it out of reach, largest share first. */
  blockers: Blocker[];
  /** The document with every move applied: what `-o` writes and "Apply plan" loads. */
  topology: Topology;
  /** The SLO status after the plan. */
  slo: SloReport;
  /**
   * The work done, in elements evaluated, against the budget; `cut`: the budget stopped the
   * search for moves, or the pruning or look-ahead of a plan that met the target.
   */
  work: { done: number; budget: number; cut: boolean };
}
