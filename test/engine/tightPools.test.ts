// k of n in a BDD (groups with `min`, pools of more than 30 instances): exact on every
// assignment, and built in a band of n - k + 1 counts, so that 999 of 1,000 instances is
// hundreds of apply steps per instance, not a million (it took seconds).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bdd, FALSE, TRUE } from '../../src/engine/bdd';
import { chain, poolAtLeast } from '../../src/engine/pool';
import { analyze } from '../../src/engine';
import { MAX_PAIRS_FOUND } from '../../src/engine/exactAnalysis';
import { parseTopology } from '../../src/model';

/** The value of `node` under `up` (one boolean per level). */
function evaluate(bdd: Bdd, node: number, up: boolean[]): boolean {
  let u = node;
  while (u !== FALSE && u !== TRUE) u = up[bdd.level[u]] ? bdd.hi[u] : bdd.lo[u];
  return u === TRUE;
}

describe('Bdd.atLeast', { timeout: 120_000 }, () => {
  it('is true exactly when at least k of the functions are (every assignment, random functions)', () => {
    const variables = 6;
    const term = fc.oneof(
      fc.integer({ min: 0, max: variables - 1 }).map((v) => ({ op: 'var' as const, a: v, b: v })),
      fc.record({ op: fc.constantFrom('and' as const, 'or' as const), a: fc.integer({ min: 0, max: variables - 1 }), b: fc.integer({ min: 0, max: variables - 1 }) }),
    );
    fc.assert(fc.property(fc.array(term, { minLength: 1, maxLength: 7 }), fc.integer({ min: 0, max: 8 }), (terms, k) => {
      const bdd = new Bdd();
      const fs = terms.map((t) => (t.op === 'var' ? bdd.variable(t.a) : t.op === 'and' ? bdd.and(bdd.variable(t.a), bdd.variable(t.b)) : bdd.or(bdd.variable(t.a), bdd.variable(t.b))));
      const f = bdd.atLeast(k, fs);
      for (let m = 0; m < 1 << variables; m++) {
        const up = Array.from({ length: variables }, (_, i) => ((m >> i) & 1) === 1);
        const count = fs.filter((g) => evaluate(bdd, g, up)).length;
        if (evaluate(bdd, f, up) !== count >= k) return false;
      }
      return true;
    }), { numRuns: 300 });
  });

  it('999 of 1,000 is built in a band: a few apply steps per instance, not one per count', () => {
    const bdd = new Bdd();
    const fs = Array.from({ length: 1000 }, (_, i) => bdd.variable(i));
    const f = bdd.atLeast(999, fs);
    // All up, or exactly one down, and nothing less.
    expect(evaluate(bdd, f, Array(1000).fill(true))).toBe(true);
    expect(evaluate(bdd, f, Array.from({ length: 1000 }, (_, i) => i !== 500))).toBe(true);
    expect(evaluate(bdd, f, Array.from({ length: 1000 }, (_, i) => i !== 500 && i !== 7))).toBe(false);
    // The full table of counts took about 1,000 x 999 applies (seconds); the band takes 2 per instance.
    expect(bdd.steps).toBeLessThan(100_000);
  });
});

describe('poolAtLeast', { timeout: 120_000 }, () => {
  it('is the same function as the generic threshold over each instance and its domains (same node: the diagram is canonical)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 70 }), fc.integer({ min: 0, max: 72 }), fc.integer({ min: 0, max: 1e9 }),
      (domains, n, k, seed) => {
        const bdd = new Bdd();
        let r = seed;
        const next = () => (r = (Math.imul(r, 1103515245) + 12345) >>> 0) % 1000;
        // Domains above the instances, as order.ts places them; each instance in some of them.
        const instances = Array.from({ length: n }, (_, i) => ({
          level: domains + i,
          domainLevels: Array.from({ length: domains }, (_, d) => d).filter(() => next() < 400),
        }));
        const generic = bdd.atLeast(k, instances.map((i) => chain(bdd, [i.level, ...i.domainLevels])));
        return poolAtLeast(bdd, k, instances) === generic;
      },
    ), { numRuns: 60 });
  });

  it('999 of 1,000 instances in three zones of a region is a small diagram', () => {
    const bdd = new Bdd();
    const instances = Array.from({ length: 1000 }, (_, i) => ({ level: 4 + i, domainLevels: [0, 1 + (i % 3)] }));
    const f = poolAtLeast(bdd, 999, instances);
    expect(f).toBeGreaterThan(TRUE);
    // Region down or any zone down: nothing; else the 999-of-1,000 band, 2 nodes an instance.
    expect(bdd.size).toBeLessThan(5_000);
  });
});

describe('a tight pool of 1,000 (every two instances are a pair)', { timeout: 120_000 }, () => {
  it('is analysed exactly; its 499,500 pairs are collected up to a bound and the report says so', () => {
    const t = parseTopology(JSON.stringify({
      format: 'spof-topology', version: 2,
      domains: [{ id: 'r', kind: 'region' }, ...['a', 'b', 'c'].map((z) => ({ id: z, kind: 'zone', parent: 'r' }))],
      components: [{ id: 'u', kind: 'client' }, { id: 'app', kind: 'app', replicas: 1000, minHealthy: 999, domains: ['a', 'b', 'c'] }],
      links: [{ from: 'u', to: 'app' }],
    }));
    if (!t.ok) throw new Error('the design did not validate');
    const r = analyze(t.topology);
    expect(r.method).toBe('exact');
    expect(r.pairs).toHaveLength(100);
    expect(r.pairsTruncated).toBe(true);
    expect(r.pairs[0].ids.every((id) => id.startsWith('app#'))).toBe(true);
    expect(r.warnings).toContainEqual(expect.stringContaining(`more than ${MAX_PAIRS_FOUND.toLocaleString('en-US')} pairs of failures`));
    // Two instances down fail it: the availability is that of at most one of 1,000 down (zones up).
    expect(r.system.availability).toBeLessThan(1);
  });
});
