// The insight layer: the engine's report turned into advice (DESIGN section 3).
// Pure: the worker, the CLI and the tests call the same functions.
import type { Topology } from '../../model';
import { dataProtection } from './dataProtection';
import { degradations } from './degradations';
import { findings } from './findings';
import type { Report } from './report';
import { sloReport } from './slo';
import { stageOf } from './stage';
import type { Insight } from './types';

export interface InsightOptions {
  /** System target as a fraction (the CLI's --slo): replaces the document's targets. */
  slo?: number;
}

export function insight(t: Topology, report: Report, opts: InsightOptions = {}): Insight {
  return {
    findings: findings(t, report),
    stage: stageOf(t, report),
    slo: sloReport(t, report, opts.slo),
    dataProtection: dataProtection(t),
    degradations: degradations(t),
  };
}

export { FINDING_RULES, findings, type FindingRule } from './findings';
export { STAGE_NAMES, stageOf } from './stage';
export { MONTH_MINUTES, shortfall, sloReport } from './slo';
export { dataProtection } from './dataProtection';
export { degradations } from './degradations';
export { MOVE_KINDS, applyMove, applyMoveFully, applyMoves, candidateMoves, describeMove, moveKey, type Applied, type Move, type MoveKind, type MoveType } from './moves';
export { applyPlan, plan, type Blocker, type Plan, type PlanOptions, type PlanOutcome, type PlanStep, type StepAdds, type StepFixes } from './plan';
export type * from './types';
