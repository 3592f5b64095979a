// The simulator (DESIGN sections 3 and 4): its means lie within their 95% intervals of the
// exact figures on closed forms and on the templates; seeded and reproducible however it is
// sliced; the time budget stops it at a batch boundary and says so.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { simulate, SimulationRun } from '../../src/engine/simulate';
import { EventQueue } from '../../src/engine/simulate/eventQueue';
import { poissonInterval, summarise } from '../../src/engine/simulate/statistics';
import { parseTopology } from '../../src/model';
import { TEMPLATES } from '../../src/templates';
import { topology } from './helpers';

const YEAR = 8766;

/** How many standard errors the simulated mean lies from the exact figure. */
function zOf(mean: number, exact: number, [lo, hi]: [number, number]): number {
  return (mean - exact) / Math.max((hi - lo) / (2 * 1.959964), 1e-12);
}

/**
 * The simulation is near the exact figures (within `limit` standard errors: a 95% interval
 * misses one time in twenty by chance, so single designs are held to 3; the test of many
 * designs below counts the misses), and its distribution is ordered.
 */
function expectAgreement(r: ReturnType<typeof simulate>, limit = 3): void {
  for (const f of [r.system, ...r.clients]) {
    const y = f.downtimePerYear;
    expect(Math.abs(zOf(y.meanHours, f.exact.meanHours, y.ci95Hours))).toBeLessThan(limit);
    expect(Math.abs(zOf(f.outagesPerYear.mean, f.exact.failuresPerYear, f.outagesPerYear.ci95))).toBeLessThan(limit);
    expect(f.exact.agrees).toBe(f.exact.meanHours >= y.ci95Hours[0] && f.exact.meanHours <= y.ci95Hours[1]);
    expect(y.p50Hours).toBeLessThanOrEqual(y.p90Hours);
    expect(y.p90Hours).toBeLessThanOrEqual(y.p99Hours);
    expect(y.p99Hours).toBeLessThanOrEqual(y.maxHours);
    // A month is a twelfth of a year, on average exactly.
    expect(f.downtimePerMonth.meanHours).toBeCloseTo(y.meanHours / 12, 9);
  }
}

describe('simulate: closed forms', () => {
  it('one component: mean downtime (1 − a) × 8766 h, outages 8766 (1 − a) / MTTR a year', () => {
    const t = topology({
      components: [{ id: 'u', kind: 'client' }, { id: 'db', kind: 'database', availability: 0.99, mttrHours: 2 }],
      links: [{ from: 'u', to: 'db' }],
    });
    const r = simulate(t, { years: 3000, seed: 7 });
    expectAgreement(r);
    expect(r.system.exact).toMatchObject({ agrees: true, failuresAgree: true });
    expect(r.system.exact.meanHours).toBeCloseTo(0.01 * YEAR, 9);
    expect(r.system.exact.failuresPerYear).toBeCloseTo((0.01 * YEAR) / 2, 9);
    // Outages in a year are about Poisson: the spread of the count says so.
    expect(r.system.outagesPerYear.p50).toBeGreaterThan(35);
    expect(r.system.outagesPerYear.p50).toBeLessThan(53);
    expect(r.years).toBe(3000);
  });

  it('a 2-of-3 pool', () => {
    const t = topology({
      components: [{ id: 'u', kind: 'client' }, { id: 'p', kind: 'app', replicas: 3, minHealthy: 2, availability: 0.97, mttrHours: 3 }],
      links: [{ from: 'u', to: 'p' }],
    });
    const r = simulate(t, { years: 3000, seed: 3 });
    expectAgreement(r);
    const a = 0.97;
    expect(r.system.exact.meanHours).toBeCloseTo((3 * a * (1 - a) ** 2 + (1 - a) ** 3) * YEAR, 9);
  });

  it('a primary with a hot standby: switchovers are outages of their own', () => {
    const t = topology({
      components: [
        { id: 'u', kind: 'client' },
        { id: 'db', kind: 'database', availability: 0.99, mttrHours: 2 },
        { id: 'db2', kind: 'database', availability: 0.99, mttrHours: 2, role: 'standby', standby: 'hot', failoverSeconds: 60 },
      ],
      links: [{ from: 'u', to: 'db' }, { from: 'u', to: 'db2' }, { from: 'db', to: 'db2', type: 'replication', mode: 'sync' }],
    });
    const r = simulate(t, { years: 3000, seed: 11 });
    expectAgreement(r);
    // About one switchover per failure of the primary (8766 × 0.01 / 2 / 0.99 a year) and a few double failures.
    expect(r.system.outagesPerYear.mean).toBeGreaterThan(40);
    // Most outages last a minute: the median month's downtime is small.
    expect(r.system.downtimePerMonth.p50Hours).toBeLessThan(1);
  });
});

