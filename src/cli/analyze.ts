// `spof analyze FILE [--json | --format text|json|markdown|html|sarif] [--slo 99.95] [--fail-on-spof]`
// (DESIGN section 4). Exit 0 ok; 1 when --fail-on-spof finds SPOFs or the --slo target is not
// met; 2 bad input.
import type { Command } from 'commander';
import { analyze, buildJsonReport, eachInBlastRadii, formatDowntime, outagesInWords, type AvailabilityFigures, type Report, type SpofReport, type WhatIfReport } from '../engine';
import type { Topology } from '../model';
import type { JsonReportOptions } from '../engine/jsonReport';
import { insight, stageOf, type Stage } from '../engine/insight';
import { formatMoney, neverServedSentence } from '../report/format';
import { toSarif } from '../report/sarif';
import { shareReport } from './shareReport';
import { terminalSafe } from '../io/safeText';
import { humanInsight, more, ROWS } from './insightText';
import { NameList, writeJson } from './jsonStream';
import { CliError, EXIT_GATE, MAX_SEED, optionNumber, printWarnings, readTopology, sloFraction, textLines, writeHumanStdout, writeInertStdout, writeStdout } from './io';
import { othersDown, othersDownCount, othersDownWords } from '../engine/spofOthers';

interface AnalyzeFlags {
  json?: boolean;
  format?: string;
  slo?: string;
  failOnSpof?: boolean;
  fail?: string[];
  pairCap?: string;
  seed?: string;
  plan: boolean;
}

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'html', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('availability, SPOFs, pairs and importance of a topology (exit 1 when a gate fails)')
    .argument('<file>', 'a .spof.json topology')
    .option('--json', 'print the report as one JSON object (the same as --format json)')
    .option('--format <format>', `the report's form: ${REPORT_FORMATS.join(', ')} (default text)`)
    .option('--slo <percent>', 'system target in percent, e.g. 99.95 (exit 1 when not met)')
    .option('--fail-on-spof', 'exit 1 when there is any single point of failure')
    .option('--fail <ids...>', 'what-if: analyse with these elements or components forced down')
    .option('--pair-cap <n>', 'list at most this many pairs (at least 100)')
    .option('--seed <n>', 'seed of the Monte Carlo fallback')
    .option('--no-plan', 'markdown and html: leave out the plan to reach a target that is not met')
    .action(async (file: string, flags: AnalyzeFlags) => {
      const format = formatOf(flags);
      const slo = flags.slo === undefined ? undefined : sloFraction(flags.slo);
      const pairCap = flags.pairCap === undefined ? undefined : integerOption('--pair-cap', flags.pairCap);
      const seed = flags.seed === undefined ? undefined : integerOption('--seed', flags.seed, MAX_SEED);
      // A report to share or to annotate code with describes the design; a what-if is a question about it.
      if (flags.fail !== undefined && format !== 'text' && format !== 'json') throw new CliError(`--fail: a what-if is reported as text or json; --format ${format} describes the design without failures`);
      const { topology, warnings, text } = readTopology(file);
      const report = analyze(topology, { slo, pairCap, seed, failed: flags.fail });
      // A mistyped id would otherwise answer a what-if nobody asked ("nothing stops serving").
      const unknown = report.whatIf?.unknown ?? [];
      if (unknown.length > 0) throw new CliError(terminalSafe(`${file}: --fail ${unknown.map((id) => JSON.stringify(id)).join(', ')}: no element, component or link has ${unknown.length === 1 ? 'this id' : 'these ids'}`, { oneLine: true }));
      // Every form but SARIF carries the report's warnings, the entry points among them.
      printWarnings(file, topology, warnings, format !== 'sarif');
      // What-if: every figure is the what-if figure (availability, SLO verdicts, SPOFs, pairs,
      // importance, findings); the stage belongs to the design, so it comes from the design's own analysis.
      const stage = report.whatIf ? stageOf(topology, analyze(topology, { slo, seed })) : undefined;
      // The gates are decided before anything is written: a reader that stops early (`| head`) ends the command at a write.
      const spofGate = flags.failOnSpof === true && report.spofs.length > 0;
      const sloGate = slo !== undefined && report.system.slo?.met === false;
      if (spofGate || sloGate) process.exitCode = EXIT_GATE;
      if (format === 'json') writeJson(jsonReportWritten(report, topology, { slo, stage }), writeInertStdout);
      else if (format === 'markdown' || format === 'html') writeStdout(await shareReport(format, topology, report, { slo, withPlan: flags.plan, file }));
      else if (format === 'sarif') writeJson(toSarif({ file, text, findings: insight(topology, report, { slo }).findings }), writeInertStdout);
      else writeHumanStdout(humanReport(topology, report) + (stage ? designStageText(stage) : humanInsight(insight(topology, report, { slo }))));
    });
}

