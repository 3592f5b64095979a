// Numbers in reports (the app's panel, the shared report, the diff), worded the way the
// nines table everyone knows words them. Pure: the app, the CLI and the tests share it.
import { formatDowntime } from '../engine/downtime';
import type { Topology } from '../model';
import { neverWorking } from '../model/modelling';
import { labelOf } from '../model/names';

const SECONDS_PER_YEAR = 365.25 * 86_400;

/** Availability with as many decimals as its nines need: 99.951%, 99.99960%, 100%. */
export function formatAvailability(a: number, nines: number): string {
  if (a >= 1) return '100%';
  const digits = Math.min(10, Math.max(3, Number.isFinite(nines) ? Math.ceil(nines) - 1 : 3));
  return `${(a * 100).toFixed(digits)}%`;
}

/** "3.31 nines"; a perfect system is "never down". */
export function formatNines(nines: number): string {
  return Number.isFinite(nines) ? `${nines.toFixed(2)} nines` : 'never down';
}

/** A target like 0.9995 as "99.95%" (no trailing zeros). */
export function formatTarget(t: number): string {
  // Fifteen significant digits (what a double holds exactly): --slo 99.99999999 is that, not the
  // double's 99.99999998999999, and --slo 99.99999999999 is not rounded up to "100%".
  return `${Number((t * 100).toPrecision(15)).toLocaleString('en-US', { maximumFractionDigits: 20 })}%`;
}

/** Downtime a year that an availability gain saves, e.g. importance's improvement. */
export function yearlySaving(gain: number): string {
  return formatDowntime(gain * SECONDS_PER_YEAR);
}

/** Minutes a year, as a number (for "minutes a year saved"); two significant digits when small. */
export function minutesAYear(gain: number): string {
  const m = (gain * SECONDS_PER_YEAR) / 60;
  if (m >= 100) return Math.round(m).toLocaleString('en-US');
  if (m >= 1) return m.toFixed(1).replace(/\.0$/, '');
  return m.toPrecision(2);
}

/** Minutes in the SLO card: "43.8 min", "3 h 12 min" past two hours. */
export function formatMinutes(m: number): string {
  return formatDowntime(m * 60);
}

/** Seconds of a year for a probability of being down: pairs, downtime rows. */
export function downtimeAYear(probability: number): string {
  return formatDowntime(probability * SECONDS_PER_YEAR);
}

/** Money in the document's currency: "$4,200", "€13,000"; cents only under 100. */
export function formatMoney(amount: number, currency: string): string {
  const digits = Math.abs(amount) < 100 && amount !== Math.round(amount) ? 2 : 0;
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
  } catch {
    // A code Intl does not know: the number and the code, never a crash.
    return `${amount.toLocaleString('en-US', { maximumFractionDigits: digits })} ${currency}`;
  }
}

/** A count a year with two significant digits when small: "3.1", "0.042", "12". */
export function formatRate(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x >= 10) return Math.round(x).toLocaleString('en-US');
  return String(Number(x.toPrecision(2)));
}

/** A change with its sign, for a diff: "+1 h 4 min", "−21 min", "no change". */
export function signed(delta: number, format: (magnitude: number) => string, zero = 'no change'): string {
  if (delta === 0 || !Number.isFinite(delta)) return zero;
  return `${delta > 0 ? '+' : '−'}${format(Math.abs(delta))}`;
}

/** How far below a target, in percentage points, two significant digits: "100", "0.012", never "1.0e+2". */
export function formatGapPoints(gapPercent: number): string {
  return gapPercent.toLocaleString('en-US', { maximumSignificantDigits: 2 });
}

/** An availability change in percentage points: "+0.012 pp", "−0.00031 pp". */
export function formatPoints(delta: number): string {
  return signed(delta * 100, (m) => `${Number(m.toPrecision(2))} pp`);
}

interface Figures { method: string; clients: readonly { id: string; label: string; availability: number }[] }

/**
 * Clients never served with nothing failed (something they need never works: minHealthy
 * above replicas, a `requires` above its group; DESIGN section 2). Exact figures only: a
 * Monte Carlo estimate of 0 is a sample, not a fact.
 */
export function neverServed(r: Figures): string[] {
  return r.method === 'exact' ? r.clients.filter((c) => c.availability === 0).map((c) => c.label || c.id) : [];
}

/**
 * "No single point of failure" beside 0% would read as good news: when nothing has to fail
 * for a client to be cut off, this sentence goes under it ('' when every client is served).
 */
export function neverServedSentence(r: Figures, t: Topology): string {
  const never = neverServed(r);
  if (never.length === 0) return '';
  const quoted = (names: string[]) => names.slice(0, 3).map((n) => `"${n}"`).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
  const who = never.length === r.clients.length && never.length > 1 ? 'no client is' : `${quoted(never)} ${never.length === 1 ? 'is' : 'are'}`;
  const broken = neverWorking(t).map((id) => labelOf(t, id));
  const why = broken.length === 0 ? 'something needed never works' : `${quoted(broken)} never work${broken.length === 1 ? 's' : ''} (fewer instances or targets than required)`;
  return `Nothing has to fail: ${who} never served, because ${why}.`;
}
