// `spof simulate` on several threads. The years are played in chunks (CHUNK_YEARS each, each
// on random numbers of its own drawn from the seed and the chunk's index), so worker threads
// can play chunks side by side and the main thread take them in order: the figures are those
// of one thread, to the last bit, whatever the number of threads. Under a time budget the
// years kept are a prefix (whole chunks, then the part of the first unfinished one), so
// `--years N` gives them again.
import { availableParallelism, loadavg } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { Topology } from '../model';
import { CHUNK_YEARS, playChunk, SimulationRun, type PlayedYears, type SimulateOptions, type SimulationReport } from '../engine/simulate';

/** Below this many expected failures in all, threads cost more to start than they save. */
const WORTH_THREADS = 5_000_000;
/**
 * Past this many failures a year a year takes seconds: one thread plays it, so that the first
 * year's work budget (which only the main thread applies) decides where a long year stops.
 */
export const ONE_THREAD_FAILURES_PER_YEAR = 1_000_000;

interface WorkerData {
  bundle: string;
  topology: Topology;
  seed: number;
  /** Date.now() past which a chunk stops at its next whole year. */
  deadline?: number;
}

interface ChunkOrder {
  chunk: number;
  years: number;
}

type ChunkAnswer = PlayedYears & { chunk: number };

// The worker loads the CLI bundle as the launcher does (scripts/spof.cjs: a CommonJS wrapper
// function) and serves chunks. Simulation loads nothing lazily: the wrapper's last argument
// (the launcher's dynamic import) refuses.
const WORKER_SOURCE = `
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');
const { workerData } = require('node:worker_threads');
const file = workerData.bundle;
const m = { exports: {} };
const noImport = (s) => Promise.reject(new Error('spof: no lazy module in a simulation thread: ' + s));
new Script(readFileSync(file, 'utf8'), { filename: file }).runInThisContext()(m.exports, createRequire(file), m, file, dirname(file), noImport);
m.exports.simulationWorker();
`;

/** The CLI bundle's own file when the CLI runs from it (the launcher passes it as __filename); else none, and no threads. */
function bundleFile(): string | undefined {
  return typeof __filename === 'string' && __filename.endsWith('.cjs') ? __filename : undefined;
}

/**
 * How many threads a run would use by default: one per idle core, when the run is long
 * enough to gain from them. On cores already busy (the load average) a thread of ours only
 * competes with the others, and starting it (the bundle loaded again) costs more than it
 * wins: measured at a load of 19 on 2 cores, 2 threads took 35 s where 1 took 28 s.
 */
export function defaultThreads(run: SimulationRun): number {
  if (run.failuresPerYear * run.requestedYears < WORTH_THREADS) return 1;
  if (run.failuresPerYear > ONE_THREAD_FAILURES_PER_YEAR) return 1;
  const cores = availableParallelism();
  return Math.max(1, Math.min(cores, Math.round(cores - loadavg()[0])));
}

/** Slices of play between two looks at the deadline: quick to stop, cheap to look. */
const SLICE_MS = 50;

/**
 * Simulates on up to `threads` threads (1: in this thread); the report is the same whatever
 * the number. `deadline` (performance.now() time, counted from the process's start) stops the
 * play at the years played by then, whatever the analysis before it took; at least one year
 * is always played.
 */
export async function simulateOnThreads(topology: Topology, opts: SimulateOptions, threads?: number, deadline?: number): Promise<SimulationReport> {
  const run = new SimulationRun(topology, opts);
  const bundle = bundleFile();
  const chunks = Math.ceil(run.requestedYears / CHUNK_YEARS);
  const workers = run.failuresPerYear > ONE_THREAD_FAILURES_PER_YEAR ? 1 : Math.min(threads ?? defaultThreads(run), chunks);
  if (bundle === undefined || workers < 2) {
    while (!run.step(deadline === undefined ? Infinity : SLICE_MS)) {
      if (deadline !== undefined && performance.now() >= deadline && run.stopEarly()) break;
    }
    return run.result();
  }
  const data: WorkerData = { bundle, topology, seed: run.seed, ...(deadline !== undefined ? { deadline: Date.now() + (deadline - performance.now()) } : {}) };
  const yearsOf = (chunk: number) => Math.min(CHUNK_YEARS, run.requestedYears - chunk * CHUNK_YEARS);
  const answers: (ChunkAnswer | undefined)[] = new Array(chunks);
  let next = 0;
  let budgetSpent = false;
  await Promise.all(Array.from({ length: workers }, () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: data });
    const give = () => {
      if (budgetSpent || next >= chunks) {
        void worker.terminate().then(() => resolve());
        return;
      }
      const order: ChunkOrder = { chunk: next, years: yearsOf(next) };
      next++;
      worker.postMessage(order);
    };
    worker.on('message', (answer: ChunkAnswer) => {
      answers[answer.chunk] = answer;
      if (answer.years < yearsOf(answer.chunk)) budgetSpent = true;
      give();
    });
    worker.on('error', reject);
    give();
  })));
  // The prefix of the years: whole chunks in order, then the part of the first unfinished one.
  for (let c = 0; c < chunks; c++) {
    const answer = answers[c];
    if (answer === undefined) break;
    run.adopt(answer);
    if (answer.years < yearsOf(c)) break;
  }
  if (run.yearsPlayed < run.requestedYears) run.stoppedEarly = true;
  run.threads = workers;
  return run.result();
}

/** A worker thread's loop: play each chunk asked for and send it back (its arrays moved, not copied). */
export function simulationWorker(): void {
  const { topology, seed, deadline } = workerData as WorkerData;
  const port = parentPort!;
  port.on('message', ({ chunk, years }: ChunkOrder) => {
    const played = playChunk(topology, seed, chunk, years, deadline === undefined ? undefined : () => Date.now() >= deadline);
    const answer: ChunkAnswer = { chunk, ...played };
    port.postMessage(answer, played.histories.flatMap((h) => [h.downPerYear.buffer, h.downPerMonth.buffer, h.outagesPerYear.buffer] as ArrayBuffer[]));
  });
}
