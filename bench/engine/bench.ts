// The engine benchmark (issue 3): synthetic estates at 100, 500, 2,000 and 5,000
// components; per size the time of each phase in-process (warm, median of runs), the
// whole `spof analyze --json` as a process (best of runs, cold), the method used, the
// BDD's size and apply steps (machine-independent), and how the time grows with size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, type Report } from '../../src/engine';
import { parseTopology } from '../../src/model';
import { syntheticEstate } from './estate';
import { toOpenPsa } from './faultTree';

export const SIZES = [100, 500, 2000, 5000];
/** The peer's figures on this machine (SCRAM, exact probability and order-2 cut sets), seconds. */
export const PEER_SECONDS: Record<number, number> = { 500: 0.2, 2000: 0.8, 5000: 3.3 };

export interface EngineBenchRow {
  size: number;
  elements: number;
  method: string;
  bddNodes: number;
  bddSteps: number;
  parseMs: number;
  phasesMs: Record<string, number>;
  analyzeMs: number;
  analyzeCpuMs: number;
  /** The CLI as a process (cliArgs): best and median of the runs. */
  processMs: number;
  processMedianMs: number;
  /** The same with NODE_EXTRA_CA_CERTS as the environment has it, when it is set. */
  processWithCaMs: number | null;
  /** User + system CPU time of the process (less sensitive than wall time to a busy machine), when /usr/bin/time exists. */
  processCpuMs: number | null;
  availability: number;
  /** The peer, SCRAM, on the same estate as a fault tree (when `scram` is installed): wall and CPU ms, and its probability. */
  peer: { ms: number; medianMs: number; cpuMs: number | null; unavailability: number | null; cutSetsAgree: boolean | null } | null;
  spofs: number;
  pairs: number;
}

const GNU_TIME = '/usr/bin/time';
const SCRAM = '/usr/bin/scram';

/** SCRAM with its BDD, exact probability and cut sets up to order 2, as the issue times it: its arguments, once the fault tree is written. */
function peerArgs(parsed: ReturnType<typeof parseTopology>, base: string): string[] | null {
  if (!existsSync(SCRAM) || !parsed.ok) return null;
  writeFileSync(`${base}.xml`, toOpenPsa(parsed.topology));
  return ['--bdd', '--probability', 'true', '-l', '2', `${base}.xml`, '-o', `${base}.out.xml`];
}

/** SCRAM's answer: its output file and the probability it gives the top event. */
function peerOutput(base: string): { unavailability: number | null; out: string } {
  const out = readFileSync(`${base}.out.xml`, 'utf8');
  const m = /sum-of-products name="top"[^>]*probability="([^"]+)"/.exec(out);
  return { unavailability: m ? Number(m[1]) : null, out };
}

interface Timed { times: number[]; cpu: number[] }

/**
 * Runs the commands in turn, round after round: this virtual machine's speed drifts by
 * 10-30% over a minute, and interleaving makes the drift weigh on every command alike.
 */
function interleaved(runs: number, commands: { args: string[]; program?: string; env?: NodeJS.ProcessEnv }[]): Timed[] {
  const out: Timed[] = commands.map(() => ({ times: [], cpu: [] }));
  for (let r = 0; r < runs; r++) {
    commands.forEach((c, i) => {
      const t0 = performance.now();
      const p = timedSpawn(c.args, c.program, c.env);
      out[i].times.push(performance.now() - t0);
      if (p.cpuMs !== null) out[i].cpu.push(p.cpuMs);
    });
  }
  return out;
}

/**
 * Do SCRAM's products of order 1 and 2 equal our SPOFs and pairs? Ours leave out failover
 * events and elements of availability 1 (DESIGN section 3), and pairs leave out SPOFs.
 */
function cutSetsAgree(out: string, report: Report): boolean {
  const elements = report.elements;
  const products = [...out.matchAll(/<product order="(\d)"[^>]*>([\s\S]*?)<\/product>/g)]
    .map((p) => [...p[2].matchAll(/name="E(\d+)"/g)].map((x) => elements[Number(x[1])]));
  const counted = (e: (typeof elements)[number]) => e.type !== 'failover' && e.availability < 1;
  const singles = products.filter((p) => p.length === 1 && counted(p[0])).map((p) => p[0].id).sort();
  const spofs = new Set(singles);
  const pairs = products.filter((p) => p.length === 2 && p.every((e) => counted(e) && !spofs.has(e.id))).map((p) => p.map((e) => e.id).sort().join('+')).sort();
  const ourPairs = report.pairs.map((p) => [...p.ids].sort().join('+')).sort();
  return JSON.stringify(singles) === JSON.stringify(report.spofs.map((x) => x.id).sort()) && !report.pairsTruncated && JSON.stringify(pairs) === JSON.stringify(ourPairs);
}

