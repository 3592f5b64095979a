// Clients that enter a cycle of plain needs at different places share one closure (the
// cycle's members all need each other; src/engine/compile.ts). Checked against the oracle,
// with what-ifs that cut a member or a link of the ring, where the closures must stay equal.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { parseTopology, type Topology, type TopologyInput } from '../../src/model';
import { oracle } from './bruteForce';

function parsed(doc: TopologyInput): Topology {
  const r = parseTopology(doc);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.topology;
}

/** Two rings (r0..r3 and q0..q2), r2 also needing x by a link of its own; clients entering at r0, r2, q1, and both rings. */
const rings = parsed({
  format: 'spof-topology', version: 2,
  components: [
    { id: 'u0', kind: 'client' }, { id: 'u2', kind: 'client' }, { id: 'uq', kind: 'client' }, { id: 'both', kind: 'client' },
    ...[0, 1, 2, 3].map((i) => ({ id: `r${i}`, kind: 'service' as const, availability: 0.99 - i / 100 })),
    ...[0, 1, 2].map((i) => ({ id: `q${i}`, kind: 'service' as const, availability: 0.995 - i / 1000 })),
    { id: 'x', kind: 'database', availability: 0.97 },
  ],
  links: [
    { from: 'u0', to: 'r0' }, { from: 'u2', to: 'r2' }, { from: 'uq', to: 'q1' }, { from: 'both', to: 'r3' }, { from: 'both', to: 'q2' },
    { from: 'r0', to: 'r1' }, { from: 'r1', to: 'r2' }, { from: 'r2', to: 'r3' }, { id: 'back', from: 'r3', to: 'r0', availability: 0.999 },
    { from: 'r2', to: 'x', availability: 0.998 },
    { from: 'q0', to: 'q1' }, { from: 'q1', to: 'q2' }, { from: 'q2', to: 'q0' },
  ],
});

function expectOracle(failed: string[]) {
  const report = analyze(rings, failed.length ? { failed } : {});
  const truth = oracle(rings, new Set(failed));
  expect(report.method).toBe('exact');
  for (const c of report.clients) expect({ id: c.id, a: c.availability }).toEqual({ id: c.id, a: expect.closeTo(truth.availability.get(c.id)!, 12) });
  return report;
}

describe('clients entering a ring of plain needs at different places', () => {
  it('each is served with the whole ring and what it needs (the oracle\'s figures)', () => {
    const report = expectOracle([]);
    const a = (id: string) => report.clients.find((c) => c.id === id)!.availability;
    // The same closure whichever member a client enters at.
    expect(a('u0')).toBeCloseTo(a('u2'), 14);
    expect(a('both')).toBeLessThan(a('u0'));
  });

  it('with a member or a ring link failed, every client of that ring is down; the other ring is not', () => {
    for (const failed of [['r1'], ['back'], ['x']]) {
      const report = expectOracle(failed);
      const a = (id: string) => report.clients.find((c) => c.id === id)!.availability;
      expect([a('u0'), a('u2'), a('both')]).toEqual([0, 0, 0]);
      expect(a('uq')).toBeGreaterThan(0.98);
    }
  });
});
