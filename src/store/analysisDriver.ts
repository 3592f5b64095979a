// The live analysis: every change of the design (or of the what-if failures) is sent,
// a little debounced, to the analysis worker; the latest one wins (the client
// terminates a superseded run); the answer fills the analysis store. A worker that
// dies or a document that does not validate puts the store in its error state; the
// design itself is never touched, and the next edit starts a fresh worker.
import type { Topology } from '../model';
import { AnalysisClient, type AnalysisOutcome } from '../worker/analysisClient';
import type { AnalysisRequest, EngineOptions, SimulationRequest, SimulationResponse } from '../worker/engineApi';
import { useAnalysis, type RowSource } from './analysis';
import { nextTask } from './nextTask';
import { useOpeningOrder } from './openingOrder';
import { failableIds, shownMarksOf, whatIfMarksOf } from './analysisMarks';
import { useDocument } from './document';
import { problemText } from '../model/problemText';

/** What the driver needs from a worker client (an interface, so tests can pass a fake). */
export interface AnalysisRunner {
  run(request: AnalysisRequest): Promise<AnalysisOutcome>;
  /** Simulates the design while it is idle; the next `run` cancels it. */
  simulate?(request: SimulationRequest): Promise<SimulationResponse>;
  /** Stops a simulation under way at once (its answer: cancelled), not after the slice it is playing. */
  cancelSimulation?(): void;
  /** More rows of a list an answer held in part (worker/pageAnswer.ts). */
  rows?: RowSource;
  dispose(): void;
}

/** What the app simulates once the design is idle: DESIGN's 10,000 years, or fewer within 8 s of the worker's time. */
export const APP_SIMULATION: Omit<SimulationRequest, 'document'> = { years: 10_000, seed: 1, timeBudgetMs: 8000 };

export interface DriverOptions {
  /**
   * Milliseconds to wait for more edits before analysing. None by default: edits are whole
   * steps already (a typed value on Enter, a drag on drop), and a newer request supersedes a
   * running one anyway. With 0 the first change of a task is sent at once, before React
   * draws it (React renders a discrete event's update as soon as the handler returns), so the
   * worker analyses while the main thread draws; further changes in the same task go as one
   * request at the end of it.
   */
  debounceMs?: number;
}

/** Whether two documents differ in anything the analysis reads (the `view` is the UI's only). */
export function analysisInputChanged(a: Topology, b: Topology): boolean {
  if (a === b) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('view');
  for (const k of keys) if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return true;
  return false;
}

/** The request for a document: without its view (less to copy), with the what-if failures. */
export function requestOf(doc: Topology, whatIfActive: boolean, failed: Iterable<string>, options?: EngineOptions | null): AnalysisRequest {
  const { view: _view, ...document } = doc;
  const ids = whatIfActive ? failableIds(doc, failed) : [];
  return { document, ...(ids.length > 0 ? { failed: ids } : {}), ...(options ? { options } : {}) };
}

/** Applies one worker outcome to the analysis store, with the marks for this document. */
export function applyOutcome(doc: Topology, outcome: AnalysisOutcome): void {
  const store = useAnalysis.getState();
  if (outcome.status === 'superseded') return;
  if (outcome.status === 'failed') {
    store.setError(`The analysis stopped: ${outcome.error}. Your design is unchanged; the next edit starts it again.`);
    return;
  }
  const r = outcome.response;
  if (!r.ok) {
    store.setError('The design cannot be analysed until these problems are fixed', r.errors.map((p) => problemText(doc, p)));
    return;
  }
  store.setResult(r, shownMarksOf(doc, r.report, r.whatIf), whatIfMarksOf(r.whatIf));
}

