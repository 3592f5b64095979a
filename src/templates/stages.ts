// The seven stages of building redundancy (DESIGN section 1), each removing a SPOF of
// the one before. They double as fixtures for the stage rule of the insight layer, so
// each must meet exactly its stage's condition, and from stage 2 on each must be more
// available than the last. The load balancer is given 99.9% (a dedicated appliance):
// at the EC2 preset of 99.5% it would cost more than the second web server buys.
import { CURRENT_VERSION, type Component, type FailureDomain, type Link } from '../model';
import { arrange, type Cells, type Draft } from './arrange';

const head = (name: string): Pick<Draft, 'format' | 'version' | 'name'> => ({ format: 'spof-topology', version: CURRENT_VERSION, name });

const ONE_ZONE: FailureDomain[] = [
  { id: 'use1', kind: 'region', label: 'US East (N. Virginia)' },
  { id: 'use1a', kind: 'zone', label: 'us-east-1a', parent: 'use1' },
];
const TWO_ZONES: FailureDomain[] = [...ONE_ZONE, { id: 'use1b', kind: 'zone', label: 'us-east-1b', parent: 'use1' }];

const users: Component = { id: 'users', kind: 'client', label: 'Users' };
const dns: Component = { id: 'dns', kind: 'dns', label: 'DNS' };
const entry: Link[] = [{ from: 'users', to: 'dns' }];

function stage1(): Draft {
  return {
    ...head('Stage 1: a single server'),
    domains: ONE_ZONE,
    components: [users, dns, { id: 'server', kind: 'app', label: 'Server (web, app and DB)', domain: 'use1a' }],
    links: [...entry, { from: 'dns', to: 'server' }],
  };
}

function stage2(): Draft {
  return {
    ...head('Stage 2: a separate database server'),
    domains: ONE_ZONE,
    components: [
      users, dns,
      { id: 'web', kind: 'web', label: 'Web server', domain: 'use1a' },
      { id: 'db', kind: 'database', label: 'Database', domain: 'use1a' },
    ],
    links: [...entry, { from: 'dns', to: 'web' }, { from: 'web', to: 'db' }],
  };
}

const lb: Component = { id: 'lb', kind: 'loadbalancer', label: 'Load balancer', availability: 0.999, domain: 'use1a' };
const webs = (zoneOf2: string): Component[] => [
  { id: 'web1', kind: 'web', label: 'Web server 1', domain: 'use1a' },
  { id: 'web2', kind: 'web', label: 'Web server 2', domain: zoneOf2 },
];

function stage3(): Draft {
  return {
    ...head('Stage 3: a second web server behind a load balancer'),
    domains: ONE_ZONE,
    components: [users, dns, lb, ...webs('use1a'), { id: 'db', kind: 'database', label: 'Database', domain: 'use1a' }],
    links: [
      ...entry, { from: 'dns', to: 'lb' },
      { from: 'lb', to: 'web1' }, { from: 'lb', to: 'web2' },
      { from: 'web1', to: 'db' }, { from: 'web2', to: 'db' },
    ],
  };
}

const dbPair = (zoneOf2: string, standby: 'hot' | 'warm'): Component[] => [
  { id: 'db', kind: 'database', label: 'Primary DB', domain: 'use1a' },
  { id: 'db2', kind: 'database', label: 'Standby DB', domain: zoneOf2, role: 'standby', standby },
];
const webToDbs: Link[] = ['web1', 'web2'].flatMap((w) => [{ from: w, to: 'db' }, { from: w, to: 'db2' }]);

function stage4(): Draft {
  return {
    ...head('Stage 4: database replication'),
    domains: ONE_ZONE,
    components: [users, dns, lb, ...webs('use1a'), ...dbPair('use1a', 'warm')],
    links: [
      ...entry, { from: 'dns', to: 'lb' },
      { from: 'lb', to: 'web1' }, { from: 'lb', to: 'web2' },
      ...webToDbs,
      { id: 'db-repl', from: 'db', to: 'db2', type: 'replication', mode: 'async', lagSeconds: 1 },
    ],
  };
}

const lbPair = (zoneOf2: string): Component[] => [
  { id: 'lb1', kind: 'loadbalancer', label: 'Load balancer', availability: 0.999, domain: 'use1a' },
  { id: 'lb2', kind: 'loadbalancer', label: 'LB standby (floating IP)', availability: 0.999, domain: zoneOf2, role: 'standby', standby: 'hot', failoverSeconds: 5 },
];
const lbLinks: Link[] = [
  { from: 'dns', to: 'lb1' }, { from: 'dns', to: 'lb2' },
  ...['lb1', 'lb2'].flatMap((l) => [{ from: l, to: 'web1' }, { from: l, to: 'web2' }]),
];

function stage5(): Draft {
  return {
    ...head('Stage 5: redundant load balancers'),
    domains: ONE_ZONE,
    components: [users, dns, ...lbPair('use1a'), ...webs('use1a'), ...dbPair('use1a', 'warm')],
    links: [
      ...entry, ...lbLinks, ...webToDbs,
      { id: 'db-repl', from: 'db', to: 'db2', type: 'replication', mode: 'async', lagSeconds: 1 },
    ],
  };
}

