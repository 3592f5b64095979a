// The main thread's side of the analysis worker. The latest request wins: a new
// request while one runs terminates the worker (a synchronous analysis cannot be
// interrupted any other way) and starts a fresh one, so a long analysis is
// superseded, never queued. A worker that throws or dies is noticed, reported,
// and replaced on the next request.
import { wrap, type Remote } from 'comlink';
import type { EngineWorkerApi } from './engine.worker';
import type { AnalysisRequest, AnalysisResponse } from './engineApi';

export type AnalysisOutcome =
  | { status: 'done'; response: AnalysisResponse }
  | { status: 'superseded' }
  | { status: 'failed'; error: string };

interface Running {
  finish: (outcome: AnalysisOutcome) => void;
}

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'spof-analysis' });

export class AnalysisClient {
  private worker: Worker | null = null;
  private api: Remote<EngineWorkerApi> | null = null;
  private running: Running | null = null;

  constructor(private readonly createWorker: WorkerFactory = defaultFactory) {}

  run(request: AnalysisRequest): Promise<AnalysisOutcome> {
    if (this.running) {
      this.running.finish({ status: 'superseded' });
      this.restart();
    }
    const api = this.ensureWorker();
    return new Promise<AnalysisOutcome>((resolve) => {
      let settled = false;
      const running: Running = {
        finish: (outcome) => {
          if (settled) return;
          settled = true;
          if (this.running === running) this.running = null;
          resolve(outcome);
        },
      };
      this.running = running;
      api.runAnalysis(request).then(
        (response) => running.finish({ status: 'done', response }),
        (error: unknown) => {
          running.finish({ status: 'failed', error: messageOf(error) });
          this.restart();
        },
      );
    });
  }

  dispose(): void {
    this.running?.finish({ status: 'superseded' });
    this.restart();
  }

  private ensureWorker(): Remote<EngineWorkerApi> {
    if (this.api) return this.api;
    const worker = this.createWorker();
    // A worker that dies (a crash, an out-of-memory) rejects nothing through comlink: catch it here.
    const onDeath = (event: ErrorEvent | MessageEvent) => {
      const error = 'message' in event && typeof event.message === 'string' && event.message ? event.message : 'the analysis worker stopped unexpectedly';
      this.running?.finish({ status: 'failed', error });
      if (this.worker === worker) this.restart();
    };
    worker.addEventListener('error', onDeath as EventListener);
    worker.addEventListener('messageerror', onDeath as EventListener);
    this.worker = worker;
    this.api = wrap<EngineWorkerApi>(worker);
    return this.api;
  }

  private restart(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'the analysis failed';
}
