// `simulate` (DESIGN sections 3 and 4): N years of the design, seeded, played in batches so
// that a caller can stop it (the app's worker between tasks, the CLI at its time budget),
// then summarised per client and for the system and checked against the exact figures.
import type { Topology } from '../../model';
import { analyzeStructure } from '../analyze';
import { HOURS_PER_YEAR } from '../outages';
import { buildStructure, type Structure } from '../structure';
import type { Report } from '../types';
import { HOURS_PER_MONTH, Simulation, type PlayedYears } from './simulation';
import { poissonInterval, shareAbove, summarise } from './statistics';

export const DEFAULT_YEARS = 10_000;
/** Work between two looks at the clock inside a year: about a tenth of a second. */
const SLICE_WORK = 2_000_000;
export const DEFAULT_SEED = 1;
/** Below this many outages seen, the normal interval of the mean is too rough: an exact Poisson interval widens it. */
const FEW_OUTAGES = 30;
/** z of the two-sided 95% interval. */
const Z95 = 1.959963984540054;

export interface SimulateOptions {
  /** Years to play (default 10,000). */
  years?: number;
  seed?: number;
  /** Stop at the first batch boundary past this many milliseconds (the years played are stated). */
  timeBudgetMs?: number;
  /** System target as a fraction (overrides the document's `slo`). */
  slo?: number;
  /** The clock of the time budget (tests pass their own). */
  now?: () => number;
  /**
   * Work (failures played and changes of state propagated: a count, not a clock) after which
   * the first year stops part way when it is not over: the figures then cover that part of a
   * year, and say so. Later years never stop part way: the time budget drops a year it cuts.
   */
  firstYearWork?: number;
}

/** A distribution of downtime, hours. */
export interface DowntimeDistribution {
  meanHours: number;
  ci95Hours: [number, number];
  p50Hours: number;
  p90Hours: number;
  p99Hours: number;
  maxHours: number;
}

export interface OutageDistribution {
  mean: number;
  ci95: [number, number];
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface SimulatedFigures {
  downtimePerYear: DowntimeDistribution;
  downtimePerMonth: DowntimeDistribution;
  outagesPerYear: OutageDistribution;
  /** The share of years and of months whose downtime exceeds the SLO's error budget (when there is a target). */
  budgetOverrun?: { year: number; month: number; target: number; yearBudgetHours: number; monthBudgetHours: number };
  /** The exact figures of the analysis, and whether each lies within the simulation's 95% interval. */
  exact: { meanHours: number; agrees: boolean; failuresPerYear: number; failuresAgree: boolean; method: Report['method'] };
  /** Outages seen in all the years played. */
  outagesSeen: number;
}

export interface SimulationReport {
  /** Whole years played (the figures per year are over these). */
  years: number;
  /**
   * Simulated time the figures cover, in years: `years`, or when the work budget stopped the
   * first year part way (years 0), the part of it played.
   */
  simulatedYears: number;
  /** The first year was stopped part way by the work budget: where, and after how much work. */
  cutShort?: { atHours: number; work: number; workBudget: number };
  seed: number;
  requestedYears: number;
  /** The time budget ran out before every requested year was played. */
  stoppedEarly: boolean;
  timeBudgetSeconds?: number;
  /** The system is its weakest client (the lowest exact availability), as in the analysis. */
  system: SimulatedFigures & { id: string | null };
  clients: (SimulatedFigures & { id: string })[];
  /** Failures played and their repairs (twice the failures). */
  events: number;
  /** Threads the years were played on (the figures are the same whatever the number). */
  threads: number;
  elapsedMs: number;
  notes: string[];
}

/** A simulation under way: play it in slices, read its report at any time. */
export class SimulationRun {
  readonly requestedYears: number;
  readonly seed: number;
  private readonly sim: Simulation;
  private readonly report: Report;
  private readonly systemClient: number;
  private readonly slo?: number;
  private readonly targets: (number | undefined)[];
  private readonly started: number;
  private readonly now: () => number;
  private readonly timeBudgetMs?: number;
  private batchYears = 1;
  private spentMs = 0;
  private readonly firstYearWork?: number;
  private cutShort?: { atHours: number; work: number; workBudget: number };
  stoppedEarly = false;
  /** Threads that played the years (set by whoever played them elsewhere). */
  threads = 1;

