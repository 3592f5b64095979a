// What the analysis worker does, as plain functions so they are tested in Node:
// validate the document with the one schema, analyse it, add the insight layer,
// in what-if mode analyse it again with the chosen elements forced down, and find
// the plan that reaches the SLO, and write the report to share.
import { analyze, type AnalyzeOptions, type Report } from '../engine';
import { SimulationRun, type SimulationReport } from '../engine/simulate';
import { applyMoveFully, insight, plan, type Insight, type Move, type Plan } from '../engine/insight';
import { formatProblem, parseTopology, type Problem, type Topology } from '../model';
import { needsLayout } from '../layout/needsLayout';
import { analyseDesign } from '../report/analysisJson';
import { designPicture } from '../report/picture';
import { boundedMermaid, pictureDrawn, pictureLeftOut } from '../report/pictureBounds';
import { shareReportHtml, shareReportMarkdown, type ReportPlan } from '../report/shareReport';
import { packAnswer, type PackedAnswer, type PartialList, type RowOf } from './pageAnswer';

export interface AnalysisRequest {
  /** The document as the editor holds it: untrusted, validated here. */
  document: unknown;
  /** What-if mode: element ids forced down (components, instances `id#i`, domains, links, clients). */
  failed?: string[];
  /** The method's knobs: a smaller exact budget forces Monte Carlo; more samples, a tighter interval. */
  options?: EngineOptions;
}

export type EngineOptions = Pick<AnalyzeOptions, 'exactBudget' | 'samples' | 'sampleWork' | 'seed'>;

export interface AnalysisResult {
  ok: true;
  report: Report;
  insight: Insight;
  whatIf: Report | null;
  warnings: Problem[];
  elapsedMs: number;
  /**
   * On the page (pageAnswer.ts): the answer these lists belong to, and the whole length of the
   * lists sent in part (`insight.findings` and `insight.degradations` hold their first rows;
   * rowsOf gives more). `report.importance` holds its first rows (the report shows six),
   * `report.elements` is not sent to the page. Absent: everything is here.
   */
  partial?: { answer: string } & Record<PartialList, number>;
}

export type AnalysisResponse = AnalysisResult | { ok: false; errors: Problem[]; warnings: Problem[] };

/** The last design analysed, so a what-if click on an unchanged design costs one analysis, not two. */
export interface AnalysisCache {
  key: string;
  report: Report;
  insight: Insight;
  /** Names this analysis for the rows the page asks for later (rowsOf). */
  answer: string;
}

// Answers are named uniquely across workers: a restarted worker must not answer for an old one's.
const answerPrefix = Math.random().toString(36).slice(2, 10);
let answers = 0;

export function runAnalysis(request: AnalysisRequest, cache?: { last?: AnalysisCache }): AnalysisResponse {
  const started = performance.now();
  const parsed = parseTopology(request.document);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: parsed.warnings };
  const t = parsed.topology;
  const options = request.options ?? {};
  const key = cache ? JSON.stringify({ ...t, view: undefined, options }) : '';
  let base = cache?.last?.key === key ? cache.last : undefined;
  if (!base) {
    const report = analyze(t, options);
    base = { key, report, insight: insight(t, report), answer: `${answerPrefix}-${++answers}` };
    if (cache) cache.last = base;
  }
  const failed = request.failed ?? [];
  const whatIf = failed.length > 0 ? analyze(t, { ...options, failed }) : null;
  return { ok: true, report: base.report, insight: base.insight, whatIf, warnings: parsed.warnings, elapsedMs: performance.now() - started };
}

/** The answer as the worker hands it to the page: lists in part, blast radii packed (pageAnswer.ts). */
export function runAnalysisForPage(request: AnalysisRequest, cache: { last?: AnalysisCache } = {}): PackedAnswer {
  const response = runAnalysis(request, cache);
  return packAnswer(response, cache.last?.answer ?? '');
}

/** More rows of a list the page received in part; null when the worker holds another analysis now. */
export function rowsOf<L extends PartialList>(cache: { last?: AnalysisCache }, answer: string, list: L, from: number, count: number): RowOf<L>[] | null {
  if (!cache.last || cache.last.answer !== answer) return null;
  const rows = cache.last.insight[list] as RowOf<L>[];
  return rows.slice(Math.max(0, from), Math.max(0, from) + Math.max(0, Math.min(count, 10_000)));
}

/** Analyses a document again and throws the answer away (the worker's warm-up); returns the time it took, ms. */
export function analyzeAgain(document: unknown): number {
  const started = performance.now();
  const parsed = parseTopology(document);
  if (parsed.ok) insight(parsed.topology, analyze(parsed.topology));
  return performance.now() - started;
}

