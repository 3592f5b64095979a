import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { applyMoveFully, applyPlan, plan, type Plan } from '../../src/engine/insight';
import { parseTopology, type Topology } from '../../src/model';
import { templateById } from '../../src/templates';
import { fiftyServices } from '../../bench/plan/designs';
import { REGION, doc, mustParse, users } from './helpers';
import { crossRegionCalls } from './regions';
import { isManagedService } from '../../src/engine/insight/moveKinds/managed';

const threeTier = mustParse(readFileSync('examples/three-tier.spof.json', 'utf8'));
const shop = mustParse(readFileSync('examples/shop.spof.json', 'utf8'));
const stage3 = templateById('stage3')!.topology;

const types = (p: Plan) => p.steps.map((s) => s.move.type);
const regionsOf = (t: Topology) => t.domains.filter((d) => d.kind === 'region').map((d) => d.id);

/** What a reviewer checks first: valid, no warning, what the plan says it reaches, readable labels. */
function expectSound(before: Topology, p: Plan): void {
  const r = parseTopology(JSON.parse(JSON.stringify(p.topology)));
  expect(r.ok).toBe(true);
  if (r.ok) expect(r.warnings).toEqual([]);
  expect(applyPlan(before, p)).toEqual(p.topology);
  expect(analyze(p.topology).system.availability).toBeCloseTo(p.after.availability, 12);
  expect(p.steps.at(-1)?.availability ?? p.before.availability).toBe(p.after.availability);
  expect(crossRegionCalls(p.topology), 'no new call from one region into another').toEqual(crossRegionCalls(before));
  // Nothing stands beside a managed service (its provider runs its standby).
  // (no move acts on one but a second region).
  const managed = new Set(before.components.filter((x) => isManagedService(x)).map((x) => x.id));
  expect(p.steps.filter((s) => s.move.type !== 'second-region' && managed.has(s.move.component)).map((s) => s.description)).toEqual([]);
  const old = new Set([...before.components, ...before.domains].map((x) => x.id));
  for (const x of [...p.topology.components, ...p.topology.domains]) {
    if (old.has(x.id)) continue;
    expect(x.label, `${x.id} has a label`).toBeTruthy();
    expect(x.label!.match(/\(/g)?.length ?? 0, `${x.label}: one place at most`).toBeLessThanOrEqual(1);
    expect(x.label).not.toMatch(/\)\s*\)|\(\s*\(|second region\)/);
  }
}

describe('plan: the issue\'s cases', () => {
  it('stage 3 at 99.95%: a standby database and a second (or a managed) load balancer, in the same region', () => {
    const p = plan(stage3, { target: 0.9995 });
    expect(p.met).toBe(true);
    expect(p.steps.map((s) => [s.move.type, (s.move as { component: string }).component])).toEqual(expect.arrayContaining([['add-standby', 'db']]));
    expect(p.steps).toHaveLength(2);
    // The load balancer: a hot standby with a floating IP, or Elastic Load Balancing (99.99%, no instance to run).
    const lb = p.steps.find((s) => s.move.type !== 'add-standby')!;
    expect(['second-load-balancer', 'managed-preset']).toContain(lb.move.type);
    expect(lb.fixes.spofs.length ? lb.fixes.spofs : lb.fixes.lessens).toEqual(['lb']);
    expect(regionsOf(p.topology)).toEqual(regionsOf(stage3));
    expect(p.cost).toMatchObject({ perMonth: null, currency: 'USD' });
    expectSound(stage3, p);
  });

  it('the shop at 99.99%: met within its region, no second region, every move priced', () => {
    const p = plan(shop, { target: 0.9999 });
    expect(p.met).toBe(true);
    expect(types(p)).not.toContain('second-region');
    expect(regionsOf(p.topology)).toEqual(['euw1']);
    for (const s of p.steps) {
      expect(s.adds.costPerMonth).toEqual(expect.any(Number));
      expect(s.savingPerYear).toBeGreaterThan(0);
      expect(s.paysOff).toEqual(expect.any(Boolean));
      expect(s.fixes.spofs.length + s.fixes.pairs.length + s.fixes.lessens.length, s.description).toBeGreaterThan(0);
    }
    expect(p.cost.perMonth).toBeCloseTo(p.steps.reduce((sum, s) => sum + s.adds.costPerMonth!, 0), 6);
    expect(p.cost.instances).toBe(p.steps.reduce((sum, s) => sum + s.adds.instances, 0));
    expectSound(shop, p);
  });

  it('the shop at 99.995%: its region blocks the target, so the whole serving path goes to a second region', () => {
    const p = plan(shop, { target: 0.99995 });
    expect(p.met).toBe(true);
    expect(types(p).filter((t) => t === 'second-region')).toHaveLength(1);
    const region = p.steps.find((s) => s.move.type === 'second-region')!;
    expect(region.fixes.spofs).toContain('euw1');
    expect(region.adds.domains).toEqual(['euc1', 'euc1a', 'euc1b']);
    const after = analyze(p.topology);
    expect(after.spofs.filter((s) => s.type === 'domain').map((s) => s.id)).toEqual(['aws']);
    for (const failed of ['euw1', 'euc1']) expect(analyze(p.topology, { failed: [failed] }).whatIf!.clientsDown).toEqual([]);
    expectSound(shop, p);
  });

  it('fifty single services at 99.9%: adding instances reaches it', () => {
    const t = mustParse(fiftyServices(50));
    const p = plan(t, { target: 0.999 });
    expect(p.met).toBe(true);
    expect(new Set(types(p))).toEqual(new Set(['add-instance']));
    // A second instance each (in another zone), then a third for fourteen of them: the
    // fewest. (Weighing a zone as one step once added a third to every pool spread over it.)
    expect(p.cost.instances).toBe(64);
    expectSound(t, p);
  });
});

