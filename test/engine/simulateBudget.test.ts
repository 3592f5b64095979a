// The simulation's budgets inside a year: a play stopped part way by a count of work goes on
// as if it had not stopped; the first year's work budget stops it at the same place for the
// same seed and the figures then cover that part of a year, as rates, and say so; a time
// budget that runs out inside a later year drops that year and keeps the whole ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SimulationRun } from '../../src/engine/simulate';
import { Simulation } from '../../src/engine/simulate/simulation';
import { buildStructure } from '../../src/engine/structure';
import { parseTopology } from '../../src/model';
import { smallTopology } from './arbitraries';
import { topology } from './helpers';
import { histories } from './simulationHistories';

const YEAR = 8766;

// A pool of 2 that needs both, failing every 10 h for 1 h: about 1,600 failures a year.
const busy = topology({
  components: [{ id: 'u', kind: 'client' }, { id: 'p', kind: 'app', replicas: 2, minHealthy: 2, mtbfHours: 10, mttrHours: 1 }],
  links: [{ from: 'u', to: 'p' }],
});

describe('simulate: budgets inside a year', () => {
  it('random designs: stopped part way at random counts of work and gone on, it plays the histories of one go', () => {
    fc.assert(
      fc.property(smallTopology, fc.integer({ min: 1, max: 1000 }), fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 30 }), (input, seed, slices) => {
        const parsed = parseTopology(input);
        if (!parsed.ok) return;
        const s = buildStructure(parsed.topology);
        const whole = new Simulation(s, seed);
        whole.play(6);
        const sliced = new Simulation(s, seed);
        let stops = 0;
        for (let i = 0; !sliced.play(6, sliced.work + slices[i % slices.length]); i++) stops++;
        expect(sliced.failures).toBe(whole.failures);
        expect(histories(sliced, s.clients.length)).toEqual(histories(whole, s.clients.length));
        expect(() => sliced.play(1)).not.toThrow();
        if (stops > 0) expect(sliced.yearsPlayed).toBe(7);
      }),
      { numRuns: 60, seed: 31 },
    );
  });

  it('the first year stops at its work budget, at the same place however it is sliced; the figures cover that part, as rates, and say so', () => {
    const run = new SimulationRun(busy, { years: 100, seed: 3, firstYearWork: 1_000 });
    run.step();
    const r = run.result();
    expect(r.years).toBe(0);
    expect(r.stoppedEarly).toBe(true);
    expect(r.cutShort).toBeDefined();
    expect(r.simulatedYears).toBeGreaterThan(0);
    expect(r.simulatedYears).toBeLessThan(1);
    expect(r.simulatedYears).toBeCloseTo(r.cutShort!.atHours / YEAR, 12);
    expect(r.cutShort!.work).toBeGreaterThanOrEqual(1_000);
    expect(r.notes.join('\n')).toContain('the first year was stopped at hour');
    // Rates over the time covered: the pool is down about 2 × 1/11 of the time, failing 2 × 8766/11 times a year.
    const y = r.system.downtimePerYear;
    expect(y.meanHours).toBeGreaterThan(y.ci95Hours[0] - 1e-9);
    expect(y.meanHours).toBeLessThan(y.ci95Hours[1] + 1e-9);
    expect(r.system.exact.agrees).toBe(true);
    expect(r.system.exact.failuresAgree).toBe(true);
    // No percentile of whole years from a part of one; months only from the whole months in it.
    expect(Number.isNaN(y.p50Hours) && Number.isNaN(y.maxHours) && Number.isNaN(r.system.outagesPerYear.p99)).toBe(true);
    expect(r.system.outagesSeen).toBeGreaterThan(50);
    // The same seed, played in slices as the app plays it: the same place, the same figures.
    let clock = 0;
    const sliced = new SimulationRun(busy, { years: 100, seed: 3, firstYearWork: 1_000, now: () => (clock += 7) });
    while (!sliced.step(1)) { /* slices of one reading of the clock */ }
    const again = sliced.result();
    expect(again.cutShort).toEqual(r.cutShort);
    expect(again.system.downtimePerYear.meanHours).toBe(y.meanHours);
    expect(again.system.outagesPerYear.mean).toBe(r.system.outagesPerYear.mean);
  });

  it('a work budget the first year does not reach changes nothing', () => {
    const plain = new SimulationRun(busy, { years: 3, seed: 9 });
    plain.step();
    const budgeted = new SimulationRun(busy, { years: 3, seed: 9, firstYearWork: 1e9 });
    budgeted.step();
    const strip = (x: ReturnType<SimulationRun['result']>) => ({ ...x, elapsedMs: 0 });
    expect(strip(budgeted.result())).toEqual(strip(plain.result()));
    expect(budgeted.result().simulatedYears).toBe(3);
  });

  it('a time budget that runs out inside a later year drops that year: the whole years count, as --years gives them', () => {
    // The clock moves 1 ms a reading, and jumps past the budget once the second year is under way.
    let clock = 0;
    let run: SimulationRun | undefined = undefined;
    const now = () => (clock += run !== undefined && run.yearsPlayed >= 1 ? 1000 : 1);
    run = new SimulationRun(busy, { years: 50, seed: 4, timeBudgetMs: 500, now });
    run.step();
    const r = run.result();
    expect(r.stoppedEarly).toBe(true);
    expect(r.years).toBeGreaterThanOrEqual(1);
    expect(r.cutShort).toBeUndefined();
    expect(r.simulatedYears).toBe(r.years);
    const exact = new SimulationRun(busy, { years: r.years, seed: 4 });
    exact.step();
    const e = exact.result();
    expect(r.system.downtimePerYear).toEqual(e.system.downtimePerYear);
    expect(r.system.downtimePerMonth).toEqual(e.system.downtimePerMonth);
    expect(r.system.outagesPerYear).toEqual(e.system.outagesPerYear);
  });
});
