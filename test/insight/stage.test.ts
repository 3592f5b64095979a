import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { stageOf } from '../../src/engine/insight';
import type { Topology } from '../../src/model';
import { TEMPLATES } from '../../src/templates';
import { REGION, doc, users } from './helpers';

const stage = (t: Topology) => stageOf(t, analyze(t));
const STAGE_IDS = ['stage1', 'stage2', 'stage3', 'stage4', 'stage5', 'stage6', 'stage7'];

describe('the seven stage templates', () => {
  const stages = STAGE_IDS.map((id) => {
    const tpl = TEMPLATES.find((x) => x.id === id);
    if (!tpl) throw new Error(`no template "${id}"`);
    return tpl.topology;
  });

  it.each(STAGE_IDS.map((id, i) => [id, i + 1] as const))('%s is recognised as stage %i', (_id, level) => {
    const s = stage(stages[level - 1]);
    expect(s.level).toBe(level);
    expect(s.next.length).toBeGreaterThan(10);
    if (level < 7) expect(s.next).toMatch(new RegExp(`^Stage ${level + 1}:`));
  });

  it('from stage 2 on, each stage is more available than the one before', () => {
    const a = stages.map((t) => analyze(t).system.availability);
    for (let k = 2; k < 7; k++) expect(a[k], `stage ${k + 1} vs stage ${k}`).toBeGreaterThan(a[k - 1]);
    // Stage 2 only moves the database to a server of its own, in series.
    expect(a[1]).toBeLessThanOrEqual(a[0]);
  });

  it('never reads labels: relabelling every element keeps every stage', () => {
    for (const t of stages) {
      const relabelled: Topology = {
        ...t,
        components: t.components.map((c) => ({ ...c, label: 'Database load balancer' })),
        domains: t.domains.map((d) => ({ ...d, label: 'zone' })),
      };
      expect(stage(relabelled).level).toBe(stage(t).level);
    }
  });
});

