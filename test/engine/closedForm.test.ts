// Closed forms of reliability theory, expressed as topologies.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { topology } from './helpers';

const p = 0.9;
const svc = (id: string, availability = p) => ({ id, kind: 'service' as const, availability });
const client = { id: 'u', kind: 'client' as const };

describe('closed forms', () => {
  it('series: the product', () => {
    const t = topology({
      components: [client, svc('a', 0.9), svc('b', 0.8), svc('c', 0.95)],
      links: [{ from: 'u', to: 'a' }, { from: 'a', to: 'b' }, { from: 'b', to: 'c' }],
    });
    const r = analyze(t);
    expect(r.system.availability).toBeCloseTo(0.9 * 0.8 * 0.95, 14);
    expect(r.spofs.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(r.method).toBe('exact');
  });

  it('parallel: one minus the product of unavailabilities (group override)', () => {
    const t = topology({
      components: [client, svc('a', 0.9), svc('b', 0.8)],
      links: [{ from: 'u', to: 'a', group: 'x' }, { from: 'u', to: 'b', group: 'x' }],
    });
    const r = analyze(t);
    expect(r.system.unavailability).toBeCloseTo(0.1 * 0.2, 15);
    expect(r.spofs).toEqual([]);
    expect(r.pairs.map((x) => x.ids)).toEqual([['a', 'b']]);
    expect(r.pairs[0].probability).toBeCloseTo(0.02, 15);
  });

  it('k-out-of-n: 2 of 3 is 3p^2 - 2p^3', () => {
    const t = topology({
      components: [client, { id: 'app', kind: 'app', replicas: 3, minHealthy: 2, availability: p }],
      links: [{ from: 'u', to: 'app' }],
    });
    const r = analyze(t);
    expect(r.system.availability).toBeCloseTo(3 * p ** 2 - 2 * p ** 3, 14);
    expect(r.pairs).toHaveLength(3);
  });

  it('the bridge network: 2p^2 + 2p^3 - 5p^4 + 2p^5 = 0.97848 at p = 0.9', () => {
    // Paths 1-4, 2-5, 1-3-5, 2-3-4; element 3 carries traffic both ways, so it needs 1 or 2,
    // and 4 needs 1 or 3, 5 needs 2 or 3: groups set by `group` overrides.
    const t = topology({
      components: [client, svc('n1'), svc('n2'), svc('n3'), svc('n4'), svc('n5')],
      links: [
        { from: 'u', to: 'n4', group: 'in' }, { from: 'u', to: 'n5', group: 'in' },
        { from: 'n4', to: 'n1', group: 'a' }, { from: 'n4', to: 'n3', group: 'a' },
        { from: 'n5', to: 'n2', group: 'b' }, { from: 'n5', to: 'n3', group: 'b' },
        { from: 'n3', to: 'n1', group: 'c' }, { from: 'n3', to: 'n2', group: 'c' },
      ],
    });
    const r = analyze(t);
    expect(2 * p ** 2 + 2 * p ** 3 - 5 * p ** 4 + 2 * p ** 5).toBeCloseTo(0.97848, 12);
    expect(r.system.availability).toBeCloseTo(0.97848, 14);
    // The bridge's minimal cut sets of order 2: {1,2} and {4,5}.
    expect(r.pairs.map((x) => x.ids.join('+')).sort()).toEqual(['n1+n2', 'n4+n5']);
  });

  it('failure domains: a shared region in series with two zones in parallel', () => {
    const t = topology({
      domains: [
        { id: 'r', kind: 'region', availability: 0.99 },
        { id: 'za', kind: 'zone', parent: 'r', availability: 0.9 },
        { id: 'zb', kind: 'zone', parent: 'r', availability: 0.9 },
        { id: 'team', kind: 'group', parent: 'za' },
      ],
      components: [client, { id: 'app', kind: 'app', replicas: 2, domains: ['team', 'zb'], availability: 0.8 }],
      links: [{ from: 'u', to: 'app' }],
    });
    const r = analyze(t);
    const instance = 0.9 * 0.8;
    expect(r.system.availability).toBeCloseTo(0.99 * (1 - (1 - instance) ** 2), 14);
    expect(r.spofs.map((s) => s.id)).toEqual(['r']);
    expect(r.elements.map((e) => e.id)).not.toContain('team');
    expect(r.pairs.map((x) => x.ids.join('+')).sort()).toEqual(['app#1+app#2', 'app#1+zb', 'app#2+za', 'za+zb']);
  });

  it('failover: a hot standby adds an event of probability lambda * T', () => {
    const t = topology({
      components: [
        client,
        { id: 'lb1', kind: 'loadbalancer', availability: 0.99 },
        { id: 'lb2', kind: 'loadbalancer', availability: 0.99, role: 'standby', standby: 'hot', failoverSeconds: 36 },
      ],
      links: [{ from: 'u', to: 'lb1' }, { from: 'u', to: 'lb2' }],
    });
    const r = analyze(t);
    // MTBF of lb1 = MTTR * a / (1 - a) = 1 h * 99 = 99 h; q = 36 s / (99 * 3600 s).
    const q = 36 / (99 * 3600);
    expect(r.elements.find((e) => e.id === 'failover:lb2')!.availability).toBeCloseTo(1 - q, 15);
    expect(r.system.availability).toBeCloseTo((1 - q) * (1 - 0.01 * 0.01), 14);
    expect(r.spofs).toEqual([]);
    expect(r.pairs.map((x) => x.ids)).toEqual([['lb1', 'lb2']]);
    expect(r.importance.find((i) => i.id === 'failover:lb2')!.improvement).toBeGreaterThan(0);
  });

  it('an active-passive pool: one failover event with one instance rate and the pool T', () => {
    const t = topology({
      components: [client, { id: 'db', kind: 'database', replicas: 2, standby: 'warm', mtbfHours: 99, mttrHours: 1 }],
      links: [{ from: 'u', to: 'db' }],
    });
    const r = analyze(t);
    const q = 120 / (99 * 3600);
    expect(r.system.availability).toBeCloseTo((1 - q) * (1 - 0.01 ** 2), 14);
  });

  it('cycles: two healthy services that call each other both work; if either fails, both do', () => {
    const t = topology({
      components: [client, svc('a'), svc('b')],
      links: [{ from: 'u', to: 'a' }, { from: 'a', to: 'b' }, { from: 'b', to: 'a' }],
    });
    const r = analyze(t);
    expect(r.system.availability).toBeCloseTo(p * p, 14);
    expect(r.spofs.map((s) => [s.id, s.down])).toEqual([['a', ['u', 'a', 'b']], ['b', ['u', 'a', 'b']]]);
  });

  it('optional links are excluded; link availability is an element of its own', () => {
    const t = topology({
      components: [client, svc('a'), svc('reco', 0.5)],
      links: [{ from: 'u', to: 'a', availability: 0.99, id: 'net' }, { from: 'a', to: 'reco', optional: true, availability: 0.5 }],
    });
    const r = analyze(t);
    expect(r.system.availability).toBeCloseTo(0.99 * p, 14);
    expect(r.elements.map((e) => e.id)).toEqual(['a', 'reco', 'net']);
    expect(r.spofs.map((s) => s.id)).toEqual(['a', 'net']);
  });
});