/** `--json` is `--format json`; both together must agree. */
function formatOf(flags: AnalyzeFlags): ReportFormat {
  const named = flags.format?.toLowerCase();
  if (named !== undefined && !(REPORT_FORMATS as readonly string[]).includes(named)) {
    throw new CliError(`--format: must be one of ${REPORT_FORMATS.join(', ')} (got ${JSON.stringify(flags.format)})`);
  }
  if (flags.json && named !== undefined && named !== 'json') throw new CliError(`--json and --format ${named}: choose one`);
  return flags.json ? 'json' : ((named as ReportFormat | undefined) ?? 'text');
}

/** What `analyze --json` writes: the JSON report with every cut blast radius whole again, each made only while it is written. */
export function jsonReportWritten(report: Report, t: Topology, opts: JsonReportOptions): Record<string, unknown> {
  const json = buildJsonReport(report, t, opts);
  const spofs = json.spofs as SpofReport[];
  if (!spofs.some((s) => s.downCount !== undefined)) return json;
  const radii = eachInBlastRadii(t);
  return {
    ...json,
    spofs: spofs.map(({ downCount, ...s }) => (downCount === undefined ? s : { ...s, down: new NameList(radii.componentIds, (item) => radii.each(s.id, item)) })),
  };
}

function integerOption(name: string, text: string, max?: number): number {
  const x = optionNumber(text);
  if (!Number.isInteger(x) || x < 0 || (max !== undefined && x > max)) {
    throw new CliError(`${name}: must be a whole number${max === undefined ? '' : ` from 0 to ${max.toLocaleString('en-US')}`} (got "${text}")`);
  }
  return x;
}

/** Availability in percent with as many decimals as the nines need (99.951%, 99.99960%). */
export function formatPercent(a: number, nines: number): string {
  const digits = Math.min(10, Math.max(3, Number.isFinite(nines) ? Math.ceil(nines) - 1 : 3));
  return `${(a * 100).toFixed(digits)}%`;
}

function figuresLine(f: AvailabilityFigures): string {
  const nines = Number.isFinite(f.nines) ? `${f.nines.toFixed(2)} nines` : 'never down';
  const d = f.downtime;
  return `${formatPercent(f.availability, f.nines)} - ${nines} - ${formatDowntime(d.perYearSeconds)} a year, ${formatDowntime(d.perMonthSeconds)} a month, ${formatDowntime(d.perWeekSeconds)} a week, ${formatDowntime(d.perDaySeconds)} a day`;
}

const IMPORTANCE_ROWS = 10;
/** Past this many names a list is summed up: a 10,000-long chain printed 341 MB of blast radii. */
export const NAMES_SHOWN = 30;

/** `a, b, c` or `a, b, ... and 9,970 more (all in --json)`. */
export function namesList(names: readonly string[], count: number): string {
  if (count <= NAMES_SHOWN && names.length >= count) return names.join(', ');
  return `${names.slice(0, NAMES_SHOWN).join(', ')}, ... and ${(count - Math.min(NAMES_SHOWN, names.length)).toLocaleString('en-US')} more (all in --json)`;
}
const PAIR_ROWS = 20;

