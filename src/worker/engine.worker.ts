// The analysis Web Worker: a thin shim exposing the engine API with comlink. The cache
// keeps the last design's report, so a what-if click re-analyses only the what-if. It also
// reads opened files, Mermaid diagrams and share links (designRead.ts, mermaidRead.ts), in a
// client of their own.
import { expose } from 'comlink';
import { SimulationRun } from '../engine/simulate';
import {
  analyzeAgain, rowsOf, runAnalysisForPage, runMoves, runPlan, runShareReport, simulationAnswer, startSimulation,
  type AnalysisCache, type AnalysisRequest, type SimulationRequest, type SimulationResponse,
} from './engineApi';
import { readDesignJson, readShareHash } from './designRead';
import { holdLifeLock } from './lifeWatch';
import type { MermaidReadRequest } from './mermaidRead';
import type { PartialList } from './pageAnswer';

const cache: { last?: AnalysisCache } = {};

// A fresh worker runs cold code (V8 has not optimised the engine yet): at 200 components
// the first edits after opening took twice as long as the later ones. So after its first
// answer, if that was quick, the worker analyses the same design again up to three times
// while nothing else is asked, one run per task: a request that comes meanwhile waits for
// one short run at most. Large designs (slow answers) are left alone.
const WARM_UP_RUNS = 3;
const WARM_UP_MAX_MS = 100;
let warmUpStarted = false;

function warmUp(document: unknown, runsLeft: number): void {
  setTimeout(() => {
    if (analyzeAgain(document) < WARM_UP_MAX_MS && runsLeft > 1) warmUp(document, runsLeft - 1);
  }, 0);
}

// The simulation runs while the design is idle, a slice per task, so that an analysis
// request (an edit) is answered between two slices; the request also cancels it.
const SIMULATION_SLICE_MS = 25;
let generation = 0;

async function simulate(request: SimulationRequest): Promise<SimulationResponse> {
  const mine = ++generation;
  const run = startSimulation(request);
  if (!(run instanceof SimulationRun)) return run;
  for (;;) {
    if (run.step(SIMULATION_SLICE_MS)) return simulationAnswer(run);
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (generation !== mine) return { ok: false, cancelled: true, errors: [] };
  }
}

const api = {
  simulate,
  runAnalysis: (request: AnalysisRequest) => {
    generation++;
    const response = runAnalysisForPage(request, cache);
    // The first answer is itself cold: it may take twice the bar of a warm-up run.
    if (!warmUpStarted && response.ok && response.elapsedMs < 2 * WARM_UP_MAX_MS) {
      warmUpStarted = true;
      warmUp(request.document, WARM_UP_RUNS);
    }
    return response;
  },
  rows: <L extends PartialList>(answer: string, list: L, from: number, count: number) => rowsOf(cache, answer, list, from, count),
  runPlan,
  runShareReport,
  runMoves,
  readDesignJson,
  readShareHash,
  // Loaded with the first diagram: mermaid, and the DOMPurify stand-in it needs here.
  readMermaid: async (request: MermaidReadRequest) => (await import('./mermaidRead')).readMermaid(request),
  holdLifeLock,
};
export type EngineWorkerApi = typeof api;

expose(api);
