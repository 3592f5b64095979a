// Every bad input, with every command (issue 14): one line on stderr that names the file and
// says why, exit 2, nothing on stdout, an `-o` target untouched, and an end in bounded time.
// Each input meets the commands in turn (each command sees several inputs, each input a
// command that refuses it); SPOF_HOSTILE_ALL=1 runs every input with every command.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'spof-every-'));
/** A run that has not ended in this long is killed and fails: far above the 10 s asked, for a loaded machine. */
const HANG_MS = 120_000;
const OUT = join(dir, 'out', 'target.txt');
const ORIGINAL = 'what was there before\n';
const GOOD = 'examples/three-tier.spof.json';

const doc = (parts: Record<string, unknown>) => JSON.stringify({ format: 'spof-topology', version: 2, ...parts });
const put = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

type Command = 'validate' | 'analyze' | 'analyze-json' | 'sarif' | 'plan' | 'mermaid' | 'simulate' | 'diff-head' | 'diff-base' | 'import' | 'import-mermaid';
const COMMANDS: Command[] = ['validate', 'analyze', 'analyze-json', 'sarif', 'plan', 'mermaid', 'simulate', 'diff-head', 'diff-base', 'import', 'import-mermaid'];
const TOPOLOGY_COMMANDS = new Set<Command>(['validate', 'analyze', 'analyze-json', 'sarif', 'plan', 'mermaid', 'simulate', 'diff-head', 'diff-base']);

function argv(command: Command, file: string): string[] {
  switch (command) {
    case 'analyze-json': return ['analyze', file, '--json'];
    case 'sarif': return ['analyze', file, '--format', 'sarif'];
    case 'plan': return ['plan', file, '--slo', '99.99', '-o', OUT];
    case 'mermaid': return ['mermaid', file, '-o', OUT];
    case 'simulate': return ['simulate', file, '--years', '100'];
    case 'diff-head': return ['diff', GOOD, file];
    case 'diff-base': return ['diff', file, GOOD];
    case 'import': return ['import', file, '-o', OUT];
    case 'import-mermaid': return ['import-mermaid', file, '-o', OUT];
    default: return [command, file];
  }
}

interface BadInput {
  what: string;
  file: () => string;
  /** The reason, as the topology commands give it. */
  reason: RegExp;
  /** Commands that read this input as good (a compose file imports). */
  accepted?: Command[];
  stdin?: string;
  uid?: number;
}

const brokenDoc = (n: number) => doc({ components: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, kind: 'server' })) });

