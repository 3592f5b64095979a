import { describe, expect, it } from 'vitest';
import { dataProtection } from '../../src/engine/insight';
import type { TopologyInput } from '../../src/model';
import { doc, users } from './helpers';

type Links = NonNullable<TopologyInput['links']>;
const of = (components: TopologyInput['components'], links: Links) => {
  const rows = dataProtection(doc({ components: [users, ...components], links }));
  return Object.fromEntries(rows.map((r) => [r.id, r]));
};

describe('data protection', () => {
  it('lists every data store (database, cache, storage, queue) and nothing else', () => {
    const rows = dataProtection(doc({
      components: [users, { id: 'app', kind: 'app' }, { id: 'db', kind: 'database' }, { id: 'c', kind: 'cache' }, { id: 's', kind: 'storage' }, { id: 'q', kind: 'queue' }],
      links: ['db', 'c', 's', 'q'].map((x) => ({ from: 'app', to: x })).concat([{ from: 'users', to: 'app' }]),
    }));
    expect(rows.map((r) => r.id)).toEqual(['db', 'c', 's', 'q']);
  });

  it('RPO: 0 for sync, the lag for async, the interval for backup, unbounded with none', () => {
    const r = of(
      [
        { id: 'a', kind: 'database' }, { id: 'a2', kind: 'database', role: 'standby', standby: 'hot' },
        { id: 'b', kind: 'database' }, { id: 'b2', kind: 'database', role: 'standby' },
        { id: 'c', kind: 'storage' }, { id: 'c2', kind: 'storage' },
        { id: 'd', kind: 'cache' },
      ],
      [
        { from: 'users', to: 'a' }, { from: 'users', to: 'a2' }, { from: 'users', to: 'b' }, { from: 'users', to: 'b2' },
        { from: 'users', to: 'c' }, { from: 'users', to: 'd' },
        { from: 'a', to: 'a2', type: 'replication', mode: 'sync' },
        { from: 'b', to: 'b2', type: 'replication', mode: 'async', lagSeconds: 3 },
        { id: 'nightly', from: 'c', to: 'c2', type: 'replication', mode: 'backup', intervalSeconds: 86400 },
      ],
    );
    expect(r.a).toMatchObject({ rpoSeconds: 0, rpoBasis: 'sync' });
    expect(r.b).toMatchObject({ rpoSeconds: 3, rpoBasis: 'async' });
    expect(r.c).toMatchObject({ rpoSeconds: 86400, rpoBasis: 'backup', rpoVia: 'nightly' });
    expect(r.c.rpo).toContain('24 h');
    expect(r.d).toMatchObject({ rpoSeconds: null, rpoBasis: 'none' });
    expect(r.d.rpo).toMatch(/unbounded/);
  });

  it('RPO takes the best of several links', () => {
    const r = of(
      [{ id: 'a', kind: 'database' }, { id: 'b', kind: 'database', role: 'replica' }, { id: 'c', kind: 'database', role: 'replica' }],
      [
        { from: 'users', to: 'a' },
        { from: 'a', to: 'b', type: 'replication', mode: 'backup', intervalSeconds: 3600 },
        { from: 'a', to: 'c', type: 'replication', mode: 'async', lagSeconds: 4 },
      ],
    );
    expect(r.a).toMatchObject({ rpoSeconds: 4, rpoBasis: 'async' });
  });

  it('RTO: the standby failover time, or the MTTR without a standby, or 0 with an active peer', () => {
    const r = of(
      [
        { id: 'db', kind: 'database' }, { id: 'db2', kind: 'database', role: 'standby', standby: 'warm' },
        { id: 'solo', kind: 'database', mtbfHours: 1000, mttrHours: 3 },
        { id: 'c', kind: 'cache' }, { id: 'c2', kind: 'cache', role: 'standby', standby: 'hot', failoverSeconds: 15 },
        { id: 'pool', kind: 'database', replicas: 3 },
        { id: 'ap', kind: 'database', replicas: 2, standby: 'cold' },
      ],
      [
        { from: 'users', to: 'db' }, { from: 'users', to: 'db2' }, { from: 'db', to: 'db2', type: 'replication' },
        { from: 'users', to: 'solo' },
        { from: 'users', to: 'c' }, { from: 'users', to: 'c2' }, { from: 'c', to: 'c2', type: 'replication', mode: 'sync' },
        { from: 'users', to: 'pool' }, { from: 'users', to: 'ap' },
      ],
    );
    expect(r.db).toMatchObject({ rtoSeconds: 120, rtoBasis: 'failover', rtoVia: 'db2' });
    expect(r.db2).toMatchObject({ rtoSeconds: 0, rtoBasis: 'active-peer', rtoVia: 'db' });
    expect(r.solo).toMatchObject({ rtoSeconds: 3 * 3600, rtoBasis: 'repair' });
    expect(r.c).toMatchObject({ rtoSeconds: 15, rtoVia: 'c2' });
    expect(r.pool).toMatchObject({ rtoSeconds: 0, rtoBasis: 'active-peer' });
    expect(r.ap).toMatchObject({ rtoSeconds: 3600, rtoBasis: 'failover', rtoVia: 'ap' });
  });

  it('a database without a caller or standby still gets its MTTR (the preset: 2 h)', () => {
    const r = of([{ id: 'db', kind: 'database' }], [{ from: 'users', to: 'db' }]);
    expect(r.db).toMatchObject({ rtoSeconds: 7200, rtoBasis: 'repair' });
    expect(r.db.rto).toContain('2 h');
  });
});