export interface PlanRequest {
  document: unknown;
  /** System target as a fraction; absent: the document's own targets. */
  target?: number;
  /** The analysis's knob, so that the plan weighs its moves by the method the report shows (a smaller exact budget forces Monte Carlo). */
  options?: Pick<EngineOptions, 'exactBudget'>;
}

export type PlanResponse =
  | { ok: true; plan: Omit<Plan, 'topology'>; topology: Topology; elapsedMs: number }
  | { ok: false; errors: string[] };

/** The fewest changes that reach the SLO (src/engine/insight/plan.ts), with the changed document. */
export function runPlan(request: PlanRequest): PlanResponse {
  const started = performance.now();
  const parsed = parseTopology(request.document);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(formatProblem) };
  try {
    const exactBudget = request.options?.exactBudget;
    const { topology, ...rest } = plan(parsed.topology, { target: request.target, ...(exactBudget !== undefined ? { exactBudget } : {}) });
    return { ok: true, plan: rest, topology, elapsedMs: performance.now() - started };
  } catch (e) {
    // plan() throws only when there is no target at all.
    return { ok: false, errors: [(e as Error).message] };
  }
}

export interface ShareReportRequest {
  document: unknown;
  format: 'markdown' | 'html';
  /** The plan the person applied to this design, if any. */
  plan?: ReportPlan;
}

export type ShareReportResponse = { ok: true; text: string } | { ok: false; errors: string[] };

/** The report to share (src/report/shareReport.ts): the document analysed again, as Markdown or HTML. */
export function runShareReport(request: ShareReportRequest): ShareReportResponse {
  const parsed = parseTopology(request.document);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(formatProblem) };
  const t = parsed.topology;
  const analysed = analyseDesign(t);
  // The editor gives every node a position; a design still without them goes without a picture.
  // Past the bounds the command line keeps to, none either, and the report says why.
  const drawn = pictureDrawn(t);
  const picture = !drawn ? { pictureNote: pictureLeftOut(t, [APP_HINT]) } : needsLayout(t) ? {} : { svg: designPicture(t, analysed.analysis) };
  const input = { ...analysed, ...picture, ...(request.plan ? { plan: request.plan } : {}) };
  if (request.format === 'markdown') {
    return { ok: true, text: shareReportMarkdown({ ...input, mermaid: boundedMermaid(t, input.analysis.spofs.map((s) => s.id)) }) };
  }
  return { ok: true, text: shareReportHtml(input) };
}

/** Where a reader of the app's report finds the design the report does not draw. */
const APP_HINT = 'Open the design in SPOF Studio to explore it.';

export interface SimulationRequest {
  document: unknown;
  years?: number;
  seed?: number;
  /** Stop after this much work (the years played are stated). */
  timeBudgetMs?: number;
}

/** The distribution of the system's yearly downtime, for the chart: equal bins from 0 h. */
export interface DowntimeHistogram {
  binHours: number;
  counts: number[];
}

export type SimulationResponse =
  | { ok: true; report: SimulationReport; histogram: DowntimeHistogram; monthHistogram: DowntimeHistogram }
  | { ok: false; cancelled: boolean; errors: string[] };

/** A simulation of the document, ready to be played in slices (the worker plays it between requests). */
export function startSimulation(request: SimulationRequest): SimulationRun | { ok: false; cancelled: false; errors: string[] } {
  const parsed = parseTopology(request.document);
  if (!parsed.ok) return { ok: false, cancelled: false, errors: parsed.errors.map(formatProblem) };
  return new SimulationRun(parsed.topology, { years: request.years, seed: request.seed, timeBudgetMs: request.timeBudgetMs });
}

/** The finished (or stopped) run's answer, with the histograms the chart draws. */
export function simulationAnswer(run: SimulationRun, bins = 24): SimulationResponse {
  return { ok: true, report: run.result(), histogram: run.histogram('year', bins), monthHistogram: run.histogram('month', bins) };
}

export interface MovesRequest {
  document: unknown;
  /** Moves of a plan (its steps' `move`), applied in order. */
  moves: Move[];
}

export type MovesResponse =
  | { ok: true; topology: Topology; twins: Record<string, string> }
  | { ok: false; errors: string[] };

/**
 * Some moves of a plan applied to the design as it is now (the app applies them one at a
 * time or all at once), with each new element's twin: where the editor places it.
 */
export function runMoves(request: MovesRequest): MovesResponse {
  const parsed = parseTopology(request.document);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(formatProblem) };
  let doc = parsed.topology;
  const twins: Record<string, string> = {};
  for (const m of request.moves) {
    try {
      const applied = applyMoveFully(doc, m);
      for (const a of applied.added) if (a.twin !== undefined) twins[a.id] = a.twin;
      doc = applied.doc;
    } catch (e) {
      // A move whose component is gone (the design changed): say which.
      return { ok: false, errors: [(e as Error).message] };
    }
  }
  return { ok: true, topology: doc, twins };
}
