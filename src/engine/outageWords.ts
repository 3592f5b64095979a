// Outages in words, for the CLI's human report and the app: "about 3 outages a year,
// 1 h 24 min each on average".
import { formatDowntime } from './downtime';
import type { OutageFigures } from './types';

/** "about 3 outages a year", "about one outage every 4 years", "no outage expected". */
export function outageCount(failuresPerYear: number): string {
  if (!(failuresPerYear > 0)) return 'no outage expected';
  if (failuresPerYear >= 1.5) return `about ${Math.round(failuresPerYear).toLocaleString('en-US')} outages a year`;
  if (failuresPerYear >= 0.95) return 'about one outage a year';
  const years = 1 / failuresPerYear;
  if (years >= 1e6) return 'fewer than one outage in a million years';
  const shown = years < 10 ? Number(years.toPrecision(2)) : Math.round(years);
  return `about one outage every ${shown.toLocaleString('en-US')} years`;
}

/**
 * Down this share of the time or more, a design is not one with rare long outages (a
 * 10,000-long chain has "fewer than one outage in a million years" only because it hardly
 * ever comes back up to fail anew): it is down almost all the time.
 */
const ALMOST_ALWAYS_DOWN = 0.99;

/** Whether it is down almost all the time: a part fails again before the last one is repaired. */
export function almostAlwaysDown(o: Pick<OutageFigures, 'failuresPerYear' | 'meanDownHours' | 'meanUpHours'>): boolean {
  if (!(o.failuresPerYear > 0)) return false;
  return o.meanDownHours === Infinity || o.meanDownHours / (o.meanUpHours + o.meanDownHours) >= ALMOST_ALWAYS_DOWN;
}

export const ALMOST_ALWAYS_DOWN_WORDS = 'down almost all the time';
export const ALMOST_ALWAYS_DOWN_WHY = 'a part fails again before the last one is repaired';

/** "up for 12 min at a time on average", "up for less than 0.1 s at a time on average". */
export function upAtATime(meanUpHours: number): string {
  const up = formatDowntime(meanUpHours * 3600);
  return `up for ${up.startsWith('< ') ? `less than ${up.slice(2)}` : up} at a time on average`;
}

/** "about 3 outages a year", or "down almost all the time" when that is the story. */
export function outageSummary(o: OutageFigures): string {
  return almostAlwaysDown(o) ? ALMOST_ALWAYS_DOWN_WORDS : outageCount(o.failuresPerYear);
}

/** The whole sentence: how often, and how long each outage lasts on average. */
export function outagesInWords(o: OutageFigures): string {
  if (!(o.failuresPerYear > 0)) return o.meanDownHours === Infinity ? 'down for good (no repair ends it)' : 'no outage expected';
  if (almostAlwaysDown(o)) return `${ALMOST_ALWAYS_DOWN_WORDS}: ${ALMOST_ALWAYS_DOWN_WHY} (${upAtATime(o.meanUpHours)})`;
  // Hours near the largest double overflow to Infinity as seconds.
  const each = o.meanDownHours >= 1e6 * 8766 ? 'over a million years' : formatDowntime(o.meanDownHours * 3600);
  return `${outageCount(o.failuresPerYear)}, ${each} each on average`;
}
