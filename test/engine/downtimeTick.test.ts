// The simulated-downtime chart's axis: round ticks read as people write them.
import { describe, expect, it } from 'vitest';
import { formatDowntimeTick } from '../../src/engine/downtime';

describe('downtime chart ticks', () => {
  it('drop a zero last unit, keep the others', () => {
    expect(formatDowntimeTick(20 * 3600)).toBe('20 h');
    expect(formatDowntimeTick(24 * 3600)).toBe('1 d');
    expect(formatDowntimeTick(40 * 3600)).toBe('1 d 16 h');
    expect(formatDowntimeTick(90 * 60)).toBe('1 h 30 min');
    expect(formatDowntimeTick(0)).toBe('0 s');
    expect(formatDowntimeTick(30 * 60)).toBe('30 min');
  });
});
