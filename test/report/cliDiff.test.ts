// `spof diff` through the real launcher: output forms, exit codes, bad input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeTopology } from '../../src/model';
import { EXAMPLE, renamed, withClient, withoutStandbyLb } from './designs';

function spof(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'spof-diff-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const noLb = file('no-lb.spof.json', serializeTopology(withoutStandbyLb()));
const renamedFile = file('renamed.spof.json', serializeTopology(renamed()));
const opsFile = file('ops.spof.json', serializeTopology(withClient('db')));

describe('spof diff', () => {
  it('--fail-on-regression exits 1 on a new SPOF, and 0 on the improvement back', () => {
    const worse = spof('diff', EXAMPLE, noLb, '--fail-on-regression');
    expect(worse.code).toBe(1);
    expect(worse.stdout).toMatch(/^Regression: 1 new single point of failure \(lb1\)/m);
    const better = spof('diff', noLb, EXAMPLE, '--fail-on-regression');
    expect(better.code).toBe(0);
    expect(better.stdout).toMatch(/^No regression:/m);
    // Without the flag a regression is reported, not gated.
    expect(spof('diff', EXAMPLE, noLb).code).toBe(0);
  });

  it('--json prints every list whole, with the regression and its reasons', () => {
    const r = spof('diff', EXAMPLE, opsFile, '--json');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.regression.regressed).toBe(true);
    expect(d.clients.map((c: { id: string }) => c.id)).toEqual(['users', 'ops']);
    expect(d.spofs.added.map((s: { id: string }) => s.id)).toContain('db');
    expect(d.system.before.availability).toBeGreaterThan(d.system.after.availability);
  });

  it('--markdown: a pull-request comment, worst news first', async () => {
    const r = spof('diff', EXAMPLE, noLb, '--markdown');
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md.indexOf('New single points of failure')).toBeLessThan(md.indexOf('Pairs of failures removed'));
    await expect(md).toMatchFileSnapshot('__snapshots__/diff-regression.md');
    await expect(spof('diff', EXAMPLE, renamedFile, '--markdown').stdout).toMatchFileSnapshot('__snapshots__/diff-renamed.md');
    await expect(spof('diff', EXAMPLE, opsFile, '--markdown').stdout).toMatchFileSnapshot('__snapshots__/diff-added-client.md');
  });

  it('exits 2 on bad input, naming the file and the path, and prints nothing on stdout', () => {
    const bad = file('bad.spof.json', JSON.stringify({ format: 'spof-topology', version: 2, name: 'x', components: [{ id: 'a', kind: 'server' }], domains: [], links: [] }));
    const r = spof('diff', EXAMPLE, bad, '--markdown');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}: invalid topology`);
    expect(r.stderr).toContain('components[0].kind');
    expect(r.stdout).toBe('');
    expect(spof('diff', EXAMPLE, join(dir, 'missing.json')).stderr).toContain('no such file');
    expect(spof('diff', EXAMPLE, noLb, '--json', '--markdown').code).toBe(2);
    expect(spof('diff', EXAMPLE).code).toBe(2);
  });
});
