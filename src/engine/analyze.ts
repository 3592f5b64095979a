// analyze(): the whole report of DESIGN section 3 (findings, stage, plan, data
// protection and degradations are the insight layer's, built on top of this report).
import type { Topology } from '../model';
import { Bdd, BddBudgetExceeded } from './bdd';
import { compileWorks } from './compile';
import { figures } from './downtime';
import { birnbaumOf, cutsOfOrderTwo, nodeProbabilities } from './exact';
import { monteCarlo, wilsonInterval } from './montecarlo';
import { variableOrder } from './order';
import { pairsByPropagation } from './pairsByPropagation';
import { Propagator } from './propagate';
import { buildStructure, type Structure } from './structure';
import type { AnalyzeOptions, ClientReport, ImportanceReport, PairReport, Report, SpofReport } from './types';

export const MIN_PAIR_CAP = 100;
export const DEFAULT_EXACT_BUDGET = 4_000_000;
export const DEFAULT_SAMPLES = 200_000;

interface ClientFigures {
  availability: number;
  unavailability: number;
  /** Birnbaum importance of each element for this client. */
  birnbaum: Float64Array;
  interval?: { low: number; high: number };
}

/** The analysis of DESIGN section 3: availability, SPOFs, pairs, importance, what-if. */
export function analyze(t: Topology, opts: AnalyzeOptions = {}): Report {
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - clock;
    clock = now;
  };
  const warnings: string[] = [];
  const s = buildStructure(t);
  const { forcedElements, forcedComponents, unknown } = resolveFailed(s, opts.failed ?? []);
  for (const id of unknown) warnings.push(`what-if: no element or component "${id}" (ignored)`);
  if (s.clients.length === 0) warnings.push('no client component: nothing is analysed (system availability is taken as 1)');
  const pairCap = Math.max(MIN_PAIR_CAP, Math.floor(opts.pairCap ?? MIN_PAIR_CAP));
  if (opts.pairCap !== undefined && opts.pairCap < MIN_PAIR_CAP) warnings.push(`pairCap ${opts.pairCap} raised to the minimum, ${MIN_PAIR_CAP}`);

  const prop = new Propagator(s);
  const baseDown = prop.fail(forcedElements, forcedComponents);
  const up = Float64Array.from(s.elements, (e, i) => (forcedElements.has(i) ? 0 : e.availability));
  lap('structure');

  // SPOFs and their blast radius: one propagation per element, undone after.
  const spofs: SpofReport[] = [];
  const spofSet = new Set<number>();
  s.elements.forEach((e, i) => {
    if (e.type === 'failover' || e.availability >= 1 || forcedElements.has(i)) return;
    const mark = prop.mark();
    const fallen = prop.fail([i]);
    const clients = fallen.filter((c) => s.components[c].isClient);
    if (clients.length > 0) {
      spofSet.add(i);
      spofs.push({
        id: e.id, type: e.type, label: e.label,
        clients: sortComponents(clients).map((c) => s.components[c].id),
        down: sortComponents(fallen).map((c) => s.components[c].id),
      });
    }
    prop.undo(mark);
  });
  lap('spofs');

  let method: Report['method'] = 'exact';
  let perClient: ClientFigures[];
  let rawPairs: Map<string, { a: number; b: number; clients: Set<number> }>;
  try {
    ({ perClient, rawPairs } = exactAnalysis(s, up, forcedElements, forcedComponents, opts.exactBudget ?? DEFAULT_EXACT_BUDGET, lap));
  } catch (e) {
    if (!(e instanceof BddBudgetExceeded)) throw e;
    method = 'monte-carlo';
    const samples = opts.samples ?? DEFAULT_SAMPLES;
    warnings.push(`${e.message}: availability and importance are Monte Carlo estimates (${samples} samples, 95% interval)`);
    const down = up.map((a) => 1 - a);
    const mc = monteCarlo(s, prop, down, samples, opts.seed ?? 1);
    perClient = s.clients.map((c, i) => {
      if (prop.componentDown[c]) return { availability: 0, unavailability: 1, birnbaum: mc.birnbaum[i], interval: { low: 0, high: 0 } };
      const q = wilsonInterval(mc.failures[i], mc.samples);
      const u = mc.failures[i] / mc.samples;
      return { availability: 1 - u, unavailability: u, birnbaum: mc.birnbaum[i], interval: { low: 1 - q.high, high: 1 - q.low } };
    });
    lap('monte-carlo');
    rawPairs = pairsByPropagation(s, prop, spofSet, forcedElements);
    lap('pairs');
  }

  // Pairs: no SPOF, no assumption, no failover event in them; most probable first.
  const pairs: PairReport[] = [];
  for (const { a, b, clients } of rawPairs.values()) {
    if (spofSet.has(a) || spofSet.has(b)) continue;
    const ea = s.elements[a];
    const eb = s.elements[b];
    if (ea.type === 'failover' || eb.type === 'failover' || up[a] >= 1 || up[b] >= 1 || up[a] <= 0 || up[b] <= 0) continue;
    const [x, y] = a < b ? [a, b] : [b, a];
    pairs.push({
      ids: [s.elements[x].id, s.elements[y].id],
      probability: (1 - up[x]) * (1 - up[y]),
      clients: sortComponents(clients).map((c) => s.components[c].id),
    });
  }
  pairs.sort((p, q) => q.probability - p.probability || cmp(p.ids[0], q.ids[0]) || cmp(p.ids[1], q.ids[1]));
  const pairsTruncated = pairs.length > pairCap;
  if (pairsTruncated) pairs.length = pairCap;

  // The system is its weakest client.
  let sysU = 0;
  let sysClient = -1;
  perClient.forEach((f, i) => {
    if (sysClient < 0 || f.unavailability > sysU) {
      sysU = f.unavailability;
      sysClient = i;
    }
  });
  const sysA = sysClient < 0 ? 1 : perClient[sysClient].availability;
  const sloTarget = opts.slo ?? t.slo;
  const system: Report['system'] = { ...figures(sysA, sysU) };
  if (sloTarget !== undefined) system.slo = { target: sloTarget, met: sysA >= sloTarget };

  const clients: ClientReport[] = s.clients.map((c, i) => {
    const f = perClient[i];
    const r: ClientReport = { id: s.components[c].id, label: s.components[c].label, ...figures(f.availability, f.unavailability) };
    const target = t.components[c].slo;
    if (target !== undefined) r.slo = { target, met: f.availability >= target };
    if (f.interval) r.interval = f.interval;
    return r;
  });

  const importance = importanceOf(s, up, perClient, sysU);
  lap('importance');

  const report: Report = {
    method,
    system,
    clients,
    elements: s.elements.map((e) => ({ ...e })),
    spofs,
    pairs,
    pairCap,
    pairsTruncated,
    importance,
    assumptions: s.elements.filter((e) => e.availability >= 1).map((e) => ({ id: e.id, type: e.type, reason: assumptionReason(e.type) })),
    warnings,
    timings,
  };
  if (method === 'monte-carlo' && sysClient >= 0) report.interval = perClient[sysClient].interval;
  if (opts.failed !== undefined) {
    const downIds = new Set(sortComponents(baseDown).map((c) => s.components[c].id));
    report.whatIf = {
      failed: [...opts.failed],
      down: [...downIds],
      clientsServed: s.clients.filter((c) => !prop.componentDown[c]).map((c) => s.components[c].id),
      clientsDown: s.clients.filter((c) => prop.componentDown[c]).map((c) => s.components[c].id),
    };
  }
  return report;
}

