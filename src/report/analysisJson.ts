// The fields of `spof analyze --json` (DESIGN section 4) that the reports read: the diff
// compares two of them, the shared report and SARIF are written from one. Typed here once,
// from the contract, so that fields added by later work (outages, cost) are read where
// present and never required.
import { analyze } from '../engine/analyze';
import { buildJsonReport } from '../engine/jsonReport';
import type { Downtime, PairReport, SloStatus, SpofReport } from '../engine/types';
import type { Finding, SloReport, Stage } from '../engine/insight';
import type { Topology } from '../model';

export interface JsonFigures {
  availability: number;
  unavailability: number;
  /** null when availability is exactly 1. */
  nines: number | null;
  downtime: Downtime;
  slo?: SloStatus;
}

export interface JsonClient extends JsonFigures {
  id: string;
  label: string;
}

export interface OutageFigures {
  failuresPerYear: number;
  /** null when it never ends (JSON has no Infinity). */
  meanDownHours: number | null;
  meanUpHours: number | null;
}

export interface CostFigures {
  currency: string;
  perMonth: number;
  downtimePerYear: number;
}

export interface AnalysisJson {
  method: 'exact' | 'monte-carlo';
  interval?: { low: number; high: number };
  system: JsonFigures;
  clients: JsonClient[];
  spofs: SpofReport[];
  pairs: PairReport[];
  pairCap: number;
  /** More pairs exist than `pairs` lists (it keeps the `pairCap` most probable). */
  pairsTruncated: boolean;
  findings: Finding[];
  stage: Stage;
  slo: SloReport;
  outages?: { system: OutageFigures; clients: (OutageFigures & { id: string })[] };
  cost?: CostFigures;
  entryPoints?: string[];
  warnings: string[];
}

/** A design and its analysis, as a review reads it. */
export interface AnalysedDesign {
  topology: Topology;
  analysis: AnalysisJson;
}

/** Analyses a design as `analyze --json` does (our own output: its shape is the contract above). */
export function analyseDesign(topology: Topology, opts: { slo?: number } = {}): AnalysedDesign {
  const report = analyze(topology, { slo: opts.slo });
  return { topology, analysis: buildJsonReport(report, topology, { slo: opts.slo }) as unknown as AnalysisJson };
}
