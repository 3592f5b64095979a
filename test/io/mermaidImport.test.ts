// @vitest-environment happy-dom
// Mermaid -> topology: exports come back exactly; hand-written diagrams are read by guesses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMermaid, openDesignText, toMermaid, type MermaidImportResult } from '../../src/io';
import type { Topology } from '../../src/model';
import { TEMPLATES } from '../../src/templates';
import { validTopology } from '../model/arbitraries';
import { example, hostile, topology } from './fixtures';

type Imported = Extract<MermaidImportResult, { ok: true }>;

async function imported(text: string): Promise<Imported> {
  const r = await fromMermaid(text);
  if (!r.ok) throw new Error(`${JSON.stringify(r.errors)}\n${text}`);
  return r;
}

async function failed(text: string) {
  const r = await fromMermaid(text);
  if (r.ok) throw new Error(`imported what should fail:\n${text}`);
  return r.errors;
}

const withoutView = (t: Topology): Topology => ({ ...t, view: undefined });
/** The messages of the notes about one subject (a component, domain or `from->to` link id). */
const about = (r: Imported, subject: string | undefined) => r.notes.filter((n) => n.subject === subject).map((n) => n.message);
const byId = <T extends { id: string }>(list: T[], id: string): T => {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`no ${id} in ${list.map((x) => x.id).join(', ')}`);
  return found;
};

