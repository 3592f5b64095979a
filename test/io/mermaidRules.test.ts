// @vitest-environment happy-dom
// Each reading rule of the Mermaid import (issue 18's failure classes) on a diagram that
// triggers it and one that does not, with the note that says so.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { fromMermaid, type MermaidImportResult } from '../../src/io';
import type { Link, Topology } from '../../src/model';

type Imported = Extract<MermaidImportResult, { ok: true }>;

async function imported(text: string): Promise<Imported> {
  const r = await fromMermaid(text);
  if (!r.ok) throw new Error(`${JSON.stringify(r.errors)}\n${text}`);
  return r;
}
const chart = (...lines: string[]) => imported(['flowchart TB', ...lines].join('\n'));
const kindOf = (r: Imported, id: string) => r.topology.components.find((c) => c.id === id)?.kind;
const component = (r: Imported, id: string) => r.topology.components.find((c) => c.id === id)!;
const linksOf = (r: Imported): Link[] => r.topology.links;
const dependency = (r: Imported, from: string, to: string) => linksOf(r).find((l) => l.from === from && l.to === to && (l.type ?? 'dependency') === 'dependency');
const about = (r: Imported, subject: string) => r.notes.filter((n) => n.subject === subject).map((n) => n.message);
const spofsOf = (t: Topology) => analyze(t).spofs.map((s) => s.id.replace(/#\d+$/, ''));

describe('who the users are', () => {
  it.each([
    ['Internet'], ['HTTPS'], ['HTTP/HTTPS'], ['SSH :22'], ['Browser'], ['Mobile app'], ['Customer'],
    ['Users www.example.com'], ['Data analyst'], ['User requests'], ['End users'],
  ])('"%s" is a client', async (label) => {
    const r = await chart(`  u["${label}"] --> lb[Load balancer]`);
    expect(kindOf(r, 'u')).toBe('client');
    expect(r.notes.find((n) => n.subject === 'u' && n.field === 'kind')?.message).toMatch(/^client \(/);
  });

  it.each([['Customer DB', 'database'], ['Internet-facing ALB', 'loadbalancer'], ['Customer service', 'service'], ['www.example.com web', 'web']])(
    '"%s" is not: %s',
    async (label, kind) => {
      const r = await chart(`  u["${label}"] --> x[(Postgres)]`);
      expect(kindOf(r, 'u')).toBe(kind);
    },
  );

  it('a node called "user" that another node calls is a service, said so', async () => {
    const r = await chart('  b[Browser] --> lb[Backend ALB]', '  lb --> user[user]', '  user --> db[(MongoDB)]');
    expect(kindOf(r, 'user')).toBe('service');
    expect(about(r, 'user')).toContain('service, not a client: lb calls it (no other kind word)');
    const lone = await chart('  user[user] --> db[(MongoDB)]');
    expect(kindOf(lone, 'user')).toBe('client');
  });

  it('a label that opens with a person emoji is a client, whatever its shape or words; a called one is not', async () => {
    const r = await chart('  fans["👥 Photo fans"] --> lb[Load balancer]', '  reader[("👤 Reader")] --> lb', '  callers["👥 Callers<br/>Web/Mobile"] --> lb');
    for (const id of ['fans', 'reader', 'callers']) expect(kindOf(r, id)).toBe('client');
    expect(about(r, 'reader')).toContain('client (the person 👤 it opens with)');
    const called = await chart('  u[Users] --> gw[API gateway]', '  gw --> acct["👤 Account Service"]');
    expect(kindOf(called, 'acct')).toBe('service');
    const after = await chart('  team["Ops 👥"] --> lb[Load balancer]');
    expect(kindOf(after, 'team')).not.toBe('client');
  });

  it('what nothing calls in a "Clients" subgraph is a client', async () => {
    const r = await chart('  subgraph Clients', '    site[Web app]', '  end', '  site --> api[API]');
    expect(kindOf(r, 'site')).toBe('client');
    const other = await chart('  subgraph Frontends', '    site[Web app]', '  end', '  site --> api[API]');
    expect(kindOf(other, 'site')).toBe('web');
  });
});

describe('edges to and from subgraphs', () => {
  it('reach the entry members (nothing inside points to them) and leave from the exit members', async () => {
    const r = await chart(
      '  users[Users] --> dnsgroup',
      '  subgraph dnsgroup[Route 53]',
      '    probe[Health check] --> policy[Failover policy]',
      '  end',
      '  dnsgroup --> lb[Load balancer]',
      '  a[App A] & b[App B] --> caching',
      '  subgraph caching[Caching]',
      '    r1[(Redis one)]',
      '  end',
    );
    expect(dependency(r, 'users', 'probe')).toBeDefined();
    expect(dependency(r, 'users', 'policy')).toBeUndefined();
    expect(dependency(r, 'policy', 'lb')).toBeDefined();
    expect(dependency(r, 'probe', 'lb')).toBeUndefined();
    expect(dependency(r, 'a', 'r1')).toBeDefined();
    expect(dependency(r, 'b', 'r1')).toBeDefined();
    expect(r.notes.map((n) => n.message)).toContain('users -> dnsgroup: a link to the subgraph dnsgroup: to its entry members probe (nothing inside it points to them)');
  });

  it('leave edges between nodes alone', async () => {
    const r = await chart('  subgraph z[Zone A]', '    x[App] --> y[(DB)]', '  end', '  u[Users] --> x');
    expect(linksOf(r)).toEqual([{ from: 'x', to: 'y' }, { from: 'u', to: 'x' }]);
  });
});

describe('undirected and two-headed edges', () => {
  it('go from the tier nearer the users, whatever the written order, and say so', async () => {
    const r = await chart('  db[(Postgres)] --- app[App server]', '  app <--> lb[Load balancer]', '  u[Users] <--> lb');
    expect(dependency(r, 'app', 'db')).toBeDefined();
    expect(dependency(r, 'lb', 'app')).toBeDefined();
    expect(dependency(r, 'u', 'lb')).toBeDefined();
    expect(linksOf(r)).toHaveLength(3);
    expect(about(r, 'app->db')).toContain('app calls db (a line without arrowhead: app calls database (users before load balancers before services before data))');
  });

  it('keep the written order within one tier, and join two copies to nothing', async () => {
    const r = await chart('  a[Orders service] <--> b[Billing service]', '  lb1[LB 1] --- lb2[LB 2]');
    expect(dependency(r, 'a', 'b')).toBeDefined();
    expect(dependency(r, 'b', 'a')).toBeUndefined();
    expect(linksOf(r).filter((l) => l.from.startsWith('lb'))).toEqual([]);
    expect(about(r, 'lb1->lb2')[0]).toMatch(/^joins two copies of one loadbalancer/);
  });

  it('a frontend the users reach calls the balancer', async () => {
    const r = await chart('  u[Customer] <--> spa[React frontend]', '  spa <--> lb[Load balancer]', '  lb <--> api[API]');
    expect(dependency(r, 'spa', 'lb')).toBeDefined();
    const classic = await chart('  u[Customer] --> lb[Load balancer]', '  lb --- web[Web server]');
    expect(dependency(classic, 'lb', 'web')).toBeDefined();
  });

  it('a pointed arrow keeps its direction', async () => {
    const r = await chart('  db[(Postgres)] --> app[App]');
    expect(dependency(r, 'db', 'app')).toBeDefined();
  });
});

describe('dotted edges', () => {
  it('are optional when the words say so or the target is off the serving path', async () => {
    const r = await chart('  app[App] -.->|fallback| reco[Recommendations]', '  app -.-> logs[Logging]', '  app -.->|degraded mode| img[Images]');
    expect(dependency(r, 'app', 'reco')?.optional).toBe(true);
    expect(dependency(r, 'app', 'logs')?.optional).toBe(true);
    expect(dependency(r, 'app', 'img')?.optional).toBe(true);
  });

  it('are replication with replication words, else a dependency with a note', async () => {
    const r = await chart('  db[(Primary DB)] -.->|async replication| db2[(Replica DB)]', '  app[App] -.->|async| q[Jobs queue]', '  app -.-> cache[Redis]');
    expect(linksOf(r)).toContainEqual({ from: 'db', to: 'db2', type: 'replication', mode: 'async' });
    expect(dependency(r, 'app', 'q')?.optional).toBeUndefined();
    expect(dependency(r, 'app', 'cache')?.optional).toBeUndefined();
    expect(about(r, 'app->cache')).toEqual(['required (a dotted line without words: a dependency (dotted means optional only when the words say so))']);
  });
});

describe('replication by words', () => {
  it.each([['streaming replication'], ['replicates'], ['CDC'], ['mirror'], ['WAL shipping']])('solid "%s" is replication, not a dependency', async (words) => {
    const r = await chart('  u[Users] --> app[App]', '  app --> db', `  db[(Orders DB primary)] -->|${words}| db2[(Orders DB replica)]`);
    expect(linksOf(r).find((l) => l.from === 'db' && l.to === 'db2')?.type).toBe('replication');
    expect(spofsOf(r.topology)).not.toContain('db2');
  });

  it('an unlabelled solid edge from a primary to its replica of the same kind is replication; other solid edges are calls', async () => {
    const r = await chart('  app[App] --> db[(Primary database)]', '  db --> dbr[(Database read replica)]', '  app --> q[(Orders DB)]', '  q -->|writes| w[(Warehouse)]');
    expect(linksOf(r).find((l) => l.to === 'dbr')?.type).toBe('replication');
    expect(linksOf(r).find((l) => l.from === 'q' && l.to === 'w')?.type).toBeUndefined();
  });
});

describe('standbys', () => {
  it('stand behind their primary for its callers (warm unless said), not demoted', async () => {
    const r = await chart('  u[Users] --> app[App]', '  app --> db[(Postgres primary)]', '  db -->|streaming replication| sb[(Standby - failover)]');
    expect(component(r, 'sb')).toMatchObject({ role: 'standby', standby: 'warm' });
    expect(dependency(r, 'app', 'sb')).toBeDefined();
    expect(about(r, 'sb')).toContain('stands behind db for app (linked from each, warm failover)');
    expect(spofsOf(r.topology)).not.toContain('db');
    const hot = await chart('  app[App] --> db[(Postgres primary)]', '  db -->|sync replication| sb[(Hot standby)]');
    expect(component(hot, 'sb').standby).toBe('hot');
  });

  it('a standby beside its primary with no replication drawn is replicated to, assumed', async () => {
    const r = await chart('  subgraph pg[PostgreSQL]', '    p1[(Primary)]', '    p2[(Standby)]', '  end', '  u[Users] --> app[App]', '  app --> pg');
    expect(linksOf(r)).toContainEqual({ from: 'p1', to: 'p2', type: 'replication', mode: 'async' });
    expect(spofsOf(r.topology)).not.toContain('p1');
  });

  it('a read replica stays a replica and takes no callers; read beside its primary it is optional', async () => {
    const r = await chart('  app[App] --> db[(Postgres primary)]', '  db -->|streaming replication| rr[(Read replica)]');
    expect(component(r, 'rr').role).toBe('replica');
    expect(dependency(r, 'app', 'rr')).toBeUndefined();
    const both = await chart('  u[Users] --> app[App]', '  app --> db[(Postgres primary)]', '  app --> rr[(Read replica)]', '  db -->|streaming replication| rr');
    expect(dependency(both, 'app', 'rr')?.optional).toBe(true);
    expect(spofsOf(both.topology)).toContain('db');
  });

  it('two replicas with no primary are shards, each required', async () => {
    const r = await chart('  u[Users] --> app[App]', '  app --> r1[(Mongo replica 1)]', '  app --> r2[(Mongo replica 2)]', '  r1 -.->|sync| r2');
    expect(spofsOf(r.topology)).toEqual(expect.arrayContaining(['r1', 'r2']));
    expect(about(r, 'app->r1')[0]).toMatch(/^required on its own/);
  });
});

describe('answers drawn back along the calls', () => {
  it('are no links, and leave the users clients', async () => {
    const r = await chart(
      '  v[Visitor] -->|opens the site| cdn[CloudFront CDN]',
      '  cdn -->|serves| spa[S3 Vue frontend]',
      '  spa -->|calls| fn[Lambda backend]',
      '  fn -->|reads| db[(DynamoDB)]',
      '  db -->|Returns items| fn',
      '  fn -->|Sends JSON back| spa',
      '  cdn -->|Shown to the visitor| v',
    );
    expect(kindOf(r, 'v')).toBe('client');
    expect(linksOf(r).map((l) => `${l.from}->${l.to}`)).toEqual(['v->cdn', 'cdn->spa', 'spa->fn', 'fn->db']);
    expect(about(r, 'cdn->v')).toEqual([expect.stringContaining('the answer to a call, drawn back (labelled "Shown to the visitor")')]);
    expect(spofsOf(r.topology)).toEqual(expect.arrayContaining(['cdn', 'spa', 'fn', 'db']));
  });

  it('a call with such words that is not drawn back along another stays a call', async () => {
    const r = await chart('  u[Users] --> api[Orders API]', '  api -->|returns invoices from| inv[Invoice service]', '  inv -->|reply| mail[Mail service]');
    expect(dependency(r, 'api', 'inv')).toBeDefined();
    expect(dependency(r, 'inv', 'mail')).toBeDefined();
  });
});

describe('failover links', () => {
  it('make their target an alternative to the source\'s primary target of the same kind', async () => {
    const r = await chart(
      '  u[Users] --> og[Origin group]',
      '  og -->|Primary| a[Lambda URL east]',
      '  og -.->|Failover on 5xx| b[Lambda URL west]',
    );
    expect(dependency(r, 'og', 'a')?.group).toBe('failover:a');
    expect(dependency(r, 'og', 'b')?.group).toBe('failover:a');
    expect(about(r, 'og->b')).toContain('an alternative to a: the way taken when it fails (labelled "Failover on 5xx")');
    expect(spofsOf(r.topology)).not.toContain('a');
  });

  it('without a failover word, two services of one kind are each required', async () => {
    const r = await chart('  u[Users] --> og[Origin group]', '  og -->|Primary| a[Lambda URL east]', '  og -.->|Images| b[Lambda URL west]');
    expect(spofsOf(r.topology)).toEqual(expect.arrayContaining(['a', 'b']));
  });
});

describe('copies and distinct services', () => {
  it('distinct services of one kind are each required; copies are alternatives', async () => {
    const r = await chart('  u[Users] --> lb[Load balancer]', '  lb --> fe[Frontend]', '  lb --> flags[Feature flags UI]', '  lb --> a1[App server 1]', '  lb --> a2[App server 2]');
    const spofs = spofsOf(r.topology);
    expect(spofs).toEqual(expect.arrayContaining(['fe', 'flags']));
    expect(spofs).not.toContain('a1');
    expect(dependency(r, 'lb', 'fe')?.group).toBe('web:fe');
    expect(dependency(r, 'lb', 'a1')?.group).toBeUndefined();
  });

  it('copies of a data store in two places are alternatives, shards are not', async () => {
    const r = await chart('  lb[Load balancer] --> d1[(Database server)]', '  lb --> d2[(Database server)]');
    expect(spofsOf({ ...r.topology, components: [...r.topology.components, { id: 'u', kind: 'client' }], links: [...r.topology.links, { from: 'u', to: 'lb' }] })).toEqual(['lb']);
    const shards = await chart('  u[Users] --> app[App]', '  app --> s1[(Shard 1)]', '  app --> s2[(Shard 2)]');
    expect(spofsOf(shards.topology)).toEqual(expect.arrayContaining(['s1', 's2']));
  });
});

describe('data flow and monitors', () => {
  it('a sink that no user path needs and what flows out of a queue are off the serving path', async () => {
    const r = await chart('  u[Users] --> app[App]', '  app --> k[Kafka]', '  k --> an[Analytics]', '  app --> logs[Logs]', '  k --> mail[Mail worker]');
    expect(dependency(r, 'k', 'an')?.optional).toBe(true);
    expect(dependency(r, 'app', 'logs')?.optional).toBe(true);
    expect(dependency(r, 'k', 'mail')?.optional).toBe(true);
    expect(spofsOf(r.topology)).not.toEqual(expect.arrayContaining(['an']));
    expect(spofsOf(r.topology)).toContain('k');
  });

  it('a monitor makes nothing it watches required, but a balancer\'s health check is its path', async () => {
    const r = await chart('  u[Users] --> lb[LB]', '  lb -->|health check| app[App]', '  p[Prometheus] -->|scrapes| app', '  g[Grafana] --> p');
    expect(dependency(r, 'lb', 'app')?.optional).toBeUndefined();
    expect(dependency(r, 'p', 'app')?.optional).toBe(true);
    expect(dependency(r, 'g', 'p')?.optional).toBe(true);
  });

  it('a node that passes traffic on stays on the path though its words say monitoring', async () => {
    const r = await chart('  u[Users] --> hc[Health checks active monitoring]', '  hc --> lb[Load balancer]');
    expect(dependency(r, 'u', 'hc')?.optional).toBeUndefined();
    expect(spofsOf(r.topology)).toContain('hc');
  });
});

describe('labels', () => {
  it('decode entity codes, HTML entities, literal \\n, tags and <br>, and keep a < in an edge label', async () => {
    const r = await chart('  a["Pod#40;s#41; &#40;x&#41; &amp; more"] -->|latency < 10ms| b[Web\\nServer]', '  b --> c["<b>Orders</b><br/>API"]');
    expect(component(r, 'a').label).toBe('Pod(s) (x) & more');
    expect(component(r, 'b').label).toBe('Web Server');
    expect(component(r, 'c').label).toBe('Orders API');
    expect(dependency(r, 'a', 'b')?.label).toBe('latency < 10ms');
  });
});

describe('domains', () => {
  it.each([
    ['Region_A', 'region'], ['zoneA', 'zone'], ['AZ-1', 'zone'], ['Landing Zone', 'group'], ['Gold Zone', 'group'],
    ['VPC', 'group'], ['EKS cluster', 'group'], ['prod namespace', 'group'], ['Private subnet', 'group'],
  ])('subgraph %s is a %s', async (title, kind) => {
    const id = title.replace(/\W+/g, '_');
    const r = await chart(`  subgraph ${id}["${title}"]`, '    a[App]', '  end');
    expect(r.topology.domains[0].kind).toBe(kind);
  });

  it('take their ids from the subgraph ids, else from their titles, never subGraph0', async () => {
    const r = await chart('  subgraph Landing Zone', '    a[App]', '  end', '  subgraph "Region 1 (Primary)"', '    b[App]', '  end', '  subgraph z1[Zone 1]', '    c[App]', '  end');
    expect(r.topology.domains.map((d) => d.id)).toEqual(['landing-zone', 'region-1-primary', 'z1']);
  });
});

describe('Mermaid that mermaid refuses', () => {
  it('is read with its labels quoted, with a warning on each line and the corrected text', async () => {
    const text = 'flowchart TB\n  subgraph k3s[Kubernetes (k3s) on EC2]\n    api[API Pod(s)] -->|HTTPS (JWT)| db[(Postgres)]\n  end\n  subgraph VPC (10.0.0.0/16)\n    w[Worker]\n  end';
    const r = await imported(text);
    expect(r.topology.components.map((c) => c.label)).toEqual(['API Pod(s)', 'Postgres', 'Worker']);
    expect(r.notes.filter((n) => n.kind === 'warning').map((n) => n.source?.line)).toEqual([2, 3, 5]);
    expect(r.correctedText).toBe('flowchart TB\n  subgraph k3s["Kubernetes (k3s) on EC2"]\n    api["API Pod(s)"] -->|"HTTPS (JWT)"| db[(Postgres)]\n  end\n  subgraph "VPC (10.0.0.0/16)"\n    w[Worker]\n  end');
    expect((await fromMermaid(r.correctedText!)).ok).toBe(true);
  });

  it('a valid diagram offers nothing, and a broken one still fails with its line', async () => {
    expect((await chart('  a["API (v2)"] --> b')).correctedText).toBeUndefined();
    const r = await fromMermaid('flowchart TB\n  a[API (v2)] --> b[(DB\n');
    expect(r.ok).toBe(false);
  });
});

describe('direction', () => {
  it('an LR diagram is laid out left to right; TB is the default', async () => {
    expect((await imported('flowchart LR\n  a --> b')).topology.view).toEqual({ direction: 'LR' });
    expect((await imported('graph RL\n  a --> b')).topology.view).toEqual({ direction: 'LR' });
    expect((await imported('graph TD\n  a --> b')).topology.view).toBeUndefined();
  });
});
