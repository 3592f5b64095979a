// Nines and downtime (DESIGN section 3): a year is 365.25 days, a month a twelfth of it.
import type { AvailabilityFigures, Downtime } from './types';

export const SECONDS_PER_DAY = 86_400;
export const SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;
export const SECONDS_PER_YEAR = 365.25 * SECONDS_PER_DAY;
export const SECONDS_PER_MONTH = SECONDS_PER_YEAR / 12;

/** Expected downtime = (1 − a) × period, per year, month, week and day. */
export function downtimeOf(unavailability: number): Downtime {
  return {
    perYearSeconds: unavailability * SECONDS_PER_YEAR,
    perMonthSeconds: unavailability * SECONDS_PER_MONTH,
    perWeekSeconds: unavailability * SECONDS_PER_WEEK,
    perDaySeconds: unavailability * SECONDS_PER_DAY,
  };
}

/** nines = −log10(1 − a); Infinity for a perfect system. */
export function ninesOf(unavailability: number): number {
  return unavailability <= 0 ? Infinity : -Math.log10(unavailability);
}

export function figures(availability: number, unavailability: number): AvailabilityFigures {
  return { availability, unavailability, nines: ninesOf(unavailability), downtime: downtimeOf(unavailability) };
}

/**
 * A duration for people: "3 d 4 h", "4 h 17 min", "21 min", "4.9 min", "42 s", "0.3 s".
 * Whole units are truncated (4 h 17.6 min reads "4 h 17 min"), never rounded up.
 */
export function formatDowntime(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  // mtbf/mttr near the largest double give means of 1e300 years: a number nobody can read.
  if (seconds >= 1e6 * SECONDS_PER_YEAR) return 'over a million years';
  if (seconds >= SECONDS_PER_DAY) {
    const hours = Math.floor(seconds / 3600);
    return `${Math.floor(hours / 24)} d ${hours % 24} h`;
  }
  if (seconds >= 3600) {
    const minutes = Math.floor(seconds / 60);
    return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  }
  if (seconds >= 600) return `${Math.floor(seconds / 60)} min`;
  if (seconds >= 60) return `${trimmed(Math.floor(seconds / 6) / 10)} min`;
  if (seconds >= 10) return `${Math.floor(seconds)} s`;
  if (seconds === 0) return '0 s';
  if (seconds < 0.1) return '< 0.1 s';
  return `${trimmed(Math.floor(seconds * 10) / 10)} s`;
}

function trimmed(x: number): string {
  return x.toFixed(1).replace(/\.0$/, '');
}

/** A chart's axis tick: "20 h", "1 d", "1 d 12 h" (a round tick reads "20 h", not "20 h 0 min"). */
export function formatDowntimeTick(seconds: number): string {
  return formatDowntime(seconds).replace(/ 0 (h|min)$/, '');
}
