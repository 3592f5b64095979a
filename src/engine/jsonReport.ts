// The JSON object of `spof analyze --json` (DESIGN section 4), built from a Report.
// The insight layer adds findings and stage here; extend this function (not the CLI)
// with further insight fields.
import type { Topology } from '../model';
import { insight, type Stage } from './insight';
import type { OutageFigures, Report } from './types';

export type JsonReport = Record<string, unknown>;

export interface JsonReportOptions {
  /** System target as a fraction (the CLI's --slo). */
  slo?: number;
  /**
   * The design's stage, for a what-if report: every other figure is the what-if figure, but a
   * stage belongs to the design (DESIGN section 1), never to a state of failures.
   */
  stage?: Stage;
}

/** The report as plain JSON: field names of DESIGN section 4; an infinite `nines` (a = 1) and the figures of an unconnected design (NaN) become null. */
export function buildJsonReport(report: Report, topology: Topology, opts: JsonReportOptions = {}): JsonReport {
  const advice = insight(topology, report, { slo: opts.slo });
  return {
    method: report.method,
    basis: report.basis,
    ...(report.interval ? { interval: report.interval } : {}),
    system: withFiniteNines(report.system),
    clients: report.clients.map(withFiniteNines),
    spofs: report.spofs,
    pairs: report.pairs,
    pairCap: report.pairCap,
    pairsTruncated: report.pairsTruncated,
    importance: report.importance,
    outages: {
      system: finiteOutage(report.outages.system),
      clients: report.outages.clients.map(finiteOutage),
    },
    ...(report.cost ? { cost: report.cost } : {}),
    assumptions: report.assumptions,
    elements: report.elements,
    ...(report.whatIf ? { whatIf: { ...report.whatIf, weakestServed: report.whatIf.weakestServed && withFiniteNines(report.whatIf.weakestServed) } } : {}),
    entryPoints: report.entryPoints,
    unreached: report.unreached,
    findings: advice.findings,
    stage: opts.stage ?? advice.stage,
    slo: advice.slo,
    dataProtection: advice.dataProtection,
    degradations: advice.degradations,
    warnings: report.warnings,
  };
}

function withFiniteNines<T extends { nines: number }>(x: T): Omit<T, 'nines'> & { nines: number | null } {
  return { ...x, nines: Number.isFinite(x.nines) ? x.nines : null };
}

/** JSON has no Infinity: a mean outage that never ends, or a time between outages that never ends, is null. */
function finiteOutage<T extends OutageFigures>(x: T): Omit<T, 'meanDownHours' | 'meanUpHours'> & { meanDownHours: number | null; meanUpHours: number | null } {
  return { ...x, meanDownHours: Number.isFinite(x.meanDownHours) ? x.meanDownHours : null, meanUpHours: Number.isFinite(x.meanUpHours) ? x.meanUpHours : null };
}
