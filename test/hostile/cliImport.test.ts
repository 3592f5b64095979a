// `spof import` on hostile input no importer test had (issue 14): nesting, alias bombs, numbers
// past a pool, a socket, and a Mermaid drawing of thousands of nodes on one line. Each ends in
// one line naming the file (and line) and the reason, exit 2, with nothing written; or, when
// the input is good, in an import.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'spof-import-hostile-'));
/** A run that has not ended in this long is killed and fails: far above the 10 s asked, for a loaded machine. */
const HANG_MS = 120_000;
const OUT = join(dir, 'out.spof.json');

const put = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

function spof(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8', timeout: HANG_MS, maxBuffer: 1 << 28 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Exit 2, one line on stderr that starts with the file (and its line) and says why, nothing on stdout, no output file. */
function refused(file: string, reason: RegExp) {
  rmSync(OUT, { force: true });
  const r = spof('import', file, '-o', OUT);
  expect(r.signal, 'ended by itself').toBeNull();
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0].startsWith(`spof: ${file}`), lines[0]).toBe(true);
  expect(lines[0]).toMatch(reason);
  expect(existsSync(OUT)).toBe(false);
}

const billionLaughs = (head: string) => [
  head,
  'x0: &x0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...Array.from({ length: 9 }, (_, i) => `x${i + 1}: &x${i + 1} [${Array(10).fill(`*x${i}`).join(',')}]`),
  'bomb: *x9',
].join('\n');

describe('import: hostile input is refused in one line naming the file', { timeout: 4 * HANG_MS }, () => {
  it('HCL nested 100,000 brackets deep, and blocks nested 20,000 deep: a nesting limit, not a stack overflow', () => {
    refused(put('brackets.tf', `locals {\n  a = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n}\n`), /brackets\.tf:2:\d+: invalid HCL: nested more than 400 levels deep$/);
    refused(put('blocks.tf', `resource "aws_lb" "x" {\n${'b {\n'.repeat(20_000)}${'}\n'.repeat(20_000)}}\n`), /blocks\.tf:\d+:\d+: invalid HCL: nested more than 400 levels deep$/);
  });

  it('a count, replicas or deploy.replicas past a pool: refused at the line that says it', () => {
    refused(put('count.tf', 'resource "aws_instance" "web" {\n  count = 99999999999999999999999\n}\n'), /count\.tf:1: aws_instance\.web: 1e\+23 instances: a pool has from 1 to 1,000/);
    refused(put('compose.yaml', 'services:\n  web:\n    image: nginx\n    deploy:\n      replicas: 1e308\n'), /compose\.yaml:2(:\d+)?: web: 1e\+308 instances: a pool has from 1 to 1,000/);
    refused(put('deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 5000\n'), /deploy\.yaml:\d+(:\d+)?: web: 5,000 instances: a pool has from 1 to 1,000/);
  });

  it('a billion laughs in Compose and in Kubernetes YAML: an alias limit', () => {
    refused(put('laughs-compose.yaml', billionLaughs('services:\n  web:\n    image: nginx')), /laughs-compose\.yaml:\d+:\d+: invalid YAML: more than 10000 alias expansions$/);
    refused(put('laughs-k8s.yaml', billionLaughs('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web')), /laughs-k8s\.yaml:\d+:\d+: invalid YAML: more than 10000 alias expansions$/);
  });

  it('a socket: no such device, at once', () => {
    const socket = join(dir, 'socket.yaml');
    // A Unix socket left on the disk by a server that has gone.
    execFileSync(process.execPath, ['-e', 'require("node:net").createServer().listen(process.argv[1], () => process.exit(0))', socket]);
    refused(socket, /socket\.yaml: no such device/);
  });
});

describe('import: large Mermaid drawings end', { timeout: 4 * HANG_MS }, () => {
  it('5,000 nodes chained on one line, and 5,000 edges on their own lines, are imported whole', () => {
    // Locating each node and grouping each source's links searched every line and every link: quadratic.
    for (const [name, text] of [
      ['chain.mmd', `flowchart LR\n${Array.from({ length: 5000 }, (_, i) => `n${i}`).join('-->')}\n`],
      ['lines.mmd', `flowchart LR\n${Array.from({ length: 5000 }, (_, i) => `n${i}-->n${i + 1}\n`).join('')}`],
    ]) {
      const r = spof('import', put(name, text), '-o', OUT);
      expect(r.signal, 'ended by itself').toBeNull();
      expect(r.code, r.stderr.slice(0, 500)).toBe(0);
      const t = JSON.parse(readFileSync(OUT, 'utf8'));
      expect(t.components.length).toBeGreaterThanOrEqual(5000);
    }
  });

  it('150,000 nodes chained on one line (within the 2,000,000-character limit): refused at once by the node limit, at its line', () => {
    const text = `flowchart LR\n${Array.from({ length: 150_000 }, (_, i) => `n${i}`).join('-->')}\n`;
    expect(text.length).toBeLessThan(2_000_000);
    const file = put('chain150k.mmd', text);
    refused(file, /chain150k\.mmd:2: more than 10,000 nodes by this line: a Mermaid diagram is imported up to 10,000 nodes \(a design saved as \.spof\.json takes 20,000 components\)$/);
  });

  it('500,000 empty lines, and 5,000 subgraphs nested: refused at their line before mermaid parses (neither ended in minutes)', () => {
    // The empty lines also held the format detection: its Terraform test ran on through every empty line from each one.
    refused(put('blank.mmd', `flowchart LR\n  a --> b\n${'\n'.repeat(500_000)}  c\n`), /blank\.mmd:3: 500,003 blank characters in a row from this line .*bounded time/);
    const nested = ['flowchart TB', ...Array.from({ length: 5000 }, (_, d) => `subgraph s${d}["level ${d}"]\n  a${d} --> b${d}`), ...Array(5000).fill('end')].join('\n');
    refused(put('nested.mmd', nested), /nested\.mmd:66: subgraphs nested more than 32 deep by this line: a design reads at most 32 levels of failure domains$/);
  });

  it('the CLI\'s own architecture-beta export imports back (it was read as YAML)', () => {
    const arch = join(dir, 'arch.mmd');
    expect(spof('mermaid', 'examples/three-tier.spof.json', '--diagram', 'architecture', '-o', arch).code).toBe(0);
    const r = spof('import', arch, '-o', OUT);
    expect(r.code, r.stderr).toBe(0);
    const back = JSON.parse(readFileSync(OUT, 'utf8'));
    const original = JSON.parse(readFileSync('examples/three-tier.spof.json', 'utf8'));
    expect(back.components.map((c: { id: string }) => c.id).sort()).toEqual(original.components.map((c: { id: string }) => c.id).sort());
  });
});
