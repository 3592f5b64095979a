// Service level objectives against the computed availability (DESIGN section 3, "SLO").
// Error budget = 1 - SLO; a month is a year of 365.25 days over 12, as in the report.
import type { Topology } from '../../model';
import { labelOf } from './structure';
import type { SloEntry, SloReport } from './types';

/** What the SLO reads of an analysis: the engine's report, or the plan's quicker evaluation. */
export interface Availabilities {
  system: { availability: number };
  clients: readonly { id: string; label: string; availability: number }[];
}

export const MONTH_MINUTES = (365.25 * 24 * 60) / 12;

/**
 * Targets: the document's `slo` for the system and each client's own `slo`.
 * An override (the CLI's --slo) replaces them all: the system and every client.
 */
export function sloReport(t: Topology, report: Availabilities, override?: number): SloReport {
  const systemTarget = override ?? t.slo;
  const source = override !== undefined ? 'override' : 'document';
  const system = systemTarget === undefined ? null : entry('system', 'System', systemTarget, report.system.availability, source);
  const clients: SloEntry[] = [];
  for (const c of report.clients) {
    const own = t.components.find((x) => x.id === c.id)?.slo;
    const target = override ?? own;
    if (target === undefined) continue;
    clients.push(entry(c.id, c.label || labelOf(t, c.id), target, c.availability, source));
  }
  const met = (system?.met ?? true) && clients.every((c) => c.met);
  return { system, clients, met };
}

export function entry(id: string, label: string, target: number, availability: number, source: SloEntry['source']): SloEntry {
  const gap = Math.max(0, target - availability);
  return {
    id,
    label,
    target,
    availability,
    // A hair of tolerance: 0.9999 computed as 0.99989999999999 meets a 99.99% target.
    met: availability >= target - 1e-12,
    gapPercent: gap * 100,
    gapMinutesPerMonth: gap * MONTH_MINUTES,
    errorBudgetMinutesPerMonth: (1 - target) * MONTH_MINUTES,
    downtimeMinutesPerMonth: (1 - availability) * MONTH_MINUTES,
    source,
  };
}

/** How far the report is from every target: the sum of the shortfalls (0 when all are met). */
export function shortfall(s: SloReport): number {
  return [s.system, ...s.clients].reduce((sum, e) => sum + (e ? Math.max(0, e.target - e.availability) : 0), 0);
}