/**
 * The CLI as `npm run spof` starts it: package.json's script, with its Node flags, less npm's
 * own start-up (0.24 s on the build machine, the same for any script npm runs).
 */
function cliArgs(): string[] {
  const script: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.spof;
  const [program, ...args] = script.trim().split(/\s+/);
  if (program !== 'node') throw new Error(`package.json's spof script does not start with node: ${script}`);
  return args;
}

/**
 * The sandbox this was written in sets NODE_EXTRA_CA_CERTS, and Node then reads and parses
 * that certificate bundle before it runs anything (37 ms there); a usual machine does not
 * set it. Both programs are timed without it; the figure with it is printed apart.
 */
const CA_VARIABLE = 'NODE_EXTRA_CA_CERTS';
const CLEAN_ENV: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== CA_VARIABLE));

/** Runs a program (node by default); returns the CPU time (user + sys) measured by GNU time when available. */
function timedSpawn(args: string[], program = process.execPath, env = CLEAN_ENV): { cpuMs: number | null } {
  const useTime = existsSync(GNU_TIME);
  const p = useTime
    ? spawnSync(GNU_TIME, ['-f', 'SPOF-CPU %U %S', program, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env })
    : spawnSync(program, args, { encoding: 'utf8', maxBuffer: 1 << 30, env });
  if (p.status !== 0) throw new Error(`spof ${args.join(' ')} exited ${p.status}: ${p.stderr}`);
  const m = /SPOF-CPU ([\d.]+) ([\d.]+)/.exec(p.stderr ?? '');
  return { cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : null };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** `runs` in-process (warm) runs per size; `processRuns` runs of each process (ours, SCRAM), the best kept. */
export function runEngineBench(sizes = SIZES, runs = 3, log: (line: string) => void = console.log, processRuns = 9): EngineBenchRow[] {
  const dir = join(tmpdir(), 'spof-bench');
  mkdirSync(dir, { recursive: true });
  const rows: EngineBenchRow[] = [];
  // Build the CLI bundle and its code cache once so that no timed run pays for them.
  const cli = cliArgs();
  spawnSync(process.execPath, [...cli, 'validate', 'examples/three-tier.spof.json'], { encoding: 'utf8', env: CLEAN_ENV });
  for (const size of sizes) {
    const text = JSON.stringify(syntheticEstate(size, 1));
    const file = join(dir, `estate-${size}.spof.json`);
    writeFileSync(file, text);
    const parseTimes: number[] = [];
    const analyzeTimes: number[] = [];
    const analyzeCpu: number[] = [];
    const phases: Record<string, number[]> = {};
    let last: ReturnType<typeof analyze> | null = null;
    for (let r = 0; r < runs + 1; r++) {
      const t0 = performance.now();
      const parsed = parseTopology(text);
      if (!parsed.ok) throw new Error(`estate ${size}: ${parsed.errors[0].path}: ${parsed.errors[0].message}`);
      const t1 = performance.now();
      const cpu0 = process.cpuUsage();
      last = analyze(parsed.topology, { timings: true });
      const cpu = process.cpuUsage(cpu0);
      const t2 = performance.now();
      if (r === 0) continue; // warm-up
      parseTimes.push(t1 - t0);
      analyzeTimes.push(t2 - t1);
      analyzeCpu.push((cpu.user + cpu.system) / 1000);
      for (const [k, v] of Object.entries(last.timings ?? {})) (phases[k] ??= []).push(v);
    }
    const parsed = parseTopology(text);
    const base = join(dir, `estate-${size}`);
    const scram = peerArgs(parsed, base);
    const withCa = process.env[CA_VARIABLE] !== undefined;
    const commands: { args: string[]; program?: string; env?: NodeJS.ProcessEnv }[] = [{ args: [...cli, 'analyze', file, '--json'] }];
    if (scram) commands.push({ args: scram, program: SCRAM });
    if (withCa) commands.push({ args: [...cli, 'analyze', file, '--json'], env: process.env });
    const timed = interleaved(processRuns, commands);
    const ours = timed[0];
    const peerTimes = scram ? timed[1] : undefined;
    const caTimes = withCa ? timed[timed.length - 1] : undefined;
    const report = last!;
    let peer: EngineBenchRow['peer'] = null;
    if (scram && peerTimes && parsed.ok) {
      const { out, unavailability } = peerOutput(base);
      peer = {
        ms: Math.min(...peerTimes.times), medianMs: median(peerTimes.times), cpuMs: peerTimes.cpu.length ? Math.min(...peerTimes.cpu) : null,
        unavailability, cutSetsAgree: cutSetsAgree(out, analyze(parsed.topology, { pairCap: 1_000_000 })),
      };
    }
    rows.push({
      size,
      elements: report.stats?.elements ?? report.elements.length,
      method: report.method,
      bddNodes: report.stats?.bddNodes ?? 0,
      bddSteps: report.stats?.bddSteps ?? 0,
      parseMs: median(parseTimes),
      phasesMs: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)])),
      analyzeMs: median(analyzeTimes),
      analyzeCpuMs: median(analyzeCpu),
      processMs: Math.min(...ours.times),
      processMedianMs: median(ours.times),
      processWithCaMs: caTimes ? Math.min(...caTimes.times) : null,
      processCpuMs: ours.cpu.length ? Math.min(...ours.cpu) : null,
      availability: report.system.availability,
      peer,
      spofs: report.spofs.length,
      pairs: report.pairs.length,
    });
  }
  printTable(rows, log);
  return rows;
}