function exactAnalysis(
  s: Structure, up: Float64Array, forcedElements: ReadonlySet<number>, forcedComponents: ReadonlySet<number>,
  budget: number, lap: (name: string) => void,
): { perClient: ClientFigures[]; rawPairs: Map<string, { a: number; b: number; clients: Set<number> }> } {
  const order = variableOrder(s);
  const bdd = new Bdd(budget);
  const works = compileWorks(s, bdd, order, forcedComponents);
  lap('bdd');
  const n = s.elements.length;
  const upByLevel = new Float64Array(n);
  const baseUp = new Uint8Array(n);
  for (let e = 0; e < n; e++) {
    upByLevel[order.levelOf[e]] = up[e];
    // The base state is "all else working": only what-if failures are down in it.
    baseUp[order.levelOf[e]] = forcedElements.has(e) ? 0 : 1;
  }
  const roots = s.clients.map((c) => works[c]);
  const last = Math.max(1, ...roots);
  const { P, Q } = nodeProbabilities(bdd, upByLevel, last);
  const perClient = roots.map((root) => {
    const byLevel = birnbaumOf(bdd, root, upByLevel, Q, n);
    const birnbaum = new Float64Array(n);
    for (let e = 0; e < n; e++) birnbaum[e] = byLevel[order.levelOf[e]];
    return { availability: P[root], unavailability: Q[root], birnbaum };
  });
  lap('probability');
  const rawPairs = new Map<string, { a: number; b: number; clients: Set<number> }>();
  roots.forEach((root, i) => {
    for (const [x, y] of cutsOfOrderTwo(bdd, root, baseUp).pairs) {
      const a = order.elementAt[x];
      const b = order.elementAt[y];
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      let entry = rawPairs.get(key);
      if (!entry) rawPairs.set(key, (entry = { a, b, clients: new Set() }));
      entry.clients.add(s.clients[i]);
    }
  });
  lap('pairs');
  return { perClient, rawPairs };
}

