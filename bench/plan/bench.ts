// The plan benchmark (issue 19): `spof plan FILE --slo X --json` as a process, started as
// the npm script starts it (npm's own start-up left out), on the designs of designs.ts;
// best and median wall time of a few runs and the CPU time of the process (user + system,
// by GNU time when there is one: on a shared machine the wall time also counts the wait
// for a core), with what the plan found. The aims: a 50-component design under a second,
// the 500-component estate under ten.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLAN_CASES } from './designs';

const RUNS = 5;
const GNU_TIME = '/usr/bin/time';
const NODE_FLAGS = ['--max-semi-space-size=1', '--interrupt-budget=300000'];

export interface PlanBenchRow {
  name: string;
  components: number;
  bestMs: number;
  medianMs: number;
  /** Best and median CPU time of the process (null without GNU time). */
  cpuBestMs: number | null;
  cpuMedianMs: number | null;
  met: boolean;
  moves: number;
  instances: number;
  types: string;
}

export function runPlanBench(): PlanBenchRow[] {
  const dir = join(tmpdir(), 'spof-plan-bench');
  mkdirSync(dir, { recursive: true });
  const cli = join(import.meta.dirname, '../../scripts/spof.cjs');
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  // One run first: the launcher may rebuild its bundle and code cache.
  spawnSync(process.execPath, [...NODE_FLAGS, cli, 'validate', join(import.meta.dirname, '../../examples/shop.spof.json')], { env });
  const rows: PlanBenchRow[] = [];
  console.log(`plan benchmark: ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}, Node ${process.version}`);
  for (const c of PLAN_CASES) {
    const file = join(dir, `${c.name.replace(/[^a-z0-9]+/gi, '-')}.spof.json`);
    writeFileSync(file, JSON.stringify(c.design));
    const times: number[] = [];
    const cpu: number[] = [];
    let out = '';
    const args = [...NODE_FLAGS, cli, 'plan', file, '--slo', c.slo, '--json'];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const r = existsSync(GNU_TIME)
        ? spawnSync(GNU_TIME, ['-f', 'SPOF-CPU %U %S', process.execPath, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 26 })
        : spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 1 << 26 });
      times.push(performance.now() - started);
      if (r.status !== 0 && r.status !== 1) throw new Error(`${c.name}: exit ${r.status}: ${r.stderr}`);
      const m = /SPOF-CPU ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
      if (m) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
      out = r.stdout;
    }
    cpu.sort((a, b) => a - b);
    const p = JSON.parse(out);
    times.sort((a, b) => a - b);
    const types = new Map<string, number>();
    for (const m of p.moves) types.set(m.type, (types.get(m.type) ?? 0) + 1);
    const row: PlanBenchRow = {
      name: c.name, components: (c.design as { components: unknown[] }).components.length,
      bestMs: times[0], medianMs: times[Math.floor(times.length / 2)],
      cpuBestMs: cpu[0] ?? null, cpuMedianMs: cpu.length ? cpu[Math.floor(cpu.length / 2)] : null, met: p.met, moves: p.moves.length,
      instances: p.cost.instances, types: [...types].map(([t, n]) => `${n} ${t}`).join(', '),
    };
    rows.push(row);
    console.log(`${row.name.padEnd(30)} ${String(row.components).padStart(4)} components  best ${(row.bestMs / 1000).toFixed(2)} s  median ${(row.medianMs / 1000).toFixed(2)} s  CPU ${row.cpuBestMs === null ? 'n/a' : `best ${(row.cpuBestMs / 1000).toFixed(2)} s, median ${(row.cpuMedianMs! / 1000).toFixed(2)} s`}  met ${row.met}  ${row.moves} moves (+${row.instances} instances: ${row.types})`);
  }
  return rows;
}
