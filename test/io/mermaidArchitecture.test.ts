// @vitest-environment happy-dom
// Mermaid architecture-beta: parsed by mermaid 11's own parser for every template, and read
// back by import with the same ids and links.
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { fromMermaid, type MermaidImportResult } from '../../src/io';
import { architectureIdOf, encodeArchitectureTitle } from '../../src/io/architectureText';
import { KIND_ICONS, toMermaidArchitecture } from '../../src/io/mermaidArchitecture';
import { toMermaid } from '../../src/io/mermaidExport';
import type { Topology } from '../../src/model';
import { TEMPLATES } from '../../src/templates';
import { example, hostile, topology } from './fixtures';

type Imported = Extract<MermaidImportResult, { ok: true }>;

async function imported(text: string): Promise<Imported> {
  const r = await fromMermaid(text);
  if (!r.ok) throw new Error(`${JSON.stringify(r.errors)}\n${text}`);
  return r;
}

async function parsesAsArchitecture(text: string): Promise<void> {
  const r = await mermaid.parse(text);
  expect(r && r.diagramType).toBe('architecture');
}

const withoutView = (t: Topology): Topology => ({ ...t, view: undefined });
const spofsOf = (t: Topology) => analyze(t).spofs.map((s) => s.id);
const withoutComments = (text: string) => text.split('\n').filter((l) => !l.trim().startsWith('%%')).join('\n');