describe('the stage conditions', () => {
  const web = (extra: object = {}) => ({ id: 'web', kind: 'web' as const, ...extra });
  const db = { id: 'db', kind: 'database' as const };

  it('a design without a data store stays at stage 1, however redundant', () => {
    const t = doc({ components: [users, { id: 'lb', kind: 'loadbalancer', replicas: 2 }, web({ replicas: 3 })], links: [{ from: 'users', to: 'lb' }, { from: 'lb', to: 'web' }] });
    expect(stage(t).level).toBe(1);
    expect(stage(t).next).toMatch(/^Stage 2: keep the data in a component of its own .*database, cache, storage or queue/);
  });

  it.each(['database', 'cache', 'storage', 'queue'] as const)('data in a %s of its own reaches stage 2', (kind) => {
    const t = doc({ components: [users, web(), { id: 'data', kind }], links: [{ from: 'users', to: 'web' }, { from: 'web', to: 'data' }] });
    expect(stage(t).level).toBe(2);
  });

  it('a database no client reaches holds no data yet: stage 1', () => {
    const t = doc({ components: [users, web(), db], links: [{ from: 'users', to: 'web' }] });
    expect(stage(t).level).toBe(1);
  });

  it('a service that is a SPOF holds the design at stage 2, like a web server', () => {
    const t = doc({
      components: [users, { id: 'lb', kind: 'loadbalancer', replicas: 2 }, web({ replicas: 2 }), { id: 'cart', kind: 'service', label: 'Cart' }, db],
      links: [{ from: 'users', to: 'lb' }, { from: 'lb', to: 'web' }, { from: 'web', to: 'cart' }, { from: 'cart', to: 'db' }],
    });
    const s = stage(t);
    expect(s).toMatchObject({ level: 2, blockers: ['cart'] });
    expect(s.next).toContain('"Cart" (cart) is a single point of failure');
  });

  it('stage 3 needs a load balancer, not only redundant web servers', () => {
    const t = doc({ components: [users, web({ replicas: 2 }), db], links: [{ from: 'users', to: 'web' }, { from: 'web', to: 'db' }] });
    const s = stage(t);
    expect(s.level).toBe(2);
    expect(s.next).toMatch(/load balancer/);
  });

  it('a web server that is a SPOF holds the design at stage 2, and is named', () => {
    const t = doc({ components: [users, { id: 'lb', kind: 'loadbalancer' }, web(), db], links: [{ from: 'users', to: 'lb' }, { from: 'lb', to: 'web' }, { from: 'web', to: 'db' }] });
    const s = stage(t);
    expect(s.level).toBe(2);
    expect(s.blockers).toEqual(['web']);
  });

  it('stage 4 is blocked by a database SPOF even when the load balancer is redundant', () => {
    const t = doc({
      components: [users, { id: 'lb', kind: 'loadbalancer', replicas: 2 }, web({ replicas: 2 }), db],
      links: [{ from: 'users', to: 'lb' }, { from: 'lb', to: 'web' }, { from: 'web', to: 'db' }],
    });
    expect(stage(t)).toMatchObject({ level: 3, blockers: ['db'] });
  });

  it('stage 6 needs two occupied zones; stage 7 two occupied regions', () => {
    const parts = (domains: string[]) => ({
      components: [
        users,
        { id: 'lb', kind: 'loadbalancer' as const, replicas: 2, domains },
        web({ replicas: 2, domains }),
        { id: 'db', kind: 'database' as const, domain: domains[0] },
        { id: 'db2', kind: 'database' as const, role: 'standby' as const, standby: 'hot' as const, domain: domains[1] },
      ],
      links: [
        { from: 'users', to: 'lb' }, { from: 'lb', to: 'web' }, { from: 'web', to: 'db' }, { from: 'web', to: 'db2' },
        { from: 'db', to: 'db2', type: 'replication' as const, mode: 'sync' as const },
      ],
    });
    expect(stage(doc({ domains: REGION, ...parts(['z1', 'z1']) })).level).toBe(5);
    expect(stage(doc({ domains: REGION, ...parts(['z1', 'z2']) })).level).toBe(6);
    const twoRegions = [...REGION, { id: 'r2', kind: 'region' as const }, { id: 'y1', kind: 'zone' as const, parent: 'r2' }];
    expect(stage(doc({ domains: twoRegions, ...parts(['z1', 'y1']) })).level).toBe(7);
  });
});

describe('the SPOFs left at a stage', () => {
  const stage7 = TEMPLATES.find((x) => x.id === 'stage7')!.topology;

  it('stage 7 with DNS a SPOF says so, and the next step is to remove it, never "every stage is reached"', () => {
    const s = stage(stage7);
    expect(s.level).toBe(7);
    expect(s.left).toEqual(['dns']);
    expect(s.summary).toBe('Stage 7 of 7: multiple regions, but "DNS" (dns) is still a single point of failure');
    expect(s.next).toBe('remove the single point of failure left: "DNS" (dns)');
    expect(s.blockers).toEqual(['dns']);
  });

  it('a stage with no SPOF left says nothing more', () => {
    // A second DNS provider beside the first: nothing is left.
    const t: Topology = {
      ...stage7,
      components: [...stage7.components, { id: 'dns2', kind: 'dns', label: 'DNS 2' }],
      links: [...stage7.links.filter((l) => l.to !== 'dns'), ...stage7.links.filter((l) => l.to === 'dns').flatMap((l) => [l, { ...l, id: undefined, to: 'dns2' }]),
        ...stage7.links.filter((l) => l.from === 'dns').map((l) => ({ ...l, id: undefined, from: 'dns2' }))],
    };
    const s = stage(t);
    expect(s.level).toBe(7);
    expect(s.left).toEqual([]);
    expect(s.summary).toBe('Stage 7 of 7: multiple regions');
    expect(s.next).toMatch(/^every stage is reached and no single point of failure is left/);
  });

  it('the multi-region template is held at stage 2 by its Write API, a service that is a SPOF for the writers', () => {
    const s = stage(TEMPLATES.find((x) => x.id === 'multi-region')!.topology);
    expect(s).toMatchObject({ level: 2, blockers: ['write-api'] });
    expect(s.summary).toMatch(/^Stage 2 of 7: separate database server, but "Route 53" \(dns\), "Global CDN" \(cdn\), .* are still single points of failure$/);
  });

  it('one SPOF left is "is still", several "are still"; a lower stage names them too', () => {
    const t = doc({ components: [users, { id: 'lb', kind: 'loadbalancer', label: 'LB' }, { id: 'web', kind: 'web', label: 'Web' }, { id: 'db', kind: 'database', label: 'DB' }], links: [{ from: 'users', to: 'lb' }, { from: 'lb', to: 'web' }, { from: 'web', to: 'db' }] });
    const s = stage(t);
    expect(s.level).toBe(2);
    expect(s.summary).toBe('Stage 2 of 7: separate database server, but "LB" (lb), "Web" (web) and "DB" (db) are still single points of failure');
  });

  it('the next step never contradicts the SPOF list: every SPOF it names is one, and at stage 7 it names them all', () => {
    for (const tpl of TEMPLATES) {
      const report = analyze(tpl.topology);
      const s = stageOf(tpl.topology, report);
      const spofs = new Set(report.spofs.map((x) => x.id));
      for (const id of s.blockers) expect(spofs.has(id), `${tpl.id}: ${id}`).toBe(true);
      expect(s.left).toEqual(report.spofs.map((x) => x.id));
      if (spofs.size > 0) expect(s.next, tpl.id).not.toMatch(/no single point of failure is left/);
    }
  });
});

