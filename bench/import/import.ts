// Times importing a 1,000-workload Kubernetes manifest set (issue 17: under a second):
// in-process (`importInfrastructure`, what the app runs) and as the CLI a user runs on a
// folder (`spof import DIR -o OUT`, start-up included). The set is seeded (manifests.ts).
// Run: npx tsx bench/import/import.ts [workloads], or `npm run bench -- import`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { importInfrastructure } from '../../src/import';
import { manifestSet } from './manifests';

const RUNS = 7;
const ms = (v: number) => `${Math.round(v)} ms`;
const summary = (runs: number[]) => {
  const sorted = [...runs].sort((a, b) => a - b);
  return `best ${ms(sorted[0])}, median ${ms(sorted[Math.floor(sorted.length / 2)])}`;
};

export async function runImportBench(workloads = 1000): Promise<void> {
  const files = manifestSet(workloads);
  const bytes = files.reduce((s, f) => s + f.text.length, 0);
  const inProcess: number[] = [];
  // CPU time beside wall time: on a shared machine the difference is the wait for a core.
  const cpu: number[] = [];
  let components = 0;
  let links = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const r = await importInfrastructure(files, { name: 'bench' });
    const took = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    if (!r.ok) throw new Error(`the benchmark's manifests must import: ${r.errors.map((e) => e.message).join('; ')}`);
    components = r.topology.components.length;
    links = r.topology.links.length;
    if (i > 0) {
      // The first run also compiles the importer in V8.
      inProcess.push(took);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  console.log(`import ${workloads} workloads (${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB; ${components} components, ${links} links)`);
  console.log(`  in process: ${summary(inProcess)} (CPU time ${summary(cpu)})`);

  const dir = mkdtempSync(join(tmpdir(), 'spof-bench-import-'));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  const cli: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, ['scripts/spof.cjs', 'import', join(dir, 'manifests'), '-o', join(dir, 'out.spof.json')], { encoding: 'utf8' });
    const took = performance.now() - start;
    if (r.status !== 0) throw new Error(`spof import failed: ${r.stderr}`);
    cli.push(took);
  }
  console.log(`  spof import DIR -o OUT (a process, start-up included): ${summary(cli)}`);
  // Two cores shared by several developers: the load says how far these figures are from a quiet machine's.
  console.log(`  load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
}

if (process.argv[1]?.endsWith('import/import.ts')) await runImportBench(Number(process.argv[2] ?? 1000));
