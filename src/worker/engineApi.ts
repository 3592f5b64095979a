// What the analysis worker does, as a plain function so it is tested in Node:
// validate the document with the one schema, analyse it, add the insight layer,
// and in what-if mode analyse it again with the chosen elements forced down.
import { analyze, type Report } from '../engine';
import { insight, type Insight } from '../engine/insight';
import { parseTopology, type Problem } from '../model';

export interface AnalysisRequest {
  /** The document as the editor holds it: untrusted, validated here. */
  document: unknown;
  /** What-if mode: element ids forced down. */
  failed?: string[];
}

export type AnalysisResponse =
  | { ok: true; report: Report; insight: Insight; whatIf: Report | null; warnings: Problem[]; elapsedMs: number }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

export function runAnalysis(request: AnalysisRequest): AnalysisResponse {
  const started = performance.now();
  const parsed = parseTopology(request.document);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: parsed.warnings };
  const report = analyze(parsed.topology);
  const advice = insight(parsed.topology, report);
  const whatIf = request.failed && request.failed.length > 0 ? analyze(parsed.topology, { failed: request.failed }) : null;
  return { ok: true, report, insight: advice, whatIf, warnings: parsed.warnings, elapsedMs: performance.now() - started };
}
