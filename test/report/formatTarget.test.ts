// A target reads as the person typed it, however many nines (a plan for --slo 99.99999999
// was headed "99.99999998999999%", and its check line said "target 100%").
import { describe, expect, it } from 'vitest';
import { formatGapPoints, formatTarget } from '../../src/report/format';
import { plan } from '../../src/engine/insight';
import { doc } from '../insight/helpers';

describe('targets in words', () => {
  it('keep the digits typed, no float tail, no rounding up to 100%', () => {
    expect(formatTarget(0.9995)).toBe('99.95%');
    expect(formatTarget(0.99999)).toBe('99.999%');
    expect(formatTarget(0.9999999999)).toBe('99.99999999%');
    expect(formatTarget(0.9)).toBe('90%');
    // --slo 99.99999999999 was headed "plan to reach 100%".
    expect(formatTarget(99.99999999999 / 100)).toBe('99.99999999999%');
    expect(formatTarget(99.9999999999999 / 100)).toBe('99.9999999999999%');
  });

  it('a blocker far past a tiny budget is so many times the budget, not a percentage in millions', () => {
    const t = doc({ components: [{ id: 'u', kind: 'client' }, { id: 'api', kind: 'external', availability: 0.99 }], links: [{ from: 'u', to: 'api' }] });
    const p = plan(t, { target: 0.9999999999 });
    expect(p.message).toMatch(/takes [\d,]+ times the 0\.00000001% error budget/);
    expect(p.message).not.toMatch(/(^|[^.\d])[1-9][\d,]{3,}%/);
  });
});

describe('a gap to the target', () => {
  it('reads as a number, never in exponent notation (a 10,000-long chain was "short by 1.0e+2 percentage points")', () => {
    expect(formatGapPoints(99.99998)).toBe('100');
    expect(formatGapPoints(0.012345)).toBe('0.012');
    expect(formatGapPoints(1.2e-7)).toBe('0.00000012');
  });
});
