import { describe, expect, it } from 'vitest';
import { CliError, sloFraction } from '../../src/cli/io';

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