/**
 * "orders-db (component) cuts off shoppers, fulfilment; 3 others that need it stop serving: dns, alb, worker":
 * the others do not fail, they lose what they need. The failed element and the clients are not
 * repeated in the list.
 */
export function spofLine(s: SpofReport): string {
  const othersCount = othersDownCount(s);
  const cut = `${s.id} (${s.type}) cuts off ${fewNames(s.clients, s.clients.length)}`;
  const others = othersDownWords(s);
  const line = others ? `${cut}; ${others}: ${fewNames(othersDown(s, SPOF_NAMES), othersCount)}` : cut;
  return s.clients.length > SPOF_NAMES || othersCount > SPOF_NAMES ? `${line} (all in --json)` : line;
}

/**
 * Names in a SPOF's line: who is cut off, then how many others stop and a few of them, as an
 * SRE reads it; thirty names a line made each line of a long chain a list to scroll past.
 */
const SPOF_NAMES = 5;

/** `a, b, c`, or `a, b, c, d, e and 4,995 more`. */
function fewNames(names: readonly string[], count: number): string {
  const shown = names.slice(0, Math.min(SPOF_NAMES, count));
  if (count <= shown.length) return shown.join(', ');
  return `${shown.join(', ')} and ${(count - shown.length).toLocaleString('en-US')} more`;
}

/** What-if: the design's stage, said to be the design's, and where the design's other advice is. */
function designStageText(stage: Stage): string {
  return textLines(['', `Redundancy stage of the design, without these failures: ${stage.summary}`, '  (the design\'s SLO, findings and what to improve first: run without --fail)']);
}

/** What-if: which clients are down, and the weakest client still served with its figures (never the 0% of a client down). */
function whatIfHeadline(lines: string[], r: Report, w: WhatIfReport): void {
  const failedComponents = new Set([...w.failed, ...w.clientsDown]);
  const stopped = w.down.filter((id) => !failedComponents.has(id)).length;
  lines.push(`What-if, with ${namesList(w.failed, w.failed.length)} down: ${stopped} other component${stopped === 1 ? '' : 's'} can no longer serve`);
  lines.push(`  Clients down: ${namesList(w.clientsDown, w.clientsDown.length) || 'none'}`);
  lines.push(`  Clients still served: ${namesList(w.clientsServed, w.clientsServed.length) || 'none'}`);
  if (w.weakestServed) {
    lines.push(`  Still served${w.clientsServed.length > 1 ? ` (the weakest, ${w.weakestServed.id})` : ` (${w.weakestServed.id})`}, while these stay down: ${figuresLine(w.weakestServed)}`);
  }
  // The verdict --slo gates on: the system is its weakest client, 0 while one is down.
  if (r.system.slo) {
    const why = w.clientsDown.length > 0 ? ` (${namesList(w.clientsDown, w.clientsDown.length)} down)` : '';
    lines.push(`  SLO ${formatPercent(r.system.slo.target, 3)}: ${r.system.slo.met ? 'met' : 'NOT met'} while these failures last${why}`);
  }
}
const SECONDS_PER_YEAR = 365.25 * 86_400;

