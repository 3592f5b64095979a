// The main thread's side of the analysis worker. The latest request wins: a new
// request while one runs terminates the worker (a synchronous analysis cannot be
// interrupted any other way) and starts a fresh one, so a long analysis is
// superseded, never queued. A worker that dies is noticed, whether it says so (an
// error event) or not (terminated from outside, closed, killed for its memory: a Web
// Lock it holds is released, see lifeWatch.ts), and replaced; the request it was
// answering is sent again to the fresh worker once (twice dead: failed, said). So is a
// simulation it was playing: only a newer request, cancelSimulation (a new design opened) or
// dispose cancels a simulation.
import { wrap, type Remote } from 'comlink';
import type { DesignRead } from './designRead';
import type { MermaidRead, MermaidReadRequest } from './mermaidRead';
import type { EngineWorkerApi } from './engine.worker';
import type { ShareDecodeResult } from '../io/shareLink';
import { watchByLock, type LifeWatch } from './lifeWatch';
import { unpackAnswer, type PackedAnswer, type PartialList, type RowOf } from './pageAnswer';
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
  /** Ends the request from outside: superseded by a newer one. */
  finish: (outcome: Exclude<WorkerOutcome<unknown>, { status: 'done' }>) => void;
  /** Its worker died: sent again to a fresh one, or failed when it was sent again already. */
  died: (error: string) => void;
}

interface Simulating {
  finish: (response: SimulationResponse) => void;
  /** Its worker died: sent again to a fresh one, or failed when it was sent again already. */
  died: (error: string) => void;
}

/** A request whose worker died is sent again this many times before it fails. */
const RESENDS = 1;

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'spof-analysis' });

export class AnalysisClient {
  private worker: Worker | null = null;
  private api: Remote<EngineWorkerApi> | null = null;
  private running: Running | null = null;
  /** Simulations under way: cancelled when a request replaces the worker, sent again when it dies. */
  private readonly simulations = new Set<Simulating>();
  /** Requests for rows: answered null when their worker goes (comlink would never answer them). */
  private readonly waiting = new Set<(rows: null) => void>();

  constructor(
    private readonly createWorker: WorkerFactory = defaultFactory,
    private readonly watchLife: LifeWatch = watchByLock,
  ) {}

  run(request: AnalysisRequest): Promise<AnalysisOutcome> {
    // Read back here, in the task that received it: the blast radii stay indices until read.
    return this.call<AnalysisResponse>((api) => (api.runAnalysis(request) as Promise<PackedAnswer>).then(unpackAnswer));
  }

  /**
   * More rows of a list an answer held in part (pageAnswer.ts). Never supersedes anything:
   * while an analysis runs, or once the worker has another, or died, the answer is null.
   */
  rows<L extends PartialList>(answer: string, list: L, from: number, count: number): Promise<RowOf<L>[] | null> {
    if (this.running || !this.api) return Promise.resolve(null);
    const asked = this.api;
    return new Promise((resolve) => {
      this.waiting.add(resolve as (rows: null) => void);
      (asked.rows(answer, list, from, count) as Promise<RowOf<L>[] | null>).then(
        (rows) => {
          this.waiting.delete(resolve as (rows: null) => void);
          resolve(this.api === asked ? rows : null);
        },
        () => {
          this.waiting.delete(resolve as (rows: null) => void);
          resolve(null);
        },
      );
    });
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
    return new Promise<SimulationResponse>((resolve) => {
      let sends = 0;
      let settled = false;
      const simulating: Simulating = {
        finish: (response) => {
          if (settled) return;
          settled = true;
          this.simulations.delete(simulating);
          resolve(response);
        },
        died: (error) => (sends <= RESENDS ? send() : simulating.finish({ ok: false, cancelled: false, errors: [error] })),
      };
      const send = () => {
        const api = this.ensureWorker();
        const attempt = ++sends;
        this.simulations.add(simulating);
        // An answer from a worker that died meanwhile is not this simulation's.
        (api.simulate(request) as Promise<SimulationResponse>).then(
          (response) => attempt === sends && simulating.finish(response),
          (error: unknown) => attempt === sends && simulating.finish({ ok: false, cancelled: false, errors: [messageOf(error)] }),
        );
      };
      send();
    });
  }