describe('simulate: designs', () => {
  it('every template: the means agree with the exact figures, per client and for the system', () => {
    for (const template of TEMPLATES) {
      const parsed = parseTopology(template.topology);
      if (!parsed.ok) throw new Error(template.id);
      const r = simulate(parsed.topology, { years: 1500, seed: 1 });
      expectAgreement(r, 3.5);
      expect(r.clients.map((c) => c.id)).toEqual(analyze(parsed.topology).clients.map((c) => c.id));
    }
  });

  it('several clients, domains, a link and a k-of-n group: each client its own figures; the system is the weakest', () => {
    const t = topology({
      slo: 0.999,
      domains: [{ id: 'z1', kind: 'zone', availability: 0.995, mttrHours: 4 }, { id: 'z2', kind: 'zone', availability: 0.995, mttrHours: 4 }],
      components: [
        { id: 'readers', kind: 'client', slo: 0.99 },
        { id: 'writers', kind: 'client' },
        { id: 'web', kind: 'web', replicas: 2, domains: ['z1', 'z2'], availability: 0.98 },
        { id: 'db', kind: 'database', domain: 'z1', availability: 0.995, mttrHours: 2 },
        { id: 'cache', kind: 'cache', replicas: 3, minHealthy: 2, domains: ['z1', 'z2'], availability: 0.97 },
      ],
      links: [
        { from: 'readers', to: 'web' }, { from: 'writers', to: 'web' },
        { from: 'web', to: 'cache' }, { from: 'writers', to: 'db', availability: 0.999 },
      ],
    });
    const r = simulate(t, { years: 2000, seed: 2 });
    expectAgreement(r);
    expect(r.system.id).toBe('writers');
    expect(r.clients.find((c) => c.id === 'readers')!.budgetOverrun!.target).toBe(0.99);
    expect(r.system.budgetOverrun!.target).toBe(0.999);
    expect(r.clients.find((c) => c.id === 'writers')!.budgetOverrun).toBeUndefined();
  });

  it('random small designs: no mean far from the exact figure, and misses of the 95% interval as rare as it says', () => {
    // A 95% interval misses one time in twenty by chance: over many designs the misses must be
    // few (at most 4 of 28 checks: a binomial tail of 4%), and none may be far (|z| < 4).
    const a = fc.constantFrom(0.9, 0.95, 0.99);
    const z: number[] = [];
    fc.assert(
      fc.property(fc.record({ n: fc.integer({ min: 2, max: 4 }), k: fc.integer({ min: 1, max: 2 }), a, b: a, zone: fc.boolean() }), ({ n, k, a, b, zone }) => {
        const t = topology({
          domains: zone ? [{ id: 'z', kind: 'zone', availability: 0.99, mttrHours: 3 }] : [],
          components: [
            { id: 'u', kind: 'client' },
            { id: 'p', kind: 'app', replicas: n, minHealthy: Math.min(k, n), availability: a, ...(zone ? { domains: ['z'] } : {}) },
            { id: 'd', kind: 'database', availability: b },
          ],
          links: [{ from: 'u', to: 'p' }, { from: 'p', to: 'd' }],
        });
        const r = simulate(t, { years: 300, seed: n * 10 + k });
        z.push(zOf(r.system.downtimePerYear.meanHours, r.system.exact.meanHours, r.system.downtimePerYear.ci95Hours));
        z.push(zOf(r.system.outagesPerYear.mean, r.system.exact.failuresPerYear, r.system.outagesPerYear.ci95));
      }),
      { numRuns: 14, seed: 16 },
    );
    expect(z).toHaveLength(28);
    expect(Math.max(...z.map(Math.abs))).toBeLessThan(4);
    expect(z.filter((x) => Math.abs(x) > 1.959964).length).toBeLessThanOrEqual(4);
  });
});

