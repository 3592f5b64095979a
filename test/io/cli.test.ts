// `spof mermaid` and `spof import-mermaid` through the real launcher (DESIGN section 4).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/model';
import { example } from './fixtures';

function spof(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('spof mermaid and import-mermaid', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spof-mermaid-'));

  it('exports to stdout with SPOFs marked, and honours --direction and --no-spofs', () => {
    const r = spof('mermaid', 'examples/three-tier.spof.json', '--direction', 'LR');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('flowchart LR');
    expect(r.stdout).toContain('classDef spof');
    expect(r.stdout).toMatch(/^ {2}class .*\bdns\b.* spof$/m);
    const plain = spof('mermaid', 'examples/three-tier.spof.json', '--no-spofs');
    expect(plain.stdout.split('\n')[0]).toBe('flowchart TB');
    expect(plain.stdout).not.toContain('classDef spof');
  });

  it('exports to a file and imports it back to the same design', () => {
    const mmd = join(dir, 'three-tier.mmd');
    const json = join(dir, 'back.spof.json');
    expect(spof('mermaid', 'examples/three-tier.spof.json', '-o', mmd).code).toBe(0);
    const r = spof('import-mermaid', mmd, '-o', json);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('8 components, 4 domains, 9 links');
    const back = parseTopology(readFileSync(json, 'utf8'));
    expect(back.ok && back.topology).toEqual({ ...example(), view: undefined });
  });

  it('prints the topology on stdout and each note on stderr, with the file and line it came from', () => {
    const mmd = join(dir, 'hand.mmd');
    writeFileSync(mmd, 'graph TD\n  A[Users] --> B{{Route 53}} --> C[Thing]\n');
    const r = spof('import-mermaid', mmd);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(t.components.map((c: { kind: string }) => c.kind)).toEqual(['client', 'dns', 'service']);
    expect(r.stderr).toContain(`${mmd}:2:3 A: client (the word "Users")`);
    expect(r.stderr).toContain(`${mmd}:2:34 C: assumed: service (no kind word in "Thing" and no telling shape)`);
  });

  it('exits 2 naming the line on bad Mermaid, and writes nothing', () => {
    const mmd = join(dir, 'bad.mmd');
    writeFileSync(mmd, 'flowchart TB\n  %% fine\n  a --> b\n  b --> c[(DB)\n');
    const before = readdirSync(dir);
    const r = spof('import-mermaid', mmd, '-o', join(dir, 'out.spof.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 4: Mermaid cannot parse "b --> c\[\(DB\)"/);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(before);
    const seq = join(dir, 'seq.mmd');
    writeFileSync(seq, 'sequenceDiagram\n  a->>b: hi\n');
    expect(spof('import-mermaid', seq).stderr).toMatch(/not a flowchart/);
  });

  it('exits 2 on a bad topology, a bad direction or a missing file, and writes nothing', () => {
    const bad = join(dir, 'bad.spof.json');
    writeFileSync(bad, JSON.stringify({ format: 'spof-topology', version: 1, components: [{ id: 'a', kind: 'server' }] }));
    const out = join(dir, 'never.mmd');
    const r = spof('mermaid', bad, '-o', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('components[0].kind: unknown kind "server"');
    expect(spof('mermaid', 'examples/three-tier.spof.json', '--direction', 'up', '-o', out).stderr).toContain('--direction: must be TB or LR');
    expect(spof('import-mermaid', join(dir, 'nope.mmd')).stderr).toContain('no such file');
    expect(readdirSync(dir)).not.toContain('never.mmd');
  });

  it('warns, in one line, that a diagram past the import limit (10,000 nodes) will not import back; the diagram is still written', () => {
    // A client and a chain of 10,001 services: 10,002 nodes, 10,001 edges (under the 12,000 edges read).
    const n = 10_001;
    const big = join(dir, 'big.spof.json');
    writeFileSync(big, JSON.stringify({
      format: 'spof-topology', version: 2,
      components: [{ id: 'u', kind: 'client' }, ...Array.from({ length: n }, (_, i) => ({ id: `c${i}`, kind: 'service' }))],
      links: [{ from: 'u', to: 'c0' }, ...Array.from({ length: n - 1 }, (_, i) => ({ from: `c${i}`, to: `c${i + 1}` }))],
    }));
    for (const diagram of ['flowchart', 'architecture']) {
      const out = join(dir, `big-${diagram}.mmd`);
      const r = spof('mermaid', big, '--no-spofs', '--diagram', diagram, '-o', out);
      expect(r.code, diagram).toBe(0);
      expect(r.stderr, diagram).toMatch(new RegExp(`^${big.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: warning: the diagram will not import back \\(at its line \\d+\\): more than 10,000 nodes by this line: a Mermaid diagram is imported up to 10,000 nodes \\(a design saved as \\.spof\\.json takes 20,000 components\\); the design travels whole as \\.spof\\.json\n$`));
      expect(readFileSync(out, 'utf8')).toContain(`c${n - 1}`);
    }
    // Within the limit nothing is said.
    expect(spof('mermaid', 'examples/three-tier.spof.json', '--diagram', 'architecture').stderr).toBe('');
  });
});
