// `spof simulate FILE [--years 10000] [--seed 1] [--json]` (DESIGN section 4): years of
// exponential failures and repairs, per client and for the system: downtime a year and a
// month (mean with its 95% interval, p50, p90, p99, max), outages a year, the chance of
// overrunning the error budget, and whether the mean agrees with the exact figures.
// Without --years, the years adapt to a time budget for the whole command (--time-budget,
// 8 s from its start: reading, the analysis and the structure count too, and the summary
// and output fit in what is left of 10 s) and the output says how many were played. Exit 0;
// 2 on bad input.
import type { Command } from 'commander';
import { formatDowntime } from '../engine';
import { DEFAULT_YEARS, type SimulatedFigures, type SimulationReport } from '../engine/simulate';
import { CliError, MAX_SEED, optionNumber, printWarnings, readTopology, sloFraction, writeHumanStdout, writeStdout } from './io';
import { simulateOnThreads } from './simulateThreads';

interface SimulateFlags {
  years?: string;
  seed?: string;
  json?: boolean;
  slo?: string;
  timeBudget?: string;
  threads?: string;
}

/**
 * Seconds from the command's start after which a default run stops at the years played so
 * far; with the summary and the output the whole command stays under 10 s.
 */
export const DEFAULT_TIME_BUDGET_SECONDS = 8;
const MAX_YEARS = 10_000_000;
/**
 * Under a time budget, the work (failures played and changes of state propagated) after which
 * a first year not yet over stops part way, and says so: about 1.5 s of CPU (the estate at
 * every limit does 53 million a year; a 20,000-long chain 10 million). A count, not the clock,
 * so that the same document and seed stop at the same place.
 */
export const FIRST_YEAR_WORK = 25_000_000;

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('simulate years of failures and repairs: downtime a year and a month, outages a year, error-budget overruns, checked against the exact figures')
    .argument('<file>', 'a .spof.json topology')
    .option('--years <n>', `years to simulate (default ${DEFAULT_YEARS.toLocaleString('en-US')}, fewer when the time budget runs out)`)
    .option('--seed <n>', 'seed of the random draws (default 1): the same seed gives the same figures')
    .option('--json', 'print the figures as one JSON object')
    .option('--slo <percent>', 'system target in percent, e.g. 99.95 (default: the document\'s)')
    .option('--time-budget <seconds>', `stop playing years once the command has run this many seconds, reading and analysis included (default ${DEFAULT_TIME_BUDGET_SECONDS} when --years is not given; none when it is)`)
    .option('--threads <n>', 'threads to play the years on (default: one per core for long runs); the figures are the same whatever the number')
    .action(async (file: string, flags: SimulateFlags) => {
      const years = flags.years === undefined ? undefined : wholeNumber('--years', flags.years, 1, MAX_YEARS);
      const seed = flags.seed === undefined ? undefined : wholeNumber('--seed', flags.seed, 0, MAX_SEED);
      const slo = flags.slo === undefined ? undefined : sloFraction(flags.slo);
      const threads = flags.threads === undefined ? undefined : wholeNumber('--threads', flags.threads, 1, 256);
      const budget = flags.timeBudget === undefined ? (years === undefined ? DEFAULT_TIME_BUDGET_SECONDS : undefined) : seconds(flags.timeBudget);
      const { topology, warnings } = readTopology(file);
      printWarnings(file, topology, warnings);
      // performance.now() counts from the process's start: the budget is the whole command's.
      const timeBudgetMs = budget === undefined ? undefined : budget * 1000;
      const firstYearWork = budget === undefined ? undefined : FIRST_YEAR_WORK;
      const r = await simulateOnThreads(topology, { years, seed, slo, timeBudgetMs, firstYearWork }, threads, timeBudgetMs);
      if (flags.json) writeStdout(`${JSON.stringify(jsonSimulation(r), null, 2)}\n`);
      else writeHumanStdout(humanSimulation(topology.name, r));
    });
}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const x = optionNumber(text);
  if (!Number.isInteger(x) || x < min || x > max) throw new CliError(`${name}: must be a whole number from ${min} to ${max.toLocaleString('en-US')} (got "${text}")`);
  return x;
}

function seconds(text: string): number {
  const x = optionNumber(text);
  if (!Number.isFinite(x) || x <= 0) throw new CliError(`--time-budget: must be a number of seconds above 0 (got "${text}")`);
  return x;
}

