// `spof import` through the real launcher (DESIGN section 4): stderr notes, exit codes,
// nothing written on bad input, -o atomic, folders, standard input.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/model';
import { FIXTURES } from './helpers';

function spof(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each test runs the CLI (a Mermaid import loads a DOM and mermaid: seconds, a minute on a loaded machine).
describe('spof import', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'spof-import-'));

  it('imports a compose file: the topology on stdout, each inference on stderr with its file and line, exit 0', () => {
    const file = join(FIXTURES, 'compose/voting-stack.yaml');
    const r = spof(['import', file]);
    expect(r.code).toBe(0);
    const t = parseTopology(r.stdout);
    expect(t.ok).toBe(true);
    expect(r.stderr).toContain(`${file}:36 vote: replicas 2 from deploy.replicas\n`);
  });

  it('writes -o atomically and says what it wrote', () => {
    const out = join(dir, 'boutique.spof.json');
    const r = spof(['import', join(FIXTURES, 'kubernetes/online-boutique'), '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/boutique\.spof\.json: \d+ components, \d+ domains, \d+ links \(from kubernetes\)/);
    const t = parseTopology(readFileSync(out, 'utf8'));
    expect(t.ok && t.topology.name).toBe('online-boutique');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reads standard input with -', () => {
    const r = spof(['import', '-'], 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).components.map((c: { id: string }) => c.id)).toEqual(['users', 'web']);
    expect(r.stderr).toContain('<stdin>:3 web: kind web from image nginx (it forwards to no other service)');
  });

  it('imports a Mermaid flowchart through the Mermaid importer, its notes with their lines', () => {
    const file = join(dir, 'shop.mmd');
    writeFileSync(file, 'flowchart TB\n  users([Users]) --> api[Orders API]\n  api --> db[(Postgres)]\n');
    const r = spof(['import', file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).components.map((c: { id: string; kind: string }) => `${c.id}:${c.kind}`)).toEqual(['users:client', 'api:app', 'db:database']);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+ db: `));
    expect(spof(['import', file, '--format', 'mermaid']).code).toBe(0);
  });

  it('honours --format', () => {
    const file = join(dir, 'stack.txt');
    writeFileSync(file, 'services:\n  a:\n    image: redis\n');
    expect(spof(['import', file, '--format', 'compose']).code).toBe(0);
    const wrong = spof(['import', file, '--format', 'kubernetes']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('no Kubernetes object');
    expect(spof(['import', file, '--format', 'nonsense']).code).toBe(2);
  });

  const bad: [string, string | Buffer, RegExp][] = [
    ['invalid YAML, with line and column', 'services:\n  web:\n    image: [nginx\n', /broken\.yaml:4:1: invalid YAML/],
    ['a YAML that is neither compose nor Kubernetes', 'name: ci\non:\n  push: {}\njobs: {}\n', /^spof: .*broken\.yaml: not an infrastructure definition: neither a compose file[^\n]*\n$/],
    ['invalid HCL, with line and column', 'resource "aws_lb" "x" {\n  name = \n}\n', /broken\.tf:\d+:\d+: invalid HCL/],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]), /^spof: .*broken\.png: line 1, column 1: not UTF-8 text \(byte 0x89\): a binary file[^\n]*\n$/],
    ['a topology JSON', '{"format":"spof-topology","version":2,"components":[]}', /a SPOF Studio topology, not an infrastructure definition/],
    // Both were "neither a compose file (a `services` map) nor Kubernetes objects".
    ['a Terraform configuration in tf.json syntax, with what is read instead', '{"resource": {"aws_instance": {"a": {}}}}', /broken\.tf\.json: not an infrastructure definition: a Terraform configuration in JSON syntax \(\*\.tf\.json\) is not read: import the \.tf files, or the output of `terraform show -json`/],
    ['terraform show -json JSON with nothing in it', '{"format_version":"1.0"}', /broken\.json: not an infrastructure definition: terraform show -json output \(format_version "1\.0"\) with none of planned_values, values, configuration or resource_changes/],
    ['an unrendered Helm template, with the way to render it', 'kind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\nspec:\n  replicas: {{ .Values.replicas }}\n', /broken\.yaml:3:\d+: invalid YAML: .*unrendered Helm template: render it first \(`helm template/],
  ];
  it.each(bad)('refuses %s: exit 2, a message naming the file, nothing written', (what, content, message) => {
    const ext = what.includes('tf.json') ? 'tf.json' : what.includes('HCL') ? 'tf' : what.includes('binary') ? 'png' : what.includes('JSON') ? 'json' : 'yaml';
    const file = join(dir, `broken.${ext}`);
    writeFileSync(file, content);
    const out = join(dir, 'never.spof.json');
    const r = spof(['import', file, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).not.toContain('never.spof.json');
  });

  it('refuses a 50 MB file before reading it, and an empty folder, and a missing path', () => {
    const big = join(dir, 'huge.yaml');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
    const r = spof(['import', big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huge\.yaml: too large \(50\.0 MB; the limit is 16 MB\)/);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const e = spof(['import', empty]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('an empty folder');
    expect(spof(['import', join(dir, 'nope.yaml')]).stderr).toContain('no such file or folder');
  });

  it('in a folder, skips what is not a definition with a warning and imports the rest', () => {
    const folder = join(dir, 'mixed');
    mkdirSync(join(folder, 'ci'), { recursive: true });
    writeFileSync(join(folder, 'ci', 'workflow.yaml'), 'on: push\njobs: {}\n');
    writeFileSync(join(folder, 'compose.yaml'), 'services:\n  web:\n    image: caddy\n    ports: ["443:443"]\n');
    const r = spof(['import', folder]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${join(folder, 'ci', 'workflow.yaml')} warning: skipped: neither a compose file`);
    expect(JSON.parse(r.stdout).name).toBe('mixed');
  });

  it('prints 100 notes, the warnings and assumptions chosen first, then how many more of each kind; --all-notes prints them all', () => {
    // 300 services in a chain, two notes each; the last one's warning (a cache without a volume) comes after 600 inferences.
    const n = 300;
    const services = Array.from({ length: n }, (_, i) => (i < n - 1 ? `  s${i}:\n    image: nginx\n    depends_on: [s${i + 1}]\n` : `  s${i}:\n    image: redis\n`));
    const file = join(dir, 'many.yaml');
    writeFileSync(file, `services:\n${services.join('')}`);
    const r = spof(['import', file]);
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines).toContain(`${file}:${3 * n - 1} s${n - 1}: warning: a cache without a volume: it starts empty whenever its container is recreated`);
    expect(lines[100]).toMatch(/^\.\.\. and \d+ more notes \(\d+ inferred; --all-notes lists them\)$/);
    expect(lines.filter((l) => / (warning|assumed): /.test(l)).length).toBeGreaterThan(1);
    const all = spof(['import', file, '--all-notes']);
    expect(all.code).toBe(0);
    const hidden = Number(/and (\d+) more notes/.exec(lines[100])![1]);
    expect(all.stderr.trimEnd().split('\n')).toHaveLength(100 + hidden);
    expect(all.stdout).toBe(r.stdout);
    // What -o wrote, counted in words: it read '1 domains'.
    const out = join(dir, 'many.spof.json');
    expect(spof(['import', file, '-o', out]).stderr.trimEnd().split('\n').at(-1)).toBe(`${out}: ${n} components, 1 domain, ${n - 1} links (from compose)`);
  });
});
