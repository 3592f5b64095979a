// `analyze --format markdown|html`: the report to share, from the command line. The picture
// is the drawn SVG (src/io/svg); a design without positions is laid out first with ELK, as
// the app would lay it out on opening. The plan is part of the report when a target is not
// met (`--no-plan` leaves it out: it runs many analyses).
import { buildJsonReport, type Report } from '../engine';
import { plan } from '../engine/insight';
import { toMermaid } from '../io';
import { layoutTopology, needsLayout, type ElkLayouter } from '../layout';
import type { Topology } from '../model';
import type { AnalysisJson } from '../report/analysisJson';
import { designPicture } from '../report/picture';
import { shareReportHtml, shareReportMarkdown, type ShareReportInput } from '../report/shareReport';

export interface ShareOptions {
  slo?: number;
  withPlan: boolean;
}

export async function shareReport(format: 'markdown' | 'html', topology: Topology, report: Report, opts: ShareOptions): Promise<string> {
  const analysis = buildJsonReport(report, topology, { slo: opts.slo }) as unknown as AnalysisJson;
  const input: ShareReportInput = { topology, analysis, svg: designPicture(await placed(topology), analysis) };
  if (opts.withPlan && !report.whatIf && !analysis.slo.met) input.plan = plan(topology, { target: opts.slo, analysis: report });
  if (format === 'markdown') return shareReportMarkdown({ ...input, mermaid: toMermaid(topology, { spofIds: report.spofs.map((s) => s.id) }) });
  return shareReportHtml(input);
}

/** The design with a position for every node: its own, or ELK's layout (loaded only then). */
async function placed(t: Topology): Promise<Topology> {
  if (!needsLayout(t)) return t;
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK() as unknown as ElkLayouter;
  const { positions, sizes } = await layoutTopology(t, { elk });
  return { ...t, view: { ...t.view, positions, sizes } };
}