  /**
   * Stops the simulations under way now, by replacing the worker (a new design was opened):
   * the worker plays one slice at a time, but a large design's slice, or its start, runs for
   * seconds that cannot be interrupted otherwise. Their answer: cancelled. A request under way
   * is superseded with them (it was about the same design). Nothing simulating: nothing done.
   */
  cancelSimulation(): void {
    if (this.simulations.size === 0) return;
    this.running?.finish({ status: 'superseded' });
    this.restart();
  }

  /** A topology file's text, parsed and checked in the worker (designRead.ts); use a client of its own. */
  readDesignJson(text: string): Promise<WorkerOutcome<DesignRead>> {
    return this.call<DesignRead>((api) => api.readDesignJson(text) as Promise<DesignRead>);
  }

  /** A share link's hash, decompressed, parsed and checked in the worker; a client of its own too. */
  readShareHash(hash: string): Promise<WorkerOutcome<ShareDecodeResult>> {
    return this.call<ShareDecodeResult>((api) => api.readShareHash(hash) as Promise<ShareDecodeResult>);
  }

  /** A Mermaid diagram read into a design in the worker (mermaidRead.ts); the same client as the files'. */
  readMermaid(request: MermaidReadRequest): Promise<WorkerOutcome<MermaidRead>> {
    return this.call<MermaidRead>((api) => api.readMermaid(request) as Promise<MermaidRead>);
  }

  /** Starts the worker without asking anything: its engine loads now, not with the first request. */
  prepare(): void {
    this.ensureWorker();
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
    return new Promise<WorkerOutcome<T>>((resolve) => {
      let settled = false;
      let sends = 0;
      const settle = (outcome: WorkerOutcome<T>) => {
        if (settled) return;
        settled = true;
        if (this.running === running) this.running = null;
        resolve(outcome);
      };
      const running: Running = {
        finish: settle,
        died: (error) => (sends <= RESENDS ? send() : settle({ status: 'failed', error })),
      };
      const send = () => {
        const api = this.ensureWorker();
        const attempt = ++sends;
        this.running = running;
        invoke(api).then(
          // An answer from a worker that was replaced meanwhile is not this request's.
          (response) => attempt === sends && settle({ status: 'done', response }),
          (error: unknown) => {
            if (attempt !== sends) return;
            // Only this request's own worker is replaced, never a newer one.
            const current = this.running === running;
            settle({ status: 'failed', error: messageOf(error) });
            if (current) this.restart();
          },
        );
      };
      send();
    });
  }

  dispose(): void {
    this.running?.finish({ status: 'superseded' });
    this.restart();
  }

  private ensureWorker(): Remote<EngineWorkerApi> {
    if (this.api) return this.api;
    const worker = this.createWorker();
    // A worker that dies rejects nothing through comlink: its death is caught here, once,
    // and only while it is the current worker (one this client terminated is not a death).
    const onDeath = (error: string) => {
      if (this.worker !== worker) return;
      const running = this.running;
      const simulating = [...this.simulations];
      this.simulations.clear();
      this.restart();
      running?.died(error);
      for (const s of simulating) s.died(error);
    };
    const onError = (event: ErrorEvent | MessageEvent) =>
      onDeath('message' in event && typeof event.message === 'string' && event.message ? event.message : 'the analysis worker stopped unexpectedly');
    worker.addEventListener('error', onError as EventListener);
    worker.addEventListener('messageerror', onError as EventListener);
    this.worker = worker;
    const api = wrap<EngineWorkerApi>(worker);
    this.api = api;
    // Terminated from outside, closed or killed: no event at all; the watch notices.
    this.watchLife(worker, api).then(() => onDeath('the analysis worker was stopped'), () => { /* no watch here */ });
    return api;
  }

  private restart(): void {
    for (const s of [...this.simulations]) s.finish({ ok: false, cancelled: true, errors: [] });
    for (const w of [...this.waiting]) w(null);
    this.waiting.clear();
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'the analysis failed';
}
