import { describe, expect, it } from 'vitest';
import { formatAvailability, formatNines, formatTarget, minutesAYear } from '../../src/panels/report/format';
import { elementName, elementNames, formatSeconds } from '../../src/store/elementNames';
import { formatSeconds as formatSecondsOfTheEngine } from '../../src/engine/insight/structure';
import { templateById } from '../../src/templates';

describe('report formatting', () => {
  it('shows availability with the decimals its nines need', () => {
    expect(formatAvailability(0.99951, 3.31)).toBe('99.951%');
    expect(formatAvailability(0.9999996, 6.4)).toBe('99.999960%');
    expect(formatAvailability(0.9, 1)).toBe('90.000%');
    expect(formatAvailability(1, Infinity)).toBe('100%');
  });

  it('words nines, targets and savings', () => {
    expect(formatNines(3.3098)).toBe('3.31 nines');
    expect(formatNines(Infinity)).toBe('never down');
    expect(formatTarget(0.9995)).toBe('99.95%');
    expect(formatTarget(0.999)).toBe('99.9%');
    // 0.0001 of a year is 52.6 minutes.
    expect(minutesAYear(0.0001)).toBe('52.6');
    expect(minutesAYear(0.01)).toBe('5,260');
    expect(minutesAYear(0.000001)).toBe('0.53');
  });

  it('names elements readably', () => {
    const t = templateById('stage5')!.topology;
    expect(elementName(t, 'failover:lb2')).toBe('switchover to LB standby (floating IP) (5 s)');
    expect(elementName(t, 'use1a')).toBe('us-east-1a');
    expect(elementName(t, 'unknown#3')).toBe('unknown#3');
    const pool = templateById('active-active')!.topology;
    const app = pool.components.find((c) => (c.replicas ?? 1) > 1)!;
    expect(elementNames(pool, [`${app.id}#3`, 'use1a', `${app.id}#2`])).toEqual([`${app.label} (instances 2 and 3 of ${app.replicas})`, 'us-east-1a']);
    expect(formatSeconds(120)).toBe('2 min');
    expect(formatSeconds(3600)).toBe('1 h');
  });

  it('says a lag or an interval of years in years, and a number past reading in words', () => {
    // 1e308 s was "8.333333333333333e+304 h" in the panel and "1.1574074074074075e+303 d" on the command line.
    expect(formatSeconds(3 * 86400)).toBe('3 d');
    expect(formatSeconds(400 * 86400)).toBe('400 d');
    expect(formatSeconds(12 * 365.25 * 86400)).toBe('12 years');
    expect(formatSeconds(123_456 * 365.25 * 86400)).toBe('123,456 years');
    expect(formatSeconds(1e308)).toBe('over a million years');
    expect(formatSecondsOfTheEngine(1e308)).toBe('over a million years');
    expect(formatSecondsOfTheEngine(7200)).toBe('2 h');
  });
});
