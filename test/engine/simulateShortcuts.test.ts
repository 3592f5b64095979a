// The simulator's shortcuts are exact: deciding states from the blast tables (no propagation
// while no pool or group is overloaded, no repair event for what cuts off no client alone)
// plays every random design of every feature exactly as propagating every state does, draw
// for draw; chunks of years play the same however the years are sliced; the random streams
// have the distributions they claim.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStructure } from '../../src/engine/structure';
import { ExponentialStream, UniformStream } from '../../src/engine/simulate/randomStream';
import { playChunk, SimulationRun } from '../../src/engine/simulate';
import { CHUNK_YEARS, Simulation } from '../../src/engine/simulate/simulation';
import { parseTopology, type Topology } from '../../src/model';
import { smallTopology } from './arbitraries';
import { topology } from './helpers';
import { histories } from './simulationHistories';

describe('simulation shortcuts', () => {
  it('random designs of every feature: the blast tables give the very histories of propagating every state', () => {
    let busy = 0;
    let propagated = 0;
    fc.assert(
      fc.property(smallTopology, fc.integer({ min: 1, max: 1000 }), (input, seed) => {
        const parsed = parseTopology(input);
        if (!parsed.ok) return;
        const s = buildStructure(parsed.topology);
        const fast = new Simulation(s, seed, { mode: 'tables' });
        const slow = new Simulation(s, seed, { alwaysPropagate: true });
        fast.play(25);
        slow.play(25);
        expect(fast.failures).toBe(slow.failures);
        expect(histories(fast, s.clients.length)).toEqual(histories(slow, s.clients.length));
        if (histories(fast, s.clients.length).some((h) => h.outages.some((n) => n > 0))) busy++;
        if (fast.propagationsStarted > 0) propagated++;
      }),
      { numRuns: 40, seed: 1616 },
    );
    // The designs did go down, often, and both ways of deciding were taken: the comparison
    // is not of empty histories, nor of the tables alone.
    expect(busy).toBeGreaterThan(20);
    expect(propagated).toBeGreaterThan(8);
  });

  it('years played across chunks in any slices give the figures of one go', () => {
    const t: Topology = topology({
      components: [{ id: 'u', kind: 'client' }, { id: 'p', kind: 'app', replicas: 2, availability: 0.97, mttrHours: 3 }],
      links: [{ from: 'u', to: 'p' }],
    });
    const s = buildStructure(t);
    const whole = new Simulation(s, 5);
    whole.play(CHUNK_YEARS + 300);
    const sliced = new Simulation(s, 5);
    for (const years of [1, 250, CHUNK_YEARS - 251, 7, 293]) sliced.play(years);
    expect(sliced.yearsPlayed).toBe(CHUNK_YEARS + 300);
    const a = whole.history(0);
    const b = sliced.history(0);
    expect(Array.from(b.outagesPerYear)).toEqual(Array.from(a.outagesPerYear));
    b.downPerYear.forEach((x, y) => expect(x).toBeCloseTo(a.downPerYear[y], 9));
  });

  it('chunks played apart (as threads play them) and taken in order give the figures of one run, to the last bit', () => {
    const t: Topology = topology({
      components: [{ id: 'u', kind: 'client' }, { id: 'v', kind: 'client' }, { id: 'p', kind: 'app', replicas: 3, minHealthy: 2, availability: 0.99 }, { id: 'db', kind: 'database', availability: 0.995 }],
      links: [{ from: 'u', to: 'p' }, { from: 'v', to: 'p' }, { from: 'v', to: 'db' }],
    });
    const strip = (r: ReturnType<SimulationRun['result']>) => ({ ...r, elapsedMs: 0 });
    const years = 2 * CHUNK_YEARS + 300;
    const whole = new SimulationRun(t, { years, seed: 8 });
    whole.step();
    const apart = new SimulationRun(t, { years, seed: 8 });
    // Played out of order, as threads finish them.
    const parts = [2, 0, 1].map((c) => ({ c, part: playChunk(t, 8, c, Math.min(CHUNK_YEARS, years - c * CHUNK_YEARS)) }));
    for (const c of [0, 1, 2]) apart.adopt(parts.find((p) => p.c === c)!.part);
    expect(strip(apart.result())).toEqual(strip(whole.result()));
    // A chunk stopped part way (a time budget) ends the run: the years of a shorter run.
    const shorter = new SimulationRun(t, { years: CHUNK_YEARS + 40, seed: 8 });
    shorter.step();
    const cut = new SimulationRun(t, { years, seed: 8 });
    cut.adopt(parts.find((p) => p.c === 0)!.part);
    let played = 0;
    cut.adopt(playChunk(t, 8, 1, CHUNK_YEARS, () => ++played >= 40));
    expect(cut.yearsPlayed).toBe(CHUNK_YEARS + 40);
    expect(() => cut.adopt(parts.find((p) => p.c === 2)!.part)).toThrow(/start a chunk/);
    const { requestedYears: _a, ...cutFigures } = strip(cut.result());
    const { requestedYears: _b, ...shorterFigures } = strip(shorter.result());
    expect(cutFigures).toEqual(shorterFigures);
  });

  it('the exponential stream: mean 1, variance 1, and the tail beyond the ziggurat base (x > 7.7) as often as e^−x says', () => {
    const n = 2_000_000;
    const x = new ExponentialStream(42, 3, 1);
    let sum = 0;
    let squares = 0;
    const beyond = [0.5, 1, 2, 4, 7.7, 9].map((at) => ({ at, count: 0 }));
    for (let i = 0; i < n; i++) {
      const v = x.next();
      sum += v;
      squares += v * v;
      for (const b of beyond) if (v > b.at) b.count++;
    }
    const mean = sum / n;
    // Standard errors: 1/sqrt(n) for the mean, sqrt(8/n) for the variance's estimate.
    expect(Math.abs(mean - 1)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(squares / n - mean * mean - 1)).toBeLessThan(4 * Math.sqrt(8 / n));
    for (const b of beyond) {
      const p = Math.exp(-b.at);
      expect(Math.abs(b.count / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 1e-12);
    }
  });

  it('the uniform stream: in [0, 1), mean 1/2, its deciles even; another chunk or stream draws other numbers', () => {
    const n = 1_000_000;
    const u = new UniformStream(42);
    const deciles = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const v = u.next();
      if (v < 0 || v >= 1) outside++;
      else deciles[Math.floor(v * 10)]++;
    }
    expect(outside).toBe(0);
    for (const d of deciles) expect(Math.abs(d / n - 0.1)).toBeLessThan(4 * Math.sqrt(0.09 / n));
    const first = (s: UniformStream) => Array.from({ length: 4 }, () => s.next());
    expect(first(new UniformStream(42, 0, 0))).toEqual(first(new UniformStream(42, 0, 0)));
    expect(first(new UniformStream(42, 1, 0))).not.toEqual(first(new UniformStream(42, 0, 0)));
    expect(first(new UniformStream(42, 0, 1))).not.toEqual(first(new UniformStream(42, 0, 0)));
  });
});
