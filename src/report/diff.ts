// `spof diff BASE HEAD` (DESIGN section 4): what a change does to a design, for a code
// review. Everything is matched by id, never by label: a renamed element is reported as a
// rename, not as one element removed and another added, and its SPOFs and findings are the
// same ones.
import type { PairReport, SpofReport } from '../engine';
import type { Finding, Stage } from '../engine/insight';
import { linkElementId, type Topology } from '../model';
import type { AnalysedDesign, AnalysisJson, CostFigures, JsonFigures } from './analysisJson';

export interface FiguresPoint {
  availability: number;
  nines: number | null;
  downtimePerYearSeconds: number;
  /** Monte Carlo only: the 95% interval. */
  interval?: { low: number; high: number };
  /** Outages a year and the mean outage, when the analysis has them. */
  failuresPerYear?: number;
  meanDownHours?: number;
}

/** One row of figures: the system, or a client (absent on one side when added or removed). */
export interface FiguresChange {
  id: string;
  label: string;
  before?: FiguresPoint;
  after?: FiguresPoint;
}

export type StructureKind = 'component' | 'domain' | 'link';

export interface ElementRef {
  id: string;
  type: StructureKind;
  label: string;
}

export interface ElementChange extends ElementRef {
  /** The fields whose values differ (the label apart: a rename is listed on its own). */
  fields: string[];
}

export interface Rename {
  id: string;
  type: StructureKind;
  before: string;
  after: string;
}

export interface ListChange<T> {
  added: T[];
  removed: T[];
  unchanged: number;
}

export interface DesignDiff {
  base: { name: string; method: AnalysisJson['method'] };
  head: { name: string; method: AnalysisJson['method'] };
  system: FiguresChange;
  clients: FiguresChange[];
  spofs: ListChange<SpofReport>;
  pairs: ListChange<PairReport>;
  /** `removed` are the findings HEAD resolved. */
  findings: ListChange<Finding>;
  stage: { before: Stage; after: Stage };
  /** When either design has costs. */
  cost?: { before?: CostFigures; after?: CostFigures };
  structure: { added: ElementRef[]; removed: ElementRef[]; changed: ElementChange[]; renamed: Rename[] };
  regression: { regressed: boolean; reasons: string[] };
}

/**
 * Below this, two exact availabilities are the same figure (0.003 s a year): a reordered
 * but equal design may differ in the last bits of floating point.
 */
const SAME_AVAILABILITY = 1e-13;

export function diffDesigns(base: AnalysedDesign, head: AnalysedDesign): DesignDiff {
  const [a, b] = [base.analysis, head.analysis];
  const spofs = matchById(a.spofs, b.spofs, (s) => s.id);
  const diff: DesignDiff = {
    base: { name: base.topology.name, method: a.method },
    head: { name: head.topology.name, method: b.method },
    system: { id: 'system', label: 'System', before: point(a.system, a, a.outages?.system), after: point(b.system, b, b.outages?.system) },
    clients: clientChanges(a, b),
    spofs,
    pairs: pairChanges(a, b),
    findings: matchById(a.findings, b.findings, findingKey),
    stage: { before: a.stage, after: b.stage },
    ...(a.cost || b.cost ? { cost: { ...(a.cost ? { before: a.cost } : {}), ...(b.cost ? { after: b.cost } : {}) } } : {}),
    structure: structureChanges(base.topology, head.topology),
    regression: { regressed: false, reasons: [] },
  };
  diff.regression = regressionOf(diff);
  return diff;
}

/** `--fail-on-regression`: HEAD has a SPOF that BASE did not, or a lower system availability. */
function regressionOf(d: DesignDiff): DesignDiff['regression'] {
  const reasons: string[] = [];
  if (d.spofs.added.length > 0) {
    const n = d.spofs.added.length;
    reasons.push(`${n} new single point${n === 1 ? '' : 's'} of failure: ${d.spofs.added.map((s) => s.id).join(', ')}`);
  }
  const [before, after] = [d.system.before!, d.system.after!];
  if (isLower(after, before)) reasons.push('lower system availability');
  return { regressed: reasons.length > 0, reasons };
}

/** Lower beyond doubt: exact figures beyond rounding; Monte Carlo ones beyond their intervals. */
export function isLower(after: FiguresPoint, before: FiguresPoint): boolean {
  if (after.interval || before.interval) {
    return (after.interval?.high ?? after.availability) < (before.interval?.low ?? before.availability);
  }
  return after.availability < before.availability - SAME_AVAILABILITY;
}