describe('architecture-beta export', () => {
  it.each(TEMPLATES.map((t) => [t.id, t.topology] as const))('%s: mermaid parses it, import gives back the same design', async (_id, t) => {
    const text = toMermaidArchitecture(t, { spofIds: spofsOf(t) });
    await parsesAsArchitecture(text);
    const back = await imported(text);
    expect(back.topology).toEqual(withoutView(t));
    expect(back.notes).toEqual([]);
  });

  it('groups nest as the domains do; services carry the icon of their kind and sit in their domain', () => {
    const text = toMermaidArchitecture(example());
    expect(text).toMatch(/^ {2}group aws\(cloud\)\["AWS · provider"\]$/m);
    expect(text).toMatch(/^ {2}group use1\(cloud\)\["US-East-1 · region"\] in aws$/m);
    expect(text).toMatch(/^ {2}group use1a\["us-east-1a · zone"\] in use1$/m);
    expect(text).toMatch(/^ {2}service db\(database\)\["Primary DB"\] in use1a$/m);
    // A pool spread over two zones sits in the region that holds both.
    expect(text).toMatch(/^ {2}service app\(server\)\["App ×3 \(2 needed\)"\] in use1$/m);
    expect(text).toMatch(/^ {2}service users\(internet\)\["Users"\]$/m);
    expect(new Set(Object.values(KIND_ICONS))).toEqual(new Set(['internet', 'cloud', 'server', 'database', 'disk']));
  });

  it('marks SPOFs in the titles of services and groups', () => {
    const t = example();
    const text = toMermaidArchitecture(t, { spofIds: ['dns', 'use1a', 'app#2'] });
    expect(text).toContain('service dns(internet)["DNS (SPOF)"]');
    expect(text).toContain('group use1a["us-east-1a · zone (SPOF)"] in use1');
    expect(text).toContain('service app(server)["App ×3 (2 needed) (SPOF)"] in use1');
    expect(text).toContain('service lb1(server)["LB"] in use1a');
  });

  it('edges: down the tiers between them, across within one; labelled with what the flowchart says', () => {
    const text = toMermaidArchitecture(example());
    expect(text).toContain('  users:B --> T:dns');
    expect(text).toContain('  db:R -["async replication"]-> L:db2');
    expect(text).toContain('  app:B -["optional"]-> T:reco');
    const lr = toMermaidArchitecture(example(), { direction: 'LR' });
    expect(lr).toContain('  users:R --> L:dns');
    expect(lr).toContain('  db:B -["async replication"]-> T:db2');
  });

  it('a source that fans out to several targets in its group goes through a row of junctions, read back as links', async () => {
    const t = TEMPLATES.find((x) => x.id === 'stage3')!.topology;
    const text = toMermaidArchitecture(t);
    expect(text).toContain('  junction lb_fan1 in use1a');
    expect(text).toContain('  lb:B -- T:lb_fan1');
    expect(text).toContain('  lb_fan1:R -- L:lb_fan2');
    expect(text).toContain('  lb_fan1:B --> T:web1');
    expect(text).toContain('  lb_fan2:B --> T:web2');
    expect(text).not.toMatch(/lb:B --> T:web/);
    const back = await imported(withoutComments(text));
    const links = back.topology.links.map((l) => `${l.from}->${l.to}`);
    expect(links).toEqual(expect.arrayContaining(['lb->web1', 'lb->web2']));
    expect(links.filter((l) => l.startsWith('lb->'))).toHaveLength(2);
  });

  it('keeps a hostile design exactly: keyword ids, markup, quotes, entities, line breaks', async () => {
    const t = hostile();
    const text = toMermaidArchitecture(t, { spofIds: spofsOf(t) });
    await parsesAsArchitecture(text);
    expect(text).not.toMatch(/%%\{/);
    expect((await imported(text)).topology).toEqual(withoutView(t));
  });

  it('ids the architecture grammar refuses (in, group, Left, title2, B-1) are encoded and come back', async () => {
    const ids = ['in', 'group', 'Left', 'title2', 'B-1', 'Rack', 'T', 'row'];
    const t = topology({
      format: 'spof-topology',
      version: 2,
      name: 'Keywords',
      domains: [],
      components: [{ id: 'users', kind: 'client' }, ...ids.map((id) => ({ id, kind: 'service' as const }))],
      links: ids.map((id) => ({ from: 'users', to: id })),
    });
    for (const id of ids) expect(architectureIdOf(id)).toMatch(/^e_/);
    expect(architectureIdOf('inner')).toBe('inner');
    const text = toMermaidArchitecture(t);
    await parsesAsArchitecture(text);
    expect((await imported(text)).topology).toEqual(withoutView(t));
    // Without the comments the ids still come back (kinds are then guessed).
    const bare = await imported(withoutComments(text));
    expect(bare.topology.components.map((c) => c.id)).toEqual(['users', ...ids]);
  });

  it('titles show any label literally: no directive, entity, markdown or broken quote', async () => {
    expect(encodeArchitectureTitle('a "b" %%{init}%% #quot; `c` [d](e) x\\')).toBe('["a \\"b\\" ％%{init}％% ＃quot; ˋcˋ ［d］(e) x⧵"]');
    const t = topology({
      format: 'spof-topology', version: 2, name: 'Labels', domains: [],
      components: [{ id: 'u', kind: 'client', label: 'ends with a backslash\\' }, { id: 'a', kind: 'app', label: '"quoted" and \\"escaped\\"' }],
      links: [{ from: 'u', to: 'a', label: 'calls "a"\\' }],
    });
    const text = toMermaidArchitecture(t);
    await parsesAsArchitecture(text);
    expect((await imported(text)).topology).toEqual(withoutView(t));
  });

  it('bidirectional overrides, invisible characters, controls and lone surrogates: by number, as the flowchart writes them, and back exactly through a UTF-8 file', async () => {
    const t = topology({
      format: 'spof-topology', version: 2, name: 'Hidden', domains: [{ id: 'z', kind: 'zone', label: 'Zo\u202ene\udc00' }],
      components: [{ id: 'u', kind: 'client', label: 'Us\u202eers' }, { id: 'a', kind: 'app', label: 'A\ud800pp\u200b\u2066x\u0007\u00a0!', domain: 'z' }],
      links: [{ from: 'u', to: 'a', label: 'l\u202eab\ud800' }],
    });
    const text = toMermaidArchitecture(t);
    // Before: the override and the zero-width space were written as they are (a reviewer of the
    // file read the text reordered), the BEL became a space and a lone surrogate U+FFFD once
    // saved, so the title no longer matched its comment and replaced the label.
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u00a0\u200b\u202e\u2066\ud800-\udfff]/);
    expect(text).toContain('service a(server)["A#55296;pp#8203;#8294;x#7;#160;!"] in z');
    const flowchart = toMermaid(t);
    expect(flowchart).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u00a0\u200b\u202e\u2066\ud800-\udfff]/);
    for (const code of ['#8238;', '#55296;', '#8203;', '#8294;', '#7;', '#56320;']) expect(flowchart).toContain(code);
    await parsesAsArchitecture(text);
    const saved = new TextDecoder().decode(new TextEncoder().encode(text));
    expect((await imported(saved)).topology).toEqual(withoutView(t));
  });

  it('an edited title renames the component and keeps everything else from the comments', async () => {
    const text = toMermaidArchitecture(example()).replace('["Primary DB"]', '["Orders DB"]');
    const back = await imported(text);
    const db = back.topology.components.find((c) => c.id === 'db')!;
    expect(db).toEqual({ ...example().components.find((c) => c.id === 'db'), label: 'Orders DB' });
  });
});