/** Starts the driver; returns a function that stops it (and its worker). */
export function startAnalysisDriver(runner: AnalysisRunner = new AnalysisClient(), opts: DriverOptions = {}): () => void {
  const debounceMs = opts.debounceMs ?? 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** A change was sent in this task already; `queued`: another one came after it. */
  let inTask = false;
  let queued = false;
  let latest = 0;
  let lastDoc: Topology | null = null;
  let lastFailed = '';
  let lastOptions: EngineOptions | null = null;
  /** The design on the page is an opened one whose layout is not drawn yet (openingOrder.ts). */
  const isHeld = () => {
    const design = useOpeningOrder.getState().design;
    return design !== null && !analysisInputChanged(design, useDocument.getState().doc);
  };
  const layoutDrawn = () => new Promise<void>((resolve) => {
    if (!isHeld()) return resolve();
    const stop = useOpeningOrder.subscribe(() => {
      if (isHeld()) return;
      stop();
      resolve();
    });
  });

  const analyse = async () => {
    timer = undefined;
    queued = false;
    const seq = ++latest;
    const doc = useDocument.getState().doc;
    const { whatIf, engineOptions } = useAnalysis.getState();
    const request = requestOf(doc, whatIf.active, whatIf.failed, engineOptions);
    const outcome = await runner.run(request);
    // A newer request is on its way: this answer describes an older design.
    if (seq !== latest) return;
    applyOutcome(doc, outcome);
    // Idle now: simulate the design (not in what-if mode: its figures would not be what-if figures).
    if (runner.simulate && outcome.status === 'done' && outcome.response.ok && request.failed === undefined && !whatIf.active) {
      // Sent in a task after this one, which draws the result: the request copies the whole design.
      await nextTask();
      // Not while an opened design is laid out: the two workers would take both cores.
      await layoutDrawn();
      if (seq !== latest) return;
      useAnalysis.getState().setSimulation({ status: 'running' });
      const answer = await runner.simulate({ document: request.document, ...APP_SIMULATION });
      if (seq !== latest) return;
      if (answer.ok) useAnalysis.getState().setSimulation({ status: 'done', result: answer });
      else useAnalysis.getState().setSimulation(answer.cancelled ? { status: 'none' } : { status: 'error', error: answer.errors.join('; ') });
    }
  };

  const schedule = () => {
    // An opened design waiting for its layout is drawn first: its request (a copy of the whole
    // design) goes in the next task, not in the one that draws it.
    if (debounceMs === 0 && !isHeld()) {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (!inTask) {
        inTask = true;
        queueMicrotask(() => {
          inTask = false;
          if (queued) void analyse();
        });
        void analyse();
      } else {
        queued = true;
      }
    } else {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void analyse(), debounceMs);
    }
    const store = useAnalysis.getState();
    store.setRunning();
    // The simulated years describe the design before this change.
    if (store.simulation.status !== 'none') store.setSimulation({ status: 'none' });
  };

  const check = () => {
    const doc = useDocument.getState().doc;
    const { whatIf, engineOptions } = useAnalysis.getState();
    const failed = whatIf.active ? [...whatIf.failed].sort().join('\n') : '';
    const changed = lastDoc === null || analysisInputChanged(lastDoc, doc) || failed !== lastFailed || engineOptions !== lastOptions;
    lastDoc = doc;
    lastFailed = failed;
    lastOptions = engineOptions;
    if (changed) schedule();
  };

  // A new design opened: the old one's simulation stops now. The next `run` would stop it only
  // after its slice, and a large design's slice (or its start) takes seconds that the new
  // design's analysis, and so its layout, would wait.
  const stopOpenings = useOpeningOrder.subscribe((s, prev) => {
    if (s.openings === prev.openings) return;
    runner.cancelSimulation?.();
    useAnalysis.getState().forgetResult();
  });
  if (runner.rows) useAnalysis.setState({ rowSource: (answer, list, from, count) => runner.rows!(answer, list, from, count) });
  const stopDoc = useDocument.subscribe(check);
  const stopAnalysis = useAnalysis.subscribe((s, prev) => {
    if (s.whatIf.failed !== prev.whatIf.failed || s.whatIf.active !== prev.whatIf.active || s.engineOptions !== prev.engineOptions) check();
  });
  check();
  return () => {
    stopOpenings();
    stopDoc();
    stopAnalysis();
    if (timer !== undefined) clearTimeout(timer);
    queued = false;
    latest++;
    useAnalysis.setState({ rowSource: null });
    runner.dispose();
  };
}
