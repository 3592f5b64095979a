// Usage mistakes (DESIGN section 4: bad input exits 2): one line that says what was wrong
// and where the usage is, never the whole help in front of the reason; help asked for is
// help, exit 0.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function spof(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const EXAMPLE = 'examples/three-tier.spof.json';

describe('a usage mistake is one line, exit 2', () => {
  it.each([
    [['analyze'], "spof analyze: missing required argument 'file' (see `spof analyze --help`)"],
    [['analyze', EXAMPLE, '--jsn'], "spof analyze: unknown option '--jsn' (did you mean --json? see `spof analyze --help`)"],
    [['analyse', EXAMPLE], "spof: unknown command 'analyse' (did you mean analyze? see `spof --help`)"],
    [['simulate', EXAMPLE, '--years'], "spof simulate: option '--years <n>' argument missing (see `spof simulate --help`)"],
    [['diff', EXAMPLE], "spof diff: missing required argument 'head' (see `spof diff --help`)"],
    [['--bogus'], "spof: unknown option '--bogus' (see `spof --help`)"],
    [['fro\u001b[2Jb'], "spof: unknown command 'fro\\u001b[2Jb' (see `spof --help`)"],
  ])('%j', (args, line) => {
    const r = spof(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${line}\n`);
  });

  it('no command at all: the commands, in one line', () => {
    const r = spof();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('spof: no command given; the commands are validate, analyze, mermaid, import-mermaid, plan, simulate, diff, import (see `spof --help`)\n');
  });

  it('help asked for is the whole help on stdout, exit 0', () => {
    for (const args of [['--help'], ['analyze', '--help'], ['help', 'simulate']]) {
      const r = spof(...args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: spof/);
      expect(r.stderr).toBe('');
    }
  });
});