/**
 * Birnbaum importance and improvement potential against the system, the weakest client:
 * with U_c the client's unavailability and B_c its Birnbaum importance, U_c(e perfect)
 * = U_c − (1 − a_e)·B_c and U_c(e down) = U_c + a_e·B_c (the structure is multilinear).
 */
function importanceOf(s: Structure, up: Float64Array, perClient: ClientFigures[], sysU: number): ImportanceReport[] {
  const out = s.elements.map((e, i) => {
    let uUp = 0;
    let uDown = 0;
    for (const f of perClient) {
      const b = f.birnbaum[i];
      uUp = Math.max(uUp, f.unavailability - (1 - up[i]) * b);
      uDown = Math.max(uDown, f.unavailability + up[i] * b);
    }
    return { id: e.id, type: e.type, birnbaum: Math.max(0, uDown - uUp), improvement: Math.max(0, sysU - uUp), index: i };
  });
  out.sort((a, b) => b.improvement - a.improvement || b.birnbaum - a.birnbaum || a.index - b.index);
  return out.map(({ id, type, birnbaum, improvement }) => ({ id, type, birnbaum, improvement }));
}

function assumptionReason(type: string): string {
  switch (type) {
    case 'failover': return 'takes no time (failoverSeconds 0) or stands behind members that never fail';
    case 'domain': return 'availability 1: this domain is assumed never to fail';
    default: return 'availability 1: assumed never to fail';
  }
}

/** Resolves what-if ids: element ids; a pool's component id (all its instances); a client id (that client). */
function resolveFailed(s: Structure, failed: string[]) {
  const forcedElements = new Set<number>();
  const forcedComponents = new Set<number>();
  const unknown: string[] = [];
  for (const id of failed) {
    const e = s.elementIndex.get(id);
    if (e !== undefined) {
      forcedElements.add(e);
      continue;
    }
    const c = s.componentIndex.get(id);
    if (c === undefined) unknown.push(id);
    else if (s.components[c].isClient) forcedComponents.add(c);
    else for (const inst of s.components[c].instances) forcedElements.add(inst.element);
  }
  return { forcedElements, forcedComponents, unknown };
}

/** Components in document order. */
function sortComponents(cs: Iterable<number>): number[] {
  return [...cs].sort((a, b) => a - b);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
