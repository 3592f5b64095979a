// The Monte Carlo fallback, for designs whose BDD would exceed its node budget.
// Each sample fails every element independently with its unavailability; failures are
// drawn by geometric skips (the gap to an element's next failing sample), so a sample
// costs its failures, not the number of elements. Each sample is then evaluated by
// failure propagation. Birnbaum importance comes from the same samples: an element is
// critical when the client fails with it down and works once it alone is restored, and
// P(critical) = P(critical and down) / (1 − a) since criticality ignores its own state.
// Finding a sample's critical elements costs more propagations (by halving, see
// countCritical): on 100,000 instances with hundreds down in every sample that was hours, so
// sampling stops once MONTE_CARLO_WORK changes of state have been propagated (a domain
// failure changes every instance below it), importance is counted only while half of that
// is left, and the report says how many samples each had: a count of work, not a clock, so
// the same seed gives the same figures on any machine.
import type { Propagator } from './propagate';
import type { Structure } from './structure';
import { seededRandom } from './random';

export interface MonteCarloResult {
  samples: number;
  /** The first samples, in which the Birnbaum importance was counted (all of them unless the work bound was reached). */
  importanceSamples: number;
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
  // Counts of criticality per client, made when the client first has a critical element:
  // 200 clients of 105,000 elements each was 170 MB, mostly never written.
  const critical: (Float64Array | undefined)[] = clients.map(() => undefined);
  // The elements ever counted critical: only theirs are scaled at the end (200 clients of
  // 105,000 elements each was 21 million divisions, most of zeros).
  const everCritical = new Uint8Array(s.elements.length);
  const criticalElements: number[] = [];
  const alreadyDown = clients.map((c) => prop.componentDown[c] === 1);
  const batch = 8192;
  // Each batch's failures, drawn element by element as (sample, element), then laid out by
  // sample in flat arrays reused from batch to batch: an array per sample, hundreds of
  // failures each, lived through the batch and was most of what the collector copied.
  let drawnSample = new Int32Array(1 << 16);
  let drawnElement = new Int32Array(1 << 16);
  let bySample = new Int32Array(1 << 16);
  const sampleStart = new Int32Array(batch + 1);
  // The next failing sample of each element, relative to the batch start.
  const nextFailure = new Float64Array(s.elements.length);
  const skip = (q: number) => (q >= 1 ? 0 : Math.floor(Math.log(1 - random()) / Math.log1p(-q)));
  for (let e = 0; e < s.elements.length; e++) nextFailure[e] = down[e] > 0 ? skip(down[e]) : Infinity;

