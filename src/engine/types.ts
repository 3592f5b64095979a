// The engine's public types: the Report of DESIGN section 3 and the options of analyze().
import type { AnalysisBasis } from './scope';

export type ElementType = 'component' | 'instance' | 'domain' | 'link' | 'failover';

export interface AnalyzeOptions {
  /** What-if: element ids forced down. A pool's component id fails all its instances; a client id fails that client; a perfect link's id (or from->to) fails that link. */
  failed?: string[];
  /** How many pairs to list at most; never fewer than 100 (DESIGN section 3). */
  pairCap?: number;
  /** Seed of the Monte Carlo fallback. */
  seed?: number;
  /** Node budget of the exact method (BDD nodes); beyond it the engine falls back to Monte Carlo. */
  exactBudget?: number;
  /** System target as a fraction (overrides the document's `slo`). */
  slo?: number;
  /** Monte Carlo samples (default 200,000; fewer past 500 elements, at least 20,000). */
  samples?: number;
  /** Changes of state the Monte Carlo samples may propagate in all (default MONTE_CARLO_WORK). */
  sampleWork?: number;
  /** Time each phase into `Report.timings` (for benchmarks). */
  timings?: boolean;
  /**
   * Only the figures: availability (with its interval), outages and the method. SPOFs, pairs,
   * blast radii, importance and cost are not worked out and come back empty, for a caller
   * that reads none of them (simulate, which compares its years with these figures).
   */
  figuresOnly?: boolean;
  /** No pairs of failures: not looked for, none listed (the plan reads the SPOFs and importance, never the pairs). */
  noPairs?: boolean;
}

export interface Downtime {
  perYearSeconds: number;
  perMonthSeconds: number;
  perWeekSeconds: number;
  perDaySeconds: number;
}

export interface SloStatus {
  target: number;
  met: boolean;
}

export interface AvailabilityFigures {
  availability: number;
  unavailability: number;
  /** −log10(1 − a); Infinity when a = 1. */
  nines: number;
  downtime: Downtime;
}

export interface ClientReport extends AvailabilityFigures {
  id: string;
  label: string;
  slo?: SloStatus;
  /** Monte Carlo only: the 95% confidence interval of this client's availability. */
  interval?: { low: number; high: number };
}

export interface ElementReport {
  id: string;
  type: ElementType;
  label: string;
  availability: number;
  /** Mean time to repair, hours (a failover event: its switchover time). */
  mttrHours: number;
  /** The component an instance, a one-replica component or a failover event belongs to. */
  componentId?: string;
}

export interface SpofReport {
  id: string;
  type: ElementType;
  label: string;
  /** The clients it fails. */
  clients: string[];
  /** Every component that goes down with it (blast radius), clients included, in document order. */
  down: string[];
  /** Only when `down` was cut (a very long dependency chain): how many go down in all. */
  downCount?: number;
}

export interface PairReport {
  ids: [string, string];
  /** Probability that both are down at once: (1 − a1)(1 − a2). */
  probability: number;
  clients: string[];
}

export interface ImportanceReport {
  id: string;
  type: ElementType;
  /** A_sys(element up) − A_sys(element down). */
  birnbaum: number;
  /** A_sys(element perfect) − A_sys today. */
  improvement: number;
  /** What making it perfect would save a year in money: Σ over clients with a downtime cost of 8766 h × cost × (1 − a) × Birnbaum (format version 2; only when a client has a downtime cost). */
  moneySavedPerYear?: number;
}

/** Money (DESIGN section 3, "Money"): present only when the document gives a cost. */
export interface CostReport {
  /** ISO 4217 (the document's `currency`, default USD). */
  currency: string;
  /** Components' costPerMonth × replicas, plus domains' costPerMonth (0 when none is priced: see `priced`). */
  perMonth: number;
  /** Expected downtime cost a year, summed over the clients with a downtime cost. */
  downtimePerYear: number;
  /** Per client with a downtime cost (its own or the document's): hours down a year and what they cost. */
  clients: { id: string; downtimeCostPerHour: number; downtimeHoursPerYear: number; downtimePerYear: number }[];
  /** Components without a costPerMonth while others have one: perMonth leaves them out. */
  unpriced: string[];
  /** Whether any component or domain has a costPerMonth. */
  priced: boolean;
}

export interface AssumptionReport {
  id: string;
  type: ElementType;
  reason: string;
}

export interface WhatIfReport {
  failed: string[];
  down: string[];
  clientsServed: string[];
  clientsDown: string[];
  /**
   * The weakest client still served and its figures while the failures last: the what-if
   * headline (the system figure is 0 as soon as one client is down). Null when none is served.
   */
  weakestServed: (AvailabilityFigures & { id: string }) | null;
  /** Ids asked to fail that name no element, component or link (ignored; the CLI refuses them). */
  unknown: string[];
}

export type { AnalysisBasis } from './scope';

/** How often and how long (DESIGN section 3, "Outages over time"); hours. */
export interface OutageFigures {
  /** Expected outages a year: 8766 h × Σ Birnbaum × (1 − a) / MTTR. */
  failuresPerYear: number;
  /** The mean outage, (1 − A) × 8766 / failuresPerYear; Infinity for a client down for good. */
  meanDownHours: number;
  /** The mean time between outages, A × 8766 / failuresPerYear; Infinity when it never fails. */
  meanUpHours: number;
}

export interface Outages {
  /** The system: its weakest client, as for availability. */
  system: OutageFigures;
  clients: (OutageFigures & { id: string })[];
}

export interface Report {
  method: 'exact' | 'monte-carlo';
  /**
   * What the figures stand for (DESIGN section 2): the document's clients; implicit
   * clients `entry:<id>` in front of the entry points when no client calls anything; or
   * nothing, when no dependency link is drawn (`unconnected`: the system's figures are
   * NaN, null in JSON, and there are no clients, SPOFs, pairs or importance).
   */
  basis: AnalysisBasis;
  /** The components the implicit clients stand in front of (basis `entry-points`). */
  entryPoints: string[];
  /** Components no analysed client or entry point reaches: they are not part of the figures. */
  unreached: string[];
  /** Monte Carlo 95% confidence interval of the system availability. */
  interval?: { low: number; high: number };
  system: AvailabilityFigures & { slo?: SloStatus };
  clients: ClientReport[];
  elements: ElementReport[];
  spofs: SpofReport[];
  pairs: PairReport[];
  pairCap: number;
  pairsTruncated: boolean;
  importance: ImportanceReport[];
  outages: Outages;
  /** When the document gives a cost. */
  cost?: CostReport;
  assumptions: AssumptionReport[];
  whatIf?: WhatIfReport;
  warnings: string[];
  /** Time spent per phase, milliseconds, when asked for (for benchmarks; not part of the JSON contract). */
  timings?: Record<string, number>;
  /** Size of the work: elements, BDD nodes and apply steps (for benchmarks; not part of the JSON contract). */
  stats?: Record<string, number>;
}
