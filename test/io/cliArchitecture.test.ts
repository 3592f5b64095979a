// `spof mermaid --diagram architecture` and its way back through `import-mermaid`, through the real launcher.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/model';
import { example } from './fixtures';

function spof(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('spof mermaid --diagram architecture', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spof-arch-'));

  it('writes architecture-beta with SPOFs marked, and import-mermaid reads it back to the same design', () => {
    const r = spof('mermaid', 'examples/three-tier.spof.json', '--diagram', 'architecture');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('architecture-beta');
    expect(r.stdout).toContain('service dns(internet)["DNS (SPOF)"]');
    const mmd = join(dir, 'three-tier.mmd');
    const json = join(dir, 'back.spof.json');
    expect(spof('mermaid', 'examples/three-tier.spof.json', '--diagram', 'architecture', '-o', mmd).code).toBe(0);
    const back = spof('import-mermaid', mmd, '-o', json);
    expect(back.code).toBe(0);
    const t = parseTopology(readFileSync(json, 'utf8'));
    expect(t.ok && t.topology).toEqual({ ...example(), view: undefined });
  });

  it('the flowchart stays the default; an unknown diagram exits 2 and writes nothing', () => {
    expect(spof('mermaid', 'examples/three-tier.spof.json').stdout.split('\n')[0]).toBe('flowchart TB');
    expect(spof('mermaid', 'examples/three-tier.spof.json', '--diagram', 'flowchart').stdout.split('\n')[0]).toBe('flowchart TB');
    const r = spof('mermaid', 'examples/three-tier.spof.json', '--diagram', 'c4', '-o', join(dir, 'never.mmd'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--diagram: must be flowchart or architecture (got "c4")');
    expect(readdirSync(dir)).not.toContain('never.mmd');
  });
});
