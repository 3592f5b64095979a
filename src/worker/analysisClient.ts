// The main thread's side of the analysis worker. The latest request wins: a new
// request while one runs terminates the worker (a synchronous analysis cannot be
// interrupted any other way) and starts a fresh one, so a long analysis is
// superseded, never queued. A worker that throws or dies is noticed, reported,
// and replaced on the next request.
import { wrap, type Remote } from 'comlink';
import type { EngineWorkerApi } from './engine.worker';
import type {
  AnalysisRequest, AnalysisResponse, MovesRequest, MovesResponse, PlanRequest, PlanResponse, ShareReportRequest, ShareReportResponse,
  SimulationRequest, SimulationResponse,
} from './engineApi';

export type WorkerOutcome<T> =
  | { status: 'done'; response: T }
  | { status: 'superseded' }
  | { status: 'failed'; error: string };

export type AnalysisOutcome = WorkerOutcome<AnalysisResponse>;

interface Running {
  /** Ends the request from outside: superseded by a newer one, or its worker died. */
  finish: (outcome: Exclude<WorkerOutcome<unknown>, { status: 'done' }>) => void;
}

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'spof-analysis' });

export class AnalysisClient {
  private worker: Worker | null = null;
  private api: Remote<EngineWorkerApi> | null = null;
  private running: Running | null = null;
  /** Simulations under way: they end as cancelled when the worker is replaced. */
  private readonly simulations = new Set<(response: SimulationResponse) => void>();

  constructor(private readonly createWorker: WorkerFactory = defaultFactory) {}

  run(request: AnalysisRequest): Promise<AnalysisOutcome> {
    return this.call<AnalysisResponse>((api) => api.runAnalysis(request) as Promise<AnalysisResponse>);
  }

  /** The plan to reach the SLO; use a client of its own so edits do not supersede it. */
  plan(request: PlanRequest): Promise<WorkerOutcome<PlanResponse>> {
    return this.call<PlanResponse>((api) => api.runPlan(request) as Promise<PlanResponse>);
  }

  /** The report to share, written where the engine lives; a client of its own, like the plan's. */
  shareReport(request: ShareReportRequest): Promise<WorkerOutcome<ShareReportResponse>> {
    return this.call<ShareReportResponse>((api) => api.runShareReport(request) as Promise<ShareReportResponse>);
  }

  /**
   * The simulation, played by the worker in slices between other requests: it does not
   * supersede anything, and the next analysis request cancels it (its answer: cancelled).
   */
  simulate(request: SimulationRequest): Promise<SimulationResponse> {
    const api = this.ensureWorker();
    return new Promise<SimulationResponse>((resolve) => {
      const finish = (response: SimulationResponse) => {
        if (!this.simulations.delete(finish)) return;
        resolve(response);
      };
      this.simulations.add(finish);
      (api.simulate(request) as Promise<SimulationResponse>).then(finish, (error: unknown) => finish({ ok: false, cancelled: false, errors: [messageOf(error)] }));
    });
  }

  /** Moves of a plan applied to the design (the same client as the plan's). */
  moves(request: MovesRequest): Promise<WorkerOutcome<MovesResponse>> {
    return this.call<MovesResponse>((api) => api.runMoves(request) as Promise<MovesResponse>);
  }

  private call<T>(invoke: (api: Remote<EngineWorkerApi>) => Promise<T>): Promise<WorkerOutcome<T>> {
    if (this.running) {
      this.running.finish({ status: 'superseded' });
      this.restart();
    }
    const api = this.ensureWorker();
    return new Promise<WorkerOutcome<T>>((resolve) => {
      let settled = false;
      const settle = (outcome: WorkerOutcome<T>) => {
        if (settled) return;
        settled = true;
        if (this.running === running) this.running = null;
        resolve(outcome);
      };
      const running: Running = { finish: settle };
      this.running = running;
      invoke(api).then(
        (response) => settle({ status: 'done', response }),
        (error: unknown) => {
          // Only this request's own worker is replaced, never a newer one.
          const current = this.running === running;
          settle({ status: 'failed', error: messageOf(error) });
          if (current) this.restart();
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
    for (const finish of [...this.simulations]) finish({ ok: false, cancelled: true, errors: [] });
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'the analysis failed';
}
