// The analysis Web Worker: a thin shim exposing the engine API with comlink. The cache
// keeps the last design's report, so a what-if click re-analyses only the what-if.
import { expose } from 'comlink';
import { runAnalysis, runPlan, type AnalysisCache, type AnalysisRequest } from './engineApi';

const cache: { last?: AnalysisCache } = {};

const api = {
  runAnalysis: (request: AnalysisRequest) => runAnalysis(request, cache),
  runPlan,
};
export type EngineWorkerApi = typeof api;

expose(api);
