// `analyze --format markdown|html`: the report to share, from the command line. The picture
// is the drawn SVG (src/io/svg); a design without positions is laid out first with ELK, as
// the app would lay it out on opening. The plan is part of the report when a target is not
// met (`--no-plan` leaves it out: it runs many analyses). A design too large to draw legibly
// gets a sentence instead of the picture, saying why and how to get a diagram (the bounds,
// src/report/pictureBounds.ts, are the app's report export's too).
import { buildJsonReport, type Report } from '../engine';
import { plan } from '../engine/insight';
import { layoutTopology, needsLayout, type ElkLayouter } from '../layout';
import type { Topology } from '../model';
import type { AnalysisJson } from '../report/analysisJson';
import { designPicture } from '../report/picture';
import { boundedMermaid, pictureDrawn, pictureLeftOut } from '../report/pictureBounds';
import type { Rich } from '../report/rich';
import { shareReportHtml, shareReportMarkdown, type ShareReportInput } from '../report/shareReport';

export interface ShareOptions {
  slo?: number;
  withPlan: boolean;
  /** The topology's file, named in the sentence that says how to get a diagram the report leaves out (FILE when not given). */
  file?: string;
}

export async function shareReport(format: 'markdown' | 'html', topology: Topology, report: Report, opts: ShareOptions): Promise<string> {
  const analysis = buildJsonReport(report, topology, { slo: opts.slo }) as unknown as AnalysisJson;
  const drawn = pictureDrawn(topology);
  const input: ShareReportInput = { topology, analysis, svg: drawn ? designPicture(await placed(topology), analysis) : undefined };
  if (!drawn) input.pictureNote = leftOut(topology, opts.file ?? 'FILE');
  if (opts.withPlan && !report.whatIf && !analysis.slo.met) input.plan = plan(topology, { target: opts.slo, analysis: report });
  if (format === 'html') return shareReportHtml(input);
  return shareReportMarkdown({ ...input, mermaid: boundedMermaid(topology, report.spofs.map((s) => s.id)) });
}

function leftOut(t: Topology, file: string): Rich {
  return pictureLeftOut(t, ['Open the file in SPOF Studio to explore it, or write it as a diagram with ', { code: `spof mermaid ${file}` }, '.']);
}

/** The design with a position for every node: its own, or ELK's layout (loaded only then). */
async function placed(t: Topology): Promise<Topology> {
  if (!needsLayout(t)) return t;
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK() as unknown as ElkLayouter;
  const { positions, sizes } = await layoutTopology(t, { elk });
  return { ...t, view: { ...t.view, positions, sizes } };
}
