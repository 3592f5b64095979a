import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function spof(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('spof validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spof-validate-'));

  it('exits 0 on a good document', () => {
    const r = spof('validate', 'examples/three-tier.spof.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid (8 components');
  });

  it('counts in words: one component, thousands with separators', () => {
    const one = join(dir, 'one.spof.json');
    writeFileSync(one, JSON.stringify({ format: 'spof-topology', version: 2, components: [{ id: 'a', kind: 'service' }] }));
    expect(spof('validate', one).stdout).toContain(`${one}: valid (1 component, 0 domains, 0 links`);
    const many = join(dir, 'many.spof.json');
    const components = Array.from({ length: 1200 }, (_, i) => ({ id: `c${i}`, kind: 'service' }));
    const links = components.slice(1).map((c, i) => ({ from: `c${i}`, to: c.id }));
    writeFileSync(many, JSON.stringify({ format: 'spof-topology', version: 2, components, links }));
    expect(spof('validate', many).stdout).toContain(`${many}: valid (1,200 components, 0 domains, 1,199 links`);
  });

  it('exits 2 on a bad document, listing every error with its path, and writes nothing', () => {
    const file = join(dir, 'bad.spof.json');
    writeFileSync(file, JSON.stringify({
      format: 'spof-topology', version: 1,
      components: [{ id: 'a', kind: 'app', availability: 1.5 }, { id: 'b', kind: 'server' }],
      links: [{ from: 'a', to: 'zzz' }],
    }));
    const before = readdirSync(dir);
    const r = spof('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"a", components[0].availability: must be > 0 and <= 1 (got 1.5)');
    expect(r.stderr).toContain('components[1].kind: unknown kind "server"');
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(before);
  });

  it('prints warnings and still exits 0', () => {
    const file = join(dir, 'warn.spof.json');
    writeFileSync(file, JSON.stringify({ format: 'spof-topology', version: 1, components: [{ id: 'a', kind: 'app' }] }));
    const r = spof('validate', file);
    expect(r.code).toBe(0);
    // No client and nothing connected: said as the report says it, not with a raw path ("components: ...").
    expect(r.stdout).toMatch(/^warning: nothing is connected: 1 component and no dependency link/m);
  });

  it('a standby drawn before its replication link is valid, with a warning naming the path and its fixes; analyze runs', () => {
    const file = join(dir, 'standby-first.spof.json');
    writeFileSync(file, JSON.stringify({
      format: 'spof-topology', version: 2,
      components: [{ id: 'u', kind: 'client' }, { id: 'app', kind: 'app' }, { id: 'db', kind: 'database' }, { id: 'db-2', kind: 'database', role: 'standby' }],
      links: [{ from: 'u', to: 'app' }, { from: 'app', to: 'db' }, { from: 'app', to: 'db-2' }],
    }));
    const r = spof('validate', file);
    expect(r.code).toBe(0);
    // The element by its label and id, then the path, and the id said once.
    expect(r.stdout).toMatch(/warning: "db-2", components\[3\]\.role: this standby stands behind nothing.*\(fix: link db to db-2 by replication; or make db-2 a replica\)/);
    const message = r.stdout.split('\n').find((l) => l.includes('behind nothing'))!.split(' (fix:')[0];
    expect(message.match(/db-2/g)).toHaveLength(1);
    const a = spof('analyze', file, '--json');
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).spofs.map((s: { id: string }) => s.id)).toEqual(['app', 'db', 'db-2']);
  });

  it('exits 2 on a missing file and on JSON that does not parse, with line and column', () => {
    expect(spof('validate', join(dir, 'nope.json')).stderr).toMatch(/no such file/);
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "format": "spof-topology",\n  oops\n}');
    const r = spof('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 3, column 3: not valid JSON/);
  });

  it('answers an unknown command with one line, a pointer to the help, and exit 2', () => {
    const r = spof('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("spof: unknown command 'frobnicate' (see `spof --help`)\n");
  });

  it('runs through the npm script as documented', () => {
    const out = execFileSync('npm', ['run', '-s', 'spof', '--', 'validate', 'examples/three-tier.spof.json'], { encoding: 'utf8' });
    expect(out).toContain('valid');
  });
});
