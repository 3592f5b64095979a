// The Monte Carlo fallback, for designs whose BDD would exceed its node budget.
// Each sample fails every element independently with its unavailability; failures are
// drawn by geometric skips (the gap to an element's next failing sample), so a sample
// costs its failures, not the number of elements. Each sample is then evaluated by
// failure propagation. Birnbaum importance comes from the same samples: an element is
// critical when the client fails with it down and works once it alone is restored, and
// P(critical) = P(critical and down) / (1 − a) since criticality ignores its own state.
// A sample with k failures that fails a client costs k more propagations of k − 1 failures
// (k² in all): on 100,000 instances with hundreds down in every sample that was hours, so
// sampling stops once MONTE_CARLO_WORK changes of state have been propagated (a domain
// failure changes every instance below it), and says how many samples it made: a count of
// work, not a clock, so the same seed gives the same figures on any machine.
import type { Propagator } from './propagate';
import type { Structure } from './structure';
import { seededRandom } from './random';

export interface MonteCarloResult {
  samples: number;
  /** Per client: the number of samples in which it was down. */
  failures: number[];
  /** Per client: Birnbaum estimate of every element. */
  birnbaum: Float64Array[];
}

/** Changes of state propagated in all the samples at most (seconds, not hours). */
export const MONTE_CARLO_WORK = 5_000_000;

/** z of the two-sided 95% interval. */
const Z95 = 1.959963984540054;

/** Wilson score interval of a binomial proportion (k of n), 95%. */
export function wilsonInterval(k: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Samples the design `samples` times. `prop` holds the base state (what-if failures);
 * `down` is each element's unavailability (0 for elements already forced down).
 */
export function monteCarlo(s: Structure, prop: Propagator, down: Float64Array, samples: number, seed: number, workBudget = MONTE_CARLO_WORK): MonteCarloResult {
  const random = seededRandom(seed);
  const clients = s.clients;
  const failures = clients.map(() => 0);
  const critical = clients.map(() => new Float64Array(s.elements.length));
  const alreadyDown = clients.map((c) => prop.componentDown[c] === 1);
  const batch = 8192;
  const buckets: number[][] = Array.from({ length: batch }, () => []);
  // The next failing sample of each element, relative to the batch start.
  const nextFailure = new Float64Array(s.elements.length);
  const skip = (q: number) => (q >= 1 ? 0 : Math.floor(Math.log(1 - random()) / Math.log1p(-q)));
  for (let e = 0; e < s.elements.length; e++) nextFailure[e] = down[e] > 0 ? skip(down[e]) : Infinity;

  let work = 0;
  let done = 0;
  for (let start = 0; start < samples && work < workBudget; start += batch) {
    const size = Math.min(batch, samples - start);
    for (let e = 0; e < s.elements.length; e++) {
      while (nextFailure[e] < size) {
        buckets[nextFailure[e]].push(e);
        nextFailure[e] += 1 + skip(down[e]);
      }
      nextFailure[e] -= size;
    }
    for (let k = 0; k < size; k++) {
      const failed = buckets[k];
      // Past the work budget the rest of the batch is dropped (its failures were drawn, not played).
      if (work >= workBudget) {
        failed.length = 0;
        continue;
      }
      done++;
      if (failed.length === 0) continue;
      const mark = prop.mark();
      prop.fail(failed);
      work += prop.mark() - mark;
      const hit: number[] = [];
      clients.forEach((c, i) => {
        if (!alreadyDown[i] && prop.componentDown[c]) hit.push(i);
      });
      prop.undo(mark);
      for (const i of hit) failures[i]++;
      if (hit.length > 0) {
        for (const e of failed) {
          prop.fail(failed.filter((x) => x !== e));
          work += prop.mark() - mark;
          for (const i of hit) if (!prop.componentDown[clients[i]]) critical[i][e] += 1;
          prop.undo(mark);
        }
      }
      failed.length = 0;
    }
  }
  // Clamped to [0, 1], where a Birnbaum importance lives; sampling noise may overshoot.
  const birnbaum = critical.map((counts) => counts.map((n, e) => (down[e] > 0 ? Math.min(1, n / (done * down[e])) : 0)));
  return { samples: done, failures, birnbaum };
}
