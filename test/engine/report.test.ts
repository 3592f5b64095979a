// The report's edges: downtime text, nines, assumptions, pair cap, what-if,
// and the Monte Carlo fallback against the exact value.
import { describe, expect, it } from 'vitest';
import { analyze, componentsDown, formatDowntime } from '../../src/engine';
import { topology } from './helpers';

describe('formatDowntime', () => {
  it('reads like DESIGN section 1 (truncated, never rounded up)', () => {
    expect(formatDowntime(15454)).toBe('4 h 17 min');
    expect(formatDowntime(1288)).toBe('21 min');
    expect(formatDowntime(296)).toBe('4.9 min');
    expect(formatDowntime(42)).toBe('42 s');
    expect(formatDowntime(60)).toBe('1 min');
    expect(formatDowntime(3.21)).toBe('3.2 s');
    expect(formatDowntime(0)).toBe('0 s');
    expect(formatDowntime(0.01)).toBe('< 0.1 s');
    expect(formatDowntime(3.65 * 86400)).toBe('3 d 15 h');
  });
});

describe('analyze', () => {
  const twoApps = topology({
    components: [{ id: 'u', kind: 'client' }, { id: 'a1', kind: 'app', availability: 0.999 }, { id: 'a2', kind: 'app', availability: 0.999 }],
    links: [{ from: 'u', to: 'a1' }, { from: 'u', to: 'a2' }],
  });

  it('gives nines and downtime per year, month, week and day (a year of 365.25 days)', () => {
    const r = analyze(twoApps);
    expect(r.system.unavailability).toBeCloseTo(1e-6, 18);
    expect(r.system.nines).toBeCloseTo(6, 10);
    expect(r.system.downtime.perYearSeconds).toBeCloseTo(31.5576, 8);
    expect(r.system.downtime.perMonthSeconds).toBeCloseTo(31.5576 / 12, 8);
    expect(r.system.downtime.perWeekSeconds).toBeCloseTo(0.6048, 8);
    expect(r.system.downtime.perDaySeconds).toBeCloseTo(0.0864, 8);
  });

  it('lists elements of availability 1 as assumptions, never as SPOFs', () => {
    const r = analyze(topology({
      domains: [{ id: 'z', kind: 'zone', availability: 1 }],
      components: [{ id: 'u', kind: 'client' }, { id: 'a', kind: 'app', availability: 1, domain: 'z' }],
      links: [{ from: 'u', to: 'a' }],
    }));
    expect(r.spofs).toEqual([]);
    expect(r.assumptions.map((a) => [a.id, a.type])).toEqual([['a', 'component'], ['z', 'domain']]);
    expect(r.system.availability).toBe(1);
  });

  it('caps pairs at no fewer than 100 and says when it truncated', () => {
    // A pool of 16 instances needing 15: every pair of instances is a cut (120 pairs).
    const t = topology({
      components: [{ id: 'u', kind: 'client' }, { id: 'p', kind: 'app', replicas: 16, minHealthy: 15, availability: 0.99 }],
      links: [{ from: 'u', to: 'p' }],
    });
    const r = analyze(t, { pairCap: 5 });
    expect(r.pairCap).toBe(100);
    expect(r.pairs).toHaveLength(100);
    expect(r.pairsTruncated).toBe(true);
    expect(analyze(t, { pairCap: 500 }).pairs).toHaveLength(120);
  });

  it('what-if: forced failures, blast radius and clients served', () => {
    const t = topology({
      domains: [{ id: 'za', kind: 'zone' }, { id: 'zb', kind: 'zone' }],
      components: [
        { id: 'web', kind: 'client' }, { id: 'admin', kind: 'client' },
        { id: 'app', kind: 'app', replicas: 2, domains: ['za', 'zb'] },
        { id: 'tool', kind: 'service', domain: 'za' },
      ],
      links: [{ from: 'web', to: 'app' }, { from: 'admin', to: 'tool' }],
    });
    const r = analyze(t, { failed: ['za'] });
    const { weakestServed, ...rest } = r.whatIf!;
    expect(rest).toEqual({ failed: ['za'], down: ['admin', 'tool'], clientsServed: ['web'], clientsDown: ['admin'], unknown: [] });
    expect(r.clients.find((c) => c.id === 'admin')!.availability).toBe(0);
    // The system figure is 0 (admin is down); the what-if headline is web's, still served.
    expect(r.system.availability).toBe(0);
    expect(weakestServed).toMatchObject({ id: 'web', availability: r.clients.find((c) => c.id === 'web')!.availability });
    expect(weakestServed!.availability).toBeGreaterThan(0.99);
    expect(analyze(t, { failed: ['za', 'zb'] }).whatIf!.weakestServed).toBeNull();
    // With za down, the surviving instance and its zone become SPOFs of web.
    expect(r.spofs.map((s) => s.id).sort()).toEqual(['app#2', 'zb']);
    expect([...componentsDown(t, ['app'])]).toEqual(['web', 'app']);
    expect(analyze(t, { failed: ['nope'] }).warnings.join(' ')).toMatch(/nope/);
    expect(analyze(t, { failed: ['za', 'nope', 'tool'] }).whatIf!.unknown).toEqual(['nope']);
  });

  it('what-if importance: against the clients still served, never the failed elements', () => {
    const t = topology({
      domains: [{ id: 'za', kind: 'zone' }, { id: 'zb', kind: 'zone' }],
      components: [
        { id: 'web', kind: 'client' }, { id: 'admin', kind: 'client' },
        { id: 'app', kind: 'app', replicas: 2, domains: ['za', 'zb'], availability: 0.99 },
        { id: 'tool', kind: 'service', domain: 'za' },
      ],
      links: [{ from: 'web', to: 'app' }, { from: 'admin', to: 'tool' }],
    });
    const r = analyze(t, { failed: ['za'] });
    const ids = r.importance.map((i) => i.id);
    expect(ids).not.toContain('za');
    // admin is down, so the system is 0 and nothing but ending the failure would raise it;
    // against web, still served, its last instance and zone are what to improve.
    const web = r.whatIf!.weakestServed!;
    const top = r.importance.filter((i) => i.improvement > 0).map((i) => i.id).sort();
    expect(top).toEqual(['app#2', 'zb']);
    const appTwo = r.importance.find((i) => i.id === 'app#2')!;
    // Made perfect, app#2 leaves web to zb alone: web's unavailability falls to zb's.
    const zb = r.elements.find((e) => e.id === 'zb')!.availability;
    expect(appTwo.improvement).toBeCloseTo(web.unavailability - (1 - zb), 12);
    expect(analyze(t, { failed: ['za', 'zb'] }).importance).toEqual([]);
  });

  it('what-if: a perfect link can be failed by its id or from->to', () => {
    const t = topology({
      components: [{ id: 'u', kind: 'client' }, { id: 'a1', kind: 'app', availability: 0.9 }, { id: 'a2', kind: 'app', availability: 0.9 }],
      links: [{ from: 'u', to: 'a1', id: 'wire' }, { from: 'u', to: 'a2' }],
    });
    expect(analyze(t).elements.map((e) => e.id)).toEqual(['a1', 'a2']);
    const r = analyze(t, { failed: ['wire'] });
    expect(r.warnings).toEqual([]);
    expect(r.system.availability).toBeCloseTo(0.9, 14);
    expect(r.spofs.map((x) => x.id)).toEqual(['a2']);
    expect(r.whatIf!.down).toEqual([]);
    const both = analyze(t, { failed: ['wire', 'u->a2'] });
    expect(both.system.availability).toBe(0);
    expect(both.whatIf!.clientsDown).toEqual(['u']);
    expect([...componentsDown(t, ['wire', 'u->a2'])]).toEqual(['u']);
  });

  it('falls back to Monte Carlo past the node budget, with an interval around the exact value', () => {
    const t = topology({
      components: [
        { id: 'u', kind: 'client' },
        { id: 'a', kind: 'app', replicas: 3, minHealthy: 2, availability: 0.9 },
        { id: 'db', kind: 'database', availability: 0.95 },
      ],
      links: [{ from: 'u', to: 'a' }, { from: 'a', to: 'db' }],
    });
    const exact = analyze(t);
    const mc = analyze(t, { exactBudget: 3, seed: 42, samples: 100_000 });
    expect(mc.method).toBe('monte-carlo');
    expect(mc.interval!.low).toBeLessThan(exact.system.availability);
    expect(mc.interval!.high).toBeGreaterThan(exact.system.availability);
    expect(mc.warnings.join(' ')).toMatch(/Monte Carlo/);
    expect(mc.spofs.map((s) => s.id)).toEqual(exact.spofs.map((s) => s.id));
    expect(mc.pairs.map((p) => p.ids)).toEqual(exact.pairs.map((p) => p.ids));
    // Same seed, same numbers.
    expect(analyze(t, { exactBudget: 3, seed: 42, samples: 100_000 }).system.availability).toBe(mc.system.availability);
    const b = Object.fromEntries(mc.importance.map((i) => [i.id, i.birnbaum]));
    expect(b.db).toBeCloseTo(exact.importance.find((i) => i.id === 'db')!.birnbaum, 1);
  });
});
