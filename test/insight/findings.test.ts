import { describe, expect, it } from 'vitest';
import { FINDING_RULES } from '../../src/engine/insight';
import type { ComponentKind, Topology } from '../../src/model';
import { REGION, doc, insightOf, users } from './helpers';

const codesOf = (t: Topology) => insightOf(t).findings.map((f) => f.code);
const findingsOf = (t: Topology, code: string) => insightOf(t).findings.filter((f) => f.code === code);

/** users -> x of the kind; `clean` makes x a pool of two (no instance is a SPOF). */
function single(kind: ComponentKind, clean: boolean): Topology {
  return doc({
    components: [users, { id: 'x', kind, label: 'The X', ...(clean ? { replicas: 2 } : {}) }, { id: 'data', kind: 'database', replicas: 2 }],
    links: [{ from: 'users', to: 'x' }, ...(kind === 'database' ? [] : [{ from: 'x', to: 'data' }])],
  });
}

// Every rule of the catalogue: a document that triggers it and one that does not.
const CASES: Record<string, { trigger: () => Topology; clean: () => Topology; ids?: string[] }> = {
  'spof-dns': { trigger: () => single('dns', false), clean: () => single('dns', true), ids: ['x'] },
  'spof-cdn': { trigger: () => single('cdn', false), clean: () => single('cdn', true), ids: ['x'] },
  'spof-loadbalancer': { trigger: () => single('loadbalancer', false), clean: () => single('loadbalancer', true), ids: ['x'] },
  'spof-compute': { trigger: () => single('app', false), clean: () => single('app', true), ids: ['x'] },
  'spof-service': { trigger: () => single('service', false), clean: () => single('service', true), ids: ['x'] },
  'spof-database': { trigger: () => single('database', false), clean: () => single('database', true), ids: ['x'] },
  'spof-cache': { trigger: () => single('cache', false), clean: () => single('cache', true), ids: ['x'] },
  'spof-storage': { trigger: () => single('queue', false), clean: () => single('queue', true), ids: ['x'] },
  'spof-external': { trigger: () => single('external', false), clean: () => single('external', true), ids: ['x'] },
  'spof-zone': {
    trigger: () => doc({ domains: REGION, components: [users, { id: 'app', kind: 'app', replicas: 2, domain: 'z1' }], links: [{ from: 'users', to: 'app' }] }),
    clean: () => doc({ domains: REGION, components: [users, { id: 'app', kind: 'app', replicas: 2, domains: ['z1', 'z2'] }], links: [{ from: 'users', to: 'app' }] }),
    ids: ['z1'],
  },
  'spof-host': {
    trigger: () => doc({ domains: [{ id: 'h1', kind: 'host' }], components: [users, { id: 'app', kind: 'app', replicas: 2, domain: 'h1' }], links: [{ from: 'users', to: 'app' }] }),
    clean: () => doc({ domains: [{ id: 'h1', kind: 'host' }, { id: 'h2', kind: 'host' }], components: [users, { id: 'app', kind: 'app', replicas: 2, domains: ['h1', 'h2'] }], links: [{ from: 'users', to: 'app' }] }),
    ids: ['h1'],
  },
  'spof-region': {
    trigger: () => doc({ domains: REGION, components: [users, { id: 'app', kind: 'app', replicas: 2, domains: ['z1', 'z2'] }], links: [{ from: 'users', to: 'app' }] }),
    clean: () => doc({
      domains: [...REGION, { id: 'r2', kind: 'region' }, { id: 'y1', kind: 'zone', parent: 'r2' }],
      components: [users, { id: 'app', kind: 'app', replicas: 2, domains: ['z1', 'y1'] }],
      links: [{ from: 'users', to: 'app' }],
    }),
    ids: ['r1'],
  },
  'spof-provider': {
    trigger: () => doc({ domains: [{ id: 'p', kind: 'provider' }], components: [users, { id: 'app', kind: 'app', replicas: 2, domain: 'p' }], links: [{ from: 'users', to: 'app' }] }),
    clean: () => doc({ domains: [{ id: 'p', kind: 'provider' }, { id: 'q', kind: 'provider' }], components: [users, { id: 'app', kind: 'app', replicas: 2, domains: ['p', 'q'] }], links: [{ from: 'users', to: 'app' }] }),
    ids: ['p'],
  },
  'spof-link': {
    trigger: () => doc({ components: [users, { id: 'app', kind: 'app', replicas: 2 }], links: [{ id: 'net', from: 'users', to: 'app', availability: 0.999 }] }),
    clean: () => doc({ components: [users, { id: 'app', kind: 'app', replicas: 2 }], links: [{ id: 'net', from: 'users', to: 'app' }] }),
    ids: ['net'],
  },
  'optional-required': {
    trigger: () => doc({
      components: [users, { id: 'app', kind: 'app' }, { id: 'cart', kind: 'service' }, { id: 'reco', kind: 'service' }],
      links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'reco', optional: true }, { from: 'app', to: 'cart' }, { from: 'cart', to: 'reco' }],
    }),
    clean: () => doc({
      components: [users, { id: 'app', kind: 'app' }, { id: 'cart', kind: 'service' }, { id: 'reco', kind: 'service' }],
      links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'reco', optional: true }, { from: 'app', to: 'cart' }, { from: 'cart', to: 'reco', optional: true }],
    }),
    ids: ['app->reco', 'app', 'reco'],
  },
  'pool-one-zone': {
    trigger: () => doc({ domains: REGION, components: [users, { id: 'app', kind: 'app', replicas: 3, domain: 'z1' }], links: [{ from: 'users', to: 'app' }] }),
    clean: () => doc({ domains: REGION, components: [users, { id: 'app', kind: 'app', replicas: 3, domains: ['z1', 'z2', 'z3'] }], links: [{ from: 'users', to: 'app' }] }),
    ids: ['app', 'z1'],
  },
  'cold-standby-failover': {
    trigger: () => coldStandby('cold', false),
    clean: () => coldStandby('warm', false),
    ids: ['db2', 'failover:db2'],
  },
  'pool-one-region': {
    trigger: () => doc({ domains: REGION, components: [users, { id: 'app', kind: 'app', replicas: 2, domains: ['z1', 'z2'] }], links: [{ from: 'users', to: 'app' }] }),
    clean: () => doc({
      domains: [...REGION, { id: 'r2', kind: 'region' }, { id: 'y1', kind: 'zone', parent: 'r2' }],
      components: [users, { id: 'app', kind: 'app', replicas: 2, domains: ['z1', 'y1'] }],
      links: [{ from: 'users', to: 'app' }],
    }),
    ids: ['app', 'r1'],
  },
  'async-replication': {
    trigger: () => replicated('async'),
    clean: () => replicated('sync'),
    ids: ['repl', 'db', 'db2'],
  },
  'client-no-data-store': {
    trigger: () => doc({ components: [users, { id: 'app', kind: 'app' }], links: [{ from: 'users', to: 'app' }] }),
    clean: () => doc({ components: [users, { id: 'app', kind: 'app' }, { id: 'db', kind: 'database' }], links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'db' }] }),
    ids: ['users'],
  },
  'unreached-component': {
    trigger: () => doc({ components: [users, { id: 'db', kind: 'database' }, { id: 'old', kind: 'service' }], links: [{ from: 'users', to: 'db' }] }),
    clean: () => doc({ components: [users, { id: 'db', kind: 'database' }, { id: 'old', kind: 'service' }], links: [{ from: 'users', to: 'db' }, { from: 'users', to: 'old' }] }),
    ids: ['old'],
  },
};