export function humanReport(t: Topology, r: Report): string {
  const lines: string[] = [];
  lines.push(`${t.name} (${r.method === 'exact' ? 'exact' : 'Monte Carlo estimate'})`);
  if (r.basis === 'unconnected') {
    // No figure at all: a design with nothing connected is not "100%, no SPOF".
    lines.push('System availability: none (nothing is connected)');
    if (r.system.slo) lines.push(`  SLO ${formatPercent(r.system.slo.target, 3)}: NOT met (no availability to compare)`);
    lines.push('', 'Warnings');
    for (const w of r.warnings) lines.push(`  ${w}`);
    return `${lines.join('\n')}\n`;
  }
  if (r.whatIf) whatIfHeadline(lines, r, r.whatIf);
  else {
    lines.push(`System availability${r.basis === 'entry-points' ? ` (from the entry points: ${r.entryPoints.join(', ')})` : ''} ${figuresLine(r.system)}`);
    if (r.interval) lines.push(`  95% interval: ${formatPercent(r.interval.low, r.system.nines)} to ${formatPercent(r.interval.high, r.system.nines)}`);
    if (r.system.slo) lines.push(`  SLO ${formatPercent(r.system.slo.target, 3)}: ${r.system.slo.met ? 'met' : 'NOT met'}`);
    if (r.clients.length > 0) lines.push(`  Outages: ${outagesInWords(r.outages.system)}`);
    if (r.cost) {
      const money = (x: number) => formatMoney(x, r.cost!.currency);
      const parts = [
        ...(r.cost.priced ? [`${money(r.cost.perMonth)} a month${r.cost.unpriced.length > 0 ? ` (without ${r.cost.unpriced.join(', ')}: no cost given)` : ''}`] : []),
        ...(r.cost.clients.length > 0 ? [`expected downtime ${money(r.cost.downtimePerYear)} a year`] : []),
      ];
      if (parts.length > 0) lines.push(`  Cost: ${parts.join('; ')}`);
    }
  }
  if (r.clients.length > 1) {
    lines.push('', 'Clients');
    r.clients.forEach((c, i) => {
      if (r.whatIf?.clientsDown.includes(c.id)) {
        lines.push(`  ${c.id}: down while these failures last`);
        return;
      }
      lines.push(`  ${c.id}: ${figuresLine(c)}${c.slo ? ` (SLO ${formatPercent(c.slo.target, 3)} ${c.slo.met ? 'met' : 'NOT met'})` : ''}`);
      lines.push(`    ${outagesInWords(r.outages.clients[i])}`);
    });
  }
  if (r.whatIf) lines.push('', r.spofs.length === 0 ? 'No further single failure would cut off a client still served' : `Single points of failure left: each would also cut off a client still served (${r.spofs.length})`);
  else lines.push('', r.spofs.length === 0 ? 'No single point of failure' : `Single points of failure (${r.spofs.length})`);
  if (!r.whatIf && r.spofs.length === 0 && neverServedSentence(r, t)) lines.push(`  ${neverServedSentence(r, t)}`);
  // A 20,000-long chain is 20,000 SPOFs: the first rows, then how many more (as the findings).
  for (const s of r.spofs.slice(0, ROWS)) lines.push(`  ${spofLine(s)}`);
  more(lines, r.spofs.length);
  if (r.pairs.length > 0) {
    const shown = r.pairs.slice(0, PAIR_ROWS);
    lines.push('', `Pairs of failures that still hurt (${shown.length} of ${r.pairs.length}${r.pairsTruncated ? `, capped at ${r.pairCap}` : ''}, most probable first)`);
    for (const p of shown) lines.push(`  ${p.ids[0]} + ${p.ids[1]}: ${formatDowntime(p.probability * SECONDS_PER_YEAR)} a year (fails ${namesList(p.clients, p.clients.length)})`);
  }
  const top = r.importance.filter((i) => i.improvement > 0).slice(0, IMPORTANCE_ROWS);
  if (top.length > 0) {
    // What-if: measured against the clients still served, the failed elements left out (engine).
    lines.push('', r.whatIf ? 'What to improve first while these failures last (downtime saved a year for the clients still served, if made perfect)' : 'What to improve first (downtime saved a year if made perfect)');
    for (const i of top) {
      const saved = i.moneySavedPerYear !== undefined && r.cost ? `, saves ${formatMoney(i.moneySavedPerYear, r.cost.currency)} a year` : '';
      lines.push(`  ${i.id} (${i.type}): ${formatDowntime(i.improvement * SECONDS_PER_YEAR)}${saved} (Birnbaum ${i.birnbaum.toPrecision(3)})`);
    }
  }
  if (r.assumptions.length > 0) lines.push('', `Assumed never to fail: ${namesList(r.assumptions.map((a) => a.id), r.assumptions.length)}`);
  if (r.warnings.length > 0) {
    lines.push('', 'Warnings');
    for (const w of r.warnings) lines.push(`  ${w}`);
  }
  return textLines(lines);
}