/** The JSON of DESIGN section 4 (hours throughout); no timings, so the same seed prints the same text. */
export function jsonSimulation(r: SimulationReport): Record<string, unknown> {
  const figures = (f: SimulatedFigures) => ({
    downtimePerYear: f.downtimePerYear,
    downtimePerMonth: f.downtimePerMonth,
    outagesPerYear: f.outagesPerYear,
    ...(f.budgetOverrun ? { budgetOverrun: f.budgetOverrun } : {}),
    exact: f.exact,
    outagesSeen: f.outagesSeen,
  });
  return {
    years: r.years,
    simulatedYears: r.simulatedYears,
    ...(r.cutShort !== undefined ? { cutShort: r.cutShort } : {}),
    seed: r.seed,
    requestedYears: r.requestedYears,
    stoppedEarly: r.stoppedEarly,
    ...(r.timeBudgetSeconds !== undefined ? { timeBudgetSeconds: r.timeBudgetSeconds } : {}),
    system: { id: r.system.id, ...figures(r.system) },
    clients: r.clients.map((c) => ({ id: c.id, ...figures(c) })),
    events: r.events,
    notes: r.notes,
  };
}

// A figure that needs whole years (or months) the play did not reach is NaN: "n/a".
const h = (hours: number) => (Number.isNaN(hours) ? 'n/a' : formatDowntime(hours * 3600));
const count = (x: number) => (Number.isNaN(x) ? 'n/a' : x >= 100 ? x.toFixed(1) : x.toPrecision(3));
const n = (x: number) => (Number.isNaN(x) ? 'n/a' : String(x));
const pct = (x: number) => (Number.isNaN(x) ? 'n/a' : `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`);

function block(title: string, f: SimulatedFigures): string[] {
  const y = f.downtimePerYear;
  const m = f.downtimePerMonth;
  const o = f.outagesPerYear;
  const lines = [
    title,
    `  downtime a year:  mean ${h(y.meanHours)} (95% interval ${h(y.ci95Hours[0])} to ${h(y.ci95Hours[1])}); p50 ${h(y.p50Hours)}, p90 ${h(y.p90Hours)}, p99 ${h(y.p99Hours)}, max ${h(y.maxHours)}`,
    `  downtime a month: mean ${h(m.meanHours)}; p50 ${h(m.p50Hours)}, p90 ${h(m.p90Hours)}, p99 ${h(m.p99Hours)}, max ${h(m.maxHours)}`,
    `  outages a year:   mean ${count(o.mean)} (95% interval ${count(o.ci95[0])} to ${count(o.ci95[1])}); p50 ${n(o.p50)}, p90 ${n(o.p90)}, p99 ${n(o.p99)}, max ${n(o.max)}`,
  ];
  if (f.budgetOverrun) {
    const b = f.budgetOverrun;
    lines.push(`  error budget of ${(b.target * 100).toPrecision(6).replace(/\.?0+$/, '')}% (${h(b.yearBudgetHours)} a year, ${h(b.monthBudgetHours)} a month): overrun in ${pct(b.year)} of years and ${pct(b.month)} of months`);
  }
  const e = f.exact;
  const verdict = e.agrees && e.failuresAgree ? 'the simulation agrees' : 'the simulation DISAGREES (see the notes)';
  lines.push(`  exact${e.method === 'monte-carlo' ? ' (Monte Carlo estimate)' : ''}: ${h(e.meanHours)} a year, ${count(e.failuresPerYear)} outages a year: ${verdict}`);
  return lines;
}

export function humanSimulation(name: string, r: SimulationReport): string {
  const played = r.cutShort ? `${r.simulatedYears.toPrecision(2)} of a year (stopped at hour ${Math.round(r.cutShort.atHours).toLocaleString('en-US')} by the work budget)` : `${r.years.toLocaleString('en-US')} year${r.years === 1 ? '' : 's'}`;
  const lines = [`${name}: ${played} simulated (seed ${r.seed}) in ${(r.elapsedMs / 1000).toFixed(1)} s${r.threads > 1 ? ` on ${r.threads} threads` : ''}${r.cutShort ? `, of ${r.requestedYears.toLocaleString('en-US')} years asked: a year of this design is more work than the budget allows (see the notes)` : r.stoppedEarly ? `, of ${r.requestedYears.toLocaleString('en-US')} asked: the command's time budget of ${r.timeBudgetSeconds} s ran out` : ''}`];
  if (r.system.id !== null) lines.push('', ...block(`System (the weakest client, ${r.system.id})`, r.system));
  if (r.clients.length > 1) for (const c of r.clients) lines.push('', ...block(`Client ${c.id}`, c));
  if (r.notes.length > 0) lines.push('', 'Notes', ...r.notes.map((note) => `  ${note}`));
  return `${lines.join('\n')}\n`;
}