  let work = 0;
  let done = 0;
  let counted = 0;
  const upIn = (watched: number[]) => watched.filter((i) => !prop.componentDown[clients[i]]);
  /**
   * The elements of `failed[from..to)` whose restoring alone brings back a client of `watched`,
   * counted; the state is `failed` but for that range. Found by halving (group testing): a
   * half whose restoring leaves every watched client down holds none of them (failure is
   * monotone), so a sample with two independent causes costs two propagations, not one per
   * failed element (k² changes of state with hundreds down in every sample).
   */
  const countCritical = (failed: number[], from: number, to: number, watched: number[]): void => {
    if (watched.length === 0) return;
    if (to - from === 1) {
      const e = failed[from];
      if (!everCritical[e]) {
        everCritical[e] = 1;
        criticalElements.push(e);
      }
      for (const i of watched) (critical[i] ??= new Float64Array(s.elements.length))[e] += 1;
      return;
    }
    const middle = (from + to) >>> 1;
    // Restoring the first half: the second failed on top of the state; then the other way round.
    for (const [lo, hi, otherLo, otherHi] of [[from, middle, middle, to], [middle, to, from, middle]]) {
      const mark = prop.mark();
      prop.fail(failed.slice(otherLo, otherHi));
      work += prop.mark() - mark;
      countCritical(failed, lo, hi, upIn(watched));
      prop.undo(mark);
    }
  };
  for (let start = 0; start < samples && work < workBudget; start += batch) {
    const size = Math.min(batch, samples - start);
    let drawn = 0;
    for (let e = 0; e < s.elements.length; e++) {
      while (nextFailure[e] < size) {
        if (drawn === drawnSample.length) {
          drawnSample = grown(drawnSample);
          drawnElement = grown(drawnElement);
        }
        drawnSample[drawn] = nextFailure[e];
        drawnElement[drawn++] = e;
        nextFailure[e] += 1 + skip(down[e]);
      }
      nextFailure[e] -= size;
    }
    // By sample, each sample's failures in element order (a stable counting sort).
    if (bySample.length < drawn) bySample = new Int32Array(drawnSample.length);
    sampleStart.fill(0);
    for (let j = 0; j < drawn; j++) sampleStart[drawnSample[j] + 1]++;
    for (let k = 0; k < size; k++) sampleStart[k + 1] += sampleStart[k];
    const fill = sampleStart.slice(0, size);
    for (let j = 0; j < drawn; j++) bySample[fill[drawnSample[j]]++] = drawnElement[j];
    for (let k = 0; k < size; k++) {
      const failed = bySample.subarray(sampleStart[k], sampleStart[k + 1]);
      // Past the work budget the rest of the batch is dropped (its failures were drawn, not played).
      if (work >= workBudget) continue;
      done++;
      // Importance is counted in the samples made with the first half of the budget; the
      // rest go to the availability, a sample of which costs one propagation.
      const counting = work < workBudget / 2;
      if (counting) counted++;
      if (failed.length === 0) continue;
      const mark = prop.mark();
      prop.fail(failed);
      work += prop.mark() - mark;
      const hit: number[] = [];
      clients.forEach((c, i) => {
        if (!alreadyDown[i] && prop.componentDown[c]) hit.push(i);
      });
      for (const i of hit) failures[i]++;
      if (hit.length === 0 || !counting) {
        prop.undo(mark);
        continue;
      }
      // Only a failure that touches something down can be critical: restoring any other
      // leaves the same state (a sample of 500 failures has a hundred or so that matter).
      const matter: number[] = [];
      const rest: number[] = [];
      for (const e of failed) (touchesDown(s, prop.componentDown, e) ? matter : rest).push(e);
      prop.undo(mark);
      prop.fail(rest);
      work += prop.mark() - mark;
      countCritical(matter, 0, matter.length, upIn(hit));
      prop.undo(mark);
    }
  }
  // Clamped to [0, 1], where a Birnbaum importance lives; sampling noise may overshoot.
  const none = new Float64Array(s.elements.length);
  const birnbaum = critical.map((counts) => {
    if (!counts) return none;
    for (const e of criticalElements) counts[e] = down[e] > 0 ? Math.min(1, counts[e] / (counted * down[e])) : 0;
    return counts;
  });
  return { samples: done, importanceSamples: counted, failures, birnbaum };
}

/** A copy of `a` twice as long. */
function grown(a: Int32Array) {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Whether the failure of `e` counts toward a component that is down in the current state
 * (its instances' components, its links' groups' sources, what its failover event takes
 * down). When none is down, the same components fall without it: each fell through
 * counters that `e` does not touch, so restoring `e` alone brings nothing back.
 */
function touchesDown(s: Structure, componentDown: Uint8Array, e: number): boolean {
  const { start, items } = s.instancesOf;
  for (let j = start[e]; j < start[e + 1]; j++) if (componentDown[s.instanceComponent[items[j]]]) return true;
  for (const slot of s.linkSlotsOf.get(e) ?? []) if (componentDown[s.groups[s.slots[slot].group].source]) return true;
  for (const g of s.failoverGroupsOf.get(e) ?? []) if (componentDown[s.groups[g].source]) return true;
  for (const c of s.failoverPoolsOf.get(e) ?? []) if (componentDown[c]) return true;
  return false;
}