describe('simulate: reproducible, sliced, budgeted', () => {
  const t = topology({
    components: [{ id: 'u', kind: 'client' }, { id: 'a', kind: 'app', replicas: 2, availability: 0.95 }, { id: 'db', kind: 'database' }],
    links: [{ from: 'u', to: 'a' }, { from: 'a', to: 'db' }],
  });

  it('the same seed gives the same figures; another seed others', () => {
    const strip = (r: ReturnType<typeof simulate>) => ({ ...r, elapsedMs: 0 });
    expect(strip(simulate(t, { years: 300, seed: 4 }))).toEqual(strip(simulate(t, { years: 300, seed: 4 })));
    expect(simulate(t, { years: 300, seed: 5 }).system.downtimePerYear.meanHours).not.toBe(simulate(t, { years: 300, seed: 4 }).system.downtimePerYear.meanHours);
  });

  it('played in slices (as the app\'s worker plays it) it gives the figures of one run', () => {
    let clock = 0;
    const run = new SimulationRun(t, { years: 400, seed: 9, now: () => (clock += 3) });
    let slices = 0;
    while (!run.step(10)) slices++;
    expect(slices).toBeGreaterThan(1);
    const whole = simulate(t, { years: 400, seed: 9 });
    const sliced = run.result();
    expect(sliced.years).toBe(400);
    expect(sliced.system.downtimePerYear.meanHours).toBeCloseTo(whole.system.downtimePerYear.meanHours, 9);
    expect(sliced.system.outagesPerYear).toEqual(whole.system.outagesPerYear);
  });

  it('a time budget stops it early, at a whole year, and says how many years were played', () => {
    let clock = 0;
    // Each reading of the clock moves it 10 ms: batches double until the budget is spent.
    const r = simulate(t, { years: 10_000, seed: 1, timeBudgetMs: 50, now: () => (clock += 10) });
    expect(r.stoppedEarly).toBe(true);
    expect(r.years).toBeLessThan(10_000);
    expect(r.years).toBeGreaterThan(0);
    expect(r.notes.join('\n')).toContain(`played ${r.years.toLocaleString('en-US')} of 10,000 years within the time budget (the same figures again: --years ${r.years} --seed 1)`);
    const again = simulate(t, { years: r.years, seed: 1 });
    expect(again.system.downtimePerYear.meanHours).toBeCloseTo(r.system.downtimePerYear.meanHours, 9);
  });

  it('an error budget: the share of years and months over it falls as the target loosens', () => {
    const tight = simulate(t, { years: 500, seed: 3, slo: 0.9999 }).system.budgetOverrun!;
    const loose = simulate(t, { years: 500, seed: 3, slo: 0.99 }).system.budgetOverrun!;
    expect(tight.year).toBeGreaterThan(loose.year);
    expect(tight.month).toBeGreaterThan(loose.month);
    expect(tight.yearBudgetHours).toBeCloseTo(0.0001 * YEAR, 9);
    expect(simulate(t, { years: 500, seed: 3, slo: 0.5 }).system.budgetOverrun).toMatchObject({ year: 0, month: 0 });
  });

  it('a design that almost never fails: no outage seen, the interval says so, and it still agrees', () => {
    const solid = topology({
      components: [{ id: 'u', kind: 'client' }, { id: 'a', kind: 'app', replicas: 3, availability: 0.999 }],
      links: [{ from: 'u', to: 'a' }],
    });
    const r = simulate(solid, { years: 200, seed: 1 });
    expect(r.system.outagesSeen).toBe(0);
    expect(r.system.exact.agrees).toBe(true);
    expect(r.system.downtimePerYear.ci95Hours[1]).toBeGreaterThan(0);
    expect(r.notes.join('\n')).toContain('only 0 outages in 200 years');
  });
});

describe('simulate: parts', () => {
  it('the event queue gives events back in time order', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 300 }), (times) => {
      const q = new EventQueue(2);
      times.forEach((t, i) => q.push(t, i, i % 2));
      const out: number[] = [];
      while (q.size > 0) {
        out.push(q.nextTime);
        q.pop();
      }
      expect(out).toEqual([...times].sort((a, b) => a - b));
    }));
  });

  it('summaries: nearest-rank percentiles, the mean with a normal interval', () => {
    const s = summarise(Float64Array.from({ length: 100 }, (_, i) => i + 1));
    expect([s.p50, s.p90, s.p99, s.max, s.mean]).toEqual([50, 90, 99, 100, 50.5]);
    expect(s.ci95[0]).toBeCloseTo(50.5 - 1.959964 * Math.sqrt(841.6667 / 100), 3);
  });

  it("Garwood's Poisson interval", () => {
    expect(poissonInterval(0)[1]).toBeCloseTo(3.6889, 3);
    const [lo, hi] = poissonInterval(10);
    expect(lo).toBeCloseTo(4.7954, 3);
    expect(hi).toBeCloseTo(18.3904, 3);
  });
});