function coldStandby(standby: 'cold' | 'warm', withBigSpof: boolean): Topology {
  return doc({
    components: [
      users, { id: 'db', kind: 'database' }, { id: 'db2', kind: 'database', role: 'standby', standby },
      ...(withBigSpof ? [{ id: 'ext', kind: 'external' as const, availability: 0.95 }] : []),
    ],
    links: [
      { from: 'users', to: 'db' }, { from: 'users', to: 'db2' },
      { from: 'db', to: 'db2', type: 'replication', mode: 'sync' },
      ...(withBigSpof ? [{ from: 'users', to: 'ext' }] : []),
    ],
  });
}

function replicated(mode: 'async' | 'sync'): Topology {
  return doc({
    components: [users, { id: 'db', kind: 'database' }, { id: 'db2', kind: 'database', role: 'standby', standby: 'hot' }],
    links: [
      { from: 'users', to: 'db' }, { from: 'users', to: 'db2' },
      { id: 'repl', from: 'db', to: 'db2', type: 'replication', mode, ...(mode === 'async' ? { lagSeconds: 5 } : {}) },
    ],
  });
}

describe('the finding catalogue', () => {
  it('has unique codes, and a trigger and a clean case for every rule', () => {
    const codes = FINDING_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(CASES).sort()).toEqual([...codes].sort());
  });

  describe.each(Object.entries(CASES))('%s', (code, c) => {
    it('fires on the design that has the problem, naming its elements', () => {
      const found = findingsOf(c.trigger(), code);
      expect(found.length).toBeGreaterThan(0);
      const f = found[0];
      expect(f.severity).toBe(FINDING_RULES.find((r) => r.code === code)!.severity);
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.suggestion.length).toBeGreaterThan(10);
      if (c.ids) expect(f.ids).toEqual(c.ids);
      for (const id of f.ids) expect(f.message).toContain(id.split('#')[0].replace(/^failover:/, '').replace(/->.*/, ''));
    });

    it('stays silent on the design without it', () => {
      expect(codesOf(c.clean())).not.toContain(code);
    });
  });
});

