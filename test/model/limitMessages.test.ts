// Numbers in the messages about limits and values read with their digits grouped, in the app
// and the CLI alike (one function, src/model/limits.ts): "(got 1,000,000,000)", not "(got 1000000000)".
import { describe, expect, it } from 'vitest';
import { analyze, buildJsonReport } from '../../src/engine';
import { formatProblem, MAX_COMPONENTS, MAX_MONEY, numberText, parseTopology } from '../../src/model';

function refusal(doc: unknown): string[] {
  const r = parseTopology(doc);
  if (r.ok) throw new Error('expected the document to be refused');
  return r.errors.map(formatProblem);
}

/** Paths of the numbers JSON would write as null (Infinity, NaN). */
function notFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => notFinite(v, `${path}.${k}`));
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

  it('money past a trillion is refused: a cost of 1e308 summed to Infinity, "$∞" and null in --json', () => {
    expect(refusal(doc({ components: [{ id: 'a', kind: 'app', replicas: 1000, costPerMonth: 1e308 }] })))
      .toContain('components[0].costPerMonth: must be at most 1,000,000,000,000 (got 1e+308)');
    expect(refusal(doc({ downtimeCostPerHour: 1e13 }))).toContain('downtimeCostPerHour: must be at most 1,000,000,000,000 (got 10,000,000,000,000)');
    expect(refusal(doc({ domains: [{ id: 'z', kind: 'zone', costPerMonth: 1e13 }] }))).toContain('domains[0].costPerMonth: must be at most 1,000,000,000,000 (got 10,000,000,000,000)');
  });

  it('at the money limit every figure of the report is a finite number', () => {
    const components = [{ id: 'u', kind: 'client', downtimeCostPerHour: MAX_MONEY }, { id: 'db', kind: 'database', costPerMonth: MAX_MONEY }, ...Array.from({ length: 50 }, (_, i) => ({ id: `a${i}`, kind: 'app', replicas: 1000, costPerMonth: MAX_MONEY }))];
    const r = parseTopology(doc({ downtimeCostPerHour: MAX_MONEY, domains: [{ id: 'z', kind: 'zone', costPerMonth: MAX_MONEY }], components, links: components.slice(1).map((c) => ({ from: 'u', to: c.id })) }));
    if (!r.ok) throw new Error(r.errors.map(formatProblem).join('\n'));
    const json = buildJsonReport(analyze(r.topology), r.topology) as unknown as { cost: { perMonth: number; downtimePerYear: number }; importance: { moneySavedPerYear?: number }[] };
    expect(json.cost.perMonth).toBe(50 * 1000 * MAX_MONEY + 2 * MAX_MONEY);
    expect(Number.isFinite(json.cost.downtimePerYear)).toBe(true);
    expect(json.importance.some((e) => (e.moneySavedPerYear ?? 0) > 0)).toBe(true);
    expect(notFinite(json)).toEqual([]);
  });

  it('a fraction out of bounds is said as written', () => {
    expect(refusal(doc({ components: [{ id: 'a', kind: 'app', availability: 1.0005 }] })))
      .toContain('components[0].availability: must be > 0 and <= 1 (got 1.0005)');
  });
});
