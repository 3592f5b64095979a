// The report to share (`analyze --format markdown|html`, and the app's report export): the
// headline figures, the picture, the downtime table, the SPOFs, the findings and the plan
// if one was made, for a wiki page or an e-mail. Built once as blocks, rendered as Markdown
// or as one self-contained HTML page (styles inline, no script).
import { formatDowntime, ninesOf } from '../engine/downtime';
import type { Finding } from '../engine/insight';
import { othersDownWords } from '../engine/spofOthers';
import { ALMOST_ALWAYS_DOWN_WHY, ALMOST_ALWAYS_DOWN_WORDS, almostAlwaysDown, upAtATime } from '../engine/outageWords';
import type { SpofReport } from '../engine/types';
import type { Topology } from '../model';
import type { AnalysisJson, JsonFigures } from './analysisJson';
import { blocksToHtml, blocksToMarkdown, type Block } from './blocks';
import { formatAvailability, formatMoney, formatRate, formatTarget, neverServedSentence } from './format';
import { element, joined, type Rich } from './rich';
import { reportPage } from './reportPage';

/** A plan as the report shows it: the moves in order, each with the availability after it. */
export interface ReportPlan {
  target: number | null;
  /** Where the design stood before the plan (the CLI plans from the file; the app reports a plan it applied). */
  before?: { availability: number };
  /** The moves are already in the design (the app's "Apply plan"). */
  applied?: boolean;
  /** `withinInterval`: a Monte Carlo figure within the sampling interval of the one before its round (said as the CLI says it). */
  steps: { description: string; availability: number; nines: number; withinInterval?: true }[];
  met: boolean;
  message: string;
}

export interface ShareReportInput {
  topology: Topology;
  analysis: AnalysisJson;
  plan?: ReportPlan;
  /** The drawn design (SVG markup): the picture of the HTML report. */
  svg?: string;
  /** The design as a Mermaid diagram: the picture of the Markdown report (it renders on GitHub, GitLab and most wikis). */
  mermaid?: string;
  /** Said under "The design" when it is not drawn (a design too large for a picture anyone could read): why, and how to get one. */
  pictureNote?: Rich;
}

export function shareReportMarkdown(input: ShareReportInput): string {
  return blocksToMarkdown(shareReportBlocks(input));
}

export function shareReportHtml(input: ShareReportInput): string {
  return reportPage(input.topology.name, blocksToHtml(shareReportBlocks(input)));
}

const SEVERITY_WORD = { high: 'High', medium: 'Medium', low: 'Low' } as const;

export function shareReportBlocks({ topology, analysis: a, plan, svg, mermaid, pictureNote }: ShareReportInput): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: topology.name },
    { kind: 'paragraph', text: [`Availability report by SPOF Studio (${a.method === 'exact' ? 'exact analysis' : 'Monte Carlo estimate, 95% interval in the table'}), ${counts(topology)}.`] },
    { kind: 'heading', level: 2, text: 'Headline' },
    { kind: 'table', header: ['Figure', 'Value'], rows: headline(a), align: ['left', 'left'] },
  ];
  if (svg !== undefined || mermaid !== undefined) {
    blocks.push({ kind: 'heading', level: 2, text: 'The design' }, { kind: 'picture', alt: `The design ${topology.name}, single points of failure marked`, svg, mermaid });
  } else if (pictureNote !== undefined) {
    blocks.push({ kind: 'heading', level: 2, text: 'The design' }, { kind: 'paragraph', text: pictureNote });
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Downtime' }, downtimeTable(a));
  blocks.push({ kind: 'heading', level: 2, text: a.spofs.length === 0 ? 'No single point of failure' : `Single points of failure (${a.spofs.length})` });
  if (a.spofs.length > 0) {
    // The failed element and the clients are not counted again among what stops serving.
    const others = (s: SpofReport) => {
      const words = othersDownWords(s);
      return words ? `; ${words}` : '';
    };
    const clients = (ids: string[]): Rich => [...joined(ids.slice(0, NAMES).map((c) => [{ code: c }])), ids.length > NAMES ? ` and ${(ids.length - NAMES).toLocaleString('en-US')} more` : ''];
    blocks.push({ kind: 'list', items: firstRows(a.spofs.slice(0, ROWS + 1).map((s) => [...element(s.id, s.label), ` (${s.type}): fails `, ...clients(s.clients), others(s)]), a.spofs.length) });
  } else {
    blocks.push({ kind: 'paragraph', text: [neverServedSentence(a, topology) || 'No single element takes a client down on its own.'] });
  }
  blocks.push({ kind: 'heading', level: 2, text: a.findings.length === 0 ? 'No findings' : `Findings (${a.findings.length})` });
  if (a.findings.length > 0) blocks.push({ kind: 'list', items: firstRows(a.findings.slice(0, ROWS + 1).map(findingItem), a.findings.length) });
  if (plan) blocks.push(...planBlocks(plan));
  if (a.warnings.length > 0) blocks.push({ kind: 'heading', level: 2, text: 'Notes' }, { kind: 'list', items: a.warnings.map((w) => [w]) });
  return blocks;
}

