// The command line on hostile input (issue 14): every bad input ends in one line naming the
// path and the reason, exit 2, quickly, with nothing written; names cannot drive the terminal;
// long reports stay readable and --json stays whole.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically, writesInPlace } from '../../src/cli/io';

const dir = mkdtempSync(join(tmpdir(), 'spof-hostile-'));

/** A run that has not ended in this long is killed (and fails its test): far above the 10 s asked, for a loaded machine. */
const HANG_MS = 120_000;

function spof(args: string[], opts: { shell?: string; stdin?: string; uid?: number } = {}) {
  const started = Date.now();
  const common = { encoding: 'utf8' as const, maxBuffer: 1 << 30, timeout: HANG_MS, input: opts.stdin ?? '', ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}) };
  const r = opts.shell
    ? spawnSync('bash', ['-c', `${opts.shell} ${[process.execPath, 'scripts/spof.cjs', ...args].map((a) => `'${a}'`).join(' ')}`], common)
    : spawnSync(process.execPath, ['scripts/spof.cjs', ...args], common);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const doc = (parts: Record<string, unknown>) => JSON.stringify({ format: 'spof-topology', version: 2, ...parts });
/** The lines of a message on stderr. */
const refusal = (stderr: string) => stderr.trim().split('\n');

describe('bad input: exit 2, the path and the reason, in bounded time', () => {
  it('8,000 unclosed brackets: a nesting limit, no stack overflow', () => {
    const r = spof(['validate', file('brackets.json', '['.repeat(8000))]);
    expect(r.code).toBe(2);
    expect(refusal(r.stderr)).toEqual([`${join(dir, 'brackets.json')}: line 1, column 65: nested more than 64 levels deep: not a topology`]);
    expect(r.stdout).toBe('');
  });

  it('replicas of a billion and of a million: refused by the pool limit', () => {
    for (const [replicas, said] of [[1e9, '1,000,000,000'], [1e6, '1,000,000']] as const) {
      const r = spof(['analyze', file(`replicas-${replicas}.json`, doc({ components: [{ id: 'u', kind: 'client' }, { id: 'a', kind: 'app', replicas }], links: [{ from: 'u', to: 'a' }] }))]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`components[1].replicas: must be at most 1,000 (got ${said})`);
    }
  });

  it('domains nested 40 deep: refused by the depth limit, found in one pass', () => {
    const domains = Array.from({ length: 40 }, (_, i) => ({ id: `d${i}`, kind: 'group', ...(i ? { parent: `d${i - 1}` } : {}) }));
    const r = spof(['validate', file('deep.json', doc({ domains, components: [{ id: 'a', kind: 'app', domain: 'd39' }] }))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('domains[32].parent: "d32" is nested 33 domains deep; at most 32 levels are read');
  });

  it('a device that never ends is read up to the size limit', () => {
    const r = spof(['validate', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('spof: /dev/zero: larger than 10 MB; a topology is read up to that size');
  });

  it('an id `X#k` beside a pool X is refused: `--fail app#1` would be ambiguous', () => {
    const r = spof(['analyze', file('lookalike.json', doc({ components: [{ id: 'u', kind: 'client' }, { id: 'app', kind: 'app', replicas: 2 }, { id: 'app#1', kind: 'service' }], links: [{ from: 'u', to: 'app' }] }))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('components[2].id: "app#1" is the name of an instance of the pool "app"');
  });

  it('a what-if on an id the design does not have is refused, not answered as "nothing stops serving"', () => {
    const example = 'examples/three-tier.spof.json';
    const r = spof(['analyze', example, '--fail', 'app', 'nosuch', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(`spof: ${example}: --fail "nosuch": no element, component or link has this id`);
    const known = spof(['analyze', example, '--fail', 'app', '--json']);
    expect(known.code).toBe(0);
    expect(JSON.parse(known.stdout).whatIf.failed).toEqual(['app']);
  });
});

describe('names cannot drive the terminal', () => {
  const evil = '\u001b[2J\u001b[HNo single point of failure\u0007\u202e\r\nok';
  const hostile = file('evil.json', doc({
    name: evil,
    components: [{ id: 'u', kind: 'client', label: evil }, { id: `db${evil}`, kind: 'database', label: evil }],
    links: [{ from: 'u', to: `db${evil}` }],
  }));
  // Nothing but printable text, tabs and newlines: no ESC, BEL, CR, C1 controls or direction overrides.
  const inert = (text: string) => expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);

  it('the human report and the warnings show control characters escaped, one line per element', () => {
    const r = spof(['analyze', hostile]);
    expect(r.code).toBe(0);
    inert(r.stdout);
    inert(r.stderr);
    expect(r.stdout).toContain('\\u001b[2J\\u001b[HNo single point of failure\\u0007\\u202e\\u000d\\u000aok');
    const spofLines = r.stdout.split('\n').filter((l) => l.includes('(component) cuts off'));
    expect(spofLines).toHaveLength(1);
  });

  it('--json escapes them too and still parses to the same names', () => {
    const r = spof(['analyze', hostile, '--json']);
    inert(r.stdout);
    expect(JSON.parse(r.stdout).spofs[0].id).toBe(`db${evil}`);
  });

  it('Mermaid export: entity codes, no raw controls', () => {
    const r = spof(['mermaid', hostile]);
    expect(r.code).toBe(0);
    inert(r.stdout);
  });
});

// Each runs the CLI on thousands of SPOFs: well under the default 60 s alone, not on a loaded machine.
describe('long reports', { timeout: 300_000 }, () => {
  // A dependency chain: each of its n components is a SPOF taking down everything above it.
  const n = 2500;
  const chain = file('chain.json', doc({
    components: [{ id: 'u', kind: 'client' }, ...Array.from({ length: n }, (_, i) => ({ id: `c${i}`, kind: 'service' }))],
    links: [{ from: 'u', to: 'c0' }, ...Array.from({ length: n - 1 }, (_, i) => ({ from: `c${i}`, to: `c${i + 1}` }))],
  }));

  it('the human report sums up a long blast radius; --json lists it whole', () => {
    const human = spof(['analyze', chain]);
    expect(human.code).toBe(0);
    // The first 50 SPOFs, then how many more; the 50th names 5 of the 49 it takes down, counts the rest.
    const last = human.stdout.split('\n').find((l) => l.startsWith('  c49 (component)'))!;
    expect(last).toBe('  c49 (component) cuts off u; 49 others that need it stop serving: c0, c1, c2, c3, c4 and 44 more (all in --json)');
    expect(human.stdout).not.toContain('\n  c50 (component)');
    expect(human.stdout).toContain(`\n  ... and ${(n - 50).toLocaleString('en-US')} more (all in --json)\n`);
    expect(human.stdout.length).toBeLessThan(2_000_000);
    const json = JSON.parse(spof(['analyze', chain, '--json']).stdout);
    expect(json.spofs).toHaveLength(n);
    const lastSpof = json.spofs.find((s: { id: string }) => s.id === `c${n - 1}`);
    expect(lastSpof.down).toHaveLength(n + 1);
    expect(lastSpof.down.slice(0, 3)).toEqual(['u', 'c0', 'c1']);
    expect(lastSpof.downCount).toBeUndefined();
  });

  it('an id of 5 million characters: human lines are cut, saying how much; --json keeps it whole', () => {
    const id = 'x'.repeat(5_000_000);
    const long = file('long-id.json', doc({ components: [{ id: 'u', kind: 'client' }, { id, kind: 'web' }], links: [{ from: 'u', to: id }] }));
    const human = spof(['analyze', long]);
    expect(human.code).toBe(0);
    expect(human.stdout.length).toBeLessThan(100_000);
    expect(human.stdout).toMatch(/x\.\.\. \(4,99\d,\d{3} more characters\)/);
    expect(Math.max(...human.stdout.split('\n').map((l) => l.length))).toBeLessThan(2100);
    const json = JSON.parse(spof(['analyze', long, '--json']).stdout);
    expect(json.spofs[0].id).toBe(id);
  });
});

describe('writing output', () => {
  const example = 'examples/three-tier.spof.json';

  it('a full standard output is one line and exit 2, never a stack trace', () => {
    const r = spof(['analyze', example, '--json'], { shell: 'exec >/dev/full;' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('spof: cannot write to standard output: no space left on the device');
  });

  it('-o writes beside the file and renames: a failed write leaves the original whole and no temporary file', () => {
    const out = file('plan-out.spof.json', readFileSync(example, 'utf8'));
    const before = readFileSync(out, 'utf8');
    spof(['validate', example]); // the bundle is built before the file size limit below
    // A file size limit of 1 KB (its signal ignored): the write fails part way, as on a full disk.
    const r = spof(['plan', example, '--slo', '99.99', '-o', out], { shell: "trap '' XFSZ; ulimit -f 1;" });
    expect(r.code).toBe(2);
    expect(refusal(r.stderr)).toEqual([expect.stringMatching(/^spof: .*plan-out\.spof\.json: cannot write \(.*\); nothing was written$/)]);
    expect(readFileSync(out, 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Without the limit it is written whole.
    expect(spof(['plan', example, '--slo', '99.99', '-o', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('spof-topology');
  });

  it('-o through a link replaces the file it names and keeps the link; a device is written in place, never replaced', () => {
    const real = file('real.mmd', 'old');
    const link = join(dir, 'link.mmd');
    symlinkSync(real, link);
    writeFileAtomically(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
    // Renaming over /dev/full put a plain file where the device was (as root): devices are written into.
    expect(writesInPlace('/dev/null')).toBe(true);
    expect(writesInPlace('/dev/full')).toBe(true);
    expect(writesInPlace(real)).toBe(false);
    expect(writesInPlace(join(dir, 'not-there.mmd'))).toBe(false);
    writeFileAtomically('/dev/null', 'nothing');
    expect(() => writeFileAtomically('/dev/full', 'x')).toThrow('/dev/full: no space left on the device');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });
});
