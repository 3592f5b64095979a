// analyze(): the whole report of DESIGN section 3 (findings, stage, plan, data
// protection and degradations are the insight layer's, built on top of this report).
import type { Topology } from '../model';
import { BddBudgetExceeded } from './bdd';
import { figures } from './downtime';
import { exactAnalysis, MAX_PAIRS_FOUND, type ClientFigures, type RawPairs } from './exactAnalysis';
import { importanceOf } from './importance';
import { monteCarlo, wilsonInterval } from './montecarlo';
import { outagesOf } from './outages';
import { costOf, downtimeRates, moneySavedPerYear } from './cost';
import { MAX_PAIR_TRIES, MAX_PAIR_WORK, pairsByPropagation } from './pairsByPropagation';
import { scanSingleFailures, type SingleScan } from './singleScan';
import { Propagator } from './propagate';
import { structureOf, type Structure } from './structure';
import { Closures } from './closures';
import { scopeWarnings } from './scopeWarnings';
import { resolveFailed } from './whatIf';
import type { AnalyzeOptions, ClientReport, ImportanceReport, PairReport, Report, SpofReport } from './types';

export const MIN_PAIR_CAP = 100;
/** Names listed in all blast radii together before the lists are cut (16 MB of references). */
export const BLAST_RADIUS_BUDGET = 2_000_000;
/** Names a cut blast radius keeps (in document order), beside its full count. */
export const BLAST_RADIUS_KEPT = 100;
// Two million nodes (about 60 MB with the tables) keeps the exact method on estates of
// 20,000+ components while giving up within a second or two on designs that would explode.
export const DEFAULT_EXACT_BUDGET = 2_000_000;
/** Monte Carlo samples by default: 200,000, fewer on large designs (each sample costs its failures). */
export function defaultSamples(elements: number): number {
  return Math.max(20_000, Math.min(200_000, Math.floor(1e8 / Math.max(1, elements))));
}

/** The analysis of DESIGN section 3: availability, SPOFs, pairs, importance, what-if. */
export function analyze(t: Topology, opts: AnalyzeOptions = {}): Report {
  return analyzeStructure(t, structureOf(t), opts);
}

/**
 * analyze() of the structure `s` of `t` (buildStructure(t)), for a caller that has it
 * already; `s` is only read. `exceeded`: the exact method was tried on `s` with this
 * budget and gave up, so it is not tried again (the figures are those it would have given).
 */
