// Numbers in the messages about limits and values read with their digits grouped, in the app
// and the CLI alike (one function, src/model/limits.ts): "(got 1,000,000,000)", not "(got 1000000000)".
import { describe, expect, it } from 'vitest';
import { formatProblem, MAX_COMPONENTS, numberText, parseTopology } from '../../src/model';

function refusal(doc: unknown): string[] {
  const r = parseTopology(doc);
  if (r.ok) throw new Error('expected the document to be refused');
  return r.errors.map(formatProblem);
}

const doc = (extra: Record<string, unknown>) => ({ format: 'spof-topology', version: 2, components: [{ id: 'u', kind: 'client' }], ...extra });

describe('numbers in limit messages', () => {
  it('group whole digits by thousands and keep fractions and exponents whole', () => {
    expect(numberText(1e9)).toBe('1,000,000,000');
    expect(numberText(-12345)).toBe('-12,345');
    expect(numberText(999)).toBe('999');
    expect(numberText(1234.56789)).toBe('1,234.56789');
    expect(numberText(0.99995)).toBe('0.99995');
    expect(numberText(1e21)).toBe('1e+21');
    expect(numberText(Number.NaN)).toBe('NaN');
  });

  it('a pool of a billion: the limit and the value both grouped', () => {
    expect(refusal(doc({ components: [{ id: 'a', kind: 'app', replicas: 1e9 }] })))
      .toContain('components[0].replicas: must be at most 1,000 (got 1,000,000,000)');
  });

  it('too many components: the count and the limit grouped', () => {
    const components = Array.from({ length: MAX_COMPONENTS + 1 }, (_, i) => ({ id: `c${i}`, kind: 'app' }));
    expect(refusal(doc({ components })).join('\n')).toMatch(/at most 20,000 components \(got 20,001\)/);
  });

  it('too many instances: summed replicas and the limit grouped', () => {
    const components = Array.from({ length: 101 }, (_, i) => ({ id: `c${i}`, kind: 'app', replicas: 1000 }));
    expect(refusal(doc({ components }))).toContain('components: 101,000 instances (replicas summed); at most 100,000 are analysed');
  });

  it('a fraction out of bounds is said as written', () => {
    expect(refusal(doc({ components: [{ id: 'a', kind: 'app', availability: 1.0005 }] })))
      .toContain('components[0].availability: must be > 0 and <= 1 (got 1.0005)');
  });
});
