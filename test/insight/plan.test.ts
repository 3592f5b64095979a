import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { applyPlan, plan, planToTopology } from '../../src/engine/insight';
import { parseTopology } from '../../src/model';
import { REGION, doc, mustParse, users } from './helpers';

const threeTier = mustParse(readFileSync('examples/three-tier.spof.json', 'utf8'));

describe('plan', () => {
  it('reaches 99.99% on the three-tier example, move by move, and the result is a valid document', () => {
    const p = plan(threeTier, { target: 0.9999 });
    expect(p.met).toBe(true);
    expect(p.outcome).toBe('met');
    expect(p.before.availability).toBeLessThan(0.9999);
    expect(p.after.availability).toBeGreaterThanOrEqual(0.9999);
    expect(p.steps.length).toBeGreaterThan(0);
    for (const s of p.steps) expect(s.description).toMatch(/^(add|spread|replicate)/);
    expect(p.steps.at(-1)!.availability).toBe(p.after.availability);
    expect(parseTopology(JSON.parse(JSON.stringify(p.topology))).ok).toBe(true);
    // Recomputed from scratch, the document gives what the plan says.
    expect(analyze(p.topology).system.availability).toBeCloseTo(p.after.availability, 12);
    expect(p.message).toBe(`The target is met after ${p.steps.length} move${p.steps.length === 1 ? '' : 's'}.`);
  });

  it('applyPlan replays the moves into the same document', () => {
    const p = plan(threeTier, { target: 0.9999 });
    expect(applyPlan(threeTier, p)).toEqual(p.topology);
    expect(planToTopology(threeTier, p)).toEqual(p.topology);
  });

  it('takes the fewest moves when one does it', () => {
    const t = doc({ domains: REGION, components: [users, { id: 'app', kind: 'app', replicas: 3, domain: 'z1' }], links: [{ from: 'users', to: 'app' }] });
    const p = plan(t, { target: 0.99994 });
    expect(p.met).toBe(true);
    expect(p.steps).toHaveLength(1);
    expect(['spread-zones', 'replicate-region']).toContain(p.steps[0].move.type);
  });

  it('moves a whole tier set out of a failing zone in one round when no single move helps', () => {
    // Everything in one zone of a one-zone region: only a second region helps, for both tiers.
    const t = doc({
      domains: [{ id: 'r1', kind: 'region' }, { id: 'z1', kind: 'zone', parent: 'r1' }],
      components: [users, { id: 'web', kind: 'web', replicas: 3, domain: 'z1' }, { id: 'db', kind: 'database', replicas: 3, domain: 'z1' }],
      links: [{ from: 'users', to: 'web' }, { from: 'web', to: 'db' }],
    });
    const p = plan(t, { target: 0.99995, searchBudget: 0 });
    expect(p.met).toBe(true);
    expect(p.steps.map((s) => [s.round, s.move.type])).toEqual([[1, 'replicate-region'], [1, 'replicate-region']]);
  });

  it('escapes the trap the greedy search walks into (found by the property test)', () => {
    // Greedy takes the hot standby first (the best single move), whose failover then caps
    // the load balancer; the best three moves make it an active pool, spread, and copied.
    const t = doc({ domains: REGION.slice(0, 3), components: [users, { id: 'c1', kind: 'loadbalancer', availability: 0.999, domain: 'z1' }], links: [{ from: 'users', to: 'c1' }] });
    const target = 0.9999999973;
    expect(plan(t, { target, searchBudget: 0 }).met).toBe(false);
    const p = plan(t, { target });
    expect(p).toMatchObject({ met: true, search: 'exhaustive' });
    expect(p.steps.map((s) => s.move.type)).toEqual(['add-instance', 'spread-zones', 'replicate-region']);
  });

  it('says so when the target is already met', () => {
    const p = plan(threeTier, { target: 0.99 });
    expect(p).toMatchObject({ met: true, outcome: 'already-met', steps: [] });
    expect(p.topology).toBe(threeTier);
  });

  it('says so when no move helps, and never lowers the availability', () => {
    // A provider at 99.999% caps everything inside it; no move leaves the provider.
    const t = doc({ domains: [{ id: 'p', kind: 'provider' }], components: [users, { id: 'app', kind: 'app', replicas: 3, domain: 'p' }], links: [{ from: 'users', to: 'app' }] });
    const p = plan(t, { target: 0.999999 });
    expect(p.met).toBe(false);
    expect(p.outcome).toBe('no-move-helps');
    expect(p.message).toMatch(/cannot be reached/);
    expect(p.after.availability).toBeGreaterThanOrEqual(p.before.availability);
  });

  it('uses the document target, or client targets, when no target is given; refuses without any', () => {
    const withSlo = { ...threeTier, slo: 0.9999 };
    expect(plan(withSlo).target).toBe(0.9999);
    const clientOnly = doc({ components: [{ ...users, slo: 0.999 }, { id: 'app', kind: 'app' }], links: [{ from: 'users', to: 'app' }] });
    const p = plan(clientOnly);
    expect(p.target).toBeNull();
    expect(p.met).toBe(true);
    expect(p.slo.clients[0]).toMatchObject({ id: 'users', met: true });
    const none = doc({ components: [users, { id: 'app', kind: 'app' }], links: [{ from: 'users', to: 'app' }] });
    expect(() => plan(none)).toThrow(/no target/);
  });
});