  constructor(topology: Topology, opts: SimulateOptions = {}) {
    this.now = opts.now ?? (() => performance.now());
    this.started = this.now();
    this.requestedYears = Math.max(1, Math.floor(opts.years ?? DEFAULT_YEARS));
    this.seed = opts.seed ?? DEFAULT_SEED;
    this.timeBudgetMs = opts.timeBudgetMs;
    this.firstYearWork = opts.firstYearWork;
    const s = buildStructure(topology);
    // The figures compared and the outages only: the estate's SPOFs, pairs and importance
    // were a third of the command.
    this.report = analyzeStructure(topology, s, { slo: opts.slo, figuresOnly: true });
    let weakest = -1;
    this.report.clients.forEach((c, i) => {
      if (weakest < 0 || c.unavailability > this.report.clients[weakest].unavailability) weakest = i;
    });
    this.systemClient = weakest;
    // Implicit clients (entry points) come after the document's components and have no target.
    this.targets = s.clients.map((c) => topology.components[c]?.slo);
    // The system's target: the one given, the document's, else its weakest client's own.
    this.slo = opts.slo ?? topology.slo ?? (weakest >= 0 ? this.targets[weakest] : undefined);
    this.sim = simulationOf(s, this.seed, Math.min(this.requestedYears, 100_000));
  }

  get yearsPlayed(): number {
    return this.sim.yearsPlayed;
  }

  /** Expected failures a year in the simulation, to judge what it will cost. */
  get failuresPerYear(): number {
    return this.sim.failuresPerYear;
  }

  /**
   * Takes a chunk of years played elsewhere (playChunk, on another thread) as the next years
   * of this run: the same figures as playing them here.
   */
  adopt(part: PlayedYears): void {
    this.sim.adopt(part);
  }

  get done(): boolean {
    return this.sim.yearsPlayed >= this.requestedYears || this.stoppedEarly;
  }

  /**
   * Plays batches of years until `sliceMs` have passed (or all is played, or the time budget
   * is spent); returns whether the run is done. Batches grow to about a tenth of the slice;
   * a long year is played in slices of work, so that the clock is looked at inside it too.
   */
  step(sliceMs = Infinity): boolean {
    const sliceStart = this.now();
    while (!this.done) {
      const t0 = this.now();
      const first = this.sim.yearsPlayed === 0;
      const years = Math.min(this.batchYears, this.requestedYears - this.sim.yearsPlayed);
      const budget = first && this.firstYearWork !== undefined ? this.firstYearWork : Infinity;
      const whole = this.sim.play(years, Math.min(budget, this.sim.work + SLICE_WORK));
      const took = this.now() - t0;
      this.spentMs += took;
      if (whole) {
        // About 20 ms a batch: quick to stop, cheap to check.
        const perYear = took / years;
        this.batchYears = Math.max(1, Math.min(10_000, Math.floor(20 / Math.max(perYear, 1e-6))));
      } else if (first && this.sim.work >= budget) {
        // The first year's work budget: the part played is kept, and said (the same for the same seed).
        const work = this.sim.work;
        this.sim.cut(true);
        this.cutShort = { atHours: this.sim.partHours, work, workBudget: budget };
        this.stoppedEarly = true;
        break;
      }
      // The clock never stops the first year (the work budget does): at least a year, or its part, is played.
      if (this.timeBudgetMs !== undefined && this.spentMs >= this.timeBudgetMs && !this.done) this.stopEarly();
      if (this.now() - sliceStart >= sliceMs) break;
    }
    return this.done;
  }

  /**
   * Stops here (a time budget) and returns true: a year under way is dropped, the whole years
   * played count. Not in the first year (returns false): at least one year is played, or the
   * part of it that the work budget allows (the same for the same seed, whatever the clock).
   */
  stopEarly(): boolean {
    if (this.sim.yearsPlayed === 0) return false;
    if (this.sim.partWay) this.sim.cut(false);
    this.stoppedEarly = true;
    return true;
  }

  /**
   * The system's downtime a year (or a month) in `bins` equal bins from 0 to a round bound
   * above its 99th percentile (the rare longer years fall in the last bin): for a chart.
   */
  histogram(period: 'year' | 'month', bins: number): { binHours: number; counts: number[] } {
    const counts = new Array<number>(bins).fill(0);
    if (this.systemClient < 0 || this.sim.yearsPlayed === 0) return { binHours: 1, counts };
    const h = this.sim.history(this.systemClient);
    const values = period === 'year' ? h.downPerYear : h.downPerMonth;
    const p99 = summarise(values).p99;
    const budget = this.slo === undefined ? 0 : (1 - this.slo) * (period === 'year' ? HOURS_PER_YEAR : HOURS_PER_MONTH);
    const binHours = roundUp(Math.max(p99, 1.1 * budget, 1 / 60) / bins);
    for (let i = 0; i < values.length; i++) counts[Math.min(bins - 1, Math.floor(values[i] / binHours))]++;
    return { binHours, counts };
  }

