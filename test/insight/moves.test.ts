import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { MOVE_KINDS, applyMove, applyMoveFully, candidateMoves, describeMove, type Move } from '../../src/engine/insight';
import { groupResolver, parseTopology, type Topology } from '../../src/model';
import { validTopology } from '../model/arbitraries';
import { REGION, doc, users } from './helpers';

const spofIds = (t: Topology) => analyze(t).spofs.map((s) => s.id);
const valid = (t: Topology) => {
  const r = parseTopology(JSON.parse(JSON.stringify(t)));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  expect(r.warnings.filter((w) => w.code !== 'orphan'), 'no new warning').toEqual([]);
  return r.topology;
};
const byId = (t: Topology, id: string) => t.components.find((c) => c.id === id)!;

/** One region with one zone, named as a cloud names them. */
const ONE_ZONE = [
  { id: 'use1', kind: 'region' as const, label: 'us-east-1' },
  { id: 'use1a', kind: 'zone' as const, label: 'us-east-1a', parent: 'use1' },
];

describe('moves', () => {
  it('are registered once each, every kind with its own type', () => {
    expect(new Set(MOVE_KINDS.map((k) => k.type)).size).toBe(MOVE_KINDS.length);
    expect(MOVE_KINDS.map((k) => k.type)).toEqual(['add-instance', 'spread-zones', 'move-to-zone', 'hot-standby', 'add-standby', 'second-load-balancer', 'second-provider', 'managed-preset', 'second-region']);
  });

  it('add-instance grows a pool by one, in another zone when the pool sits in one', () => {
    const t = doc({ domains: REGION, components: [users, { id: 'app', kind: 'app', replicas: 2, minHealthy: 2, domain: 'z1' }], links: [{ from: 'users', to: 'app' }] });
    const after = valid(applyMove(t, { type: 'add-instance', component: 'app' }));
    expect(byId(after, 'app')).toEqual({ id: 'app', kind: 'app', replicas: 3, minHealthy: 2, domains: ['z1', 'z2'] });
    expect(spofIds(t)).toEqual(['app#1', 'app#2', 'r1', 'z1']);
    // Two of three must work: z1 holds two of them, so it stays a SPOF (spreading is the next move).
    expect(spofIds(after)).toEqual(['r1', 'z1']);
    expect(candidateMoves(after)).toContainEqual({ type: 'spread-zones', component: 'app' });
    expect(spofIds(applyMove(after, { type: 'spread-zones', component: 'app' }))).toEqual(['r1']);
    // Already spread: the pool keeps its zones, round robin places the new instance.
    const again = valid(applyMove(after, { type: 'add-instance', component: 'app' }));
    expect(byId(again, 'app')).toMatchObject({ replicas: 4, domains: ['z1', 'z2'] });
  });

  it('add-instance on a single server in a one-zone region adds the region a zone named like its own', () => {
    const t = doc({ domains: ONE_ZONE, components: [users, { id: 'api', kind: 'service', label: 'Orders API', domain: 'use1a' }], links: [{ from: 'users', to: 'api' }] });
    const m: Move = { type: 'add-instance', component: 'api' };
    const applied = applyMoveFully(t, m);
    const after = valid(applied.doc);
    expect(after.domains.at(-1)).toEqual({ id: 'use1b', kind: 'zone', label: 'us-east-1b', parent: 'use1' });
    expect(byId(after, 'api')).toMatchObject({ replicas: 2, domains: ['use1a', 'use1b'] });
    expect(applied.added).toEqual([{ id: 'use1b', twin: 'use1a' }]);
    expect(describeMove(t, m)).toBe('add an instance to "Orders API" (api) (1 → 2, the new one in a new zone us-east-1b)');
  });

  it('add-instance is for stateless servers and pools, never for a third party', () => {
    const t = doc({
      components: [users, { id: 'db', kind: 'database' }, { id: 'ext', kind: 'external' }, { id: 'web', kind: 'web' }, { id: 'cache', kind: 'cache', replicas: 2 }],
      links: ['db', 'ext', 'web', 'cache'].map((to) => ({ from: 'users', to })),
    });
    const of = candidateMoves(t).filter((m) => m.type === 'add-instance').map((m) => m.type === 'add-instance' && m.component);
    expect(of).toEqual(['web', 'cache']);
  });

  it('add-standby on a database: a hot standby in another zone, joined by sync replication, an alternative of the original', () => {
    const t = doc({
      domains: REGION,
      components: [users, { id: 'app', kind: 'app', requires: { 'component:db': { min: 1 } } }, { id: 'db', kind: 'database', label: 'Orders', domain: 'z1', availability: 0.999 }],
      links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'db' }],
    });
    const after = valid(applyMove(t, { type: 'add-standby', component: 'db' }));
    const standby = byId(after, 'db-standby');
    expect(standby).toEqual({ id: 'db-standby', kind: 'database', label: 'Orders standby (z2)', availability: 0.999, role: 'standby', standby: 'hot', domain: 'z2' });
    expect(after.links).toContainEqual({ from: 'db', to: 'db-standby', type: 'replication', mode: 'sync' });
    const groupOf = groupResolver(after);
    expect(after.links.filter((l) => l.from === 'app').map(groupOf)).toEqual(['replicas:db', 'replicas:db']);
    // The requirement follows the group's new name.
    expect(byId(after, 'app').requires).toEqual({ 'replicas:db': { min: 1 } });
    expect(spofIds(t)).toContain('db');
    expect(spofIds(after)).not.toContain('db');
  });

  it('a second standby goes to the third zone; a third is not offered', () => {
    const t = doc({ domains: REGION, components: [users, { id: 'db', kind: 'database', domain: 'z1' }], links: [{ from: 'users', to: 'db' }] });
    const one = valid(applyMove(t, { type: 'add-standby', component: 'db' }));
    const two = valid(applyMove(one, { type: 'add-standby', component: 'db' }));
    expect(byId(two, 'db-standby-2')).toMatchObject({ domain: 'z3', role: 'standby', label: 'db standby (z3)' });
    expect(candidateMoves(two).some((m) => m.type === 'add-standby')).toBe(false);
    // A region of two zones gets its third for the second standby.
    const twoZones = doc({ domains: [REGION[0], { id: 'z1', kind: 'zone', label: 'Zone A', parent: 'r1' }, { id: 'z2', kind: 'zone', label: 'Zone B', parent: 'r1' }], components: [users, { id: 'db', kind: 'database', domain: 'z1' }], links: [{ from: 'users', to: 'db' }] });
    const second = valid(applyMove(valid(applyMove(twoZones, { type: 'add-standby', component: 'db' })), { type: 'add-standby', component: 'db' }));
    expect(second.domains.at(-1)).toEqual({ id: 'r1-c', kind: 'zone', label: 'Zone C', parent: 'r1' });
    expect(byId(second, 'db-standby-2')).toMatchObject({ domain: 'r1-c' });
  });

  it('a data store standby in a one-zone region opens the region\'s second zone, labelled after it', () => {
    const t = doc({ domains: ONE_ZONE, components: [users, { id: 'db', kind: 'database', label: 'Orders DB (us-east-1a)', domain: 'use1a' }], links: [{ from: 'users', to: 'db' }] });
    const m: Move = { type: 'add-standby', component: 'db' };
    const after = valid(applyMove(t, m));
    expect(byId(after, 'db-standby')).toMatchObject({ label: 'Orders DB standby (us-east-1b)', domain: 'use1b' });
    expect(describeMove(t, m)).toBe('add a hot standby "Orders DB standby (us-east-1b)" for "Orders DB (us-east-1a)" (db) in a new zone us-east-1b, joined by synchronous replication');
  });

  it('a standby of a store whose label says its role is labelled standby in its place, never "standby (primary, ...)"', () => {
    const t = doc({ domains: ONE_ZONE, components: [users, { id: 'db', kind: 'database', label: 'Orders DB (primary)', domain: 'use1a' }], links: [{ from: 'users', to: 'db' }] });
    const after = valid(applyMove(t, { type: 'add-standby', component: 'db' }));
    expect(byId(after, 'db-standby')).toMatchObject({ label: 'Orders DB (standby, us-east-1b)', role: 'standby' });
  });

  it('second-load-balancer: a hot standby of the load balancer, routing to the same servers, behind the same callers', () => {
    const t = doc({
      domains: REGION,
      components: [users, { id: 'lb', kind: 'loadbalancer', label: 'ALB', domain: 'z1' }, { id: 'web', kind: 'web', replicas: 2, domains: ['z1', 'z2'] }],
      links: [{ from: 'users', to: 'lb' }, { id: 'edge', from: 'lb', to: 'web' }],
    });
    const after = valid(applyMove(t, { type: 'second-load-balancer', component: 'lb' }));
    expect(byId(after, 'lb-standby')).toEqual({ id: 'lb-standby', kind: 'loadbalancer', label: 'ALB standby (z2)', role: 'standby', standby: 'hot', domain: 'z2' });
    expect(after.links).toContainEqual({ from: 'users', to: 'lb-standby' });
    expect(after.links).toContainEqual({ from: 'lb-standby', to: 'web' });
    expect(after.links.filter((l) => l.type === 'replication')).toEqual([]);
    expect(spofIds(after)).toEqual(['r1']);
    expect(candidateMoves(after).some((m) => m.type === 'second-load-balancer')).toBe(false);
  });

  it('second-provider: a second DNS provider in no domain of the first, answering for the same targets', () => {
    const t = doc({
      domains: [{ id: 'aws', kind: 'provider' }],
      components: [users, { id: 'dns', kind: 'dns', label: 'Route 53', domain: 'aws' }, { id: 'lb', kind: 'loadbalancer' }],
      links: [{ from: 'users', to: 'dns' }, { from: 'dns', to: 'lb' }],
    });
    const after = valid(applyMove(t, { type: 'second-provider', component: 'dns' }));
    expect(byId(after, 'dns-2')).toEqual({ id: 'dns-2', kind: 'dns', label: 'Second DNS provider' });
    expect(after.links).toEqual(expect.arrayContaining([{ from: 'users', to: 'dns-2' }, { from: 'dns-2', to: 'lb' }]));
    expect(spofIds(after)).not.toContain('dns');
  });

  it('spread-zones lists the zones of the region, its own first; a one-zone region gets zones up to three', () => {
    const t = doc({ domains: REGION, components: [users, { id: 'app', kind: 'app', replicas: 3, domain: 'z2' }], links: [{ from: 'users', to: 'app' }] });
    expect(spofIds(t)).toContain('z2');
    const after = valid(applyMove(t, { type: 'spread-zones', component: 'app' }));
    expect(byId(after, 'app')).toEqual({ id: 'app', kind: 'app', replicas: 3, domains: ['z2', 'z1', 'z3'] });
    expect(spofIds(after)).not.toContain('z2');
    expect(candidateMoves(after).filter((m) => m.type === 'spread-zones')).toEqual([]);

    const lonely = doc({ domains: ONE_ZONE, components: [users, { id: 'app', kind: 'app', replicas: 3, domain: 'use1a' }], links: [{ from: 'users', to: 'app' }] });
    const m: Move = { type: 'spread-zones', component: 'app' };
    const spread = valid(applyMove(lonely, m));
    expect(spread.domains.map((d) => d.label)).toEqual(['us-east-1', 'us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(byId(spread, 'app').domains).toEqual(['use1a', 'use1b', 'use1c']);
    expect(describeMove(lonely, m)).toBe('spread "app" across the zones us-east-1a, us-east-1b, us-east-1c (adding the zones us-east-1b, us-east-1c)');
  });

  it('move-to-zone: a standby sharing a zone with its primary moves to another zone (a new one in a one-zone region)', () => {
    const t = doc({
      domains: ONE_ZONE,
      components: [users, { id: 'lb1', kind: 'loadbalancer', label: 'LB', domain: 'use1a' }, { id: 'lb2', kind: 'loadbalancer', label: 'LB standby', domain: 'use1a', role: 'standby', standby: 'hot' }],
      links: [{ from: 'users', to: 'lb1' }, { from: 'users', to: 'lb2' }],
    });
    const moves = candidateMoves(t).filter((m) => m.type === 'move-to-zone');
    expect(moves).toEqual([{ type: 'move-to-zone', component: 'lb2' }]);
    const after = valid(applyMove(t, moves[0]));
    expect(byId(after, 'lb2').domain).toBe('use1b');
    expect(describeMove(t, moves[0])).toBe('move "LB standby" (lb2) to a new zone us-east-1b, apart from "LB" (lb1)');
    expect(spofIds(t)).toContain('use1a');
    expect(spofIds(after)).not.toContain('use1a');
    expect(candidateMoves(after).some((m) => m.type === 'move-to-zone')).toBe(false);
  });

  it('hot-standby: a warm standby whose switchover shows in the availability becomes hot', () => {
    const t = doc({
      components: [users, { id: 'db', kind: 'database' }, { id: 'db2', kind: 'database', label: 'Replica', role: 'standby', standby: 'warm', failoverSeconds: 300 }],
      links: [{ from: 'users', to: 'db' }, { from: 'users', to: 'db2' }, { from: 'db', to: 'db2', type: 'replication', mode: 'async' }],
    });
    const m: Move = { type: 'hot-standby', component: 'db2' };
    expect(candidateMoves(t)).toContainEqual(m);
    const after = valid(applyMove(t, m));
    expect(byId(after, 'db2')).toEqual({ id: 'db2', kind: 'database', label: 'Replica', role: 'standby', standby: 'hot' });
    expect(analyze(after).system.availability).toBeGreaterThan(analyze(t).system.availability);
    expect(describeMove(t, m)).toBe('make "Replica" (db2) a hot standby: switchover in 10 s instead of 5 min');
    expect(candidateMoves(after).some((x) => x.type === 'hot-standby')).toBe(false);
  });

  it('managed-preset: RDS Multi-AZ takes its SLA, spans the region, is billed as two instances, and says its source', () => {
    const t = doc({
      domains: REGION,
      components: [users, { id: 'db', kind: 'database', label: 'Orders DB', domain: 'z1', mtbfHours: 1000, mttrHours: 2, costPerMonth: 300 }],
      links: [{ from: 'users', to: 'db' }],
    });
    const m: Move = { type: 'managed-preset', component: 'db', preset: 'aws-rds-multi-az' };
    expect(candidateMoves(t)).toContainEqual(m);
    const applied = applyMoveFully(t, m);
    expect(byId(valid(applied.doc), 'db')).toEqual({ id: 'db', kind: 'database', label: 'Orders DB', mttrHours: 2, availability: 0.9995, domain: 'r1', costPerMonth: 600 });
    expect(applied.hiddenInstances).toBe(1);
    expect(describeMove(t, m)).toBe('make "Orders DB" (db) RDS Multi-AZ: 99.95% (RDS Multi-AZ SLA 99.95%), across the zones of "r1"');
    // Not on another cloud, and not where the component is already as available.
    const gcp = doc({ domains: [{ id: 'gcp', kind: 'provider', label: 'Google Cloud' }], components: [users, { id: 'db', kind: 'database', domain: 'gcp' }], links: [{ from: 'users', to: 'db' }] });
    expect(candidateMoves(gcp).some((x) => x.type === 'managed-preset')).toBe(false);
    const good = doc({ components: [users, { id: 'db', kind: 'database', availability: 0.9999 }], links: [{ from: 'users', to: 'db' }] });
    expect(candidateMoves(good).some((x) => x.type === 'managed-preset')).toBe(false);
  });

  it('managed-preset: a managed service stands alone (no standby, second load balancer or node beside it), and leaves half the budget', () => {
    const t = doc({
      domains: REGION,
      components: [users, { id: 'dns', kind: 'dns' }, { id: 'lb', kind: 'loadbalancer', domain: 'z1' }, { id: 'db', kind: 'database', domain: 'z1' }],
      links: [{ from: 'users', to: 'dns' }, { from: 'dns', to: 'lb' }, { from: 'lb', to: 'db' }],
    });
    const managed = applyMove(applyMove(t, { type: 'managed-preset', component: 'lb', preset: 'aws-elb' }), { type: 'managed-preset', component: 'db', preset: 'aws-rds-multi-az' });
    const on = (x: Topology, id: string) => candidateMoves(x).filter((m) => m.type !== 'second-region' && m.component === id).map((m) => m.type);
    expect(on(t, 'lb')).toEqual(['add-instance', 'second-load-balancer', 'managed-preset']);
    expect(on(managed, 'lb')).toEqual([]);
    expect(on(managed, 'db')).toEqual([]);
    // Nor the other way round: a load balancer with a standby does not become an ELB under it.
    const paired = applyMove(t, { type: 'second-load-balancer', component: 'lb' });
    expect(on(paired, 'lb')).toEqual([]);
    // ELB at 99.99% takes the whole budget of a 99.99% target: not offered; at 99.95% it leaves four fifths.
    const elb = (budget: number) => candidateMoves(t, { budget }).some((m) => m.type === 'managed-preset' && m.component === 'lb');
    expect(elb(1e-4)).toBe(false);
    expect(elb(5e-4)).toBe(true);
  });

  it('add-instance on a load balancer only DNS calls: another node in another zone, the DNS answering with every node', () => {
    const t = doc({
      domains: REGION,
      components: [users, { id: 'dns', kind: 'dns' }, { id: 'lb', kind: 'loadbalancer', label: 'ALB', domain: 'z1' }, { id: 'inner', kind: 'loadbalancer', domain: 'z1' }, { id: 'web', kind: 'web', domain: 'z1' }],
      links: [{ from: 'users', to: 'dns' }, { from: 'dns', to: 'lb' }, { from: 'lb', to: 'web' }, { from: 'web', to: 'inner' }],
    });
    const m: Move = { type: 'add-instance', component: 'lb' };
    expect(candidateMoves(t)).toContainEqual(m);
    // An internal load balancer an app calls by address: a standby with a floating IP instead.
    expect(candidateMoves(t)).not.toContainEqual({ type: 'add-instance', component: 'inner' });
    expect(describeMove(t, m)).toBe('add a load balancer node to "ALB" (lb) (1 → 2, the new one in z2), the DNS answering with every node');
    const two = valid(applyMove(t, m));
    expect(byId(two, 'lb')).toMatchObject({ replicas: 2, domains: ['z1', 'z2'] });
    // Each node in a zone of its own: the third goes to the third zone, not back into the first.
    expect(byId(valid(applyMove(two, m)), 'lb')).toMatchObject({ replicas: 3, domains: ['z1', 'z2', 'z3'] });
  });

  it('offers no move for clients and standbys, and none for what nobody needs', () => {
    const t = doc({
      components: [users, { id: 'db', kind: 'database' }, { id: 'db2', kind: 'database', role: 'standby' }, { id: 'reco', kind: 'service' }],
      links: [{ from: 'users', to: 'db' }, { from: 'users', to: 'db2' }, { from: 'db', to: 'db2', type: 'replication' }, { from: 'users', to: 'reco', optional: true }],
    });
    const moves = candidateMoves(t);
    const subjects = moves.map((m) => (m.type === 'second-region' ? m.region : m.component));
    expect(subjects.filter((id) => ['users', 'reco'].includes(id))).toEqual([]);
    // A standby only gets faster.
    expect(moves.filter((m) => m.type !== 'second-region' && m.component === 'db2')).toEqual([{ type: 'hot-standby', component: 'db2' }]);
  });

  it('in a design without a client, moves the entry point\'s pool but puts nothing beside it that nobody would call', () => {
    const t = doc({ domains: REGION, components: [{ id: 'lb', kind: 'loadbalancer', domain: 'z1' }, { id: 'app', kind: 'app', domain: 'z1' }], links: [{ from: 'lb', to: 'app' }] });
    const moves = candidateMoves(t);
    expect(moves).toContainEqual({ type: 'managed-preset', component: 'lb', preset: 'aws-elb' });
    expect(moves.some((m) => m.type === 'second-load-balancer')).toBe(false);
    expect(moves).toContainEqual({ type: 'add-instance', component: 'app' });
  });

  it('every move on random valid documents keeps the document valid, and says what it does', () => {
    fc.assert(
      fc.property(validTopology, (input) => {
        const r = parseTopology(input);
        if (!r.ok) return;
        // A tiny budget: every region whose loss fails a client blocks, so second regions are tried too.
        for (const m of candidateMoves(r.topology, { budget: 1e-12 })) {
          const after = applyMove(r.topology, m);
          const check = parseTopology(JSON.parse(JSON.stringify(after)));
          expect(check.ok, `${JSON.stringify(m)}: ${check.ok ? '' : check.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`).toBe(true);
          expect(describeMove(r.topology, m).length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 300, seed: 4 },
    );
  });
});
