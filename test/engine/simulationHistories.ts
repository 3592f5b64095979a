// A simulation's per-client histories as plain arrays, for comparing two simulations whole.
import type { Simulation } from '../../src/engine/simulate/simulation';

export function histories(sim: Simulation, clients: number) {
  return Array.from({ length: clients }, (_, k) => {
    const h = sim.history(k);
    return { year: Array.from(h.downPerYear), month: Array.from(h.downPerMonth), outages: Array.from(h.outagesPerYear) };
  });
}