/**
 * Rows of a list before the rest is counted, and names in a row: a 20,000-long chain under 200
 * clients made 20,000 SPOFs each naming 200 clients and 100,000 findings, a 62 MB page.
 */
const ROWS = 50;
const NAMES = 30;

function firstRows(items: Rich[], count = items.length): Rich[] {
  if (count <= ROWS) return items;
  return [...items.slice(0, ROWS), [`... and ${(count - ROWS).toLocaleString('en-US')} more (`, { code: 'spof analyze --json' }, ' lists them all)']];
}

function counts(t: Topology): string {
  const n = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
  return `${n(t.components.length, 'component')}, ${n(t.domains.length, 'failure domain')}, ${n(t.links.length, 'link')}`;
}

function pct(f: { availability: number; nines: number | null }): string {
  return formatAvailability(f.availability, f.nines ?? Infinity);
}

function headline(a: AnalysisJson): Rich[][] {
  const s = a.system;
  const rows: Rich[][] = [
    [['System availability'], [`${pct(s)} (${s.nines === null ? 'never down' : `${s.nines.toFixed(2)} nines`})`]],
    [['Expected downtime'], [`${formatDowntime(s.downtime.perYearSeconds)} a year, ${formatDowntime(s.downtime.perMonthSeconds)} a month`]],
  ];
  const target = a.slo.system;
  if (target) {
    rows.push([['SLO'], [target.met ? `${formatTarget(target.target)}: met` : `${formatTarget(target.target)}: NOT met, short by ${formatDowntime(target.gapMinutesPerMonth * 60)} a month`, ` (error budget ${formatDowntime(target.errorBudgetMinutesPerMonth * 60)} a month)`]]);
  }
  rows.push([['Single points of failure'], [String(a.spofs.length)]]);
  rows.push([['Redundancy stage'], [`${a.stage.summary.replace(/^Stage /, '')}. Next: ${a.stage.next}`]]);
  if (a.outages) {
    const o = a.outages.system;
    const figures = { failuresPerYear: o.failuresPerYear, meanDownHours: o.meanDownHours ?? Infinity, meanUpHours: o.meanUpHours ?? Infinity };
    if (almostAlwaysDown(figures)) rows.push([['Outages'], [`${ALMOST_ALWAYS_DOWN_WORDS}: ${ALMOST_ALWAYS_DOWN_WHY} (${upAtATime(figures.meanUpHours)})`]]);
    else rows.push([['Outages a year'], [`${formatRate(o.failuresPerYear)}${o.meanDownHours !== null ? `, ${formatDowntime(o.meanDownHours * 3600)} each on average` : ''}`]]);
  }
  if (a.cost) {
    rows.push([['Cost'], [`${formatMoney(a.cost.perMonth, a.cost.currency)} a month; expected downtime cost ${formatMoney(a.cost.downtimePerYear, a.cost.currency)} a year`]]);
  }
  return rows;
}

function downtimeTable(a: AnalysisJson): Block {
  const row = (who: Rich, f: JsonFigures): Rich[] => [
    who,
    [pct(f)],
    [f.nines === null ? '—' : f.nines.toFixed(2)],
    [formatDowntime(f.downtime.perYearSeconds)],
    [formatDowntime(f.downtime.perMonthSeconds)],
    [formatDowntime(f.downtime.perWeekSeconds)],
    [formatDowntime(f.downtime.perDaySeconds)],
    [f.slo ? `${formatTarget(f.slo.target)} ${f.slo.met ? 'met' : 'NOT met'}` : '—'],
  ];
  const rows = [row([{ strong: 'System' }], a.system)];
  const interval = a.interval;
  if (interval) rows[0][1] = [`${pct(a.system)} (${formatAvailability(interval.low, a.system.nines ?? Infinity)} to ${formatAvailability(interval.high, a.system.nines ?? Infinity)})`];
  for (const c of a.clients) rows.push(row(element(c.id, c.label), c));
  return { kind: 'table', header: ['', 'Availability', 'Nines', 'A year', 'A month', 'A week', 'A day', 'SLO'], rows, align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'] };
}

function findingItem(f: Finding): Rich {
  return [{ strong: SEVERITY_WORD[f.severity] }, ' ', { code: f.code }, ` ${f.message} ${f.suggestion}`];
}

function planBlocks(p: ReportPlan): Block[] {
  const goal = p.target !== null ? `to reach ${formatTarget(p.target)}` : "to reach the clients' targets";
  const steps = p.steps.map((s): Rich => [`${s.description}: ${formatAvailability(s.availability, s.nines)}${s.withinInterval ? ' (within the sampling interval)' : ''}`]);
  return [
    { kind: 'heading', level: 2, text: `${p.applied ? 'Plan applied' : 'Plan'} ${goal}` },
    { kind: 'paragraph', text: [`${p.before ? `Today: ${formatAvailability(p.before.availability, ninesOf(1 - p.before.availability))}. ` : ''}${p.message}`] },
    ...(steps.length > 0 ? [{ kind: 'list' as const, items: steps, ordered: true }] : []),
  ];
}
