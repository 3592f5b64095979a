// The README's command-line examples, run as written: every `console` block's commands in a
// scratch directory (the repository's examples and fixtures linked in, `head.spof.json` made
// as the README describes it), each command's output compared with the lines the README
// shows (in order; a `...` line stands for lines left out). So the examples cannot rot.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeTopology } from '../../src/model';
import { parsed, withoutStandbyLb } from './designs';

interface Example {
  command: string;
  output: string[];
}

/** The README's `console` blocks, each as its commands and the output shown under each. */
function consoleBlocks(): { line: number; examples: Example[] }[] {
  const lines = readFileSync('README.md', 'utf8').split('\n');
  const blocks: { line: number; examples: Example[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```console') continue;
    const block = { line: i + 1, examples: [] as Example[] };
    for (i++; i < lines.length && lines[i] !== '```'; i++) {
      if (lines[i].startsWith('$ ')) block.examples.push({ command: lines[i].slice(2), output: [] });
      else block.examples[block.examples.length - 1]?.output.push(lines[i]);
    }
    blocks.push(block);
  }
  return blocks;
}

const root = resolve('.');
const hasJq = spawnSync('jq', ['--version']).status === 0;

const scratchDirs: string[] = [];
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spof-readme-'));
  scratchDirs.push(dir);
  symlinkSync(join(root, 'examples'), join(dir, 'examples'));
  symlinkSync(join(root, 'test'), join(dir, 'test'));
  // The diff examples' HEAD: the example with its standby load balancer removed and the app renamed.
  const head = withoutStandbyLb();
  writeFileSync(join(dir, 'head.spof.json'), serializeTopology(parsed({ ...head, components: head.components.map((c) => (c.id === 'app' ? { ...c, label: 'App server' } : c)) })));
  return dir;
}

/** Runs a block's commands in one shell, in order; each command's output (stdout and stderr) apart. */
function run(dir: string, examples: Example[]): string[][] {
  const marker = '@@spof-readme-example@@';
  // `$?` is the previous example's status (`echo $?` after a gate), not the marker's.
  const script = examples
    .map((e) => `echo '${marker}'\n(exit $rc)\n{ ${e.command.replace(/^npm run -s spof -- /, `node ${JSON.stringify(join(root, 'scripts/spof.cjs'))} `)}\n} 2>&1\nrc=$?`)
    .join('\n');
  const r = spawnSync('bash', ['-c', `rc=0\n${script}`], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return r.stdout.split(`${marker}\n`).slice(1).map((out) => (out === '' ? [] : out.replace(/\n$/, '').split('\n')));
}

/** The shown lines, in order, among the actual ones; without `...`, exactly them. */
function shows(actual: string[], shown: string[]): boolean {
  const trim = (l: string) => l.replace(/\s+$/, '');
  const got = actual.map(trim);
  const want = shown.map(trim);
  if (!want.includes('...')) return JSON.stringify(got) === JSON.stringify(want);
  let at = 0;
  for (const line of want.filter((l) => l !== '...')) {
    while (at < got.length && got[at] !== line) at++;
    if (at === got.length) return false;
    at++;
  }
  return true;
}

describe('the README command-line examples', () => {
  const blocks = consoleBlocks();

  it('are there, one for each command of the review and docs work', () => {
    const commands = blocks.flatMap((b) => b.examples.map((e) => e.command));
    for (const needle of ['--diagram architecture', '--format sarif', 'diff ', '--fail-on-regression', '--markdown', '--format markdown', '--format html', 'import-mermaid']) {
      expect(commands.some((c) => c.includes(needle)), needle).toBe(true);
    }
  });

  it.each(blocks.map((b) => [b.line, b] as const))('the block at README line %i prints what it shows', (_line, block) => {
    if (!hasJq && block.examples.some((e) => /\bjq\b/.test(e.command))) return;
    const outputs = run(scratch(), block.examples);
    expect(outputs).toHaveLength(block.examples.length);
    block.examples.forEach((e, i) => {
      expect(shows(outputs[i], e.output), `$ ${e.command}\n--- shown:\n${e.output.join('\n')}\n--- printed:\n${outputs[i].join('\n')}`).toBe(true);
    });
  }, 180_000);
});
