// Reference designs beyond the seven stages: a multi-region read path, a transactional
// system, and active-passive against active-active.
import { CURRENT_VERSION, type Component, type FailureDomain, type Link } from '../model';
import { arrange, type Draft } from './arrange';

const head = (name: string, slo?: number): Pick<Draft, 'format' | 'version' | 'name' | 'slo'> =>
  ({ format: 'spof-topology', version: CURRENT_VERSION, name, ...(slo ? { slo } : {}) });

const EAST: FailureDomain[] = [
  { id: 'use1', kind: 'region', label: 'US East (N. Virginia)' },
  { id: 'use1a', kind: 'zone', label: 'us-east-1a', parent: 'use1' },
  { id: 'use1b', kind: 'zone', label: 'us-east-1b', parent: 'use1' },
];

function multiRegion(): Draft {
  const apps = ['app-us1', 'app-us2', 'app-eu1'];
  const dbs = ['db-primary', 'db-replica-us', 'db-replica-eu'];
  return {
    ...head('Multi-region: global CDN, primary database, async read replicas', 0.9995),
    domains: [
      { id: 'aws', kind: 'provider', label: 'AWS' },
      { ...EAST[0], parent: 'aws' }, EAST[1], EAST[2],
      { id: 'euw1', kind: 'region', label: 'EU (Ireland)', parent: 'aws' },
      { id: 'euw1a', kind: 'zone', label: 'eu-west-1a', parent: 'euw1' },
    ],
    components: [
      { id: 'readers', kind: 'client', label: 'Readers', slo: 0.9995 },
      { id: 'writers', kind: 'client', label: 'Writers', slo: 0.999 },
      { id: 'dns', kind: 'dns', label: 'Route 53' },
      { id: 'cdn', kind: 'cdn', label: 'Global CDN' },
      { id: 'lb-us', kind: 'loadbalancer', label: 'ELB us-east-1', availability: 0.9999, domain: 'use1' },
      { id: 'lb-eu', kind: 'loadbalancer', label: 'ELB eu-west-1', availability: 0.9999, domain: 'euw1' },
      { id: 'app-us1', kind: 'app', label: 'App us-east-1a', domain: 'use1a' },
      { id: 'app-us2', kind: 'app', label: 'App us-east-1b', domain: 'use1b' },
      { id: 'app-eu1', kind: 'app', label: 'App eu-west-1a', domain: 'euw1a' },
      { id: 'write-api', kind: 'service', label: 'Write API', domain: 'use1a' },
      { id: 'db-primary', kind: 'database', label: 'Primary DB', domain: 'use1a' },
      { id: 'db-replica-us', kind: 'database', label: 'Read replica (US)', domain: 'use1b', role: 'replica' },
      { id: 'db-replica-eu', kind: 'database', label: 'Read replica (EU)', domain: 'euw1a', role: 'replica' },
    ],
    links: [
      { from: 'readers', to: 'dns' }, { from: 'dns', to: 'cdn' },
      { from: 'cdn', to: 'lb-us' }, { from: 'cdn', to: 'lb-eu' },
      { from: 'lb-us', to: 'app-us1' }, { from: 'lb-us', to: 'app-us2' }, { from: 'lb-eu', to: 'app-eu1' },
      ...apps.flatMap((a) => dbs.map((d) => ({ from: a, to: d }))),
      { from: 'writers', to: 'write-api' }, { from: 'write-api', to: 'db-primary', label: 'writes' },
      { id: 'repl-us', from: 'db-primary', to: 'db-replica-us', type: 'replication', mode: 'async', lagSeconds: 1 },
      { id: 'repl-eu', from: 'db-primary', to: 'db-replica-eu', type: 'replication', mode: 'async', lagSeconds: 5 },
    ],
  };
}

function transactional(): Draft {
  const apps = ['app1', 'app2'];
  const deps = (a: string): Link[] => [
    { from: a, to: 'orders-db' }, { from: a, to: 'orders-standby' },
    { from: a, to: 'media' }, { from: a, to: 'media-west' },
    { from: a, to: 'events', optional: true },
  ];
  return {
    ...head('Transactional: sync standby, cross-region storage, analytics', 0.9995),
    domains: [...EAST, { id: 'usw2', kind: 'region', label: 'US West (Oregon)' }],
    components: [
      { id: 'shoppers', kind: 'client', label: 'Shoppers', slo: 0.9995 },
      { id: 'dns', kind: 'dns', label: 'DNS' },
      { id: 'lb', kind: 'loadbalancer', label: 'Managed load balancer', availability: 0.9999, domain: 'use1' },
      { id: 'app1', kind: 'app', label: 'Checkout app 1', domain: 'use1a' },
      { id: 'app2', kind: 'app', label: 'Checkout app 2', domain: 'use1b' },
      { id: 'orders-db', kind: 'database', label: 'Orders DB (primary)', domain: 'use1a' },
      { id: 'orders-standby', kind: 'database', label: 'Orders DB (sync standby)', domain: 'use1b', role: 'standby', standby: 'hot' },
      { id: 'media', kind: 'storage', label: 'Object storage', domain: 'use1' },
      { id: 'media-west', kind: 'storage', label: 'Object storage replica', domain: 'usw2', role: 'replica' },
      { id: 'events', kind: 'queue', label: 'Order events', domain: 'use1' },
      { id: 'analytics', kind: 'database', label: 'Analytics store', domain: 'use1' },
    ],
    links: [
      { from: 'shoppers', to: 'dns' }, { from: 'dns', to: 'lb' },
      ...apps.map((a) => ({ from: 'lb', to: a })),
      ...apps.flatMap(deps),
      { from: 'events', to: 'analytics' },
      { id: 'orders-repl', from: 'orders-db', to: 'orders-standby', type: 'replication', mode: 'sync' },
      { id: 'media-crr', from: 'media', to: 'media-west', type: 'replication', mode: 'async', lagSeconds: 900 },
    ],
  };
}

