// The analysis Web Worker: a thin shim exposing runAnalysis with comlink.
import { expose } from 'comlink';
import { runAnalysis } from './engineApi';

const api = { runAnalysis };
export type EngineWorkerApi = typeof api;

expose(api);