describe('finding details', () => {
  it('a pool whose every instance is needed names the instances, not the pool', () => {
    const t = doc({ components: [users, { id: 'app', kind: 'app', replicas: 2, minHealthy: 2 }, { id: 'db', kind: 'database', replicas: 2 }], links: [{ from: 'users', to: 'app' }, { from: 'app', to: 'db' }] });
    const [f] = findingsOf(t, 'spof-compute');
    expect(f.ids).toEqual(['app#1', 'app#2']);
    expect(f.message).toMatch(/Each instance .* \(2 of 2 must work\)/);
    expect(f.suggestion).toMatch(/beyond the 2/);
  });

  it('the cold standby rule stays silent when the failover is a small share of the downtime', () => {
    expect(codesOf(coldStandby('cold', false))).toContain('cold-standby-failover');
    expect(codesOf(coldStandby('cold', true))).not.toContain('cold-standby-failover');
  });

  it('an optional dependency a client needs directly is flagged even when the caller survives', () => {
    const t = doc({
      components: [users, { id: 'app', kind: 'app' }, { id: 'reco', kind: 'service' }],
      links: [{ from: 'users', to: 'app' }, { from: 'users', to: 'reco' }, { from: 'app', to: 'reco', optional: true }],
    });
    const [f] = findingsOf(t, 'optional-required');
    expect(f.message).toContain('users → reco');
  });

  it('orders findings by severity', () => {
    const t = doc({ domains: REGION, components: [users, { id: 'app', kind: 'app', replicas: 3, domain: 'z1' }, { id: 'x', kind: 'service' }], links: [{ from: 'users', to: 'app' }] });
    const order = { high: 0, medium: 1, low: 2 };
    const sev = insightOf(t).findings.map((f) => order[f.severity]);
    expect(sev).toEqual([...sev].sort((a, b) => a - b));
    expect(sev.length).toBeGreaterThan(2);
  });
});