describe('an Online Boutique-like design (eleven services on Kubernetes, a Redis cart)', () => {
  const services = ['frontend', 'cart', 'checkout', 'currency', 'payment', 'shipping', 'email', 'catalog', 'recommendation', 'ad'];
  const t = doc({
    components: [
      users, { id: 'frontend-external', kind: 'loadbalancer', label: 'frontend-external' },
      ...services.map((id) => ({ id, kind: 'service' as const, label: `${id}service` })),
      { id: 'redis-cart', kind: 'cache', label: 'redis-cart' },
    ],
    links: [
      { from: 'users', to: 'frontend-external' }, { from: 'frontend-external', to: 'frontend' },
      ...services.filter((id) => id !== 'frontend').map((id) => ({ from: 'frontend', to: id })),
      { from: 'cart', to: 'redis-cart' },
    ],
  });

  it('is not stage 1: the cart lives in Redis, a component of its own; its services hold it at stage 2', () => {
    const s = stage(t);
    expect(s.level).toBe(2);
    expect(s.next).toMatch(/^Stage 3: run a second instance of each server and service behind the load balancer/);
    expect(s.blockers).toEqual(expect.arrayContaining(['frontend', 'cart']));
    expect(s.summary).toMatch(/^Stage 2 of 7: separate database server, but .* and \d+ more are still single points of failure$/);
  });
});

describe('without a client', () => {
  it('is staged from its entry points: the SPOFs of the implicit clients count', () => {
    const t = doc({
      domains: REGION,
      components: [{ id: 'lb', kind: 'loadbalancer', replicas: 2, domains: ['z1', 'z2'] }, { id: 'db', kind: 'database', replicas: 2, domains: ['z1', 'z2'] }],
      links: [{ from: 'lb', to: 'db' }],
    });
    const s = stage(t);
    expect(s.level).toBe(6);
    expect(s.next).toMatch(/^Stage 7: replicate the system into a second region/);
  });

  it('nothing connected: stage 1 and what to draw, whatever has been placed', () => {
    const t = doc({
      domains: REGION,
      components: [{ id: 'lb', kind: 'loadbalancer', replicas: 2, domains: ['z1', 'z2'] }, { id: 'db', kind: 'database', replicas: 2, domains: ['z1', 'z2'] }],
      links: [],
    });
    const s = stage(t);
    expect(s.level).toBe(1);
    expect(s.next).toMatch(/^connect the design: draw a link from the users/);
  });
});