describe('export -> import', () => {
  it('keeps the example exactly (every field but the view)', async () => {
    const t = example();
    const r = await imported(toMermaid(t, { spofIds: ['dns', 'use1a'] }));
    expect(r.topology).toEqual(withoutView(t));
    expect(r.notes).toEqual([]);
  });

  it('keeps a hostile design exactly', async () => {
    const t = hostile();
    // Drawn left to right, it comes back to be laid out left to right.
    expect((await imported(toMermaid(t, { direction: 'LR', spofIds: ['end', 'click'] }))).topology).toEqual({ ...withoutView(t), view: { direction: 'LR' } });
  });

  it('keeps every template exactly', async () => {
    for (const tpl of TEMPLATES) expect((await imported(toMermaid(tpl.topology))).topology).toEqual(withoutView(tpl.topology));
  });

  it('keeps random designs exactly (property)', async () => {
    await fc.assert(
      fc.asyncProperty(validTopology, async (input) => {
        const t = topology(input);
        expect((await imported(toMermaid(t))).topology).toEqual(withoutView(t));
      }),
      { numRuns: 40 },
    );
  });

  it('without its comments still keeps ids, kinds, replicas, roles, links and domains', async () => {
    const t = hostile();
    const stripped = toMermaid(t).split('\n').filter((l) => !l.trimStart().startsWith('%%')).join('\n');
    const r = await imported(stripped);
    expect(r.topology.components.map((c) => [c.id, c.kind]).sort()).toEqual(t.components.map((c) => [c.id, c.kind]).sort());
    expect(r.topology.domains.map((d) => [d.id, d.kind, d.parent]).sort()).toEqual(t.domains.map((d) => [d.id, d.kind, d.parent]).sort());
    // In the order of the nodes they join (the layout keeps it): compare as sets.
    const links = (x: Topology) => x.links.map((l) => JSON.stringify([l.from, l.to, l.type ?? 'dependency', l.mode, l.optional])).sort();
    expect(links(r.topology)).toEqual(links(t));
    expect(byId(r.topology.components, 'e_x').replicas).toBe(2);
    expect(byId(r.topology.components, 'db/standby')).toMatchObject({ role: 'standby', standby: 'hot' });
    expect(byId(r.topology.components, 'class').label).toBe('Users "quoted" | piped #1; [x] {y} (z)');
  });

  it('lets the drawing win where it was edited: a new label, a node moved, a line made solid', async () => {
    const text = toMermaid(example())
      .replace('"Primary DB<br>database"', '"Main Postgres<br>database"')
      .replace('app -.->|"optional"| reco', 'app --> reco')
      .replace(/^(\s*)reco\[\[.*$/m, '')
      .replace(/^(\s*)subgraph use1b(.*)$/m, '$1subgraph use1b$2\n$1  reco[["Recommendations<br>service"]]');
    const r = await imported(text);
    expect(byId(r.topology.components, 'db')).toMatchObject({ label: 'Main Postgres', kind: 'database', mtbfHours: 8760 });
    expect(byId(r.topology.components, 'reco').domain).toBe('use1b');
    expect(r.topology.links.find((l) => l.to === 'reco')!.optional).toBeUndefined();
    // Untouched: still spread over two zones.
    expect(byId(r.topology.components, 'app').domains).toEqual(['use1a', 'use1b']);
  });
});

describe('hand-written diagrams', () => {
  it('reads graph TD with shapes and kind words', async () => {
    const r = await imported(`graph TD
    A[Users] --> B{{Route 53}}
    B --> C[CloudFront CDN] --> D[ALB]
    D --> E(nginx web)
    E --> F[API service]
    F --> G[(Postgres primary)]
    F --> H[(Redis)]
    F --> I[/orders queue/]
    F --> J[[S3 bucket]]
    F --> K>Stripe]
    F --> L[Thing]
    F --> M[(store)]`);
    const kinds = Object.fromEntries(r.topology.components.map((c) => [c.id, c.kind]));
    expect(kinds).toEqual({ A: 'client', B: 'dns', C: 'cdn', D: 'loadbalancer', E: 'loadbalancer', F: 'app', G: 'database', H: 'cache', I: 'queue', J: 'storage', K: 'external', L: 'service', M: 'database' });
    expect(byId(r.topology.components, 'G')).toMatchObject({ role: 'primary', label: 'Postgres primary' });
    expect(r.notes).toContainEqual({ kind: 'inferred', subject: 'A', field: 'kind', source: { file: 'diagram.mmd', line: 2, column: 5 }, message: 'client (the word "Users")' });
    expect(about(r, 'M')).toContain('database (its cylinder shape)');
    expect(r.notes).toContainEqual(expect.objectContaining({ kind: 'assumed', subject: 'L', source: { file: 'diagram.mmd', line: 11, column: 11 }, message: 'service (no kind word in "Thing" and no telling shape)' }));
    expect(r.topology.links).toHaveLength(12);
  });

  it('reads flowchart LR with region and zone subgraphs, & and chains, replication and an optional link', async () => {
    const r = await imported(`---
title: Shop
---
flowchart LR
  %% a comment
  users([Customers]) --> dns{{DNS}} --> lb1 & lb2
  subgraph aws[AWS]
    subgraph r1[us-east-1]
      subgraph za[us-east-1a]
        lb1[LB]
        app1[App server]
        db[(Postgres primary)]
      end
      subgraph zb["Availability Zone B"]
        lb2[LB standby]
        app2[App server]
        db2[(Postgres read replica)]
      end
    end
  end
  lb1 & lb2 --> app1 & app2
  app1 & app2 --> db
  db -.->|async replication| db2
  db2 -.->|nightly backup| s3[(S3 bucket)]
  app1 -.-> reco[Recommendations]`);
    const t = r.topology;
    expect(t.name).toBe('Shop');
    expect(t.domains).toEqual([
      { id: 'aws', kind: 'provider', label: 'AWS' },
      { id: 'r1', kind: 'region', label: 'us-east-1', parent: 'aws' },
      { id: 'za', kind: 'zone', label: 'us-east-1a', parent: 'r1' },
      { id: 'zb', kind: 'zone', label: 'Availability Zone B', parent: 'r1' },
    ]);
    expect(byId(t.components, 'db').domain).toBe('za');
    expect(byId(t.components, 'db2')).toMatchObject({ domain: 'zb', role: 'replica', kind: 'database' });
    expect(byId(t.components, 'lb2')).toMatchObject({ role: 'standby', kind: 'loadbalancer' });
    expect(byId(t.components, 'users').domain).toBeUndefined();
    expect(t.links.filter((l) => l.to === 'app1' || l.to === 'app2')).toHaveLength(4);
    expect(t.links).toContainEqual({ from: 'db', to: 'db2', type: 'replication', mode: 'async' });
    expect(t.links).toContainEqual({ from: 'db2', to: 's3', type: 'replication', mode: 'backup' });
    // Dotted, but no word says optional: a dependency, and the note says why.
    expect(t.links).toContainEqual({ from: 'app1', to: 'reco' });
    expect(about(r, 'app1->reco')).toEqual(['required (a dotted line without words: a dependency (dotted means optional only when the words say so))']);
    expect(t.links).toContainEqual({ from: 'users', to: 'dns' });
    expect(r.notes).toContainEqual(expect.objectContaining({ subject: 'za', source: { file: 'diagram.mmd', line: 9, column: 16 }, message: 'zone ("us-east-1a")' }));
    expect(r.notes).toContainEqual(expect.objectContaining({ subject: 'db->db2', source: { file: 'diagram.mmd', line: 23, column: 3 }, message: 'async replication (labelled "async replication")' }));
  });

  it('reads the examples of the issue', async () => {
    const r = await imported('flowchart TB\n  A[Users] --> B{{Route 53}}\n  B --> app[App]\n  app --> db\n  db[(Postgres primary)] -.->|async replication| db2[(Postgres replica)]\n  app --> db2');
    expect(byId(r.topology.components, 'B').kind).toBe('dns');
    expect(byId(r.topology.components, 'db2')).toMatchObject({ kind: 'database', role: 'replica' });
    expect(r.topology.links).toContainEqual({ from: 'db', to: 'db2', type: 'replication', mode: 'async' });
  });

  it('a node named x123 is one instance, not a pool of 123; every pool read from a label says so at its line', async () => {
    const r = await imported('flowchart LR\n  u[Users] --> x1 --> x2 --> x3 --> x123\n  x123 --> web[Web x3]\n');
    for (const id of ['x1', 'x2', 'x3', 'x123']) expect(byId(r.topology.components, id).replicas).toBeUndefined();
    expect(r.notes.filter((n) => n.field === 'replicas')).toEqual([
      { kind: 'inferred', subject: 'web', field: 'replicas', source: { file: 'diagram.mmd', line: 3, column: 12 }, message: '3 replicas ("x3")' },
    ]);
  });

  it('reads <br>, inline HTML, entity codes and Mermaid 11 shapes in labels', async () => {
    const r = await imported('flowchart TB\n  a["Web<br/>tier x3"] --> b["<b>Orders</b> #amp; #quot;Payments#quot;"]\n  b --> c@{ shape: cyl, label: "Ledger" }\n  b --> d@{ shape: hex, label: "Name servers" }');
    expect(byId(r.topology.components, 'a')).toMatchObject({ kind: 'web', label: 'Web tier x3', replicas: 3 });
    expect(byId(r.topology.components, 'b')).toMatchObject({ kind: 'service', label: 'Orders & "Payments"' });
    expect(byId(r.topology.components, 'c').kind).toBe('database');
    expect(byId(r.topology.components, 'd').kind).toBe('dns');
  });

  it('repairs what the schema refuses and says so: a lone standby, self links, duplicates; links to a subgraph reach its entries', async () => {
    const r = await imported('flowchart TB\n  u[Users] --> s[(Standby DB)]\n  u --> u\n  u --> s\n  subgraph z[Zone A]\n    x[App]\n  end\n  u --> z\n  u ~~~ x\n  x <--> y[Worker]');
    expect(byId(r.topology.components, 's').role).toBe('replica');
    expect(about(r, 's')).toContain('a standby with no active partner in the same dependency group: made it a replica');
    expect(about(r, 'u->u')).toEqual(['a link from a node to itself: not imported']);
    expect(r.notes).toContainEqual(expect.objectContaining({ subject: 'u->s', source: { file: 'diagram.mmd', line: 4, column: 3 }, message: 'drawn twice, imported once' }));
    expect(about(r, undefined)).toContain('u -> z: a link to the subgraph z: to its entry members x (nothing inside it points to them)');
    expect(about(r, undefined).some((m) => m.startsWith('u -> x: an invisible'))).toBe(true);
    expect(r.topology.links).toEqual([{ from: 'u', to: 's' }, { from: 'u', to: 'x' }, { from: 'x', to: 'y' }]);
  });

  it('a subgraph id opened twice, inside itself or around its own opener, is one group, said at each line (the loader refused two domains of one id; S > T > S was a RangeError)', async () => {
    const twice = await imported('graph TD\n  subgraph S\n    A\n  end\n  subgraph S\n    B\n  end\n  U((User)) --> A --> B');
    expect(twice.topology.domains.map((d) => d.id)).toEqual(['S']);
    expect(['A', 'B'].map((id) => byId(twice.topology.components, id).domain)).toEqual(['S', 'S']);
    expect(twice.notes).toContainEqual(expect.objectContaining({ subject: 'S', kind: 'warning', source: { file: 'diagram.mmd', line: 5, column: 12 },
      message: 'subgraph S is opened again (first at line 2): one id is one group, so its members join the first' }));

    const cycle = await imported('graph TD\n  subgraph S\n    subgraph T\n      subgraph S\n        X\n      end\n    end\n  end\n  U((User)) --> X');
    expect(cycle.topology.domains).toEqual([{ id: 'S', kind: 'group' }, { id: 'T', kind: 'group', parent: 'S' }]);
    expect(byId(cycle.topology.components, 'X').domain).toBe('S');
    expect(about(cycle, 'S')).toContain('subgraph S is opened again (first at line 2): one id is one group, so its members join the first');
  });

  it('a link between a subgraph and its only member is said, not dropped in silence', async () => {
    const r = await imported('graph TD\n  subgraph S\n    X\n  end\n  X --> S\n  U((User)) --> X');
    expect(r.topology.links).toEqual([{ from: 'U', to: 'X' }]);
    expect(r.notes).toContainEqual(expect.objectContaining({ kind: 'warning', source: { file: 'diagram.mmd', line: 5, column: 3 },
      message: 'X -> S: the subgraph S holds only X: the link would join it to itself: not imported' }));
  });

  it('reads more styles: semicolons, CRLF, text-in-arrow links, ids as labels, subgraphs without ids, directives', async () => {
    const r = await imported('%%{init: {"theme":"dark"}}%%\r\ngraph LR;\r\n  subgraph Region One\r\n    direction TB\r\n    web1 -- HTTPS --> orders_db[(x)];\r\n  end\r\n  authService == token ==> web1\r\n  orders_db -. async replication .-> orders_db_dr\r\n  web1 --> orders_db_dr\r\n  A:::big e1@--> web1\r\n  classDef big fill:#f00\r\n  click A href "https://example.com"\r\n');
    const t = r.topology;
    expect(t.domains).toEqual([{ id: 'region-one', kind: 'region', label: 'Region One' }]);
    expect(Object.fromEntries(t.components.map((c) => [c.id, c.kind]))).toEqual({ web1: 'web', orders_db: 'database', authService: 'service', orders_db_dr: 'database', A: 'service' });
    expect(byId(t.components, 'orders_db_dr').role).toBe('standby');
    expect(t.links).toContainEqual({ from: 'web1', to: 'orders_db', label: 'HTTPS' });
    expect(t.links).toContainEqual({ from: 'authService', to: 'web1', label: 'token' });
    expect(t.links).toContainEqual({ from: 'orders_db', to: 'orders_db_dr', type: 'replication', mode: 'async' });
    expect(t.links).toContainEqual({ from: 'A', to: 'web1' });
  });

  it('keeps a standby that has an active partner', async () => {
    const r = await imported('flowchart TB\n  u[Users] --> lb1[LB] & lb2[LB hot standby]');
    expect(byId(r.topology.components, 'lb2')).toMatchObject({ role: 'standby', standby: 'hot' });
  });
});

describe('bad input', () => {
  it('names the line of a syntax error, counting comments and front matter', async () => {
    const errors = await failed('---\ntitle: x\n---\nflowchart TB\n  %% one\n  %% two\n  a --> b\n  b --> c[(DB)\n');
    expect(errors[0]).toMatchObject({ code: 'mermaid-syntax', path: 'line 8' });
    expect(errors[0].message).toContain('b --> c[(DB)');
  });

  it('refuses other diagram types, plain text, empty text and a flowchart without nodes', async () => {
    expect((await failed('sequenceDiagram\n  a->>b: hi'))[0]).toMatchObject({ code: 'not-flowchart', message: expect.stringContaining('sequence') });
    expect((await failed('hello world'))[0]).toMatchObject({ code: 'not-flowchart', path: 'line 1' });
    expect((await failed('  \n'))[0].code).toBe('not-flowchart');
    expect((await failed('flowchart TB\n'))[0].code).toBe('empty-diagram');
  });

  it('runs nothing from hostile hand-written labels', async () => {
    const g = globalThis as { pwned?: number };
    const r = await imported('flowchart TB\n  a["<img src=x onerror=\'globalThis.pwned=1\'>"] --> b["<script>globalThis.pwned=2</script>Users"]\n  b --> c[<iframe srcdoc=x onload=globalThis.pwned=3>]');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(g.pwned).toBeUndefined();
    expect(r.topology.components.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('leaves mermaid configured whole for drawing: the sections a parse does without come back after it', async () => {
    // The parse takes the theme and the other diagrams' settings out of what mermaid copies per labelled node.
    const { default: mermaid } = await import('mermaid');
    await imported('flowchart TB\n  a["Web"] --> b[(Orders)]');
    const config = mermaid.mermaidAPI.getConfig();
    expect(config.themeVariables?.primaryColor).toBeTruthy();
    expect(config.sequence?.actorMargin).toBeGreaterThan(0);
    expect(config.securityLevel).toBe('strict');
  });

  it('an edge between subgraphs that draws more links than a design may have is refused at its line, before the links are made', async () => {
    // Each of 400 nodes to each of 400: 160,000 links by one edge (two of 5,000 took minutes and gigabytes).
    const group = (name: string) => [`  subgraph ${name}`, ...Array.from({ length: 400 }, (_, i) => `    ${name.toLowerCase()}${i}`), '  end'];
    const lines = ['flowchart TD', ...group('A'), ...group('B'), '  A --> B'];
    expect(await failed(lines.join('\n'))).toEqual([{
      code: 'too-large', path: `line ${lines.length}`,
      message: 'more than 100,000 links drawn by the edge A -> B (it joins each of 400 nodes to each of 400, as an edge between subgraphs does): a design has at most 100,000 links',
    }]);
    // Invisible, the same edge draws no link.
    const r = await imported([...lines.slice(0, -1), '  A ~~~ B'].join('\n'));
    expect(r.topology.links).toHaveLength(0);
  });

  it('ignores damaged spof comments and says so', async () => {
    const text = toMermaid(example()).replace('%% spof:component db {', '%% spof:component db {oops').replace('"kind":"dns"', '"kind":"router"');
    const r = await imported(text);
    expect(r.notes.filter((n) => n.kind === 'warning' && n.message.startsWith('ignored a damaged spof comment') && n.source?.line !== undefined)).toHaveLength(2);
    expect(byId(r.topology.components, 'db').kind).toBe('database');
    expect(byId(r.topology.components, 'dns').kind).toBe('dns');
  });
});

describe('openDesignText', () => {
  it('opens a .mmd file as Mermaid', async () => {
    const r = await openDesignText('shop.mmd', toMermaid(example()));
    expect(r.ok && r.format === 'mermaid' && r.topology).toEqual(withoutView(example()));
    expect(await openDesignText('bad.mmd', 'flowchart TB\n  a --> [[')).toMatchObject({ ok: false, format: 'mermaid', errors: [{ path: 'line 2' }] });
  });
});
