// @vitest-environment happy-dom
// Opening designs from outside: a share link in the URL, and a file by its extension
// (JSON or Mermaid). A bad one opens nothing and says where; a good one is one undo step.
import { beforeEach, describe, expect, it } from 'vitest';
import { acceptedExtensions, importerFor, importMermaid, importInfrastructure, importJsonOrPlan } from '../../src/commands/importers';
import { openSharedLink } from '../../src/commands/share';
import { encodeShareHash } from '../../src/io/shareLink';
import type { Topology } from '../../src/model';
import { useDocument } from '../../src/store/document';
import { useUi } from '../../src/store/ui';
import { TEMPLATES } from '../../src/templates';
import { doc, freshStore, history } from '../store/helpers';

const stage = (id: string) => TEMPLATES.find((t) => t.id === id)!.topology;

beforeEach(() => {
  freshStore(structuredClone(stage('stage2')));
  // As opened from a file: no unsaved work to ask about.
  useUi.getState().markSaved(doc());
  useUi.getState().dismiss();
  window.history.replaceState(null, '', '/');
});

describe('openSharedLink', () => {
  it('opens the design in the hash as one undo step and clears the hash', async () => {
    const hash = encodeShareHash(stage('stage5'));
    window.history.replaceState(null, '', `/?harness${hash}`);
    expect(await openSharedLink(window.location.hash)).toBe(true);
    expect(doc().name).toBe(stage('stage5').name);
    expect(doc().components.map((c) => c.id)).toEqual(stage('stage5').components.map((c) => c.id));
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?harness');
    expect(history().pastStates).toHaveLength(1);
    useDocument.temporal.getState().undo();
    expect(doc().name).toBe(stage('stage2').name);
  });

  it('opens nothing from a damaged or hostile link and says why', async () => {
    const good = encodeShareHash(stage('stage5'));
    const bad = { ...stage('stage5'), slo: 2 } as Topology;
    const cases: [string, RegExp][] = [
      [good.slice(0, -12), /^link: the link is damaged/],
      [good.replace('deflate:', 'brotli:'), /codec "brotli"/],
      [encodeShareHash(bad), /^slo: /],
      ['#topology=deflate:' + 'A'.repeat(5), /damaged/],
    ];
    const before = doc();
    for (const [hash, why] of cases) {
      window.history.replaceState(null, '', `/${hash}`);
      expect(await openSharedLink(window.location.hash)).toBe(false);
      expect(doc()).toBe(before);
      expect(history().pastStates).toHaveLength(0);
      const error = useUi.getState().error!;
      expect(error.title).toMatch(/shared link was not opened/);
      expect(error.details[0]).toMatch(why);
    }
  });

  it('over unsaved work asks first; declined, nothing changes and the shared design stays one click away', async () => {
    useDocument.getState().addComponent('cache', { x: 0, y: 0 });
    const before = doc();
    const asked: string[] = [];
    window.confirm = (message?: string) => {
      asked.push(message ?? '');
      return false;
    };
    window.history.replaceState(null, '', `/${encodeShareHash(stage('stage5'))}`);
    expect(await openSharedLink(window.location.hash)).toBe(false);
    expect(asked).toEqual([expect.stringContaining('will replace the current design')]);
    expect(doc()).toBe(before);
    expect(window.location.hash).toBe('');
    const notice = useUi.getState().notice!;
    expect(notice.title).toMatch(/was not opened; your design is unchanged/);
    notice.actions![0].run();
    expect(doc().name).toBe(stage('stage5').name);
  });

  it('ignores hashes that are not share links', async () => {
    expect(await openSharedLink('#section-2')).toBe(false);
    expect(useUi.getState().error).toBeNull();
  });
});

