import { describe, expect, it } from 'vitest';
import { CliError, sloFraction } from '../../src/cli/io';
import { sloLine } from '../../src/cli/insightText';

describe('--slo', () => {
  it('reads percent as the fraction the user meant, without floating-point residue', () => {
    expect(sloFraction('99.99')).toBe(0.9999);
    expect(sloFraction('99.95%')).toBe(0.9995);
    expect(sloFraction('99.999')).toBe(0.99999);
  });

  it('refuses what is not a percentage strictly between 0 and 100', () => {
    for (const bad of ['abc', '', '0', '100', '-5', '150']) expect(() => sloFraction(bad)).toThrow(CliError);
  });
});

describe('the SLO line of the human report', () => {
  it('says minutes as the app\'s SLO card does: a month of downtime is "30 d 10 h", never "43826 min"', () => {
    const entry = { id: 'system', label: 'System', target: 0.9999, availability: 0.0001, met: false, gapPercent: 99.98, gapMinutesPerMonth: 43822, errorBudgetMinutesPerMonth: 4.383, downtimeMinutesPerMonth: 43826, source: 'document' as const };
    expect(sloLine(entry)).toBe('system: target 99.99% NOT met: short by 100 percentage points, 30 d 10 h a month (error budget 4.3 min a month, expected downtime 30 d 10 h)');
    expect(sloLine({ ...entry, availability: 0.99995, met: true, gapPercent: 0, gapMinutesPerMonth: 0, downtimeMinutesPerMonth: 2.19 })).toBe('system: target 99.99% met (error budget 4.3 min a month, expected downtime 2.1 min)');
  });
});
