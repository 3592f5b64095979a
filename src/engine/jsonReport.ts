// The JSON object of `spof analyze --json` (DESIGN section 4), built from a Report.
// The insight layer (findings, stage, SLO plan, data protection, degradations) extends
// this function; until it exists, `findings` is empty and `stage` is null.
import type { Report } from './types';

export type JsonReport = Record<string, unknown>;

/** The report as plain JSON: field names of DESIGN section 4; an infinite `nines` (a = 1) becomes null. */
export function buildJsonReport(report: Report): JsonReport {
  const out: JsonReport = {
    method: report.method,
    ...(report.interval ? { interval: report.interval } : {}),
    system: withFiniteNines(report.system),
    clients: report.clients.map(withFiniteNines),
    spofs: report.spofs,
    pairs: report.pairs,
    pairCap: report.pairCap,
    pairsTruncated: report.pairsTruncated,
    importance: report.importance,
    assumptions: report.assumptions,
    elements: report.elements,
    ...(report.whatIf ? { whatIf: report.whatIf } : {}),
    findings: [],
    stage: null,
    warnings: report.warnings,
  };
  return out;
}

function withFiniteNines<T extends { nines: number }>(x: T): Omit<T, 'nines'> & { nines: number | null } {
  return { ...x, nines: Number.isFinite(x.nines) ? x.nines : null };
}