  /** The report of the years played so far. */
  result(): SimulationReport {
    const years = this.sim.yearsPlayed;
    const notes: string[] = [];
    const clients = this.report.clients.map((c, k) => ({ id: c.id, ...this.figures(k, this.targets[k], notes) }));
    const system = this.systemClient < 0
      ? { id: null, ...emptyFigures(this.report) }
      : { id: this.report.clients[this.systemClient].id, ...this.figures(this.systemClient, this.slo, []) };
    if (this.report.clients.length === 0) notes.push('no client: nothing to simulate');
    if (this.cutShort) {
      const c = this.cutShort;
      notes.push(`the first year was stopped at hour ${Math.round(c.atHours).toLocaleString('en-US')} of ${HOURS_PER_YEAR.toLocaleString('en-US')} by the work budget (${c.workBudget.toLocaleString('en-US')} failures and changes of state: a count, so the same seed stops at the same place): the figures cover ${(c.atHours / HOURS_PER_YEAR).toPrecision(2)} of a year; a year's and an outage count's percentiles need whole years and are not given (null)`);
    } else if (this.stoppedEarly) notes.push(`played ${years.toLocaleString('en-US')} of ${this.requestedYears.toLocaleString('en-US')} years within the time budget (the same figures again: --years ${years} --seed ${this.seed})`);
    if (this.report.method === 'monte-carlo') notes.push('the design is too large for the exact method: the figures compared are its Monte Carlo estimates');
    const disagreeing = [system, ...clients].filter((f) => f.id !== null && (!f.exact.agrees || !f.exact.failuresAgree));
    for (const f of disagreeing) {
      notes.push(`${f.id === system.id && f === system ? 'system' : f.id}: the simulation's mean ${!f.exact.agrees ? `downtime (${f.downtimePerYear.meanHours.toPrecision(3)} h a year)` : `outages a year (${f.outagesPerYear.mean.toPrecision(3)})`} is outside its 95% interval of the exact figure (${!f.exact.agrees ? `${f.exact.meanHours.toPrecision(3)} h` : f.exact.failuresPerYear.toPrecision(3)}): one in twenty runs does so by chance; if it persists with more years or another seed, one of the two is wrong`);
    }
    return {
      years, simulatedYears: this.cutShort ? this.cutShort.atHours / HOURS_PER_YEAR : years, ...(this.cutShort ? { cutShort: this.cutShort } : {}),
      seed: this.seed, requestedYears: this.requestedYears, stoppedEarly: this.stoppedEarly,
      ...(this.timeBudgetMs !== undefined ? { timeBudgetSeconds: this.timeBudgetMs / 1000 } : {}),
      system, clients, events: 2 * this.sim.failures, threads: this.threads, elapsedMs: this.now() - this.started, notes,
    };
  }

  private partFigures(k: number, target: number | undefined): SimulatedFigures {
    const client = this.report.clients[k];
    const o = this.report.outages.clients[k];
    const exact = { meanHours: client.unavailability * HOURS_PER_YEAR, failuresPerYear: o.failuresPerYear, meanDownHours: o.meanDownHours, method: this.report.method };
    return partFigures(this.sim.partYear(k), this.sim.partHours / HOURS_PER_YEAR, exact, target);
  }

