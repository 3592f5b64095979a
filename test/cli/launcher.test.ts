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
});
