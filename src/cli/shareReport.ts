// `analyze --format markdown|html`: the report to share, from the command line. The plan is
// part of it when a target is not met (`--no-plan` leaves it out: it runs many analyses).
import { buildJsonReport, type Report } from '../engine';
import { plan } from '../engine/insight';
import { toMermaid } from '../io';
import type { Topology } from '../model';
import type { AnalysisJson } from '../report/analysisJson';
import { shareReportHtml, shareReportMarkdown, type ShareReportInput } from '../report/shareReport';

export interface ShareOptions {
  slo?: number;
  withPlan: boolean;
}

export function shareReport(format: 'markdown' | 'html', topology: Topology, report: Report, opts: ShareOptions): string {
  const analysis = buildJsonReport(report, topology, { slo: opts.slo }) as unknown as AnalysisJson;
  const input: ShareReportInput = { topology, analysis };
  if (opts.withPlan && !report.whatIf && !analysis.slo.met) input.plan = plan(topology, { target: opts.slo });
  if (format === 'markdown') return shareReportMarkdown({ ...input, mermaid: toMermaid(topology, { spofIds: report.spofs.map((s) => s.id) }) });
  return shareReportHtml(input);
}
