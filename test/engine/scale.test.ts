// Beyond brute force: on designs too large to enumerate, the BDD's SPOFs and pairs must
// equal those found by failure propagation alone (two independent methods), and the
// Monte Carlo estimate must bracket the exact availability.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../../bench/engine/estate';
import { analyze } from '../../src/engine';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { topology } from './helpers';

function parsed(doc: TopologyInput): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.topology;
}

const pairKeys = (r: ReturnType<typeof analyze>) => r.pairs.map((p) => `${p.ids.join('+')}:${p.clients.join(',')}`).sort();

describe('at scale', () => {
  it('the synthetic estate of the benchmark is valid, exact, and its cut sets agree with propagation', () => {
    const t = parsed(syntheticEstate(150, 3));
    const exact = analyze(t, { pairCap: 100_000 });
    expect(exact.method).toBe('exact');
    expect(exact.spofs.map((s) => s.id).sort()).toEqual(['cdn', 'cloud']);
    const mc = analyze(t, { pairCap: 100_000, exactBudget: 2, samples: 20_000, seed: 5 });
    expect(mc.method).toBe('monte-carlo');
    expect(mc.spofs).toEqual(exact.spofs);
    expect(pairKeys(mc)).toEqual(pairKeys(exact));
    expect(mc.interval!.low).toBeLessThanOrEqual(exact.system.availability);
    expect(mc.interval!.high).toBeGreaterThanOrEqual(exact.system.availability);
  });

  it('random estates: BDD cut sets = propagation cut sets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 25, max: 120 }), fc.nat(1000), (size, seed) => {
        const t = parsed(syntheticEstate(size, seed));
        const exact = analyze(t, { pairCap: 100_000 });
        const byPropagation = analyze(t, { pairCap: 100_000, exactBudget: 2, samples: 1 });
        expect(byPropagation.spofs).toEqual(exact.spofs);
        expect(pairKeys(byPropagation)).toEqual(pairKeys(exact));
      }),
      { numRuns: 8, seed: 11 },
    );
  });

  it('a long cycle of plain dependencies is solved by the closure, not by iteration', () => {
    const n = 400;
    const t = topology({
      components: [{ id: 'u', kind: 'client' }, ...Array.from({ length: n }, (_, i) => ({ id: `s${i}`, kind: 'service' as const, availability: 0.9999 }))],
      links: [{ from: 'u', to: 's0' }, ...Array.from({ length: n }, (_, i) => ({ from: `s${i}`, to: `s${(i + 1) % n}` }))],
    });
    const r = analyze(t);
    expect(r.method).toBe('exact');
    expect(r.system.availability).toBeCloseTo(0.9999 ** n, 13);
    expect(r.spofs).toHaveLength(n);
    expect(r.spofs[7].down).toHaveLength(n + 1);
    expect(r.stats!.bddNodes).toBeLessThan(10 * n);
  });

  it('a pool too large for bit masks (40 instances, 39 needed): p^40 + 40 p^39 q', () => {
    const p = 0.999;
    const t = topology({
      domains: [{ id: 'z', kind: 'zone', availability: 1 }],
      components: [{ id: 'u', kind: 'client' }, { id: 'big', kind: 'app', replicas: 40, minHealthy: 39, availability: p, domain: 'z' }],
      links: [{ from: 'u', to: 'big' }],
    });
    const r = analyze(t);
    expect(r.system.availability).toBeCloseTo(p ** 40 + 40 * p ** 39 * (1 - p), 13);
    expect(r.pairs).toHaveLength(100);
    expect(r.pairsTruncated).toBe(true);
  });
});
