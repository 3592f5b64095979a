// Summaries of simulated years and months: mean with its 95% interval, percentiles, maximum.

/** z of the two-sided 95% interval. */
const Z95 = 1.959963984540054;

export interface Summary {
  mean: number;
  ci95: [number, number];
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/**
 * Mean ± 1.96 standard errors (the central limit theorem over independent years), and
 * nearest-rank percentiles (the smallest value with at least p of the values at or below it).
 */
export function summarise(values: ArrayLike<number>): Summary {
  const n = values.length;
  if (n === 0) return { mean: 0, ci95: [0, 0], p50: 0, p90: 0, p99: 0, max: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  const half = n > 1 ? Z95 * Math.sqrt(squares / (n - 1) / n) : 0;
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))];
  return { mean, ci95: [Math.max(0, mean - half), mean + half], p50: rank(0.5), p90: rank(0.9), p99: rank(0.99), max: sorted[n - 1] };
}

/** The share of values above a limit. */
export function shareAbove(values: ArrayLike<number>, limit: number): number {
  if (values.length === 0) return 0;
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > limit) k++;
  return k / values.length;
}

/**
 * Garwood's exact 95% interval for the mean of a Poisson count k, by bisection on the
 * Poisson distribution function (no special functions needed): the rate interval for the
 * outages seen, used when they are too few for the normal interval.
 */
export function poissonInterval(k: number): [number, number] {
  const cdf = (m: number, upTo: number) => {
    // P(X <= upTo) for X ~ Poisson(m), summed in log space.
    let term = Math.exp(-m);
    let sum = term;
    for (let i = 1; i <= upTo; i++) {
      term *= m / i;
      sum += term;
    }
    return sum;
  };
  const solve = (f: (m: number) => number, target: number, hi: number) => {
    let lo = 0;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (f(mid) > target) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  const upper = solve((m) => cdf(m, k), 0.025, k + 10 + 10 * Math.sqrt(k + 1));
  const lower = k === 0 ? 0 : solve((m) => cdf(m, k - 1), 0.975, k + 10 + 10 * Math.sqrt(k + 1));
  return [lower, upper];
}