describe('plan', () => {
  it('reaches 99.99% on the three-tier example, move by move, and the result is a valid document', () => {
    const p = plan(threeTier, { target: 0.9999 });
    expect(p).toMatchObject({ met: true, outcome: 'met', blockers: [] });
    expect(p.before.availability).toBeLessThan(0.9999);
    expect(p.after.availability).toBeGreaterThanOrEqual(0.9999);
    for (const s of p.steps) expect(s.description).toMatch(/^(add|spread|make|copy) /);
    expect(p.message).toBe(`The target is met after ${p.steps.length} move${p.steps.length === 1 ? '' : 's'}.`);
    expectSound(threeTier, p);
  });

  it('takes the cheapest move when one does it: spreading a pool adds nothing', () => {
    const t = doc({ domains: REGION, components: [users, { id: 'app', kind: 'app', replicas: 3, domain: 'z1' }], links: [{ from: 'users', to: 'app' }] });
    const p = plan(t, { target: 0.99994 });
    expect(p.met).toBe(true);
    expect(p.steps.map((s) => [s.move.type, s.adds.instances])).toEqual([['spread-zones', 0]]);
    expect(p.steps[0].fixes.spofs).toEqual(['z1']);
  });

  it('with costs, fixes the cheaper of two equal weaknesses', () => {
    const t = doc({
      components: [users, { id: 'app', kind: 'app', availability: 1 },
        { id: 'orders', kind: 'database', availability: 0.999, costPerMonth: 1000 },
        { id: 'audit', kind: 'database', availability: 0.999, costPerMonth: 10 }],
      links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'orders' }, { from: 'app', to: 'audit' }],
    });
    // One standby is enough; the audit store's costs a hundredth.
    const p = plan(t, { target: 0.9989 });
    expect(p.steps.map((s) => [s.move.type, (s.move as { component: string }).component, s.adds.costPerMonth])).toEqual([['add-standby', 'audit', 10]]);
    expect(p.cost).toMatchObject({ perMonth: 10, currency: 'USD' });
  });

  it('moves every pool out of a zone that fails the target, in one round, when no single move helps', () => {
    const t = doc({
      domains: REGION,
      components: [users, { id: 'web', kind: 'web', replicas: 3, domain: 'z1' }, { id: 'db', kind: 'database', replicas: 3, domain: 'z1' }],
      links: [{ from: 'users', to: 'web' }, { from: 'web', to: 'db' }],
    });
    const p = plan(t, { target: 0.99994, searchBudget: 0 });
    expect(p.met).toBe(true);
    expect(p.steps.map((s) => [s.round, s.move.type])).toEqual([[1, 'spread-zones'], [1, 'spread-zones']]);
  });

  it('says so when the target is already met', () => {
    const p = plan(threeTier, { target: 0.99 });
    expect(p).toMatchObject({ met: true, outcome: 'already-met', steps: [] });
    expect(p.topology).toBe(threeTier);
  });

  it('says what blocks a target out of reach, with its share of the error budget, and still lists the move that raises the availability', () => {
    // A provider at 99.999% takes the whole budget of 99.9995%: no plan reaches it. A fourth app
    // instance still takes the app's part of the downtime away (before, the plan listed no move).
    const t = doc({ domains: [{ id: 'p', kind: 'provider', label: 'Cloud' }], components: [users, { id: 'app', kind: 'app', replicas: 3, domain: 'p' }], links: [{ from: 'users', to: 'app' }] });
    const p = plan(t, { target: 0.999995 });
    expect(p).toMatchObject({ met: false, outcome: 'out-of-reach' });
    expect(p.steps.map((s) => s.move)).toEqual([{ type: 'add-instance', component: 'app' }]);
    expect(p.after.availability).toBeGreaterThan(p.before.availability);
    // Not past what the provider leaves.
    expect(p.after.availability).toBeLessThanOrEqual(0.99999);
    expectSound(t, p);
    expect(p.blockers[0]).toMatchObject({ id: 'p', label: 'Cloud', type: 'domain', reason: 'a whole provider: no move leaves it' });
    expect(p.blockers[0].share).toBeCloseTo(2, 1);
    expect(p.message).toMatch(/^The target cannot be reached by any plan: .*more work would not reach it.*Cloud \(a whole provider: no move leaves it\) takes 2\d\d% of the 0.0005% error budget/);
    expect(p.message).toMatch(/ Still, this move takes the system from 99\.99899% to 99\.999%, verified by recomputation; then no further move closes at least 0\.5% of the gap\.$/);
  });

  it('gives each blocker its share of the budget of the client it costs most, not the sum over clients', () => {
    // Two journeys on one provider at 99.99% against a 99.995% target: twice each one's budget (the sum over both read four times).
    const t = doc({
      domains: [{ id: 'p', kind: 'provider', label: 'Cloud', availability: 0.9999 }],
      components: [users, { id: 'jobs', kind: 'client' }, { id: 'app', kind: 'app', availability: 1, domain: 'p' }],
      links: [{ from: 'users', to: 'app' }, { from: 'jobs', to: 'app' }],
    });
    const p = plan(t, { target: 0.99995 });
    expect(p).toMatchObject({ met: false, outcome: 'out-of-reach' });
    expect(p.blockers.map((b) => [b.id, Number(b.share.toFixed(6))])).toEqual([['p', 2]]);
  });

  it('goes to a second region where a managed service at its SLA takes the budget: nothing stands beside it in its region', () => {
    // The transactional template's managed load balancer (ELB, 99.99%) against 99.99%: its
    // region blocks the target; the serving path is copied into US West, where its bucket's replica is.
    const transactional = templateById('transactional')!.topology;
    const p = plan(transactional, { target: 0.9999 });
    expect(p.met).toBe(true);
    expect(types(p)).toEqual(['second-provider', 'second-region']);
    expect(p.steps[1].move).toEqual({ type: 'second-region', region: 'use1' });
    expect(p.steps[1].adds.domains).toEqual(['usw2a', 'usw2b']);
    // A label with a qualifier of its own takes the place inside it, not a second pair of parentheses;
    // the primary's copy is a replica, and its label says so.
    expect(p.topology.components.filter((c) => c.kind === 'database' && c.id.endsWith('-usw2')).map((c) => [c.label, c.role]))
      .toEqual([['Orders DB (replica, us-west-2)', 'replica'], ['Orders DB (sync standby, us-west-2)', 'standby'], ['Analytics store (us-west-2)', 'replica']]);
    expectSound(transactional, p);
  });

  it('says at once that a managed service at its SLA blocks a target its SLA alone misses, when its region cannot be copied', () => {
    // The same, its apps calling a service in a third region: a copy of the region would call into it too.
    const t = templateById('transactional')!.topology;
    const pinned: Topology = {
      ...t, domains: [...t.domains, { id: 'euw1', kind: 'region', label: 'eu-west-1' }],
      components: [...t.components, { id: 'tax', kind: 'service', label: 'Tax service', domain: 'euw1', availability: 0.999999 }],
      links: [...t.links, { from: 'app1', to: 'tax' }, { from: 'app2', to: 'tax' }],
    };
    const p = plan(pinned, { target: 0.9999 });
    expect(p).toMatchObject({ met: false, outcome: 'out-of-reach' });
    expect(p.blockers[0]).toMatchObject({ label: 'Managed load balancer', reason: expect.stringMatching(/^a managed service at its SLA .* a second region would need a new cross-region call/) });
    // The moves that still raise it, within its region (no second region), each verified.
    expect(p.steps.length).toBeGreaterThan(0);
    expect(types(p)).not.toContain('second-region');
    expect(p.after.availability).toBeGreaterThan(p.before.availability);
    expectSound(pinned, p);
    expect(p.message).toMatch(/ Still, these \d+ moves take the system from 99\.96\d*% to 99\.9\d*%, each verified by recomputation/);
  });

  it('names a standby of a copy in a second region after its zone, not after both places', () => {
    const t = doc({
      domains: [{ id: 'usw2', kind: 'region', label: 'us-west-2' }, { id: 'usw2a', kind: 'zone', label: 'us-west-2a', parent: 'usw2' }],
      components: [users, { id: 'db', kind: 'database', label: 'Orders DB (us-west-2)', domain: 'usw2a' }],
      links: [{ from: 'users', to: 'db' }],
    });
    const label = (x: Topology) => x.components.at(-1)!.label;
    expect(label(applyMoveFully(t, { type: 'add-standby', component: 'db' }).doc)).toBe('Orders DB standby (us-west-2b)');
    // In no zone: the standby keeps the place the label names.
    const regional = { ...t, components: t.components.map((c) => (c.id === 'db' ? { ...c, domain: 'usw2' } : c)) };
    expect(label(applyMoveFully(regional, { type: 'add-standby', component: 'db' }).doc)).toBe('Orders DB standby (us-west-2)');
  });

  it('never lowers the availability when it gives up, and names what blocks it', () => {
    const t = doc({ components: [users, { id: 'pay', kind: 'external', label: 'Payments API' }, { id: 'app', kind: 'app' }], links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'pay' }] });
    const p = plan(t, { target: 0.9995 });
    expect(p.met).toBe(false);
    expect(p.after.availability).toBeGreaterThanOrEqual(p.before.availability);
    expect(p.blockers.map((b) => [b.id, b.reason])).toContainEqual(['pay', 'a third-party service: no move adds a second one']);
  });

  it('plans from the entry points of a design without a client, and plans nothing for one with no link', () => {
    const noClient = doc({ domains: REGION, components: [{ id: 'api', kind: 'service', domain: 'z1' }, { id: 'db', kind: 'database', domain: 'z1' }], links: [{ from: 'api', to: 'db' }] });
    const p = plan(noClient, { target: 0.999 });
    expect(p.met).toBe(true);
    expect(p.steps.length).toBeGreaterThan(0);
    const loose = doc({ components: [users, { id: 'api', kind: 'service' }] });
    expect(plan(loose, { target: 0.999 })).toMatchObject({ met: false, outcome: 'out-of-reach', steps: [], message: expect.stringMatching(/^Nothing is connected/) });
  });

  it('uses the document target, or client targets, when no target is given; refuses without any', () => {
    expect(plan({ ...threeTier, slo: 0.9999 }).target).toBe(0.9999);
    const clientOnly = doc({ components: [{ ...users, slo: 0.999 }, { id: 'app', kind: 'app' }], links: [{ from: 'users', to: 'app' }] });
    const p = plan(clientOnly);
    expect(p.target).toBeNull();
    expect(p.met).toBe(true);
    expect(p.slo.clients[0]).toMatchObject({ id: 'users', met: true });
    const none = doc({ components: [users, { id: 'app', kind: 'app' }], links: [{ from: 'users', to: 'app' }] });
    expect(() => plan(none)).toThrow(/no target/);
  });
});
