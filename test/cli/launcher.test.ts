// The launcher as users start it: the npm script's own command line (its Node flags
// included) and output into a pipe whose reader stops early.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticEstate } from '../../bench/engine/estate';

const script: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.spof;
const [program, ...nodeArgs] = script.trim().split(/\s+/);

describe('the spof launcher', () => {
  it('the npm script is plain `node` with flags this Node accepts', () => {
    expect(program).toBe('node');
    const r = spawnSync(process.execPath, [...nodeArgs, 'validate', 'examples/three-tier.spof.json'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('examples/three-tier.spof.json: valid (8 components');
    expect(r.status).toBe(0);
  });

  it('stops quietly, with exit 0, when the reader of its output goes away (`| head`)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'spof-launcher-')), 'estate.spof.json');
    writeFileSync(file, JSON.stringify(syntheticEstate(300, 2)));
    // Far more than a pipe holds (64 KB), so the writes outlive the reader.
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" scripts/spof.cjs analyze "${file}" --json | head -c 100 > /dev/null`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  // Counts the writes to stdout refused because the reader is gone (EPIPE), in a file named by the environment.
  const dir = mkdtempSync(join(tmpdir(), 'spof-reader-gone-'));
  const counter = join(dir, 'count-epipe.cjs');
  writeFileSync(counter, `const fs = require('node:fs');
const write = fs.writeSync;
let refused = 0;
fs.writeSync = function (fd, ...rest) {
  try { return write.call(fs, fd, ...rest); } catch (e) { if (fd === 1 && e.code === 'EPIPE') refused++; throw e; }
};
process.on('exit', () => write.call(fs, fs.openSync(process.env.SPOF_EPIPE_COUNT, 'w'), String(refused)));
`);
  // A 2,500-long dependency chain: its --json lists every blast radius whole, about 40 MB.
  const n = 2500;
  const chain = join(dir, 'chain.spof.json');
  writeFileSync(chain, JSON.stringify({
    format: 'spof-topology', version: 2,
    components: [{ id: 'u', kind: 'client' }, ...Array.from({ length: n }, (_, i) => ({ id: `c${i}`, kind: 'service' }))],
    links: [{ from: 'u', to: 'c0' }, ...Array.from({ length: n - 1 }, (_, i) => ({ from: `c${i}`, to: `c${i + 1}` }))],
  }));
  const countFile = join(dir, 'epipe');
  const piped = (args: string) => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" --require "${counter}" scripts/spof.cjs ${args} | head -c 100 > /dev/null`], {
      encoding: 'utf8', env: { ...process.env, SPOF_EPIPE_COUNT: countFile },
    });
    return { status: r.status, stderr: r.stderr, refused: Number(readFileSync(countFile, 'utf8')) };
  };

  it('stops at the first write the reader refuses, in every form of output, and keeps a gate\'s exit code', { timeout: 300_000 }, () => {
    // The streamed --json: it went on building and writing 4 MB pieces into the closed pipe (3.7 GB for a 20,000-long chain).
    const json = piped(`analyze "${chain}" --json`);
    expect(json).toEqual({ status: 0, stderr: '', refused: 1 });
    for (const args of ['--format text', '--format markdown', '--format html', '--format sarif']) {
      expect(piped(`analyze "${chain}" ${args}`), args).toEqual({ status: 0, stderr: '', refused: expect.any(Number) });
      expect(Number(readFileSync(countFile, 'utf8')), args).toBeLessThanOrEqual(1);
    }
    expect(piped(`mermaid "${chain}"`)).toEqual({ status: 0, stderr: '', refused: 1 });
    // The gate is decided before the report is written: a reader that stops early does not turn a failed gate into success.
    expect(piped(`analyze "${chain}" --json --fail-on-spof`)).toEqual({ status: 1, stderr: '', refused: 1 });
  });
});