export function analyzeStructure(t: Topology, s: Structure, opts: AnalyzeOptions = {}, exceeded?: BddBudgetExceeded): Report {
  // Timing is opt-in: in Node the first use of `performance` loads perf_hooks, 2 ms of a CLI run.
  const timings: Record<string, number> | undefined = opts.timings ? {} : undefined;
  let clock = timings ? performance.now() : 0;
  const lap = (name: string) => {
    if (!timings) return;
    const now = performance.now();
    timings[name] = now - clock;
    clock = now;
  };
  const warnings: string[] = [];
  const figuresOnly = opts.figuresOnly === true;
  const forced = resolveFailed(s, opts.failed ?? []);
  const forcedElements = forced.elements;
  for (const id of forced.unknown) warnings.push(`what-if: no element or component "${id}" (ignored)`);
  warnings.push(...scopeWarnings(t, s.scope));
  const pairCap = Math.max(MIN_PAIR_CAP, Math.floor(opts.pairCap ?? MIN_PAIR_CAP));
  if (opts.pairCap !== undefined && opts.pairCap < MIN_PAIR_CAP) warnings.push(`pairCap ${opts.pairCap} raised to the minimum, ${MIN_PAIR_CAP}`);

  const prop = new Propagator(s);
  // What is down before any element fails (never-working components), then the what-if failures.
  const baseDown = [...prop.baseDown, ...prop.fail(forcedElements, forced.components, forced.slots)];
  const up = Float64Array.from(s.elements, (e, i) => (forcedElements.has(i) ? 0 : e.availability));
  // SPOFs and pairs leave out what-if failures, failover events and assumptions.
  const candidate = (i: number) => !forcedElements.has(i) && s.elements[i].type !== 'failover' && s.elements[i].availability < 1;
  lap('structure');

  let method: Report['method'] = 'exact';
  let perClient: ClientFigures[];
  let rawPairs: RawPairs;
  let spofElements: number[];
  let pairsCapped = false;
  let scan: SingleScan | undefined;
  const stats: Record<string, number> = { elements: s.elements.length };
  try {
    if (exceeded) throw exceeded;
    const exact = exactAnalysis(s, up, forced, opts.exactBudget ?? DEFAULT_EXACT_BUDGET, lap, figuresOnly ? 'none' : opts.noPairs ? 'singles' : 'pairs');
    ({ perClient, rawPairs } = exact);
    if (exact.pairsCapped) warnings.push(`more than ${MAX_PAIRS_FOUND.toLocaleString('en-US')} pairs of failures: the pairs listed are the most probable of the first ${MAX_PAIRS_FOUND.toLocaleString('en-US')} found`);
    pairsCapped = exact.pairsCapped;
    spofElements = [...exact.singles.keys()].filter(candidate).sort((a, b) => a - b);
    stats.bddNodes = exact.bddNodes;
    stats.bddSteps = exact.bddSteps;
  } catch (e) {
    if (!(e instanceof BddBudgetExceeded)) throw e;
    method = 'monte-carlo';
    const samples = opts.samples ?? defaultSamples(s.elements.length);
    lap('exact attempt');
    // The Monte Carlo figures do not depend on the SPOF scan.
    if (!figuresOnly) scan = scanSingleFailures(s, prop, candidate, BLAST_RADIUS_BUDGET);
    spofElements = scan?.spofs ?? [];
    lap('spofs');
    const mc = monteCarlo(s, prop, up.map((a) => 1 - a), samples, opts.seed ?? 1, opts.sampleWork);
    const cut = mc.samples < samples ? ` of ${samples} asked, as many as a bounded time allows` : '';
    const fewer = mc.importanceSamples < mc.samples ? `; importance from the first ${mc.importanceSamples} of them` : '';
    warnings.push(`${e.message}: availability and importance are Monte Carlo estimates (${mc.samples} samples${cut}, 95% interval)${fewer}`);
    perClient = s.clients.map((c, i) => {
      if (prop.componentDown[c]) return { availability: 0, unavailability: 1, birnbaum: mc.birnbaum[i], interval: { low: 0, high: 0 } };
      const q = wilsonInterval(mc.failures[i], mc.samples);
      const u = mc.failures[i] / mc.samples;
      return { availability: 1 - u, unavailability: u, birnbaum: mc.birnbaum[i], interval: { low: 1 - q.high, high: 1 - q.low } };
    });
    lap('monte-carlo');
    rawPairs = new Map();
    if (scan && !opts.noPairs) {
      const found = pairsByPropagation(s, prop, scan, MAX_PAIRS_FOUND);
      rawPairs = found.pairs;
      if (found.capped === 'pairs') warnings.push(`more than ${MAX_PAIRS_FOUND.toLocaleString('en-US')} pairs of failures: the pairs listed are the most probable of the first ${MAX_PAIRS_FOUND.toLocaleString('en-US')} found`);
      if (found.capped === 'tries') warnings.push(`pairs of failures were looked for among the first ${MAX_PAIR_TRIES.toLocaleString('en-US')} candidate pairs only: the pairs listed are the most probable of those found`);
      if (found.capped === 'work') warnings.push(`pairs of failures were looked for until ${MAX_PAIR_WORK.toLocaleString('en-US')} changes of state had been propagated, most probable candidates first (${found.tried.toLocaleString('en-US')} of ${found.candidates.toLocaleString('en-US')} tried): the pairs listed are the most probable of those found`);
      pairsCapped = found.capped !== false;
    }
    lap('cuts');
  }

  // Blast radius of each SPOF: as the SPOF scan of the Monte Carlo path saw it fall, else as
  // a bit set built from the others' (closures.ts): a long dependency chain has n SPOFs each
  // taking down up to n components (the scan's own bit sets when it built them: building them
  // again was 9 s of a 20,000-service web). Past a budget of names the lists keep their first
  // entries and the full count (blastRadii() gives each whole list again).
  let closures: Closures | undefined;
  const blastRadius = (i: number): { count: number; list: (limit: number) => ArrayLike<number>; clients: () => number[] } => {
    const seen = scan?.fallen.get(scan.classOf[i]);
    if (seen) return { count: seen.length, list: (limit) => seen.subarray(0, limit), clients: () => Array.from(seen).filter((c) => s.components[c].isClient) };
    closures ??= scan?.closures ?? new Closures(s, prop);
    const c = closures;
    const bits = c.ofElement(i);
    return { count: c.count(bits), list: (limit) => c.list(bits, limit), clients: () => c.clients(bits) };
  };
  let listed = 0;
  let lastClients: string[] = [];
  const spofs: SpofReport[] = spofElements.map((i) => {
    const fallen = blastRadius(i);
    const count = fallen.count;
    const e = s.elements[i];
    const whole = listed + count <= BLAST_RADIUS_BUDGET;
    const down = Array.from(fallen.list(whole ? count : BLAST_RADIUS_KEPT), (c) => s.components[c].id);
    listed += down.length;
    // SPOFs of one chain cut off the same clients: one list for them all (200 clients x 20,000 SPOFs).
    const clients = fallen.clients().map((c) => s.components[c].id);
    if (clients.length !== lastClients.length || clients.some((id, k) => id !== lastClients[k])) lastClients = clients;
    return { id: e.id, type: e.type, label: e.label, clients: lastClients, down, ...(whole ? {} : { downCount: count }) };
  });
  const pairList = listPairs(s, rawPairs, new Set(spofElements), candidate, up, pairCap);
  const pairs = pairList.pairs;
  const pairsTruncated = pairList.pairsTruncated || pairsCapped;
  lap('spofs+pairs');

  // The system is its weakest client.
  let sysClient = -1;
  perClient.forEach((f, i) => {
    if (sysClient < 0 || f.unavailability > perClient[sysClient].unavailability) sysClient = i;
  });
  // Nothing connected: no figure at all (NaN, null in JSON), never a reassuring 100%.
  const unconnected = s.scope.basis === 'unconnected';
  const sysA = unconnected ? NaN : sysClient < 0 ? 1 : perClient[sysClient].availability;
  const sysU = unconnected ? NaN : sysClient < 0 ? 0 : perClient[sysClient].unavailability;
  const sloTarget = opts.slo ?? t.slo;
  const system: Report['system'] = { ...figures(sysA, sysU) };
  if (sloTarget !== undefined) system.slo = { target: sloTarget, met: sysA >= sloTarget };

  const clients: ClientReport[] = s.clients.map((c, i) => {
    const f = perClient[i];
    const r: ClientReport = { id: s.components[c].id, label: s.components[c].label, ...figures(f.availability, f.unavailability) };
    // Implicit clients (entry points) come after the document's components and have no target.
    const target = t.components[c]?.slo;
    if (target !== undefined) r.slo = { target, met: f.availability >= target };
    if (f.interval) r.interval = f.interval;
    return r;
  });
  const importance = unconnected || figuresOnly ? [] : opts.failed === undefined ? importanceOf(s, up, perClient, sysU) : whatIfImportance(s, up, perClient, prop.componentDown, forcedElements);
  lap('importance');
  const outages = outagesOf(s, up, perClient, sysClient);
  if (unconnected) outages.system = { failuresPerYear: NaN, meanDownHours: NaN, meanUpHours: NaN };
  const cost = unconnected || figuresOnly ? undefined : costOf(t, s, perClient.map((f) => f.unavailability));
  if (cost && cost.clients.length > 0) {
    const saved = moneySavedPerYear(up, perClient, downtimeRates(t, s));
    for (const imp of importance) imp.moneySavedPerYear = saved[s.elementIndex.get(imp.id)!];
  }
  lap('cost');
  lap('outages');

  const report: Report = {
    method, system, clients,
    elements: s.elements.map((e) => ({ ...e })),
    spofs, pairs, pairCap, pairsTruncated, importance, outages, ...(cost ? { cost } : {}),
    basis: s.scope.basis, entryPoints: s.scope.entryPoints, unreached: s.scope.unreached,
    assumptions: s.elements.filter((e) => e.availability >= 1).map((e) => ({ id: e.id, type: e.type, reason: assumptionReason(e.type) })),
    warnings, ...(timings ? { timings } : {}), stats,
  };
  if (method === 'monte-carlo' && sysClient >= 0) report.interval = perClient[sysClient].interval;
  if (opts.failed !== undefined) {
    let weakest = -1;
    s.clients.forEach((c, i) => {
      if (!prop.componentDown[c] && (weakest < 0 || perClient[i].unavailability > perClient[weakest].unavailability)) weakest = i;
    });
    report.whatIf = {
      weakestServed: weakest < 0 ? null : { id: s.components[s.clients[weakest]].id, ...figures(perClient[weakest].availability, perClient[weakest].unavailability) },
      failed: [...opts.failed],
      down: Array.from(sortComponents(baseDown), (c) => s.components[c].id),
      clientsServed: s.clients.filter((c) => !prop.componentDown[c]).map((c) => s.components[c].id),
      clientsDown: s.clients.filter((c) => prop.componentDown[c]).map((c) => s.components[c].id),
      unknown: forced.unknown,
    };
  }
  return report;
}

