// `spof simulate` as a process (DESIGN section 4): the JSON shape, the same figures for the
// same seed, the time budget stated, the human report, and bad input exiting 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function spof(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'spof-simulate-'));
const file = join(dir, 'two.spof.json');
writeFileSync(file, JSON.stringify({
  format: 'spof-topology', version: 2, name: 'Two clients', slo: 0.999,
  components: [
    { id: 'readers', kind: 'client' }, { id: 'writers', kind: 'client', slo: 0.99 },
    { id: 'web', kind: 'web', replicas: 2, availability: 0.99 }, { id: 'db', kind: 'database', availability: 0.998, mttrHours: 2 },
  ],
  links: [{ from: 'readers', to: 'web' }, { from: 'writers', to: 'web' }, { from: 'writers', to: 'db' }],
}));

describe('spof simulate', () => {
  it('--json: years, seed, and per client and for the system the fields of DESIGN section 4', () => {
    const r = spof('simulate', file, '--years', '800', '--seed', '3', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ years: 800, seed: 3, requestedYears: 800, stoppedEarly: false });
    expect(j.system.id).toBe('writers');
    for (const f of [j.system, ...j.clients]) {
      expect(Object.keys(f.downtimePerYear).sort()).toEqual(['ci95Hours', 'maxHours', 'meanHours', 'p50Hours', 'p90Hours', 'p99Hours']);
      expect(Object.keys(f.downtimePerMonth).sort()).toEqual(['ci95Hours', 'maxHours', 'meanHours', 'p50Hours', 'p90Hours', 'p99Hours']);
      expect(Object.keys(f.outagesPerYear).sort()).toEqual(['ci95', 'max', 'mean', 'p50', 'p90', 'p99']);
      expect(f.exact).toMatchObject({ method: 'exact' });
      expect(typeof f.exact.meanHours).toBe('number');
      expect(typeof f.exact.agrees).toBe('boolean');
    }
    expect(j.clients.map((c: { id: string }) => c.id)).toEqual(['readers', 'writers']);
    // The SLO's error budget: the document's for the system, each client's own.
    expect(j.system.budgetOverrun).toMatchObject({ target: 0.999 });
    expect(j.clients[1].budgetOverrun).toMatchObject({ target: 0.99 });
    expect(j.clients[0]).not.toHaveProperty('budgetOverrun');
    // The exact figures are analyze's.
    const exact = JSON.parse(spof('analyze', file, '--json').stdout);
    expect(j.system.exact.meanHours).toBeCloseTo((1 - exact.system.availability) * 8766, 9);
    expect(j.system.exact.failuresPerYear).toBeCloseTo(exact.outages.system.failuresPerYear, 9);
  });

  it('the same seed prints the same text; the human report says how many years and whether they agree', () => {
    const a = spof('simulate', file, '--years', '300', '--json');
    expect(spof('simulate', file, '--years', '300', '--json').stdout).toBe(a.stdout);
    const human = spof('simulate', file, '--years', '300');
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('300 years simulated (seed 1)');
    expect(human.stdout).toContain('System (the weakest client, writers)');
    expect(human.stdout).toMatch(/downtime a year: +mean .+ \(95% interval .+\); p50 .+, p90 .+, p99 .+, max .+/);
    expect(human.stdout).toMatch(/error budget of 99\.9% \(8 h 45 min a year, 43 min a month\): overrun in \d+(\.\d)?% of years/);
    expect(human.stdout).toMatch(/exact: .+ a year, .+ outages a year: the simulation (agrees|DISAGREES)/);
  });

  it('a time budget: it stops early and says how many years were played and how to get them again', () => {
    const r = spof('simulate', file, '--years', '10000000', '--time-budget', '0.3', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.stoppedEarly).toBe(true);
    expect(j.years).toBeLessThan(10_000_000);
    expect(j.timeBudgetSeconds).toBe(0.3);
    expect(j.notes.join('\n')).toContain(`--years ${j.years} --seed 1`);
  });

  it('the budget is the whole command\'s: spent before the play (reading, the analysis), one year is played and the output says the budget cut it', () => {
    const r = spof('simulate', file, '--time-budget', '0.001', '--threads', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Two clients: 1 year simulated \(seed 1\) in [\d.]+ s, of 10,000 asked: the command's time budget of 0\.001 s ran out\n/);
    expect(r.stdout).toContain('played 1 of 10,000 years within the time budget (the same figures again: --years 1 --seed 1)');
  });

  it('on several threads the figures are those of one thread, to the last digit', () => {
    // 2,500 years: three chunks of years, shared by two worker threads.
    const one = spof('simulate', file, '--years', '2500', '--seed', '4', '--json', '--threads', '1');
    const two = spof('simulate', file, '--years', '2500', '--seed', '4', '--json', '--threads', '2');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).years).toBe(2500);
    // The threads did play them.
    expect(spof('simulate', file, '--years', '2500', '--threads', '2').stdout).toContain('2,500 years simulated (seed 1) in');
    expect(spof('simulate', file, '--years', '2500', '--threads', '2').stdout).toMatch(/ s on 2 threads/);
  });

  it('bad input exits 2 and prints nothing on stdout', () => {
    for (const args of [['--years', '0'], ['--years', 'many'], ['--seed', '-1'], ['--time-budget', '0'], ['--slo', '100'], ['--threads', '0']]) {
      const r = spof('simulate', file, ...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
    const missing = spof('simulate', join(dir, 'missing.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});
