// The Monte Carlo path finds each sample's critical elements by halving the failed set
// (src/engine/montecarlo.ts): it must count exactly what restoring each failed element alone
// counted (the old path, kept here as the oracle), on random small designs and on samples
// with many failures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monteCarlo } from '../../src/engine/montecarlo';
import { Propagator } from '../../src/engine/propagate';
import { seededRandom } from '../../src/engine/random';
import { buildStructure, type Structure } from '../../src/engine/structure';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { smallTopology } from './arbitraries';

/** The old path: every sample's failures replayed once per failed element, that element restored. */
function oracle(s: Structure, prop: Propagator, down: Float64Array, samples: number, seed: number) {
  const random = seededRandom(seed);
  const skip = (q: number) => (q >= 1 ? 0 : Math.floor(Math.log(1 - random()) / Math.log1p(-q)));
  const failures = s.clients.map(() => 0);
  const critical = s.clients.map(() => new Float64Array(s.elements.length));
  const alreadyDown = s.clients.map((c) => prop.componentDown[c] === 1);
  // Drawn as the engine draws them: each element's first failure, then, batch after batch of
  // 8,192 samples, each element's next ones in that batch, into a list per sample.
  const buckets: number[][] = Array.from({ length: samples }, () => []);
  const next = Array.from(s.elements, (_, e) => (down[e] > 0 ? skip(down[e]) : Infinity));
  for (let start = 0; start < samples; start += 8192) {
    const end = Math.min(samples, start + 8192);
    for (let e = 0; e < s.elements.length; e++) {
      for (; next[e] < end - start; next[e] += 1 + skip(down[e])) buckets[start + next[e]].push(e);
      next[e] -= end - start;
    }
  }
  for (const failed of buckets) {
    if (failed.length === 0) continue;
    const mark = prop.mark();
    prop.fail(failed);
    const hit = s.clients.flatMap((c, i) => (!alreadyDown[i] && prop.componentDown[c] ? [i] : []));
    prop.undo(mark);
    for (const i of hit) failures[i]++;
    if (hit.length === 0) continue;
    for (const e of failed) {
      prop.fail(failed.filter((x) => x !== e));
      for (const i of hit) if (!prop.componentDown[s.clients[i]]) critical[i][e] += 1;
      prop.undo(mark);
    }
  }
  const birnbaum = critical.map((counts) => counts.map((n, e) => (down[e] > 0 ? Math.min(1, n / (samples * down[e])) : 0)));
  return { samples, importanceSamples: samples, failures, birnbaum };
}

function loaded(input: TopologyInput): Topology {
  const r = parseTopology(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

function bothWays(t: Topology, samples: number, seed: number) {
  const s = buildStructure(t);
  const prop = new Propagator(s);
  const down = Float64Array.from(s.elements, (e) => 1 - e.availability);
  const fast = monteCarlo(s, prop, down, samples, seed, Infinity);
  const slow = oracle(s, new Propagator(s), down, samples, seed);
  return { fast: { ...fast, birnbaum: fast.birnbaum.map((b) => Array.from(b)) }, slow: { ...slow, birnbaum: slow.birnbaum.map((b) => Array.from(b)) } };
}

describe('Monte Carlo criticality by halving equals restoring each failed element alone', () => {
  it('on random small designs (every feature of the format)', () => {
    fc.assert(
      fc.property(smallTopology, fc.integer({ min: 1, max: 1000 }), (input, seed) => {
        const { fast, slow } = bothWays(loaded(input), 2000, seed);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 150, seed: 14 },
    );
  });

  it('on samples with many failures: two pools that need all but one, a chain behind them, shared domains', () => {
    const t = loaded({
      format: 'spof-topology', version: 2,
      domains: [{ id: 'z1', kind: 'zone', availability: 0.9 }, { id: 'z2', kind: 'zone', availability: 0.8 }],
      components: [
        { id: 'u', kind: 'client' }, { id: 'v', kind: 'client' },
        { id: 'lb', kind: 'loadbalancer', availability: 0.95 },
        { id: 'p', kind: 'app', replicas: 12, minHealthy: 11, availability: 0.9, domains: ['z1', 'z2'] },
        { id: 'q', kind: 'app', replicas: 8, minHealthy: 5, availability: 0.7 },
        { id: 'db', kind: 'database', availability: 0.9, domain: 'z1' },
      ],
      links: [
        { from: 'u', to: 'lb' }, { from: 'v', to: 'q' }, { from: 'lb', to: 'p' }, { from: 'lb', to: 'q', optional: true },
        { from: 'p', to: 'db' }, { from: 'q', to: 'db', availability: 0.9 },
      ],
    });
    const { fast, slow } = bothWays(t, 3000, 7);
    expect(fast.failures.every((n) => n > 0)).toBe(true);
    expect(fast).toEqual(slow);
  });

  it('over several batches of samples, with more failures in a batch than its first lists hold', () => {
    // A pool of 60 at 0.8: a dozen failures a sample, 100,000 in a batch of 8,192 samples.
    const t = loaded({
      format: 'spof-topology', version: 2,
      components: [
        { id: 'u', kind: 'client' },
        { id: 'p', kind: 'app', replicas: 60, minHealthy: 50, availability: 0.8 },
        { id: 'db', kind: 'database', availability: 0.99 },
      ],
      links: [{ from: 'u', to: 'p' }, { from: 'p', to: 'db' }],
    });
    const { fast, slow } = bothWays(t, 20_000, 3);
    expect(fast.samples).toBe(20_000);
    expect(fast.failures[0]).toBeGreaterThan(0);
    expect(fast).toEqual(slow);
  });
});