/**
 * What-if: what to improve first while the failures last, against the clients still served
 * (the what-if headline: the system is 0 once a client is down, and against it every element
 * would rank 0). The failed elements are left out: making one perfect is ending the what-if.
 */
function whatIfImportance(s: Structure, up: Float64Array, perClient: ClientFigures[], componentDown: ArrayLike<number | boolean>, forced: ReadonlySet<number>): ImportanceReport[] {
  const served = perClient.filter((_, i) => !componentDown[s.clients[i]]);
  if (served.length === 0) return [];
  const weakestU = served.reduce((u, f) => Math.max(u, f.unavailability), 0);
  return importanceOf(s, up, served, weakestU).filter((imp) => !forced.has(s.elementIndex.get(imp.id)!));
}

/**
 * The whole blast radius of any element, by id (components in document order), for reports
 * whose lists were cut: one structure and one set of closures for every call.
 */
export function blastRadii(t: Topology): (elementId: string) => string[] {
  const { componentIds, each } = eachInBlastRadii(t);
  return (id) => {
    const out: string[] = [];
    each(id, (c) => out.push(componentIds[c]));
    return out;
  };
}

/**
 * blastRadii, handing each component's index in `componentIds` to `visit` in turn instead of
 * gathering ids: the 10,000 blast radii of a 10,000-long chain are 50 million names, and the
 * arrays made for each were a thousand collections of `analyze --json`.
 */
