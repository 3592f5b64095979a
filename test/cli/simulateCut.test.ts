// A first year stopped by its work budget, as the command prints it: how much of a year the
// figures cover, where it stopped, and the percentiles of years that a part of one cannot give
// (n/a in the text, null in the JSON), never a number standing for a whole year.
import { describe, expect, it } from 'vitest';
import { humanSimulation, jsonSimulation } from '../../src/cli/simulate';
import { SimulationRun } from '../../src/engine/simulate';
import { topology } from '../engine/helpers';

const busy = topology({
  components: [{ id: 'u', kind: 'client' }, { id: 'p', kind: 'app', replicas: 2, minHealthy: 2, mtbfHours: 10, mttrHours: 1 }],
  links: [{ from: 'u', to: 'p' }],
});

describe('simulate: a first year cut by its work budget, printed', () => {
  const run = new SimulationRun(busy, { years: 10_000, seed: 2, firstYearWork: 1_000 });
  run.step();
  const r = run.result();

  it('the text says how much of a year was played and where it stopped; the figures a part cannot give are n/a', () => {
    const text = humanSimulation('Busy', r);
    expect(text).toMatch(/^Busy: 0\.\d+ of a year \(stopped at hour [\d,]+ by the work budget\) simulated \(seed 2\) in [\d.]+ s, of 10,000 years asked: a year of this design is more work than the budget allows/);
    expect(text).toMatch(/downtime a year: {2}mean [^;]+; p50 n\/a, p90 n\/a, p99 n\/a, max n\/a/);
    expect(text).toMatch(/outages a year: {3}mean [\d.]+ \(95% interval [\d.]+ to [\d.]+\); p50 n\/a, p90 n\/a, p99 n\/a, max n\/a/);
    expect(text).toContain('the first year was stopped at hour');
  });

  it('the JSON gives years 0, the simulated part of a year, where it stopped, and null for the percentiles of years', () => {
    const json = JSON.parse(JSON.stringify(jsonSimulation(r)));
    expect(json.years).toBe(0);
    expect(json.simulatedYears).toBeGreaterThan(0);
    expect(json.simulatedYears).toBeLessThan(1);
    expect(json.cutShort.workBudget).toBe(1_000);
    expect(json.cutShort.atHours).toBeCloseTo(json.simulatedYears * 8766, 6);
    expect(json.system.downtimePerYear.p50Hours).toBeNull();
    expect(json.system.outagesPerYear.max).toBeNull();
    expect(json.system.downtimePerYear.meanHours).toBeGreaterThan(0);
    expect(json.stoppedEarly).toBe(true);
  });
});