describe('architecture-beta written by hand', () => {
  it('reads services, nested groups, arrows and junctions, and says what it assumed', async () => {
    const text = [
      'architecture-beta',
      '  group cloud_a(cloud)[Cloud]',
      '  group zone_a[Zone A] in cloud_a',
      '  service internet(internet)[Internet]',
      '  service gateway(server)[Gateway] in cloud_a',
      '  service api_one(server)[API one] in zone_a',
      '  service api_two(server)[API two] in zone_a',
      '  service store(database)[Ledger] in zone_a',
      '  junction hub in zone_a',
      '  internet:B --> T:gateway',
      '  gateway:B -- T:hub',
      '  hub:L --> R:api_one',
      '  hub:R --> L:api_two',
      '  api_one:B --> T:store',
      '  store:L <-- R:api_two',
    ].join('\n');
    await parsesAsArchitecture(text);
    const r = await imported(text);
    const t = r.topology;
    expect(t.components.map((c) => [c.id, c.domain])).toEqual([
      ['internet', undefined], ['gateway', 'cloud_a'], ['api_one', 'zone_a'], ['api_two', 'zone_a'], ['store', 'zone_a'],
    ]);
    // With no word to go by, the icon says it: a database icon is a database.
    expect(t.components.find((c) => c.id === 'store')!.kind).toBe('database');
    expect(t.domains.map((d) => [d.id, d.parent])).toEqual([['cloud_a', undefined], ['zone_a', 'cloud_a']]);
    expect(t.links.map((l) => `${l.from}->${l.to}`).sort()).toEqual(['api_one->store', 'api_two->store', 'gateway->api_one', 'gateway->api_two', 'internet->gateway']);
    expect(r.notes).toContainEqual(expect.objectContaining({ subject: 'store', field: 'kind', source: expect.objectContaining({ line: 8 }) }));
    expect(r.notes.find((n) => n.subject === 'store' && n.field === 'kind')!.message).toMatch(/^database \(its database shape\)/);
  });

  it('an edge without an arrow is read in the written order, and says so at its line', async () => {
    const r = await imported('architecture-beta\n  service a(server)[A]\n  service b(database)[B]\n  a:R -- L:b\n');
    expect(r.topology.links).toEqual([{ from: 'a', to: 'b' }]);
    expect(r.notes).toContainEqual({ kind: 'assumed', subject: 'a->b', source: { file: 'diagram.mmd', line: 4 }, message: 'no arrow between a and b: a taken as the caller (the written order)' });
  });

  it('an architecture diagram with a syntax error names its line', async () => {
    const r = await fromMermaid('architecture-beta\n  service a(server)[A]\n  service b(server)[B\n');
    expect(r.ok).toBe(false);
  });
});
