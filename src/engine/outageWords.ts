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

/** The whole sentence: how often, and how long each outage lasts on average. */
export function outagesInWords(o: OutageFigures): string {
  if (!(o.failuresPerYear > 0)) return o.meanDownHours === Infinity ? 'down for good (no repair ends it)' : 'no outage expected';
  // Hours near the largest double overflow to Infinity as seconds.
  const each = o.meanDownHours >= 1e6 * 8766 ? 'over a million years' : formatDowntime(o.meanDownHours * 3600);
  return `${outageCount(o.failuresPerYear)}, ${each} each on average`;
}
