// Money (DESIGN section 3, "Money", format version 2): what the design costs a month, what
// its expected downtime costs a year, and what making each element perfect would save a
// year. Costs are never invented: the block exists only when the document gives a cost,
// and a client without a downtime cost (its own or the document's) adds nothing.
import { replicasOf, type Topology } from '../model';
import { HOURS_PER_YEAR } from './outages';
import type { Structure } from './structure';
import type { CostReport } from './types';

const DEFAULT_CURRENCY = 'USD';

/** Whether the document gives any cost at all. */
export function hasCosts(t: Topology): boolean {
  return t.downtimeCostPerHour !== undefined
    || t.components.some((c) => c.costPerMonth !== undefined || c.downtimeCostPerHour !== undefined)
    || t.domains.some((d) => d.costPerMonth !== undefined);
}

/** Each analysed client's downtime cost an hour (its own, else the document's), or undefined. */
export function downtimeRates(t: Topology, s: Structure): (number | undefined)[] {
  const byId = new Map(t.components.map((c) => [c.id, c]));
  // Implicit clients (entry points) have no field of their own: the document's default applies.
  return s.clients.map((c) => byId.get(s.components[c].id)?.downtimeCostPerHour ?? t.downtimeCostPerHour);
}

/**
 * The cost block: perMonth = Σ components' costPerMonth × replicas (a standby costs what it
 * costs, idle or not) + Σ domains' costPerMonth; downtimePerYear = Σ over clients with a
 * rate of (1 − A) × 8766 h × the rate.
 */
export function costOf(t: Topology, s: Structure, unavailability: number[]): CostReport | undefined {
  if (!hasCosts(t)) return undefined;
  let perMonth = 0;
  const unpriced: string[] = [];
  for (const c of t.components) {
    if (c.costPerMonth !== undefined) perMonth += c.costPerMonth * (c.kind === 'client' ? 1 : replicasOf(c));
    else if (c.kind !== 'client') unpriced.push(c.id);
  }
  for (const d of t.domains) if (d.costPerMonth !== undefined) perMonth += d.costPerMonth;
  const rates = downtimeRates(t, s);
  const clients: CostReport['clients'] = [];
  let downtimePerYear = 0;
  rates.forEach((rate, i) => {
    if (rate === undefined) return;
    const hours = unavailability[i] * HOURS_PER_YEAR;
    clients.push({ id: s.components[s.clients[i]].id, downtimeCostPerHour: rate, downtimeHoursPerYear: hours, downtimePerYear: hours * rate });
    downtimePerYear += hours * rate;
  });
  const priced = t.components.some((c) => c.costPerMonth !== undefined) || t.domains.some((d) => d.costPerMonth !== undefined);
  return {
    currency: t.currency ?? DEFAULT_CURRENCY,
    perMonth,
    downtimePerYear,
    clients,
    // Nothing priced at all: perMonth is no figure, say so rather than list every component.
    unpriced: priced ? unpriced : [],
    priced,
  };
}

/**
 * What making each element perfect would save a year: Σ over clients with a rate of
 * 8766 h × rate × (1 − a) × Birnbaum(element, client) (the structure is multilinear, so
 * that is exactly the downtime the element's own unavailability causes that client).
 */
export function moneySavedPerYear(up: Float64Array, perClient: { birnbaum: Float64Array }[], rates: (number | undefined)[]): Float64Array {
  const out = new Float64Array(up.length);
  perClient.forEach((f, i) => {
    const rate = rates[i];
    if (rate === undefined || rate === 0) return;
    for (let e = 0; e < up.length; e++) out[e] += HOURS_PER_YEAR * rate * (1 - up[e]) * f.birnbaum[e];
  });
  return out;
}
