// Fixed cases against the brute-force oracle: the shapes most likely to break the
// engine's shortcuts (factored conjunctions, cycles, shared failover events, what-if).
// Failing seeds found by the property tests are added here.
import { describe, it } from 'vitest';
import { checkAgainstOracle } from './oracleCheck';
import { topology } from './helpers';

describe('regressions against the oracle', () => {
  it('a cycle inside a group of alternatives, with a standby and its failover event', () => {
    checkAgainstOracle(topology({
      domains: [{ id: 'z1', kind: 'zone', availability: 0.9 }, { id: 'z2', kind: 'zone', availability: 0.8 }],
      components: [
        { id: 'u', kind: 'client' },
        { id: 'a', kind: 'service', availability: 0.9, domain: 'z1' },
        { id: 'b', kind: 'service', availability: 0.8, domain: 'z2' },
        { id: 'db', kind: 'database', availability: 0.9 },
        { id: 'db2', kind: 'database', availability: 0.9, role: 'standby', standby: 'cold' },
      ],
      links: [
        { from: 'u', to: 'a', group: 'front' }, { from: 'u', to: 'b', group: 'front' },
        { from: 'a', to: 'b' }, { from: 'b', to: 'a' },
        { from: 'a', to: 'db' }, { from: 'a', to: 'db2' }, { from: 'b', to: 'db' }, { from: 'b', to: 'db2' },
        { from: 'db', to: 'db2', type: 'replication', mode: 'sync' },
      ],
    }));
  });

  it('one standby shared by two groups: one failover event, lambda over distinct actives', () => {
    checkAgainstOracle(topology({
      components: [
        { id: 'u', kind: 'client' }, { id: 'v', kind: 'client' },
        { id: 'x', kind: 'service', availability: 0.95 },
        { id: 'y', kind: 'service', availability: 0.9 },
        { id: 's', kind: 'service', availability: 0.9, role: 'standby', standby: 'warm', failoverSeconds: 3600 },
      ],
      links: [
        { from: 'u', to: 'x', group: 'g' }, { from: 'u', to: 's', group: 'g' },
        { from: 'v', to: 'y', group: 'h' }, { from: 'v', to: 's', group: 'h' }, { from: 'v', to: 'x', group: 'h' },
      ],
    }));
  });

  it('requires min 2 with imperfect links, shared deep dependencies and a client that needs a client', () => {
    checkAgainstOracle(topology({
      components: [
        { id: 'u', kind: 'client', slo: 0.9 }, { id: 'w', kind: 'client' },
        { id: 'p', kind: 'app', replicas: 3, minHealthy: 2, availability: 0.9, requires: { c: { min: 2 } } },
        { id: 'q1', kind: 'cache', availability: 0.8 }, { id: 'q2', kind: 'cache', availability: 0.9 }, { id: 'q3', kind: 'cache', availability: 0.7 },
        { id: 'd', kind: 'storage', availability: 0.95 },
      ],
      links: [
        { from: 'u', to: 'p' },
        { from: 'p', to: 'q1', group: 'c', availability: 0.9 }, { from: 'p', to: 'q2', group: 'c' }, { from: 'p', to: 'q3', group: 'c', id: 'net3', availability: 0.8 },
        { from: 'q1', to: 'd' }, { from: 'q2', to: 'd' }, { from: 'q3', to: 'd' },
        { from: 'w', to: 'u' },
      ],
    }));
  });
});
