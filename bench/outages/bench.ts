// Issue 16's benchmarks: what the outage frequency adds to `analyze` (500, 2,000 and 5,000
// components: it must stay under 10%), and `simulate` on the synthetic estate: 10,000 years
// of 100 components (aim: under 5 s), and how its time grows with the size and the years.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../src/engine';
import { SimulationRun } from '../../src/engine/simulate';
import { parseTopology, type Topology } from '../../src/model';
import { syntheticEstate } from '../engine/estate';

function estate(size: number): Topology {
  const r = parseTopology(syntheticEstate(size));
  if (!r.ok) throw new Error(`the estate of ${size} does not validate`);
  return r.topology;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export interface FrequencyRow { size: number; analyzeMs: number; outagesMs: number; share: number }

/** The outage phase of analyze (timed by the engine itself) against the whole analysis, median of `runs`. */
export function frequencyCost(sizes = [500, 2000, 5000], runs = 7, log = console.log): FrequencyRow[] {
  log('Outage frequency inside analyze (in process, warm; median of runs)');
  log('components | analyze ms | outages ms | share');
  const rows: FrequencyRow[] = [];
  for (const size of sizes) {
    const t = estate(size);
    analyze(t);
    const totals: number[] = [];
    const outages: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = analyze(t, { timings: true });
      totals.push(performance.now() - t0);
      outages.push((r.timings?.outages ?? NaN) + (r.timings?.cost ?? 0));
    }
    const row = { size, analyzeMs: median(totals), outagesMs: median(outages), share: median(outages) / median(totals) };
    rows.push(row);
    log(`${String(size).padStart(10)} | ${row.analyzeMs.toFixed(1).padStart(10)} | ${row.outagesMs.toFixed(3).padStart(10)} | ${(row.share * 100).toFixed(3)}%`);
  }
  return rows;
}

export interface SimulateRow { size: number; years: number; seconds: number; cpuSeconds: number; failures: number; elements: number }

/** One simulation in this process (one thread), timed: wall and CPU seconds, failures played. */
function timeSimulation(t: Topology, size: number, years: number): SimulateRow {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const run = new SimulationRun(t, { years, seed: 1 });
  run.step();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const r = run.result();
  return { size, years, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, failures: r.events / 2, elements: analyze(t).elements.length };
}

/** `spof simulate` as a user runs it (the CLI bundle, its worker threads), wall seconds of the whole process. */
function timeCli(file: string, years: number, threads: number): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['scripts/spof.cjs', 'simulate', file, '--years', String(years), '--threads', String(threads), '--json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`spof simulate failed: ${r.stderr}`);
  return (performance.now() - t0) / 1000;
}

export function simulateBench(log = console.log): SimulateRow[] {
  const rows: SimulateRow[] = [];
  const show = (r: SimulateRow) => log(`${String(r.size).padStart(10)} | ${String(r.elements).padStart(8)} | ${String(r.years).padStart(6)} | ${r.seconds.toFixed(2).padStart(7)} | ${r.cpuSeconds.toFixed(2).padStart(7)} | ${(r.failures / 1e6).toFixed(1).padStart(12)} | ${((r.cpuSeconds * 1e9) / r.failures).toFixed(0).padStart(9)}`);
  log(`simulate (in process, one thread, seed 1; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
  log('components | elements |  years |  wall s |   cpu s | failures (M) | cpu ns/failure');
  const hundred = estate(100);
  // Warm-up, so that the timed run measures optimised code, as a second run in a session would.
  timeSimulation(hundred, 100, 200);
  const main = timeSimulation(hundred, 100, 10_000);
  rows.push(main);
  show(main);
  log('growth with the years (100 components) and with the size (1,000 years)');
  for (const years of [1000, 2000, 4000]) {
    const r = timeSimulation(hundred, 100, years);
    rows.push(r);
    show(r);
  }
  for (const size of [200, 500, 1000]) {
    const r = timeSimulation(estate(size), size, 1000);
    rows.push(r);
    show(r);
  }
  const dir = mkdtempSync(join(tmpdir(), 'spof-bench-'));
  const file = join(dir, 'estate-100.spof.json');
  writeFileSync(file, JSON.stringify(syntheticEstate(100)));
  timeCli(file, 100, 1);
  log('spof simulate of the 100-component estate, 10,000 years, the whole process (wall s)');
  for (const threads of [1, 2]) log(`${threads} thread${threads > 1 ? 's' : ''}: ${timeCli(file, 10_000, threads).toFixed(2)} s (load average ${loadavg()[0].toFixed(1)})`);
  return rows;
}
export function runOutagesBench(): void {
  frequencyCost();
  simulateBench();
}
