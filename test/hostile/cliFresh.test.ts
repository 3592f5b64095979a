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

describe('readable human output', () => {
  it('10,001 unconnected components: one warning line naming five and counting the rest, not 100 lines of the same words', () => {
    const components = [{ id: 'users', kind: 'client' }, ...Array.from({ length: 10_001 }, (_, i) => ({ id: `s${i}`, kind: 'app' })), { id: 'db', kind: 'database', minHealthy: 2 }];
    const design = file('unconnected.spof.json', JSON.stringify({ format: 'spof-topology', version: 2, components, links: [{ from: 'users', to: 'db' }] }));
    const v = spof(['validate', design]);
    expect(v.code).toBe(0);
    expect(v.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^warning: "db", components\[10002\]\.minHealthy: 2 of 1 instance must work/),
      'warning: has no links: 10,001 components: "s0" (components[1]), "s1" (components[2]), "s2" (components[3]), "s3" (components[4]), "s4" (components[5]) and 9,996 more',
      `${design}: valid (10,003 components, 0 domains, 1 link, 10,002 warnings)`,
    ]);
    // The other commands say it the same way on stderr; --json names every one.
    const a = spof(['analyze', design, '--json']);
    expect(lines(a.stderr).filter((l) => l.includes('has no links'))).toEqual([expect.stringContaining(`${design}: warning: has no links: 10,001 components:`)]);
    expect(JSON.parse(a.stdout).unreached).toHaveLength(10_001);
  });
});

describe('a file of another format, or a number no float can hold', () => {
  it('analyze and diff of a Mermaid, Compose or Terraform file say what it looks like and how to read it', () => {
    const cases: [string, string, string][] = [
      ['flow.mmd', 'flowchart LR\n  a --> b\n', 'a Mermaid diagram'],
      ['compose.yaml', 'services:\n  web:\n    image: nginx\n', 'a Docker Compose file'],
      ['main.tf', 'resource "aws_instance" "web" {\n}\n', 'Terraform'],
    ];
    for (const [name, text, looks] of cases) {
      const path = file(name, text);
      for (const args of [['analyze', path], ['diff', example, path]]) {
        const r = spof(args);
        expect(r.code).toBe(2);
        expect(lines(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^spof: ${path}: invalid topology: line 1, column 1: not valid JSON: .*; it looks like ${looks}: \`spof import ${path} -o FILE\\.spof\\.json\` reads it into a topology$`))]);
      }
    }
  });

  it('--slo 99.99999999999999999 reads as 100 and 1e-400 as 0: the refusal says so', () => {
    const r = spof(['plan', example, '--slo', '99.99999999999999999']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(['spof: --slo: must be a percentage between 0 and 100, e.g. 99.95 (got "99.99999999999999999", which reads as 100: too close to it for a number to tell apart)']);
    expect(lines(spof(['analyze', example, '--slo', '1e-400']).stderr)).toEqual(['spof: --slo: must be a percentage between 0 and 100, e.g. 99.95 (got "1e-400", which reads as 0: too close to it for a number to tell apart)']);
    expect(lines(spof(['analyze', example, '--slo', '100']).stderr)).toEqual(['spof: --slo: must be a percentage between 0 and 100, e.g. 99.95 (got "100")']);
  });

  it('import of a folder holding only Mermaid files: not called empty; the file to give is named', () => {
    const folder = join(dir, 'diagrams');
    mkdirSync(folder);
    writeFileSync(join(folder, 'flow.mmd'), 'flowchart LR\n  a --> b\n');
    const r = spof(['import', folder]);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([`spof: ${folder}: no .yaml, .yml, .json, .tf or .tfvars file in it; a Mermaid file is imported on its own, by its path (${join(folder, 'flow.mmd')})`]);
  });
});
