// `spof analyze` as a process: output, JSON field names, exit codes 0 / 1 / 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function spof(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'spof-analyze-'));
const write = (name: string, doc: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
};
const redundant = write('redundant.spof.json', {
  format: 'spof-topology', version: 1, name: 'Two apps',
  components: [
    { id: 'u', kind: 'client' },
    { id: 'a1', kind: 'app', availability: 0.99 },
    { id: 'a2', kind: 'app', availability: 0.99 },
  ],
  links: [{ from: 'u', to: 'a1' }, { from: 'u', to: 'a2' }],
});

describe('spof analyze', () => {
  it('prints the human report of the example and exits 0', () => {
    const r = spof('analyze', 'examples/three-tier.spof.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/System availability 99\.\d+% - 3\.\d\d nines - \d+ h \d+ min a year/);
    expect(r.stdout).toContain('Single points of failure (4)');
    // What stops serving is what needs the failed element, never the element itself or the clients again.
    expect(r.stdout).toContain('  dns (component) cuts off users\n');
    expect(r.stdout).toContain('  use1a (domain) cuts off users; 5 others in it or needing it stop serving: dns, lb1, lb2, app, db\n');
    expect(r.stdout).toContain('What to improve first');
  });

  it('--json prints one object with the field names of DESIGN section 4', () => {
    const r = spof('analyze', 'examples/three-tier.spof.json', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const key of ['method', 'system', 'clients', 'spofs', 'pairs', 'importance', 'findings', 'stage', 'warnings']) expect(j).toHaveProperty(key);
    expect(j.method).toBe('exact');
    expect(Object.keys(j.system.downtime).sort()).toEqual(['perDaySeconds', 'perMonthSeconds', 'perWeekSeconds', 'perYearSeconds']);
    expect(j.clients[0]).toMatchObject({ id: 'users', slo: { target: 0.9995, met: true } });
    expect(j.spofs.map((s: { id: string }) => s.id)).toEqual(['dns', 'aws', 'use1', 'use1a']);
    expect(j.spofs[0]).toEqual({ id: 'dns', type: 'component', label: 'DNS', clients: ['users'], down: ['users', 'dns'] });
    expect(j.pairs[0].ids).toHaveLength(2);
    expect(j.importance[0]).toHaveProperty('birnbaum');
  });

  it('outages: the exact frequency in JSON, and in words in the human report', () => {
    // Two apps at 99%, 1 h repairs: down only while both are, 8766 × 2 × 0.01 × 0.01 a year.
    const j = JSON.parse(spof('analyze', redundant, '--json').stdout);
    expect(j.outages.system.failuresPerYear).toBeCloseTo(8766 * 2 * 0.01 * 0.01, 9);
    expect(j.outages.system.meanDownHours).toBeCloseTo(0.5, 9);
    expect(j.outages.system.meanUpHours).toBeCloseTo((0.9999 * 8766) / (8766 * 2e-4), 6);
    expect(j.outages.clients).toEqual([{ id: 'u', ...j.outages.system }]);
    expect(spof('analyze', redundant).stdout).toContain('Outages: about 2 outages a year, 30 min each on average');
    const perfect = write('perfect.spof.json', {
      format: 'spof-topology', version: 2,
      components: [{ id: 'u', kind: 'client' }, { id: 'a', kind: 'app', availability: 1 }],
      links: [{ from: 'u', to: 'a' }],
    });
    // A mean time between outages that never ends is null in JSON (no Infinity there).
    expect(JSON.parse(spof('analyze', perfect, '--json').stdout).outages.system).toEqual({ failuresPerYear: 0, meanDownHours: 0, meanUpHours: null });
  });

  it('--fail: the JSON and the text give the what-if figures, and the design\'s stage said to be the design\'s', () => {
    const normal = JSON.parse(spof('analyze', 'examples/three-tier.spof.json', '--json').stdout);
    const r = spof('analyze', 'examples/three-tier.spof.json', '--fail', 'lb1', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.whatIf.failed).toEqual(['lb1']);
    // The stage belongs to the design: the same as without --fail.
    expect(j.stage).toEqual(normal.stage);
    // The SLO verdict is the what-if's, as the system figure and the --slo gate are.
    expect(j.slo.system.availability).toBe(j.system.availability);
    expect(j.system.availability).toBeLessThan(normal.system.availability);
    // Importance never ranks the failed element (making it perfect would end the what-if).
    expect(j.importance.map((i: { id: string }) => i.id)).not.toContain('lb1');
    const text = spof('analyze', 'examples/three-tier.spof.json', '--fail', 'lb1');
    expect(text.stdout).toMatch(/^What-if, with lb1 down: /m);
    expect(text.stdout).toContain(`Redundancy stage of the design, without these failures: ${normal.stage.summary}`);
    expect(text.stdout).not.toMatch(/^Redundancy stage \d/m);
    expect(text.stdout).toMatch(/^  SLO 99\.950%: (met|NOT met) while these failures last/m);
    // A report to share describes the design: with --fail it is refused, not filled with what-if figures.
    const md = spof('analyze', 'examples/three-tier.spof.json', '--fail', 'lb1', '--format', 'markdown');
    expect(md.code).toBe(2);
    expect(md.stdout).toBe('');
    expect(md.stderr).toContain('--fail: a what-if is reported as text or json');
  });

  it('--fail-on-spof exits 1 when there is a SPOF and 0 when there is none', () => {
    expect(spof('analyze', 'examples/three-tier.spof.json', '--fail-on-spof').code).toBe(1);
    const ok = spof('analyze', redundant, '--fail-on-spof');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('No single point of failure');
  });

  it('--slo in percent: exit 1 when not met, 0 when met', () => {
    // 1 - 0.01^2 = 99.99%.
    expect(spof('analyze', redundant, '--slo', '99.999').code).toBe(1);
    const met = spof('analyze', redundant, '--slo', '99.95', '--json');
    expect(met.code).toBe(0);
    expect(JSON.parse(met.stdout).system.slo).toEqual({ target: 0.9995, met: true });
    expect(spof('analyze', redundant, '--slo', '150').code).toBe(2);
  });

  it('bad input exits 2 with the path and reason, and prints nothing on stdout', () => {
    const bad = write('bad.spof.json', { format: 'spof-topology', version: 1, components: [{ id: 'a', kind: 'app', availability: 2 }] });
    const r = spof('analyze', bad, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('components[0].availability: must be > 0 and <= 1 (got 2)');
    expect(r.stdout).toBe('');
    expect(spof('analyze', join(dir, 'missing.json')).code).toBe(2);
  });
});
