// The Monte Carlo path (designs whose BDD passes its budget) ends in bounded work on every
// document the loader accepts (issue 14): the pairs it tries by propagation are capped as
// the exact path's are, and sampling stops at a count of propagated work (never a clock, so
// the figures are the same on any machine) and says how many samples it made.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { MAX_PAIRS_FOUND } from '../../src/engine/exactAnalysis';
import { parseTopology, type TopologyInput } from '../../src/model';

function topology(input: TopologyInput) {
  const r = parseTopology(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

/** `pools` pools of `replicas` that need all but one, each needed by the one client. */
const tightPools = (pools: number, replicas: number, availability: number) => topology({
  format: 'spof-topology', version: 2,
  components: [
    { id: 'u', kind: 'client' },
    ...Array.from({ length: pools }, (_, p) => ({ id: `p${p}`, kind: 'service' as const, replicas, minHealthy: replicas - 1, availability })),
  ],
  links: Array.from({ length: pools }, (_, p) => ({ from: 'u', to: `p${p}` })),
});

describe('the Monte Carlo path in bounded work', { timeout: 120_000 }, () => {
  it('a pool of 1,000 that needs 999 (499,500 pairs): the first 200,000 found, and the report says so', () => {
    const r = analyze(tightPools(1, 1000, 0.9999), { exactBudget: 1000, samples: 1000 });
    expect(r.method).toBe('monte-carlo');
    expect(r.pairsTruncated).toBe(true);
    expect(r.pairs.length).toBeGreaterThan(0);
    expect(r.warnings).toContain(`more than ${MAX_PAIRS_FOUND.toLocaleString('en-US')} pairs of failures: the pairs listed are the most probable of the first ${MAX_PAIRS_FOUND.toLocaleString('en-US')} found`);
  });

  it('hundreds of failures in every sample: sampling stops at its work budget, says how many samples, and gives the same figures again', () => {
    // 30 pools of 1,000 at 99%: 300 instances down in a sample, and every sample fails the client.
    const t = tightPools(30, 1000, 0.99);
    const a = analyze(t, { exactBudget: 1000, samples: 200_000 });
    expect(a.method).toBe('monte-carlo');
    const line = a.warnings.find((w) => w.includes('Monte Carlo estimates'))!;
    const made = Number(/\((\d+) samples of 200000 asked, as many as a bounded time allows, 95% interval\)/.exec(line)?.[1]);
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(200_000);
    // Every pool is almost surely down: the estimate says so.
    expect(a.system.availability).toBeLessThan(0.01);
    const b = analyze(t, { exactBudget: 1000, samples: 200_000 });
    expect(b.system.availability).toBe(a.system.availability);
    expect(b.warnings).toEqual(a.warnings);
  });

  it('the work budget is an option: half of it makes fewer samples, a larger one all that were asked', () => {
    const t = tightPools(3, 10, 0.99);
    const made = (sampleWork: number) => {
      const line = analyze(t, { exactBudget: 10, samples: 20_000, sampleWork }).warnings.find((w) => w.includes('Monte Carlo estimates'))!;
      return Number(/\((\d+) samples/.exec(line)?.[1]);
    };
    expect(made(1e12)).toBe(20_000);
    expect(made(1_000)).toBeLessThan(20_000);
  });

  it('past half the work budget, samples count availability only: the report says from how many importance was counted', () => {
    const t = tightPools(30, 1000, 0.99);
    const line = analyze(t, { exactBudget: 1000, samples: 200_000 }).warnings.find((w) => w.includes('Monte Carlo estimates'))!;
    const [, made, counted] = /\((\d+) samples of 200000 asked.*; importance from the first (\d+) of them/.exec(line)!.map(Number);
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThan(made);
    // Within the budget every sample counts both, and nothing more is said.
    expect(analyze(tightPools(3, 10, 0.99), { exactBudget: 10, samples: 2000 }).warnings.join('\n')).not.toMatch(/importance from the first/);
  });

  it('clients that need the same thing share their cuts; each pair still names exactly the clients it stops', () => {
    // u1 and u2 need p and s; u3 needs p and r. Pools of 3 that need 2: every two instances are a pair.
    const t = topology({
      format: 'spof-topology', version: 2,
      components: [
        { id: 'u1', kind: 'client' }, { id: 'u2', kind: 'client' }, { id: 'u3', kind: 'client' },
        ...['p', 'r', 's'].map((id) => ({ id, kind: 'service' as const, replicas: 3, minHealthy: 2 })),
      ],
      links: [{ from: 'u1', to: 'p' }, { from: 'u1', to: 's' }, { from: 'u2', to: 'p' }, { from: 'u2', to: 's' }, { from: 'u3', to: 'p' }, { from: 'u3', to: 'r' }],
    });
    const r = analyze(t);
    expect(r.method).toBe('exact');
    const clientsOf = (a: string, b: string) => r.pairs.find((p) => p.ids.join() === [a, b].join())?.clients;
    expect(clientsOf('p#1', 'p#2')).toEqual(['u1', 'u2', 'u3']);
    expect(clientsOf('s#1', 's#2')).toEqual(['u1', 'u2']);
    expect(clientsOf('r#1', 'r#2')).toEqual(['u3']);
    expect(r.pairs).toHaveLength(9);
  });
});

