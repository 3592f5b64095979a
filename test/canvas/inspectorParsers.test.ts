import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/model';
import { parseMoney } from '../../src/panels/inspector/MoneyFields';
import { availabilityText, parseAvailability, parseId, parseNonNegative, parsePositive, parsePositiveInteger } from '../../src/panels/inspector/parsers';

describe('inspector input parsing', () => {
  it('reads an availability as a percent or a fraction', () => {
    expect(parseAvailability('99.95')).toEqual({ ok: true, value: 0.9995 });
    expect(parseAvailability('99.95%')).toEqual({ ok: true, value: 0.9995 });
    expect(parseAvailability('0.999')).toEqual({ ok: true, value: 0.999 });
    expect(parseAvailability('100')).toEqual({ ok: true, value: 1 });
    expect(parseAvailability('')).toEqual({ ok: true, value: undefined });
  });

  it('refuses availabilities out of range or not numbers, with a reason', () => {
    expect(parseAvailability('150')).toEqual({ ok: false, error: 'must be above 0% and at most 100%' });
    expect(parseAvailability('0')).toMatchObject({ ok: false });
    expect(parseAvailability('-3')).toMatchObject({ ok: false });
    expect(parseAvailability('abc')).toEqual({ ok: false, error: 'not a number: "abc"' });
    expect(parseAvailability('100', { open: true })).toMatchObject({ ok: false });
  });

  it('shows a stored fraction as the percent typed', () => {
    expect(availabilityText(0.9995)).toBe('99.95');
    expect(availabilityText(0.99999)).toBe('99.999');
    expect(availabilityText(undefined)).toBe('');
  });

  it('counts and times', () => {
    expect(parsePositiveInteger('3')).toEqual({ ok: true, value: 3 });
    expect(parsePositiveInteger('2.5')).toMatchObject({ ok: false });
    expect(parsePositiveInteger('4', { max: 3 })).toEqual({ ok: false, error: 'must be at most 3' });
    expect(parseNonNegative('-1', 'seconds')).toEqual({ ok: false, error: 'must be >= 0 seconds' });
  });

  it('a number too large to store is refused as typed: "1e999" was kept as Infinity, and the design no longer reopened', () => {
    // What was kept: JSON writes Infinity as null, which the loader refuses (autosave, file, share link).
    const saved = JSON.parse(JSON.stringify({ format: 'spof-topology', version: 2, name: 'x', components: [{ id: 'a', kind: 'app', mtbfHours: Infinity, mttrHours: 1 }] }));
    expect(parseTopology(saved).ok).toBe(false);
    expect(parsePositive('1e999', 'hours')).toEqual({ ok: false, error: 'too large a number: "1e999"' });
    expect(parseNonNegative('2e308', 'seconds')).toEqual({ ok: false, error: 'too large a number: "2e308"' });
    expect(parsePositiveInteger('1e400')).toEqual({ ok: false, error: 'too large a number: "1e400"' });
    expect(parsePositive('1e308', 'hours')).toEqual({ ok: true, value: 1e308 });
    expect(parsePositive('x', 'hours')).toEqual({ ok: false, error: 'not a number: "x"' });
  });

  it('an amount is at most the format\'s trillion; 400 digits were kept as Infinity', () => {
    expect(parseMoney('9'.repeat(400))).toEqual({ ok: false, error: 'must be at most 1,000,000,000,000' });
    expect(parseMoney('1,000,000,000,001')).toEqual({ ok: false, error: 'must be at most 1,000,000,000,000' });
    expect(parseMoney('$ 1,000,000,000,000')).toEqual({ ok: true, value: 1e12 });
    expect(parseMoney('1200.50')).toEqual({ ok: true, value: 1200.5 });
  });

  it('ids must be new, non-empty, without spaces or link syntax', () => {
    const taken = new Set(['a', 'b']);
    expect(parseId('c', taken, 'a')).toEqual({ ok: true, value: 'c' });
    expect(parseId('a', taken, 'a')).toEqual({ ok: true, value: 'a' });
    expect(parseId('b', taken, 'a')).toEqual({ ok: false, error: '"b" is already used' });
    expect(parseId('x y', taken, 'a')).toMatchObject({ ok: false });
    expect(parseId('x->y', taken, 'a')).toMatchObject({ ok: false });
  });
});