const INPUTS: BadInput[] = [
  { what: 'a missing file', file: () => join(dir, 'nope.json'), reason: /: no such file/ },
  { what: 'a directory', file: () => { mkdirSync(join(dir, 'folder'), { recursive: true }); return join(dir, 'folder'); }, reason: /folder: is a directory$/ },
  { what: 'an empty file', file: () => put('empty.json', ''), reason: /line 1, column 1: not valid JSON: the file is empty/ },
  { what: 'a binary file', file: () => put('picture.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), reason: /line 1, column 1: not UTF-8 text \(byte 0x89\): a binary file/ },
  { what: 'a name that is not UTF-8', file: () => put('latin1.json', Buffer.concat([Buffer.from('{"format":"spof-topology","version":2,"name":"caf'), Buffer.from([0xe9]), Buffer.from('","components":[]}')])), reason: /line 1, column 50: not UTF-8 text \(byte 0xe9\)/ },
  { what: 'UTF-16 text', file: () => put('utf16.json', Buffer.from('\ufeff{"format":"spof-topology"}', 'utf16le')), reason: /UTF-16 text; .* save it as UTF-8/ },
  { what: '8,000 unclosed brackets', file: () => put('brackets.json', '['.repeat(8000)), reason: /line 1, column 65: nested more than 64 levels deep/ },
  { what: 'objects nested 100,000 deep', file: () => put('deep.json', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`), reason: /nested more than 64 levels deep/ },
  { what: 'a device that never ends', file: () => '/dev/zero', reason: /\/dev\/zero: larger than 10 MB/ },
  { what: 'a file past the size limit', file: () => put('big.json', Buffer.alloc(11 * 1024 * 1024, 0x20)), reason: /big\.json: larger than 10 MB/ },
  {
    what: 'a named pipe nobody writes to',
    file: () => { execFileSync('mkfifo', [join(dir, 'pipe.json')]); return join(dir, 'pipe.json'); },
    reason: /pipe\.json: invalid topology: line 1, column 1: not valid JSON: the file is empty/,
  },
  { what: 'a loop of symbolic links', file: () => { symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a')); symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b')); return join(dir, 'loop-a'); }, reason: /loop-a: a loop of symbolic links$/ },
  { what: 'a compose file', file: () => put('compose.yaml', 'services:\n  web:\n    image: nginx\n'), reason: /line 1, column 1: not valid JSON/, accepted: ['import'] },
  { what: 'a Terraform file', file: () => put('main.tf', 'resource "aws_lb" "web" {\n  internal = false\n}\n'), reason: /line 1, column 1: not valid JSON/, accepted: ['import'] },
  { what: 'a Mermaid flowchart', file: () => put('flow.mmd', 'flowchart LR\n  a --> b\n'), reason: /line 1, column 1: not valid JSON/, accepted: ['import', 'import-mermaid'] },
  { what: 'JSON that is not an object', file: () => put('null.json', 'null'), reason: /invalid topology: the document must be a JSON object/ },
  { what: 'a newer version', file: () => put('v99.json', '{"format":"spof-topology","version":99}'), reason: /invalid topology: version: .*99/ },
  { what: 'a number too large for a double', file: () => put('huge.json', doc({ components: [{ id: 'a', kind: 'app', availability: 1e999 }] }).replace('null', '1e999')), reason: /components\[0\]\.availability: must be a finite number/ },
  { what: 'a billion replicas', file: () => put('replicas.json', doc({ components: [{ id: 'a', kind: 'app', replicas: 1e9 }] })), reason: /components\[0\]\.replicas: must be at most 1,000 \(got 1,000,000,000\)/ },
  {
    what: 'domains nested 40 deep',
    file: () => put('domains.json', doc({ domains: Array.from({ length: 40 }, (_, i) => ({ id: `d${i}`, kind: 'group', ...(i ? { parent: `d${i - 1}` } : {}) })), components: [] })),
    reason: /domains\[32\]\.parent: "d32" is nested 33 domains deep/,
  },
  { what: 'a domain cycle', file: () => put('cycle.json', doc({ domains: [{ id: 'x', kind: 'zone', parent: 'y' }, { id: 'y', kind: 'zone', parent: 'x' }], components: [] })), reason: /domains\[0\]\.parent: parent cycle: x -> y -> x/ },
  {
    what: 'three errors',
    file: () => put('three.json', doc({ components: [{ id: 'a', kind: 'app' }, { id: 'a', kind: 'app' }], links: [{ from: 'a', to: 'zz' }, { from: 'a', to: 'a' }] })),
    reason: /invalid topology: "a", components\[1\]\.id: duplicate id "a" .* \(and 2 more errors; `spof validate .*three\.json` lists them\)$/,
  },
  { what: '5,000 errors', file: () => put('many.json', brokenDoc(5000)), reason: /components\[0\]\.kind: unknown kind "server" .* \(and 4,999 more errors; `spof validate/ },
  {
    what: 'control characters in an id',
    file: () => put('controls.json', doc({ components: [{ id: 'db\u001b[2J\u0007\u202e\nok', kind: 'app' }, { id: 'db\u001b[2J\u0007\u202e\nok', kind: 'app' }] })),
    reason: /components\[1\]\.id: duplicate id "db\\u001b\[2J\\u0007\\u202e\\u000aok"/,
  },
  { what: 'a file name with an escape sequence', file: () => put('evil\u001b[2J\nname.json', ''), reason: /evil\\u001b\[2J\\u000aname\.json: invalid topology: line 1, column 1/ },
  { what: 'garbage on standard input', file: () => '-', stdin: '{"format": 1', reason: /^spof: -: invalid topology: line 1, column 13: not valid JSON/ },
  // Root reads any file: the run is as nobody there.
  { what: 'an unreadable file', file: () => { const p = put('secret.json', doc({ components: [] })); chmodSync(p, 0o000); return p; }, reason: /secret\.json: permission denied$/, uid: process.getuid?.() === 0 ? 65534 : undefined },
];

// The inert form of whatever a message echoes: no ESC, BEL, CR, newline inside it, C1 control or direction override.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function runs(): [BadInput, Command][] {
  const all = process.env.SPOF_HOSTILE_ALL === '1';
  const out: [BadInput, Command][] = [];
  let turn = 0;
  for (const input of INPUTS) {
    const refusing = COMMANDS.filter((c) => !input.accepted?.includes(c));
    if (all) {
      for (const c of refusing) out.push([input, c]);
    } else {
      // Two commands each: a topology command in turn, and every second input an importer or the other half.
      out.push([input, refusing[turn % refusing.length]]);
      out.push([input, refusing[(turn + 5) % refusing.length]]);
      turn++;
    }
  }
  return out;
}

const times: string[] = [];
afterAll(() => console.log(`bad inputs, seconds a run:\n${times.join('\n')}`));

describe('every bad input, with every command: one line naming the file, exit 2, nothing written', { timeout: 2 * HANG_MS }, () => {
  mkdirSync(join(dir, 'out'));
  const files = new Map(INPUTS.map((i) => [i, i.file()]));
  if (process.getuid?.() === 0) execFileSync('chmod', ['-R', 'a+rX', dir]);
  for (const i of INPUTS.filter((x) => x.uid !== undefined)) chmodSync(files.get(i)!, 0o000);

  it.each(runs().map(([input, command]) => [input.what, command, input] as const))('%s, %s', (_what, command, input) => {
    writeFileSync(OUT, ORIGINAL);
    const file = files.get(input)!;
    const started = Date.now();
    const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...argv(command, file)], {
      encoding: 'utf8', timeout: HANG_MS, input: input.stdin ?? '', ...(input.uid !== undefined ? { uid: input.uid, gid: input.uid } : {}),
    });
    times.push(`${((Date.now() - started) / 1000).toFixed(2)}  ${input.what}, ${command}`);
    expect(r.signal, 'ended by itself').toBeNull();
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    if (command === 'validate' && /errors/.test(input.what)) {
      // validate lists each error on its own line, as a compiler does.
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line.startsWith(`${file}: `), line).toBe(true);
    } else {
      expect(lines, r.stderr).toHaveLength(1);
      // The file's name is in it (escaped when it holds control characters).
      expect(lines[0]).toContain(file.replace(/\u001b/g, '\\u001b').replace(/\n/g, '\\u000a'));
      if (TOPOLOGY_COMMANDS.has(command) && command !== 'validate') expect(lines[0]).toMatch(input.reason);
    }
    expect(r.stderr).not.toMatch(CONTROLS);
    expect(readFileSync(OUT, 'utf8')).toBe(ORIGINAL);
    expect(readdirSync(join(dir, 'out'))).toEqual(['target.txt']);
  });
});

describe('validate lists every error, one self-contained line each', () => {
  it('three errors: three lines `FILE: path: reason`', () => {
    const file = put('validate-three.json', doc({ components: [{ id: 'a', kind: 'app' }, { id: 'a', kind: 'app' }], links: [{ from: 'a', to: 'zz' }, { from: 'a', to: 'a' }] }));
    const r = spawnSync(process.execPath, ['scripts/spof.cjs', 'validate', file], { encoding: 'utf8', timeout: HANG_MS });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}: "a", components[1].id: duplicate id "a" (also components[0].id)`,
      `${file}: the link a → zz (a->zz), links[0].to: no component "zz"`,
      `${file}: the link a → a (a->a), links[1].to: a link from "a" to itself`,
    ]);
  });

  it('5,000 errors: the first 100, then how many more', () => {
    const file = put('validate-many.json', brokenDoc(5000));
    const r = spawnSync(process.execPath, ['scripts/spof.cjs', 'validate', file], { encoding: 'utf8', timeout: HANG_MS });
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0].startsWith(`${file}: `)).toBe(true);
    expect(lines[0]).toContain('components[0].kind: unknown kind "server"');
    expect(lines[100]).toBe(`${file}: ... and 4,900 more errors`);
  });
});
