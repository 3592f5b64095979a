// The command line on hostile input no earlier test had (session 6's fresh look, issue 14):
// each ends in one line naming the path and the reason, exit 2, with nothing written, or in
// a right answer.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'spof-fresh-'));
const example = 'examples/three-tier.spof.json';

function spof(args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const lines = (stderr: string) => stderr.trim().split('\n');

describe('-o naming the file being read', () => {
  it('a Mermaid export over its own design is refused, by any path to it; the design stays whole', () => {
    const design = file('design.spof.json', readFileSync(example, 'utf8'));
    const link = join(dir, 'link.spof.json');
    symlinkSync(design, link);
    for (const out of [design, join(dir, '..', dir.split('/').pop() as string, 'design.spof.json'), link]) {
      const r = spof(['mermaid', design, '-o', out]);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual([expect.stringMatching(/^spof: .*: -o names the file being read.*: the diagram would replace it; write to another file \(nothing was written\)$/)]);
      expect(r.stdout).toBe('');
    }
    expect(readFileSync(design, 'utf8')).toBe(readFileSync(example, 'utf8'));
    // Another file is written as before.
    expect(spof(['mermaid', design, '-o', join(dir, 'design.mmd')]).code).toBe(0);
  });

  it('import and import-mermaid over the file they read are refused; the source stays whole', () => {
    const mmd = file('flow.mmd', 'flowchart LR\n  a --> b\n');
    const r = spof(['import-mermaid', mmd, '-o', mmd]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`spof: ${mmd}: -o names the file being read: the topology would replace it; write to another file (nothing was written)`]);
    expect(readFileSync(mmd, 'utf8')).toBe('flowchart LR\n  a --> b\n');
    const folder = join(dir, 'shop');
    mkdirSync(folder);
    const compose = 'services:\n  web:\n    image: nginx\n    depends_on: [db]\n  db:\n    image: postgres\n';
    writeFileSync(join(folder, 'compose.yaml'), compose);
    const i = spof(['import', folder, '-o', join(folder, 'compose.yaml')]);
    expect(i.code).toBe(2);
    expect(lines(i.stderr)).toEqual([`spof: ${join(folder, 'compose.yaml')}: -o names the file being read: the topology would replace it; write to another file (nothing was written)`]);
    expect(readFileSync(join(folder, 'compose.yaml'), 'utf8')).toBe(compose);
  });
});

describe('plan -o -', () => {
  it('the changed topology alone on stdout (the plan on stderr), so that it parses; with --json, refused', () => {
    const r = spof(['plan', example, '--slo', '99.99', '-o', '-']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).format).toBe('spof-topology');
    expect(r.stderr).toContain('The target is met after');
    const both = spof(['plan', example, '--slo', '99.99', '-o', '-', '--json']);
    expect(both.code).toBe(2);
    expect(lines(both.stderr)).toEqual(['spof: --json and -o -: both print on standard output; choose one']);
    expect(both.stdout).toBe('');
  });
});
