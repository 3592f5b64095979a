// Browser only: the auto-layout in its own Web Worker (src/worker/layout.worker.ts),
// ELK and the nesting both, so a 500-component design never freezes the page.
// Nothing of elkjs is in the initial bundle: the worker (~1.5 MB with ELK) is
// fetched on the first layout and then kept for the next ones. Node code (tests,
// bench, CLI) calls layoutTopology with elk.bundled.js and never imports this file.
import { wrap, type Remote } from 'comlink';
import type { Topology } from '../model';
import type { LayoutWorkerApi } from '../worker/layout.worker';
import type { LayoutOptions, LayoutResult } from './types';

/**
 * A layout that takes longer is abandoned and its worker replaced (a hung worker answers
 * nothing): a minute, and 60 ms more per component past 1,000. Generous: above 500
 * components the layering is linear (quickLayering.ts) and 5,000 take about 2 s of CPU, but
 * on a busy shared machine the wall time is many times that.
 */
const layoutTimeoutMs = (t: Topology) => Math.max(60_000, t.components.length * 60);

interface Running {
  worker: Worker;
  api: Remote<LayoutWorkerApi>;
  /** The layouts waiting on this worker: each is rejected when it dies. */
  waiting: Set<(error: Error) => void>;
}

let running: Running | null = null;

function ensureWorker(): Running {
  if (running) return running;
  const worker = new Worker(new URL('../worker/layout.worker.ts', import.meta.url), { type: 'module', name: 'spof-layout' });
  const current: Running = { worker, api: wrap<LayoutWorkerApi>(worker), waiting: new Set() };
  // A worker that fails to load or crashes rejects nothing through comlink: catch it here.
  const die = (event: Event) => {
    const message = event instanceof ErrorEvent && event.message ? event.message : 'the layout worker stopped unexpectedly';
    for (const reject of current.waiting) reject(new Error(message));
    stop(current);
  };
  worker.addEventListener('error', die);
  worker.addEventListener('messageerror', die);
  running = current;
  return current;
}

function stop(r: Running): void {
  r.worker.terminate();
  if (running === r) running = null;
}

/** Lays out `t` off the main thread; see layoutTopology for the options and the coordinate convention. */
export async function layoutInWorker(t: Topology, opts: LayoutOptions = {}): Promise<LayoutResult> {
  const r = ensureWorker();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onDeath: (error: Error) => void = () => {};
  const failure = new Promise<never>((_, reject) => {
    onDeath = reject;
    r.waiting.add(reject);
    const limit = layoutTimeoutMs(t);
    timer = setTimeout(() => reject(new Error(`auto-layout took longer than ${limit / 1000} s and was stopped`)), limit);
  });
  try {
    return await Promise.race([r.api.layout(t, opts), failure]);
  } catch (error) {
    // The worker may be dead or stuck: the next layout starts a fresh one.
    stop(r);
    throw error;
  } finally {
    clearTimeout(timer);
    r.waiting.delete(onDeath);
  }
}
