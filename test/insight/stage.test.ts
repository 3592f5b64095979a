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

  it('a design without a database component stays at stage 1, however redundant', () => {
    const t = doc({ components: [users, { id: 'lb', kind: 'loadbalancer', replicas: 2 }, web({ replicas: 3 })], links: [{ from: 'users', to: 'lb' }, { from: 'lb', to: 'web' }] });
    expect(stage(t).level).toBe(1);
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