  private figures(k: number, target: number | undefined, notes: string[]): SimulatedFigures {
    if (this.cutShort) return this.partFigures(k, target);
    const h = this.sim.history(k);
    const years = h.downPerYear.length;
    const perYear = summarise(h.downPerYear);
    const perMonth = summarise(h.downPerMonth);
    const outages = summarise(h.outagesPerYear);
    let seen = 0;
    for (let y = 0; y < years; y++) seen += h.outagesPerYear[y];
    const client = this.report.clients[k];
    const exactOutages = this.report.outages.clients[k];
    const exactMean = client.unavailability * HOURS_PER_YEAR;
    // Too few outages for the normal interval: widen it by Poisson's exact interval of the
    // number of outages, times the mean outage (seen, or the exact one when none was seen).
    let yearInterval = perYear.ci95;
    let outageInterval = outages.ci95;
    if (seen < FEW_OUTAGES && years > 0) {
      const [lo, hi] = poissonInterval(seen);
      const meanOutage = seen > 0 ? perYear.mean * years / seen : Number.isFinite(exactOutages.meanDownHours) ? exactOutages.meanDownHours : 0;
      yearInterval = [Math.min(yearInterval[0], (lo / years) * meanOutage), Math.max(yearInterval[1], (hi / years) * meanOutage)];
      outageInterval = [Math.min(outageInterval[0], lo / years), Math.max(outageInterval[1], hi / years)];
      if (seen > 0 || exactOutages.failuresPerYear > 0) notes.push(`${client.id}: only ${seen} outage${seen === 1 ? '' : 's'} in ${years.toLocaleString('en-US')} years: the 95% intervals are wide; play more years for a sharper check`);
    }
    const within = (x: number, [lo, hi]: [number, number]) => x >= lo * (1 - 1e-12) && x <= hi * (1 + 1e-12) + 1e-15;
    const figures: SimulatedFigures = {
      downtimePerYear: hours(perYear, yearInterval),
      downtimePerMonth: hours(perMonth, perMonth.ci95),
      outagesPerYear: { mean: outages.mean, ci95: outageInterval, p50: outages.p50, p90: outages.p90, p99: outages.p99, max: outages.max },
      exact: {
        meanHours: exactMean,
        agrees: within(exactMean, yearInterval),
        failuresPerYear: exactOutages.failuresPerYear,
        failuresAgree: within(exactOutages.failuresPerYear, outageInterval),
        method: this.report.method,
      },
      outagesSeen: seen,
    };
    if (target !== undefined) {
      const yearBudget = (1 - target) * HOURS_PER_YEAR;
      const monthBudget = (1 - target) * HOURS_PER_MONTH;
      figures.budgetOverrun = {
        year: shareAbove(h.downPerYear, yearBudget), month: shareAbove(h.downPerMonth, monthBudget),
        target, yearBudgetHours: yearBudget, monthBudgetHours: monthBudget,
      };
    }
    return figures;
  }
}

/**
 * Figures from the part of a first year that the work budget allowed (SimulationRun.result):
 * means as rates over the time covered, with Poisson's exact interval of the outages seen;
 * months from the whole months in it; no percentile of years (NaN: null in JSON).
 */
function partFigures(this: void, part: { downHours: number; downPerMonth: Float64Array; outages: number }, covered: number, exact: { meanHours: number; failuresPerYear: number; meanDownHours: number; method: Report['method'] }, target: number | undefined): SimulatedFigures {
  // Garwood's interval sums e^−m, which underflows past a few hundred: the normal one is as good there.
  const [lo, hi] = part.outages < 300 ? poissonInterval(part.outages) : [part.outages - Z95 * Math.sqrt(part.outages), part.outages + Z95 * Math.sqrt(part.outages)];
  const meanOutage = part.outages > 0 ? part.downHours / part.outages : Number.isFinite(exact.meanDownHours) ? exact.meanDownHours : 0;
  const yearInterval: [number, number] = [Math.min(part.downHours / covered, (lo / covered) * meanOutage), Math.max(part.downHours / covered, (hi / covered) * meanOutage)];
  const outageInterval: [number, number] = [lo / covered, hi / covered];
  const months = part.downPerMonth.length > 0 ? summarise(part.downPerMonth) : { mean: NaN, ci95: [NaN, NaN] as [number, number], p50: NaN, p90: NaN, p99: NaN, max: NaN };
  const within = (x: number, [a, b]: [number, number]) => x >= a * (1 - 1e-12) && x <= b * (1 + 1e-12) + 1e-15;
  const figures: SimulatedFigures = {
    downtimePerYear: { meanHours: part.downHours / covered, ci95Hours: yearInterval, p50Hours: NaN, p90Hours: NaN, p99Hours: NaN, maxHours: NaN },
    downtimePerMonth: hours(months, months.ci95),
    outagesPerYear: { mean: part.outages / covered, ci95: outageInterval, p50: NaN, p90: NaN, p99: NaN, max: NaN },
    exact: { meanHours: exact.meanHours, agrees: within(exact.meanHours, yearInterval), failuresPerYear: exact.failuresPerYear, failuresAgree: within(exact.failuresPerYear, outageInterval), method: exact.method },
    outagesSeen: part.outages,
  };
  if (target !== undefined) {
    const yearBudget = (1 - target) * HOURS_PER_YEAR;
    const monthBudget = (1 - target) * HOURS_PER_MONTH;
    figures.budgetOverrun = {
      year: NaN, month: part.downPerMonth.length > 0 ? shareAbove(part.downPerMonth, monthBudget) : NaN,
      target, yearBudgetHours: yearBudget, monthBudgetHours: monthBudget,
    };
  }
  return figures;
}

/**
 * Plays up to `years` years of chunk `chunk` of the design's simulation (from the chunk's
 * start, as SimulationRun would play them), stopping at a whole year once `stop` says so.
 */
export function playChunk(topology: Topology, seed: number, chunk: number, years: number, stop?: () => boolean): PlayedYears {
  const s = buildStructure(topology);
  const sim = simulationOf(s, seed, years, chunk);
  if (stop === undefined) sim.play(years);
  // At least a year, as SimulationRun plays at least one batch.
  else do sim.play(1); while (sim.yearsPlayed < years && !stop());
  const histories = s.clients.map((_, k) => {
    const h = sim.history(k);
    return { downPerYear: h.downPerYear.slice(), downPerMonth: h.downPerMonth.slice(), outagesPerYear: h.outagesPerYear.slice() };
  });
  return { years: sim.yearsPlayed, failures: sim.failures, histories };
}

/** The simulation of a design, as every player makes it: elements on no client's path change nothing and are not played. */
function simulationOf(s: Structure, seed: number, expectedYears: number, firstChunk = 0): Simulation {
  const relevant = onClientPaths(s);
  return new Simulation(s, seed, { skip: (e) => !relevant[e], expectedYears, firstChunk });
}

/** Plays the whole simulation at once (the CLI; tests). */
export function simulate(t: Topology, opts: SimulateOptions = {}): SimulationReport {
  const run = new SimulationRun(t, opts);
  run.step();
  return run.result();
}

function hours(s: ReturnType<typeof summarise>, ci95: [number, number]): DowntimeDistribution {
  return { meanHours: s.mean, ci95Hours: ci95, p50Hours: s.p50, p90Hours: s.p90, p99Hours: s.p99, maxHours: s.max };
}

function emptyFigures(report: Report): SimulatedFigures {
  const zero: DowntimeDistribution = { meanHours: 0, ci95Hours: [0, 0], p50Hours: 0, p90Hours: 0, p99Hours: 0, maxHours: 0 };
  return {
    downtimePerYear: zero, downtimePerMonth: zero,
    outagesPerYear: { mean: 0, ci95: [0, 0], p50: 0, p90: 0, p99: 0, max: 0 },
    exact: { meanHours: 0, agrees: true, failuresPerYear: 0, failuresAgree: true, method: report.method },
    outagesSeen: 0,
  };
}

/**
 * Per element: does it lie on a client's path (an instance of a component some client
 * reaches through dependency links, a domain above one, a link or a failover event of a
 * group such a component holds)? What lies on no path never changes a client's state.
 */
function onClientPaths(s: Structure): Uint8Array {
  const reached = new Uint8Array(s.components.length);
  const stack = [...s.clients];
  for (const c of stack) reached[c] = 1;
  while (stack.length > 0) {
    const c = stack.pop()!;
    const { start, items } = s.targetsOfComponent;
    for (let j = start[c]; j < start[c + 1]; j++) {
      const d = items[j];
      if (!reached[d]) {
        reached[d] = 1;
        stack.push(d);
      }
    }
  }
  const out = new Uint8Array(s.elements.length);
  s.components.forEach((node, c) => {
    if (!reached[c]) return;
    for (const inst of node.instances) {
      out[inst.element] = 1;
      for (const d of inst.domains) out[d] = 1;
    }
    if (node.poolFailover >= 0) out[node.poolFailover] = 1;
    for (const g of node.groups) {
      if (s.groups[g].failover >= 0) out[s.groups[g].failover] = 1;
      for (const slot of s.groups[g].slots) if (s.slots[slot].link >= 0) out[s.slots[slot].link] = 1;
    }
  });
  return out;
}

/** A bin width people can read: 1, 2 or 5 times a power of ten (hours). */
function roundUp(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}
