// How often and how long (DESIGN section 3, "Outages over time"). Each element alternates
// up and down: it fails at rate 1 / MTBF while up and is repaired in MTTR on average, so in
// the steady state it fails (1 − a) / MTTR times an hour. A client fails exactly when an
// element fails while it is critical for that client, so the client's failure frequency is
// the sum over elements of Birnbaum(element, client) × (1 − a) / MTTR (the classic result
// for coherent systems of independent repairable elements; exact for the model, as the
// availability is). The mean outage and the mean time between outages follow from A and
// the frequency.
import type { Structure } from './structure';
import type { OutageFigures, Outages } from './types';

/** 365.25 days of 24 hours. */
export const HOURS_PER_YEAR = 8766;

/**
 * Each element's failure frequency per hour: (1 − a) / MTTR while it alternates, 0 when it
 * never changes state (a = 1: never fails; a = 0: a what-if failure, or a failover that
 * never completes, is down for good).
 */
export function failureFrequencies(s: Structure, up: Float64Array): Float64Array {
  return Float64Array.from(s.elements, (e, i) => (up[i] > 0 && up[i] < 1 ? (1 - up[i]) / e.mttrHours : 0));
}

/** failuresPerYear = 8766 h × Σ Birnbaum × frequency; mean outage = U × 8766 / it; mean time between = A × 8766 / it. */
export function outageFigures(availability: number, unavailability: number, birnbaum: Float64Array, frequency: Float64Array): OutageFigures {
  let perHour = 0;
  for (let e = 0; e < frequency.length; e++) if (frequency[e] > 0) perHour += birnbaum[e] * frequency[e];
  return figuresFromFrequency(availability, unavailability, perHour * HOURS_PER_YEAR);
}

/** The mean outage and time between outages from the frequency; Infinity where no outage ever ends or starts. */
export function figuresFromFrequency(availability: number, unavailability: number, failuresPerYear: number): OutageFigures {
  if (!(failuresPerYear > 0)) {
    return { failuresPerYear: 0, meanDownHours: unavailability > 0 ? Infinity : 0, meanUpHours: availability > 0 ? Infinity : 0 };
  }
  return {
    failuresPerYear,
    meanDownHours: (unavailability * HOURS_PER_YEAR) / failuresPerYear,
    meanUpHours: (availability * HOURS_PER_YEAR) / failuresPerYear,
  };
}

/** Per client, and for the system (its weakest client, as for availability). */
export function outagesOf(
  s: Structure,
  up: Float64Array,
  perClient: { availability: number; unavailability: number; birnbaum: Float64Array }[],
  systemClient: number,
): Outages {
  const frequency = failureFrequencies(s, up);
  const clients = perClient.map((f, i) => ({ id: s.components[s.clients[i]].id, ...outageFigures(f.availability, f.unavailability, f.birnbaum, frequency) }));
  const system: OutageFigures = systemClient < 0
    ? { failuresPerYear: 0, meanDownHours: 0, meanUpHours: Infinity }
    : { failuresPerYear: clients[systemClient].failuresPerYear, meanDownHours: clients[systemClient].meanDownHours, meanUpHours: clients[systemClient].meanUpHours };
  return { system, clients };
}