function stage6(): Draft {
  return {
    ...head('Stage 6: multiple availability zones'),
    domains: TWO_ZONES,
    components: [users, dns, ...lbPair('use1b'), ...webs('use1b'), ...dbPair('use1b', 'hot')],
    links: [
      ...entry, ...lbLinks, ...webToDbs,
      { id: 'db-repl', from: 'db', to: 'db2', type: 'replication', mode: 'sync' },
    ],
  };
}

function stage7(): Draft {
  const west: FailureDomain[] = [
    { id: 'usw2', kind: 'region', label: 'US West (Oregon)' },
    { id: 'usw2a', kind: 'zone', label: 'us-west-2a', parent: 'usw2' },
    { id: 'usw2b', kind: 'zone', label: 'us-west-2b', parent: 'usw2' },
  ];
  const lbs: Component[] = [
    ...lbPair('use1b'),
    { id: 'lb3', kind: 'loadbalancer', label: 'LB west (DNS failover)', availability: 0.999, domain: 'usw2a', role: 'standby', standby: 'warm' },
    { id: 'lb4', kind: 'loadbalancer', label: 'LB west standby', availability: 0.999, domain: 'usw2b', role: 'standby', standby: 'warm' },
  ];
  const webTier: Component[] = [
    ...webs('use1b'),
    { id: 'web3', kind: 'web', label: 'Web server 3', domain: 'usw2a' },
    { id: 'web4', kind: 'web', label: 'Web server 4', domain: 'usw2b' },
  ];
  const dbs: Component[] = [
    ...dbPair('use1b', 'hot'),
    { id: 'db3', kind: 'database', label: 'Cross-region standby', domain: 'usw2a', role: 'standby', standby: 'warm' },
  ];
  const lbToWeb = (l: string, ws: string[]): Link[] => ws.map((w) => ({ from: l, to: w }));
  return {
    ...head('Stage 7: multiple regions'),
    domains: [...TWO_ZONES, ...west],
    components: [users, dns, ...lbs, ...webTier, ...dbs],
    links: [
      ...entry,
      ...['lb1', 'lb2', 'lb3', 'lb4'].map((l) => ({ from: 'dns', to: l })),
      ...lbToWeb('lb1', ['web1', 'web2']), ...lbToWeb('lb2', ['web1', 'web2']),
      ...lbToWeb('lb3', ['web3', 'web4']), ...lbToWeb('lb4', ['web3', 'web4']),
      ...['web1', 'web2', 'web3', 'web4'].flatMap((w) => ['db', 'db2', 'db3'].map((d) => ({ from: w, to: d }))),
      { id: 'db-repl', from: 'db', to: 'db2', type: 'replication', mode: 'sync' },
      { id: 'db-repl-west', from: 'db', to: 'db3', type: 'replication', mode: 'async', lagSeconds: 2 },
    ],
  };
}

// Grid cells: clients and DNS above the boxes; one column per zone.
const top = (col: number): Cells => ({ users: [col, 0], dns: [col, 1] });
const ONE_COLUMN_ROWS = { a: 2.5, b: 3.5, c: 4.5 };

export const STAGES = [
  { id: 'stage1', description: 'One server runs everything: any failure of it, or of its zone, is an outage.', topology: arrange(stage1(), { ...top(1), server: [1, ONE_COLUMN_ROWS.a] }) },
  { id: 'stage2', description: 'The database moves to a server of its own: easier to run, but now two SPOFs in series.', topology: arrange(stage2(), { ...top(1), web: [1, ONE_COLUMN_ROWS.a], db: [1, ONE_COLUMN_ROWS.b] }) },
  { id: 'stage3', description: 'Two web servers behind a load balancer: a web server may fail; the load balancer and the database are SPOFs.', topology: arrange(stage3(), { ...top(1.5), lb: [1.5, 2.5], web1: [1, 3.5], web2: [2, 3.5], db: [1.5, 4.5] }) },
  { id: 'stage4', description: 'A replicated standby database takes over from the primary: the load balancer is the last component SPOF.', topology: arrange(stage4(), { ...top(1.5), lb: [1.5, 2.5], web1: [1, 3.5], web2: [2, 3.5], db: [1, 4.5], db2: [2, 4.5] }) },
  { id: 'stage5', description: 'A standby load balancer with a floating IP: no component is a SPOF, but the zone still is.', topology: arrange(stage5(), { ...top(1.5), lb1: [1, 2.5], lb2: [2, 2.5], web1: [1, 3.5], web2: [2, 3.5], db: [1, 4.5], db2: [2, 4.5] }) },
  { id: 'stage6', description: 'Each tier spread over two availability zones: a zone may fail; the region is the SPOF.', topology: arrange(stage6(), { ...top(1.6), lb1: [1, 2.8], lb2: [2.25, 2.8], web1: [1, 3.8], web2: [2.25, 3.8], db: [1, 4.8], db2: [2.25, 4.8] }) },
  {
    id: 'stage7',
    description: 'A second region on standby behind DNS failover, with a cross-region database replica: no region is a SPOF.',
    topology: arrange(stage7(), {
      ...top(2), lb1: [0, 2.8], lb2: [1.25, 2.8], lb3: [2.85, 2.8], lb4: [4.1, 2.8],
      web1: [0, 3.8], web2: [1.25, 3.8], web3: [2.85, 3.8], web4: [4.1, 3.8],
      db: [0, 4.8], db2: [1.25, 4.8], db3: [2.85, 5.9],
    }),
  },
];
