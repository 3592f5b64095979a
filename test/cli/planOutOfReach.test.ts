// A target no plan reaches (racks in no zone take its whole error budget): the CLI keeps the
// verdict and the blockers, and lists the moves that still raise the availability with their
// figures, in the human report, in --json and in the document -o writes (before, it listed none).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../../src/model';

function spof(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'spof-reach-'));
const file = join(dir, 'racks.spof.json');
// users -> app (two instances in two zones) -> db, in the rack k3 in k2 in k1: racks in the region, in no zone.
writeFileSync(file, JSON.stringify({
  format: 'spof-topology', version: 2, name: 'Racks',
  domains: [
    { id: 'r', kind: 'region' }, { id: 'za', kind: 'zone', parent: 'r' }, { id: 'zb', kind: 'zone', parent: 'r' },
    { id: 'k1', kind: 'rack', parent: 'r', availability: 0.9999 },
    { id: 'k2', kind: 'rack', parent: 'k1', availability: 0.9999 }, { id: 'k3', kind: 'rack', parent: 'k2', availability: 0.9999 },
  ],
  components: [{ id: 'u', kind: 'client' }, { id: 'app', kind: 'app', replicas: 2, domains: ['za', 'zb'] }, { id: 'db', kind: 'database', domain: 'k3' }],
  links: [{ from: 'u', to: 'app' }, { from: 'app', to: 'db' }],
}));

describe('spof plan, a target out of reach', () => {
  it('says why, names the racks, and lists the moves that still help, each with the availability after it', () => {
    const r = spof('plan', file, '--slo', '99.99');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toBe('  now: 99.46259%');
    expect(lines[2]).toMatch(/^ {2}1\. add a hot standby "db standby" for "db" in k3, joined by synchronous replication: 99\.959\d\d%$/);
    expect(lines[4]).toMatch(/^ {2}2\. add an instance to "app" .*: 99\.961\d\d%$/);
    expect(r.stdout).toMatch(/\n {2}in all: \+2 instances\n/);
    expect(r.stdout).toMatch(/\nThe target cannot be reached by any plan: .*What blocks it: 3 racks \(k1, k2, k3\) .* Still, these 2 moves take the system from 99\.463% to 99\.9618%, each verified by recomputation; then no further move closes at least 0\.5% of the gap\.\n/);
  });

  it('--json: the out-of-reach outcome, its blockers and the moves with their figures; -o writes the improved design', () => {
    const out = join(dir, 'improved.spof.json');
    const r = spof('plan', file, '--slo', '99.99', '--json', '-o', out);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ met: false, outcome: 'out-of-reach', work: { cut: false } });
    expect(j.blockers[0]).toMatchObject({ id: 'k1', members: ['k1', 'k2', 'k3'] });
    expect(j.moves.map((m: { type: string; component: string }) => [m.type, m.component])).toEqual([['add-standby', 'db'], ['add-instance', 'app']]);
    expect(j.moves[0].availability).toBeGreaterThan(j.before.availability);
    expect(j.moves[1].availability).toBe(j.after.availability);
    expect(j.after.availability).toBeLessThan(0.9999 ** 3);
    const written = parseTopology(readFileSync(out, 'utf8'));
    expect(written.ok).toBe(true);
    if (written.ok) expect(written.topology.components.map((c) => c.id)).toContain('db-standby');
  });
});