const front: Component[] = [
  { id: 'users', kind: 'client', label: 'Users' },
  { id: 'dns', kind: 'dns', label: 'DNS' },
  { id: 'lb', kind: 'loadbalancer', label: 'Managed load balancer', availability: 0.9999, domain: 'use1' },
];
const frontLinks: Link[] = [{ from: 'users', to: 'dns' }, { from: 'dns', to: 'lb' }];

function activePassive(): Draft {
  return {
    ...head('Active-passive: a warm standby takes over', 0.999),
    domains: EAST,
    components: [
      ...front,
      { id: 'app', kind: 'app', label: 'App (active)', domain: 'use1a' },
      { id: 'app-standby', kind: 'app', label: 'App (warm standby)', domain: 'use1b', role: 'standby', standby: 'warm' },
      { id: 'db', kind: 'database', label: 'Primary DB', domain: 'use1a' },
      { id: 'db-standby', kind: 'database', label: 'Standby DB', domain: 'use1b', role: 'standby', standby: 'warm' },
    ],
    links: [
      ...frontLinks,
      { from: 'lb', to: 'app' }, { from: 'lb', to: 'app-standby' },
      ...['app', 'app-standby'].flatMap((a) => [{ from: a, to: 'db' }, { from: a, to: 'db-standby' }]),
      { id: 'db-repl', from: 'db', to: 'db-standby', type: 'replication', mode: 'async', lagSeconds: 2 },
    ],
  };
}

function activeActive(): Draft {
  return {
    ...head('Active-active: every instance serves', 0.999),
    domains: EAST,
    components: [
      ...front,
      { id: 'app', kind: 'app', label: 'App pool', replicas: 4, minHealthy: 2, domains: ['use1a', 'use1b'] },
      { id: 'db', kind: 'database', label: 'Primary DB', domain: 'use1a' },
      { id: 'db-standby', kind: 'database', label: 'Standby DB (hot)', domain: 'use1b', role: 'standby', standby: 'hot' },
    ],
    links: [
      ...frontLinks,
      { from: 'lb', to: 'app' },
      { from: 'app', to: 'db' }, { from: 'app', to: 'db-standby' },
      { id: 'db-repl', from: 'db', to: 'db-standby', type: 'replication', mode: 'sync' },
    ],
  };
}

export const DESIGNS = [
  {
    id: 'multi-region',
    description: 'Readers reach app servers in two regions through a global CDN; reads go to the primary or its async read replicas, writes only to the primary.',
    topology: arrange(multiRegion(), {
      writers: [-0.9, 0], readers: [1.6, 0], dns: [1.6, 1], cdn: [1.6, 2],
      'lb-us': [0.6, 3.4], 'write-api': [-0.9, 4.5], 'app-us1': [0, 4.5], 'app-us2': [1.25, 4.5], 'db-primary': [0, 5.5], 'db-replica-us': [1.25, 5.5],
      'lb-eu': [2.8, 3.4], 'app-eu1': [2.8, 4.5], 'db-replica-eu': [2.8, 5.5],
    }),
  },
  {
    id: 'transactional',
    description: 'Checkout on two zones, an orders database with a synchronous hot standby, object storage replicated to a second region, and an analytics store fed by an optional event queue.',
    topology: arrange(transactional(), {
      shoppers: [1.1, 0], dns: [1.1, 1], lb: [0.6, 2.3],
      app1: [0, 3.4], app2: [1.25, 3.4], 'orders-db': [0, 4.6], 'orders-standby': [1.25, 4.6],
      media: [2.6, 4.6], events: [3.75, 4.6], analytics: [3.75, 5.7],
      'media-west': [2.6, 7.1],
    }),
  },
  {
    id: 'active-passive',
    description: 'One app instance serves; a warm standby in the other zone takes over after a 2-minute switchover. Compare with active-active.',
    topology: arrange(activePassive(), {
      users: [0.6, 0], dns: [0.6, 1], lb: [0.6, 2.4],
      app: [0, 3.5], 'app-standby': [1.25, 3.5], db: [0, 4.5], 'db-standby': [1.25, 4.5],
    }),
  },
  {
    id: 'active-active',
    description: 'Four app instances over two zones all serve; any two carry the load, with no switchover. Compare with active-passive.',
    topology: arrange(activeActive(), {
      users: [0.6, 0], dns: [0.6, 1], lb: [0.6, 2.4], app: [0.6, 3.4],
      db: [0, 4.6], 'db-standby': [1.25, 4.6],
    }),
  },
];