function point(f: JsonFigures, analysis: AnalysisJson, outages?: { failuresPerYear: number; meanDownHours: number | null }): FiguresPoint {
  return {
    availability: f.availability,
    nines: f.nines,
    downtimePerYearSeconds: f.downtime.perYearSeconds,
    ...(analysis.interval && f === analysis.system ? { interval: analysis.interval } : {}),
    ...(outages ? { failuresPerYear: outages.failuresPerYear, ...(outages.meanDownHours !== null ? { meanDownHours: outages.meanDownHours } : {}) } : {}),
  };
}

/** Clients in HEAD's order, then those HEAD removed. */
function clientChanges(a: AnalysisJson, b: AnalysisJson): FiguresChange[] {
  const before = new Map(a.clients.map((c) => [c.id, c]));
  const after = new Map(b.clients.map((c) => [c.id, c]));
  const outage = (j: AnalysisJson, id: string) => j.outages?.clients.find((o) => o.id === id);
  const row = (id: string): FiguresChange => {
    const [x, y] = [before.get(id), after.get(id)];
    return {
      id,
      label: (y ?? x)!.label,
      ...(x ? { before: point(x, a, outage(a, id)) } : {}),
      ...(y ? { after: point(y, b, outage(b, id)) } : {}),
    };
  };
  return [...b.clients.map((c) => row(c.id)), ...a.clients.filter((c) => !after.has(c.id)).map((c) => row(c.id))];
}

function matchById<T>(before: T[], after: T[], key: (x: T) => string): ListChange<T> {
  const inBefore = new Set(before.map(key));
  const inAfter = new Set(after.map(key));
  return {
    added: after.filter((x) => !inBefore.has(key(x))),
    removed: before.filter((x) => !inAfter.has(key(x))),
    unchanged: after.filter((x) => inBefore.has(key(x))).length,
  };
}

/** A finding is the same finding when its rule and its elements are: its words name labels, which may change. */
function findingKey(f: Finding): string {
  return `${f.code}\u0000${[...f.ids].sort().join('\u0000')}`;
}

const pairKey = (p: PairReport) => [...p.ids].sort().join('\u0000');

/**
 * Pairs are listed up to a cap, most probable first. A pair missing from a capped list may
 * just be below its cap: it counts as added or removed only when it is more probable than
 * the least probable pair that list kept.
 */
function pairChanges(a: AnalysisJson, b: AnalysisJson): ListChange<PairReport> {
  const raw = matchById(a.pairs, b.pairs, pairKey);
  const floor = (j: AnalysisJson) => (j.pairsTruncated && j.pairs.length > 0 ? j.pairs[j.pairs.length - 1].probability : 0);
  return {
    added: raw.added.filter((p) => p.probability > floor(a)),
    removed: raw.removed.filter((p) => p.probability > floor(b)),
    unchanged: raw.unchanged,
  };
}

interface Keyed {
  id: string;
  type: StructureKind;
  label: string;
  value: Record<string, unknown>;
}

function elementsOf(t: Topology): Map<string, Keyed> {
  const out = new Map<string, Keyed>();
  for (const c of t.components) out.set(c.id, { id: c.id, type: 'component', label: c.label ?? c.id, value: { ...c } });
  for (const d of t.domains) out.set(d.id, { id: d.id, type: 'domain', label: d.label ?? d.id, value: { ...d } });
  for (const l of t.links) {
    const id = linkElementId(l);
    out.set(id, { id, type: 'link', label: l.label ?? id, value: { ...l } });
  }
  return out;
}

function structureChanges(base: Topology, head: Topology): DesignDiff['structure'] {
  const [a, b] = [elementsOf(base), elementsOf(head)];
  const ref = ({ id, type, label }: Keyed): ElementRef => ({ id, type, label });
  const changed: ElementChange[] = [];
  const renamed: Rename[] = [];
  for (const [id, y] of b) {
    const x = a.get(id);
    if (!x || x.type !== y.type) continue;
    if ((x.value.label ?? id) !== (y.value.label ?? id)) renamed.push({ id, type: y.type, before: x.label, after: y.label });
    const fields = [...new Set([...Object.keys(x.value), ...Object.keys(y.value)])]
      .filter((k) => k !== 'label' && JSON.stringify(x.value[k]) !== JSON.stringify(y.value[k]))
      .sort();
    if (fields.length > 0) changed.push({ ...ref(y), fields });
  }
  const differs = (x: Keyed, other: Map<string, Keyed>) => other.get(x.id)?.type !== x.type;
  return {
    added: [...b.values()].filter((y) => differs(y, a)).map(ref),
    removed: [...a.values()].filter((x) => differs(x, b)).map(ref),
    changed,
    renamed,
  };
}
