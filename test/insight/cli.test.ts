import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine';
import { parseTopology } from '../../src/model';

function spof(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const EXAMPLE = 'examples/three-tier.spof.json';
const dir = mkdtempSync(join(tmpdir(), 'spof-plan-'));

describe('spof plan', () => {
  it('lists the moves with the availability after each, and exits 0 when the target is met', () => {
    const r = spof('plan', EXAMPLE, '--slo', '99.99');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/plan to reach 99\.99%/);
    expect(r.stdout).toMatch(/now: 99\.96\d+%/);
    expect(r.stdout).toMatch(/^ {2}1\. (add|spread|make|copy) .*: 99\.\d+%$/m);
    expect(r.stdout).toMatch(/^ {5}(removes|makes) .*; (\+1 instance|no instance)/m);
    expect(r.stdout).toMatch(/^ {2}in all: \+\d+ instances?$/m);
    expect(r.stdout).toMatch(/The target is met after \d moves?\./);
  });

  it('--json prints the plan; -o writes the changed topology, valid and meeting the target', () => {
    const out = join(dir, 'planned.spof.json');
    const r = spof('plan', EXAMPLE, '--slo', '99.99', '--json', '-o', out);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p).toMatchObject({ target: 0.9999, met: true, outcome: 'met', output: out });
    expect(p.moves.length).toBeGreaterThan(0);
    for (const m of p.moves) {
      expect(m).toEqual({
        round: expect.any(Number), type: expect.any(String), component: expect.any(String), description: expect.any(String),
        fixes: { spofs: expect.any(Array), pairs: expect.any(Array), lessens: expect.any(Array) },
        adds: { instances: expect.any(Number), costPerMonth: null, assumedPrice: false, components: expect.any(Array), domains: expect.any(Array), twins: expect.any(Object) },
        availability: expect.any(Number), nines: expect.any(Number),
      });
    }
    expect(p.cost).toEqual({ instances: p.moves.reduce((n: number, m: { adds: { instances: number } }) => n + m.adds.instances, 0), perMonth: null, currency: 'USD', assumedPrice: false });
    const written = parseTopology(readFileSync(out, 'utf8'));
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    expect(analyze(written.topology).system.availability).toBeCloseTo(p.after.availability, 12);
    expect(p.after.availability).toBeGreaterThanOrEqual(0.9999);
  });

  it('exits 1 and says so when the target cannot be reached, still writing the improved topology', () => {
    const out = join(dir, 'best-effort.spof.json');
    const r = spof('plan', EXAMPLE, '--slo', '99.99999', '-o', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/cannot be reached/);
    expect(r.stdout).toMatch(/NOT met/);
    expect(parseTopology(readFileSync(out, 'utf8')).ok).toBe(true);
  });

  it('uses the document target without --slo (already met: exit 0, no move)', () => {
    const r = spof('plan', EXAMPLE, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ target: 0.9995, met: true, outcome: 'already-met', moves: [] });
  });

  it('exits 2 on bad input, writing nothing', () => {
    const out = join(dir, 'never.spof.json');
    const noTarget = join(dir, 'no-target.spof.json');
    writeFileSync(noTarget, JSON.stringify({ format: 'spof-topology', version: 1, components: [{ id: 'u', kind: 'client' }, { id: 'a', kind: 'app' }], links: [{ from: 'u', to: 'a' }] }));
    const r1 = spof('plan', noTarget, '-o', out);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/no target: give --slo/);
    const r2 = spof('plan', EXAMPLE, '--slo', '100', '-o', out);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/--slo: must be a percentage/);
    const bad = join(dir, 'bad.spof.json');
    writeFileSync(bad, JSON.stringify({ format: 'spof-topology', version: 1, components: [{ id: 'a', kind: 'app', replicas: 0 }] }));
    const r3 = spof('plan', bad, '--slo', '99.9', '-o', out);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/components\[0\]\.replicas/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('spof analyze carries the insight', () => {
  it('--json has findings, stage, slo, dataProtection and degradations', () => {
    const r = spof('analyze', EXAMPLE, '--json', '--slo', '99.99');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.findings.length).toBeGreaterThan(0);
    for (const f of j.findings) expect(f).toMatchObject({ severity: expect.stringMatching(/^(high|medium|low)$/), message: expect.any(String), ids: expect.any(Array), code: expect.any(String) });
    expect(j.findings.map((f: { code: string }) => f.code)).toContain('spof-dns');
    expect(j.stage).toMatchObject({ level: 5, next: expect.stringMatching(/^Stage 6:/) });
    expect(j.slo.system).toMatchObject({ met: false, source: 'override' });
    expect(j.slo.system.target).toBeCloseTo(0.9999, 12);
    expect(j.slo.system.gapMinutesPerMonth).toBeGreaterThan(0);
    expect(j.dataProtection.map((d: { id: string }) => d.id)).toEqual(['db', 'db2']);
    expect(j.dataProtection[0]).toMatchObject({ rpoSeconds: 2, rtoSeconds: 120 });
    expect(j.degradations).toMatchObject([{ link: 'app->reco', degrades: ['app'], inFactRequired: false }]);
  });

  it('the human report has the stage, SLO, findings, data protection and degradations', () => {
    const r = spof('analyze', EXAMPLE);
    expect(r.code).toBe(0);
    for (const heading of ['Redundancy stage 5 of 7', 'SLO', 'Findings (', 'Data protection', 'Degradations']) expect(r.stdout).toContain(heading);
    // The kind is said once: not `DNS "DNS" (dns)`; a zone's label does not say it is a zone.
    expect(r.stdout).toContain('[high] "DNS" (dns) is a single point of failure');
    expect(r.stdout).toContain('[high] Zone "us-east-1a" (use1a) is a single point of failure');
    expect(r.stdout).toMatch(/system: target 99\.95% met/);
  });
});
