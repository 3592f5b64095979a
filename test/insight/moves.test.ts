import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { applyMove, candidateMoves, describeMove } from '../../src/engine/insight';
import { groupResolver, parseTopology, type Topology } from '../../src/model';
import { validTopology } from '../model/arbitraries';
import { REGION, doc, users } from './helpers';

const spofIds = (t: Topology) => analyze(t).spofs.map((s) => s.id);
const valid = (t: Topology) => {
  const r = parseTopology(JSON.parse(JSON.stringify(t)));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.topology;
};

describe('moves', () => {
  it('add-instance grows a pool by one', () => {
    const t = doc({ components: [users, { id: 'app', kind: 'app', replicas: 2, minHealthy: 2 }], links: [{ from: 'users', to: 'app' }] });
    const after = valid(applyMove(t, { type: 'add-instance', component: 'app' }));
    expect(after.components[1]).toMatchObject({ replicas: 3, minHealthy: 2 });
    expect(spofIds(t)).toEqual(['app#1', 'app#2']);
    expect(spofIds(after)).toEqual([]);
  });

  it('add-standby on a database: a hot standby in another zone, joined by sync replication, an alternative of the original', () => {
    const t = doc({
      domains: REGION,
      components: [users, { id: 'app', kind: 'app', requires: { 'component:db': { min: 1 } } }, { id: 'db', kind: 'database', label: 'Orders', domain: 'z1', availability: 0.999 }],
      links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'db' }],
    });
    const after = valid(applyMove(t, { type: 'add-standby', component: 'db' }));
    const standby = after.components.find((c) => c.id === 'db-standby')!;
    expect(standby).toEqual({ id: 'db-standby', kind: 'database', label: 'Orders standby', availability: 0.999, role: 'standby', standby: 'hot', domain: 'z2' });
    expect(after.links).toContainEqual({ from: 'db', to: 'db-standby', type: 'replication', mode: 'sync' });
    const groupOf = groupResolver(after);
    const groups = after.links.filter((l) => l.from === 'app').map(groupOf);
    expect(groups).toEqual(['replicas:db', 'replicas:db']);
    // The requirement follows the group's new name.
    expect(after.components.find((c) => c.id === 'app')!.requires).toEqual({ 'replicas:db': { min: 1 } });
    expect(spofIds(t)).toContain('db');
    expect(spofIds(after)).not.toContain('db');
  });

  it('add-standby on a service writes its group out, so the callers see two alternatives', () => {
    const t = doc({ components: [users, { id: 'svc', kind: 'service' }], links: [{ from: 'users', to: 'svc' }] });
    const after = valid(applyMove(t, { type: 'add-standby', component: 'svc' }));
    expect(after.links).toEqual([
      { from: 'users', to: 'svc', group: 'component:svc' },
      { from: 'users', to: 'svc-standby', group: 'component:svc' },
    ]);
    expect(spofIds(after)).toEqual([]);
  });

  it('add-standby on a load balancer relies on the kind rule and copies what the original needs', () => {
    const t = doc({
      components: [users, { id: 'lb', kind: 'loadbalancer' }, { id: 'web', kind: 'web', replicas: 2 }],
      links: [{ from: 'users', to: 'lb' }, { id: 'edge', from: 'lb', to: 'web' }],
      // The copy gets no position: the editor places it beside the original.
    });
    const withView = { ...t, view: { positions: { lb: { x: 100, y: 50 } } } };
    const after = valid(applyMove(withView, { type: 'add-standby', component: 'lb' }));
    expect(after.links).toContainEqual({ from: 'users', to: 'lb-standby' });
    expect(after.links).toContainEqual({ from: 'lb-standby', to: 'web' });
    expect(after.links.filter((l) => l.type === 'replication')).toEqual([]);
    expect(after.view?.positions?.['lb-standby']).toBeUndefined();
    expect(after.view?.positions?.lb).toEqual({ x: 100, y: 50 });
    expect(spofIds(after)).toEqual([]);
  });

  it('spread-zones lists the zones of the region, its own first', () => {
    const t = doc({ domains: REGION, components: [users, { id: 'app', kind: 'app', replicas: 3, domain: 'z2' }], links: [{ from: 'users', to: 'app' }] });
    expect(spofIds(t)).toContain('z2');
    const after = valid(applyMove(t, { type: 'spread-zones', component: 'app' }));
    expect(after.components[1]).toEqual({ id: 'app', kind: 'app', replicas: 3, domains: ['z2', 'z1', 'z3'] });
    expect(spofIds(after)).not.toContain('z2');
    // Already spread as far as it goes: no such move.
    expect(candidateMoves(after).filter((m) => m.type === 'spread-zones')).toEqual([]);
  });

  it('replicate-region adds a region when there is none, and uses the second one when there is', () => {
    const parts = {
      components: [users, { id: 'app', kind: 'app' as const, replicas: 2, domains: ['z1', 'z2'] }],
      links: [{ from: 'users', to: 'app' }],
    };
    const one = doc({ domains: [{ id: 'aws', kind: 'provider' }, { ...REGION[0], parent: 'aws' }, ...REGION.slice(1)], ...parts });
    const after = valid(applyMove(one, { type: 'replicate-region', component: 'app' }));
    expect(after.domains.at(-1)).toEqual({ id: 'r1-2', kind: 'region', label: 'r1 (second region)', parent: 'aws' });
    expect(after.components.at(-1)).toEqual({ id: 'app-r1-2', kind: 'app', label: 'app (r1 (second region))', domain: 'r1-2', replicas: 2 });
    expect(spofIds(after)).toEqual(['aws']);

    const two = doc({ domains: [...REGION, { id: 'r2', kind: 'region', label: 'West' }, { id: 'w1', kind: 'zone', parent: 'r2' }, { id: 'w2', kind: 'zone', parent: 'r2' }], ...parts });
    const moved = valid(applyMove(two, { type: 'replicate-region', component: 'app' }));
    expect(moved.domains).toEqual(two.domains);
    expect(moved.components.at(-1)).toMatchObject({ id: 'app-r2', domains: ['w1', 'w2'], replicas: 2 });
    // Once a copy sits there, replicating again into the same region is no move.
    expect(candidateMoves(moved).some((m) => m.type === 'replicate-region' && m.component === 'app')).toBe(false);
  });

  it('replicate-region makes a data store copy a hot standby fed by async replication', () => {
    const t = doc({
      domains: [...REGION, { id: 'r2', kind: 'region' }],
      components: [users, { id: 'db', kind: 'database', domain: 'z1' }],
      links: [{ from: 'users', to: 'db' }],
    });
    const after = valid(applyMove(t, { type: 'replicate-region', component: 'db' }));
    expect(after.components.at(-1)).toMatchObject({ id: 'db-r2', role: 'standby', standby: 'hot', domain: 'r2' });
    expect(after.links).toContainEqual({ from: 'db', to: 'db-r2', type: 'replication', mode: 'async' });
    expect(describeMove(t, { type: 'replicate-region', component: 'db' })).toBe('replicate "db" into region "r2" as "db-r2"');
  });

  it('offers no move for clients and standbys, and no standby for what nobody needs', () => {
    const t = doc({
      components: [users, { id: 'db', kind: 'database' }, { id: 'db2', kind: 'database', role: 'standby' }, { id: 'reco', kind: 'service' }],
      links: [{ from: 'users', to: 'db' }, { from: 'users', to: 'db2' }, { from: 'db', to: 'db2', type: 'replication' }, { from: 'users', to: 'reco', optional: true }],
    });
    const moves = candidateMoves(t);
    expect(moves.filter((m) => ['users', 'db2'].includes(m.component))).toEqual([]);
    expect(moves).not.toContainEqual({ type: 'add-standby', component: 'reco' });
    expect(moves).toContainEqual({ type: 'add-standby', component: 'db' });
  });

  it('every move on random valid documents keeps the document valid', () => {
    fc.assert(
      fc.property(validTopology, (input) => {
        const r = parseTopology(input);
        if (!r.ok) return;
        for (const m of candidateMoves(r.topology)) {
          const after = applyMove(r.topology, m);
          const check = parseTopology(JSON.parse(JSON.stringify(after)));
          expect(check.ok, `${m.type} ${m.component}: ${check.ok ? '' : check.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`).toBe(true);
          expect(describeMove(r.topology, m).length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 200, seed: 4 },
    );
  });
});