describe('importers', () => {
  it('picks the importer by extension, whatever the case', () => {
    expect(importerFor('design.spof.json')).toBe(importJsonOrPlan);
    expect(importerFor('compose.YAML')).toBe(importInfrastructure);
    expect(importerFor('k8s/deploy.yml')).toBe(importInfrastructure);
    expect(importerFor('main.tf')).toBe(importInfrastructure);
    expect(importerFor('DIAGRAM.MMD')).toBe(importMermaid);
    expect(importerFor('docs/arch.mermaid')).toBe(importMermaid);
    expect(importerFor('notes.txt')).toBeUndefined();
    expect(acceptedExtensions()).toEqual(expect.arrayContaining(['.json', '.mmd', '.yaml', '.yml', '.tf', '.tfvars']));
  });

  it('a .json is a topology, or terraform show -json output, by its content', async () => {
    const topology = await importJsonOrPlan(JSON.stringify({ format: 'spof-topology', version: 2, components: [{ id: 'a', kind: 'app' }] }), 'a.spof.json');
    expect(topology.ok && topology.topology.components.map((c) => c.id)).toEqual(['a']);
    const plan = { format_version: '1.2', planned_values: { root_module: { resources: [{ address: 'aws_sqs_queue.jobs', mode: 'managed', type: 'aws_sqs_queue', name: 'jobs', values: {} }] } } };
    const imported = await importJsonOrPlan(JSON.stringify(plan), 'plan.json');
    expect(imported.ok && imported.topology.components.map((c) => c.id)).toEqual(['aws_sqs_queue.jobs']);
    expect(imported.ok && imported.notes.length).toBeGreaterThan(0);
  });

  it('the notice on opening leaves the no-client warning to the report\'s card, and lists the others', async () => {
    const r = await importJsonOrPlan(JSON.stringify({ format: 'spof-topology', version: 2, components: [{ id: 'a', kind: 'app' }, { id: 'b', kind: 'app' }], links: [{ from: 'a', to: 'b' }] }), 'a.spof.json');
    expect(r.ok && r.warnings).toEqual([]);
    const orphan = await importJsonOrPlan(JSON.stringify({ format: 'spof-topology', version: 2, components: [{ id: 'a', kind: 'app' }] }), 'a.spof.json');
    expect(orphan.ok && orphan.warnings).toEqual(['"a", components[0]: has no links']);
  });

  it('a compose file opens with its notes; invalid YAML names the line and column', async () => {
    const r = await importInfrastructure('services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n', 'shop/compose.yaml');
    expect(r.ok && r.topology.name).toBe('shop');
    expect(r.ok && r.notes.some((n) => n.source?.file === 'shop/compose.yaml' && n.source.line === 3)).toBe(true);
    const bad = await importInfrastructure('services:\n  web: [\n', 'compose.yaml');
    expect(!bad.ok && bad.errors[0]).toMatch(/^compose\.yaml:\d+:\d+: invalid YAML/);
  });

  it('reads a Mermaid flowchart and reports the guesses it made', async () => {
    const r = await importMermaid('flowchart TB\n  users([Users]) --> api[[Orders service]]\n  api --> db[(Postgres)]\n', 'orders.mmd');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.topology.components.map((c) => [c.id, c.kind])).toEqual([['users', 'client'], ['api', 'service'], ['db', 'database']]);
    expect(r.notes).toContainEqual({ kind: 'inferred', subject: 'db', field: 'kind', source: { file: 'orders.mmd', line: 3, column: 11 }, message: 'database (the word "Postgres")' });
    // No title in the diagram: the design is named after the file.
    expect(r.topology.name).toBe('orders');
  });

  it('keeps the title a diagram carries', async () => {
    const r = await importMermaid('---\ntitle: Checkout\n---\nflowchart LR\n  a[Web] --> b[(DB)]\n', 'x.mmd');
    expect(r.ok && r.topology.name).toBe('Checkout');
  });

  it('names the line of a Mermaid syntax error', async () => {
    const r = await importMermaid('flowchart TB\n  a --> b\n  c[(unclosed --> d\n', 'bad.mmd');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^line \d+: /);
  });
});
