import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import type { Topology } from '../../src/model';
import type { SpofReport } from '../../src/engine';
import { canvasIdOf, failableIds, marksOf, othersDownCount, shownMarksOf, spofEffect, spofSentence, whatIfMarksOf } from '../../src/store/analysisMarks';
import { elementName, listWords } from '../../src/store/elementNames';
import { templateById } from '../../src/templates';

const stage3 = templateById('stage3')!.topology;

const doc = (components: Topology['components'], links: Topology['links'], domains: Topology['domains'] = []): Topology =>
  ({ format: 'spof-topology', version: 2, name: 't', domains, components, links });

describe('marks from a report', () => {
  it('stage 3: the load balancer, the database, the DNS and the zone and region are SPOFs; the web servers a pair', () => {
    const marks = marksOf(stage3, analyze(stage3));
    expect([...marks.spofIds].sort()).toEqual(['db', 'dns', 'lb', 'use1', 'use1a']);
    expect([...marks.pairIds].sort()).toEqual(['web1', 'web2']);
    expect(marks.notes.get('lb')).toMatch(/^Single point of failure\.\nIf Load balancer fails, it cuts off Users/);
    expect(marks.notes.get('web1')).toContain('together with Web server 2');
  });

  it('an instance SPOF marks its pool; a switchover is never a mark', () => {
    const t = doc(
      [{ id: 'users', kind: 'client' }, { id: 'app', kind: 'app', label: 'App', replicas: 3, minHealthy: 3 },
        { id: 'db', kind: 'database' }, { id: 'db2', kind: 'database', role: 'standby', standby: 'cold' }],
      [{ from: 'users', to: 'app' }, { from: 'app', to: 'db' }, { from: 'app', to: 'db2' }, { from: 'db', to: 'db2', type: 'replication', mode: 'async' }],
    );
    const report = analyze(t);
    expect(report.spofs.map((s) => s.id)).toEqual(['app#1', 'app#2', 'app#3']);
    const marks = marksOf(t, report);
    expect([...marks.spofIds]).toEqual(['app']);
    expect(marks.notes.get('app')).toContain('App, instance 2 of 3');
    expect(marks.spofIds.has('db2')).toBe(false);
    expect(canvasIdOf(t, 'failover:db2')).toBe('db2');
  });

  it('an imperfect network link that is a SPOF marks its edge, by the canvas key', () => {
    const t = doc(
      [{ id: 'users', kind: 'client' }, { id: 'api', kind: 'app' }],
      [{ from: 'users', to: 'api', availability: 0.999 }],
    );
    const marks = marksOf(t, analyze(t));
    expect(marks.spofIds.has('users->api')).toBe(true);
    expect(elementName(t, 'users->api')).toBe('link users → api');
  });

  it('a link named by its own id is found by it (the links are indexed only when such an id is asked for)', () => {
    const t = doc(
      [{ id: 'users', kind: 'client' }, { id: 'api', kind: 'app' }, { id: 'db', kind: 'database' }],
      [{ from: 'users', to: 'api' }, { id: 'uplink', from: 'api', to: 'db', availability: 0.999 }],
    );
    // Names of components first: the links' index is not needed for them, and is right once made.
    expect(elementName(t, 'api')).toBe('api');
    const marks = marksOf(t, analyze(t));
    expect(marks.spofIds.has('uplink')).toBe(true);
    expect(marks.notes.get('uplink')).toContain('If link api → db fails');
    expect(canvasIdOf(t, 'users->api')).toBe('users->api');
    expect(canvasIdOf(t, 'api->db')).toBeUndefined();
  });

  it('what-if marks: what is down and which clients are served', () => {
    const t = templateById('stage6')!.topology;
    const w = whatIfMarksOf(analyze(t, { failed: ['use1a'] }));
    expect(w.served.has('users')).toBe(true);
    expect([...w.down]).toEqual(expect.arrayContaining(['lb1', 'web1', 'db']));
    expect(w.down.has('web2')).toBe(false);
    expect(whatIfMarksOf(null).down.size).toBe(0);
  });

  it('what-if: the marks are the what-if SPOFs and pairs, and none stays on what is failed or down', () => {
    const t = templateById('multi-region')!.topology;
    const report = analyze(t);
    for (const failed of [['use1a'], ['use1']]) {
      const whatIf = analyze(t, { failed });
      const marks = shownMarksOf(t, report, whatIf);
      const gone = new Set([...failed, ...whatIf.whatIf!.down]);
      for (const id of gone) {
        expect(marks.spofIds.has(id), `${failed}: ${id}`).toBe(false);
        expect(marks.pairIds.has(id), `${failed}: ${id}`).toBe(false);
      }
      // The DNS and the CDN would still cut off the readers, who are still served.
      expect(marks.spofIds.has('dns')).toBe(true);
      expect(marks.spofIds.has('cdn')).toBe(true);
      // The primary database is a SPOF of the design, but down in both: no mark.
      expect(marksOf(t, report).spofIds.has('db-primary')).toBe(true);
      expect(marks.spofIds.has('db-primary')).toBe(false);
    }
    // Without failures the design's own marks.
    expect(shownMarksOf(t, report, null).spofIds).toEqual(marksOf(t, report).spofIds);
  });

  it('what stops serving is counted without the failed element and the clients it cuts off', () => {
    const r = analyze(stage3);
    const count = (id: string) => othersDownCount(r.spofs.find((s) => s.id === id)!);
    // DNS cuts off the users and nothing else needs it; the load balancer takes DNS with it.
    expect(count('dns')).toBe(0);
    expect(count('lb')).toBe(1);
    // A zone takes what is in it and what needs it, none of them the zone itself.
    const zone = r.spofs.find((s) => s.id === 'use1a')!;
    expect(count('use1a')).toBe(zone.down.length - zone.clients.length);
  });

  it('a SPOF\'s effect says each other served only the clients whose path reaches it', () => {
    const t = doc(
      [{ id: 'shoppers', kind: 'client', label: 'Shoppers' }, { id: 'admins', kind: 'client', label: 'Admins' },
        { id: 'web', kind: 'web', label: 'Web' }, { id: 'admin', kind: 'app', label: 'Admin tool' },
        { id: 'worker', kind: 'service', label: 'Worker' }, { id: 'db', kind: 'database', label: 'DB' }],
      [{ from: 'shoppers', to: 'web' }, { from: 'admins', to: 'admin' }, { from: 'web', to: 'db' }, { from: 'admin', to: 'db' }, { from: 'worker', to: 'db' }],
    );
    const db = analyze(t).spofs.find((s) => s.id === 'db')!;
    expect(db.down).toContain('worker');
    // The worker (nothing calls it) served no one; the admin tool never served the shoppers.
    expect(spofSentence(t, db)).toBe('If DB fails, it cuts off Shoppers and Admins; Web can no longer serve Shoppers; Admin tool can no longer serve Admins; Worker stops too.');
    // Without a client, the implicit one in front of the entry point is served by what its path reaches.
    const entry = doc([{ id: 'lb', kind: 'loadbalancer', label: 'LB' }, { id: 'db', kind: 'database', label: 'DB' }], [{ from: 'lb', to: 'db' }]);
    expect(spofSentence(entry, analyze(entry).spofs.find((s) => s.id === 'db')!)).toBe('If DB fails, it cuts off Users of LB; LB can no longer serve Users of LB.');
  });

  it('failable ids: drops deleted elements, groups, replication links and instances past the pool', () => {
    const t = doc(
      [{ id: 'users', kind: 'client' }, { id: 'app', kind: 'app', replicas: 2 }, { id: 'db', kind: 'database' }, { id: 'db2', kind: 'database', role: 'replica' }],
      [{ from: 'users', to: 'app' }, { from: 'app', to: 'db' }, { from: 'db', to: 'db2', type: 'replication' }, { from: 'app', to: 'db2', optional: true }],
      [{ id: 'team', kind: 'group' }, { id: 'z', kind: 'zone' }],
    );
    expect(failableIds(t, ['app#2', 'app#3', 'team', 'z', 'gone', 'users->app', 'db=>db2', 'app->db2', 'users'])).toEqual(['app#2', 'z', 'users->app', 'users']);
  });

  it('sentences list long blast radii readably', () => {
    expect(listWords(['a'])).toBe('a');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listWords(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe('a, b, c, d and 3 more');
    expect(listWords(['a', 'b', 'c', 'd', 'e'], 5, 1200)).toBe('a, b, c, d and 1,196 more');
    const s = analyze(stage3).spofs.find((x) => x.id === 'use1a')!;
    expect(spofSentence(stage3, s)).toBe('If us-east-1a fails, it cuts off Users; DNS, Load balancer, Web server 1, Web server 2 and Database can no longer serve Users.');
  });

  it('a SPOF at the top of a long chain under many clients: a few of its others named, the rest counted, its blast radius read only that far', () => {
    const users = Array.from({ length: 200 }, (_, i) => `u${i}`);
    const chain = Array.from({ length: 5000 }, (_, i) => `c${i}`);
    const t = doc(
      [...users.map((id) => ({ id, kind: 'client' as const })), ...chain.map((id) => ({ id, kind: 'service' as const }))],
      [...users.map((from) => ({ from, to: 'c0' })), ...chain.slice(1).map((to, i) => ({ from: chain[i], to }))],
    );
    // The last service fails everything above it. Each other named is checked against every
    // client: count how often the sentence reads the list of clients.
    let reads = 0;
    const clients = new Proxy(users, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const s: SpofReport = { id: 'c4999', type: 'component', label: 'c4999', clients, down: [...users, ...chain] };
    expect(spofEffect(t, s)).toBe('Cuts off u0, u1, u2, u3 and 196 more; 4,999 others that need it stop serving: c0, c1, c2, c3 and 4,995 more.');
    expect(reads).toBeLessThan(50 * users.length);
  });

  it('a tooltip is written when it is read: marking a report does not read its blast radii', () => {
    const t = doc(
      [{ id: 'u', kind: 'client', label: 'Users' }, ...Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, kind: 'service' as const }))],
      [{ from: 'u', to: 'c0' }, ...Array.from({ length: 39 }, (_, i) => ({ from: `c${i}`, to: `c${i + 1}` }))],
    );
    const r = analyze(t);
    const read = new Set<string>();
    const watched = { ...r, spofs: r.spofs.map((s) => ({ ...s, down: new Proxy(s.down, { get: (list, key, receiver) => (read.add(s.id), Reflect.get(list, key, receiver)) }) })) };
    const marks = marksOf(t, watched);
    expect(marks.spofIds.size).toBe(40);
    expect(read.size).toBe(0);
    expect(marks.notes.get('c39')).toBe('Single point of failure.\nIf c39 fails, it cuts off Users; 39 others that need it stop serving: c0, c1, c2, c3 and 35 more.');
    expect([...read]).toEqual(['c39']);
  });
});
