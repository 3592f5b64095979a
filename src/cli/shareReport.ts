// `analyze --format markdown|html`: the report to share, from the command line. The picture
// is the drawn SVG (src/io/svg); a design without positions is laid out first with ELK, as
// the app would lay it out on opening. The plan is part of the report when a target is not
// met (`--no-plan` leaves it out: it runs many analyses). A design too large to draw legibly
// gets a sentence instead of the picture, saying why and how to get a diagram.
import { buildJsonReport, type Report } from '../engine';
import { plan } from '../engine/insight';
import { toMermaid } from '../io';
import { layoutTopology, needsLayout, type ElkLayouter } from '../layout';
import type { Topology } from '../model';
import type { AnalysisJson } from '../report/analysisJson';
import { designPicture } from '../report/picture';
import type { Rich } from '../report/rich';
import { shareReportHtml, shareReportMarkdown, type ShareReportInput } from '../report/shareReport';

export interface ShareOptions {
  slo?: number;
  withPlan: boolean;
  /** The topology's file, named in the sentence that says how to get a diagram the report leaves out (FILE when not given). */
  file?: string;
}

/**
 * Past this many boxes (components and failure domains) or lines (links) the report draws no
 * picture: a 10,000-long chain drawn was 10,000 boxes in one column, 16 MB of SVG (22 MB as a
 * Markdown image) that no reviewer can read, and laying it out and drawing it took most of a
 * minute; 650 boxes joined by 100,000 links were 42 MB.
 */
export const MAX_PICTURE_BOXES = 1000;
export const MAX_PICTURE_LINKS = 5000;
/** Mermaid's own limits (its defaults, and GitHub's): past them it draws an error instead of the design. */
const MERMAID_MAX_TEXT = 50_000;
const MERMAID_MAX_EDGES = 500;

export async function shareReport(format: 'markdown' | 'html', topology: Topology, report: Report, opts: ShareOptions): Promise<string> {
  const analysis = buildJsonReport(report, topology, { slo: opts.slo }) as unknown as AnalysisJson;
  const boxes = topology.components.length + topology.domains.length;
  const drawn = boxes <= MAX_PICTURE_BOXES && topology.links.length <= MAX_PICTURE_LINKS;
  const input: ShareReportInput = { topology, analysis, svg: drawn ? designPicture(await placed(topology), analysis) : undefined };
  if (!drawn) input.pictureNote = leftOut(topology, opts.file ?? 'FILE');
  if (opts.withPlan && !report.whatIf && !analysis.slo.met) input.plan = plan(topology, { target: opts.slo, analysis: report });
  if (format === 'html') return shareReportHtml(input);
  const mermaid = topology.links.length <= MERMAID_MAX_EDGES ? toMermaid(topology, { spofIds: report.spofs.map((s) => s.id) }) : undefined;
  return shareReportMarkdown({ ...input, mermaid: mermaid !== undefined && mermaid.length <= MERMAID_MAX_TEXT ? mermaid : undefined });
}

function leftOut(t: Topology, file: string): Rich {
  const n = (x: number) => x.toLocaleString('en-US');
  return [
    `Not drawn here: ${n(t.components.length + t.domains.length)} components and failure domains joined by ${n(t.links.length)} links are more than a picture anyone could read (this report draws up to ${n(MAX_PICTURE_BOXES)} and ${n(MAX_PICTURE_LINKS)}). `,
    'Open the file in SPOF Studio to explore it, or write it as a diagram with ',
    { code: `spof mermaid ${file}` },
    '.',
  ];
}

/** The design with a position for every node: its own, or ELK's layout (loaded only then). */
async function placed(t: Topology): Promise<Topology> {
  if (!needsLayout(t)) return t;
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK() as unknown as ElkLayouter;
  const { positions, sizes } = await layoutTopology(t, { elk });
  return { ...t, view: { ...t.view, positions, sizes } };
}