function printTable(rows: EngineBenchRow[], log: (line: string) => void): void {
  const [l1, l5] = loadavg();
  log(`Engine benchmark: synthetic estates (seed 1), Node ${process.version}, load average ${l1.toFixed(1)} / ${l5.toFixed(1)} (1 / 5 min)`);
  log(`Process: \`node ${cliArgs().join(' ')} analyze FILE --json\` (package.json's spof script, less npm) against \`scram --bdd --probability true -l 2\`, without ${CA_VARIABLE}`);
  const phaseNames = [...new Set(rows.flatMap((r) => Object.keys(r.phasesMs)))];
  const header = ['components', 'elements', 'method', 'BDD nodes', 'apply steps', 'parse ms', ...phaseNames.map((p) => `${p} ms`), 'engine ms', 'engine cpu ms', 'process ms', 'median', 'process cpu ms', 'SCRAM ms', 'median', 'SCRAM cpu ms', 'issue peer s'];
  const table = rows.map((r) => [
    String(r.size), String(r.elements), r.method, String(r.bddNodes), String(r.bddSteps), r.parseMs.toFixed(1),
    ...phaseNames.map((p) => (r.phasesMs[p] ?? 0).toFixed(1)), r.analyzeMs.toFixed(1), r.analyzeCpuMs.toFixed(1), r.processMs.toFixed(0), r.processMedianMs.toFixed(0), r.processCpuMs === null ? '-' : r.processCpuMs.toFixed(0),
    r.peer ? r.peer.ms.toFixed(0) : '-', r.peer ? r.peer.medianMs.toFixed(0) : '-', r.peer?.cpuMs != null ? r.peer.cpuMs.toFixed(0) : '-',
    PEER_SECONDS[r.size] !== undefined ? PEER_SECONDS[r.size].toFixed(1) : '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  log(line(header));
  for (const row of table) log(line(row));
  log('Growth (exponent b in time ~ size^b, between consecutive sizes):');
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    const k = Math.log(b.size / a.size);
    const exp = (x: number, y: number) => (Math.log(y / x) / k).toFixed(2);
    log(`  ${a.size} -> ${b.size}: engine ${exp(a.analyzeMs, b.analyzeMs)}, process ${exp(a.processMs, b.processMs)}, apply steps ${exp(Math.max(1, a.bddSteps), Math.max(1, b.bddSteps))}`);
  }
  for (const r of rows) {
    const check = r.peer?.unavailability != null
      ? `; SCRAM's unavailability ${r.peer.unavailability} against ours ${(1 - r.availability).toPrecision(6)}; SPOFs and pairs ${r.peer.cutSetsAgree ? 'equal' : 'DIFFER from'} SCRAM's cut sets of order 1 and 2`
      : '';
    log(`  ${r.size}: availability ${r.availability.toFixed(8)}, ${r.spofs} SPOFs, ${r.pairs} pairs listed${check}`);
  }
  const withCa = rows.filter((r) => r.processWithCaMs !== null);
  if (withCa.length > 0) log(`  With ${CA_VARIABLE} set as here, the process takes ${withCa.map((r) => `${r.processWithCaMs!.toFixed(0)} ms at ${r.size}`).join(', ')}`);
  if (rows.every((r) => r.peer === null)) log('  (install the Debian package scram to time the peer on the same estates)');
}