export function eachInBlastRadii(t: Topology): { componentIds: readonly string[]; each: (elementId: string, visit: (component: number) => void) => void } {
  const s = structureOf(t);
  const closures = new Closures(s, new Propagator(s));
  return {
    componentIds: s.components.map((c) => c.id),
    each: (id, visit) => {
      const e = s.elementIndex.get(id);
      if (e !== undefined) closures.each(closures.ofElement(e), visit);
    },
  };
}

/**
 * Pairs with no SPOF, no assumption and no failover event in them; most probable first, the
 * first `cap` of them. Only those are written out: a pool of 1,000 that needs 999 has
 * 499,500 pairs, and a report object for each took seconds.
 */
function listPairs(
  s: Structure, raw: RawPairs, spofs: ReadonlySet<number>, candidate: (i: number) => boolean, up: Float64Array, cap: number,
): { pairs: PairReport[]; pairsTruncated: boolean } {
  const kept: { x: number; y: number; probability: number; clients: Set<number> }[] = [];
  for (const { a, b, clients } of raw.values()) {
    if (spofs.has(a) || spofs.has(b) || !candidate(a) || !candidate(b)) continue;
    const [x, y] = a < b ? [a, b] : [b, a];
    kept.push({ x, y, probability: (1 - up[x]) * (1 - up[y]), clients });
  }
  kept.sort((p, q) => q.probability - p.probability || p.x - q.x || p.y - q.y);
  const pairs = kept.slice(0, cap).map(({ x, y, probability, clients }) => ({
    ids: [s.elements[x].id, s.elements[y].id] as [string, string],
    probability,
    clients: Array.from(sortComponents(clients), (c) => s.components[c].id),
  }));
  return { pairs, pairsTruncated: kept.length > cap };
}

function assumptionReason(type: string): string {
  switch (type) {
    case 'failover': return 'takes no time (failoverSeconds 0) or stands behind members that never fail';
    case 'domain': return 'availability 1: this domain is assumed never to fail';
    default: return 'availability 1: assumed never to fail';
  }
}

/** Components in document order. */
function sortComponents(cs: Iterable<number>): Int32Array {
  // A typed array sorts numerically without a comparator: large blast radii sort fast.
  return Int32Array.from(cs).sort();
}
