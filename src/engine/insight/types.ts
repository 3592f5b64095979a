// What the insight layer adds to the engine's report: advice a team can act on.
import type { ElementType } from './report';

export type Severity = 'high' | 'medium' | 'low';

export interface Finding {
  /** Stable code from the catalogue in findings.ts (tools may rely on it). */
  code: string;
  severity: Severity;
  /** Plain language, naming the elements. */
  message: string;
  /** The concrete change that removes the problem. */
  suggestion: string;
  /** Element ids (components, instances, domains, links) the finding is about. */
  ids: string[];
}

export type StageLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface Stage {
  level: StageLevel;
  /** The name of the stage reached (DESIGN section 1). */
  name: string;
  /** The next step in words; at stage 7, what remains to watch. */
  next: string;
  /** Element ids that keep the design from the next stage. */
  blockers: string[];
  /** Every single point of failure left at the stage reached (element ids). */
  left: string[];
  /** The stage in one line, naming the SPOFs left: "Stage 7 of 7: multiple regions, but "DNS" (dns) is still a single point of failure". */
  summary: string;
}

export interface SloEntry {
  /** 'system', or the client's id. */
  id: string;
  label: string;
  target: number;
  availability: number;
  met: boolean;
  /** How far below the target, in percentage points (0 when met). */
  gapPercent: number;
  /** The same gap as downtime minutes per month (year / 12). */
  gapMinutesPerMonth: number;
  /** Allowed downtime per month: (1 - target) * month, in minutes. */
  errorBudgetMinutesPerMonth: number;
  /** Expected downtime per month today, in minutes. */
  downtimeMinutesPerMonth: number;
  /** Where the target came from: the document or the --slo option. */
  source: 'document' | 'override';
}

export interface SloReport {
  /** The system entry, when there is a system target (document `slo` or override). */
  system: SloEntry | null;
  /** Clients with a target of their own (or every client, under an override). */
  clients: SloEntry[];
  /** Every entry is met (true when there is no target at all). */
  met: boolean;
}

export type RpoBasis = 'sync' | 'async' | 'backup' | 'none';

export interface DataProtection {
  id: string;
  label: string;
  kind: string;
  /** Seconds of writes that can be lost; null when unbounded or not stated. */
  rpoSeconds: number | null;
  rpoBasis: RpoBasis;
  /** The replication link that gives the RPO (absent with none). */
  rpoVia?: string;
  rpo: string;
  /** Seconds until service is back after the store fails. */
  rtoSeconds: number;
  rtoBasis: 'active-peer' | 'failover' | 'repair';
  /** The standby or pool whose failover gives the RTO, or the active peer. */
  rtoVia?: string;
  rto: string;
}

export interface Degradation {
  /** The optional link's element id. */
  link: string;
  from: string;
  to: string;
  /** Components that keep working without a feature when `to` fails. */
  degrades: string[];
  /** Clients still served, in degraded form. */
  clients: string[];
  /** Components that go down with `to` (itself included), in document order. */
  down: string[];
  /** Only when `down` was cut (the shortcuts of a very long dependency chain): how many go down in all. */
  downCount?: number;
  /** True when the failure is not a mere degradation: it takes `from` or a client down. */
  inFactRequired: boolean;
  message: string;
}

export interface Insight {
  findings: Finding[];
  stage: Stage;
  slo: SloReport;
  dataProtection: DataProtection[];
  degradations: Degradation[];
}

export type { ElementType };
