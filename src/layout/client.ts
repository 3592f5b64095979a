// Browser only: the auto-layout in its own Web Worker (src/worker/layout.worker.ts),
// ELK and the nesting both, so a 500-component design never freezes the page.
// Nothing of elkjs is in the initial bundle: the worker (~60 KB) is fetched on the
// first layout and then kept for the next ones; it fetches ELK (~1.5 MB) only for a
// design small enough to be layered by ELK (src/layout/lazyElk.ts). Node code (tests,
// bench, CLI) calls layoutTopology with elk.bundled.js and never imports this file.
import { wrap, type Remote } from 'comlink';
import type { Topology } from '../model';
import type { LayoutWorkerApi } from '../worker/layout.worker';
import type { LayoutOptions, LayoutResult } from './types';

/**
 * A layout that takes longer is abandoned and its worker replaced (a hung worker answers
 * nothing): a minute, and 60 ms more per component past 1,000. Generous: above 500
 * components or 2,000 links the layering is linear (quickLayering.ts, isLargeDesign) and the
 * whole estate at the limits takes about 12 s of CPU, but on a busy shared machine the wall
 * time is many times that.
 */
const layoutTimeoutMs = (t: Topology) => Math.max(60_000, t.components.length * 60);

/** A layout stopped at its time limit (a busy machine, a very large design): the caller says so in its words. */
export class LayoutTimeout extends Error {
  constructor(readonly limitMs: number) {
    super(`the layout took longer than ${formatSeconds(limitMs)} and was stopped`);
    this.name = 'LayoutTimeout';
  }
}

const formatSeconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

let limitForTests: number | undefined;

/**
 * End-to-end tests only (the `?harness` hook): a fixed time limit in place of the computed
 * one; 0 stops every layout before the worker can answer, undefined restores the real limit.
 */
export function setLayoutTimeLimit(ms: number | undefined): void {
  limitForTests = ms;
}

let heldForTests: { released: Promise<void>; release: () => void } | null = null;

/**
 * End-to-end tests only (the `?harness` hook): while held, layouts wait before they start, so
 * a test can act on the rough placement with no race against the worker; false lets them go.
 */
export function holdLayouts(held: boolean): void {
  if (held && !heldForTests) {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    heldForTests = { released, release };
  } else if (!held && heldForTests) {
    heldForTests.release();
    heldForTests = null;
  }
}

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
  if (heldForTests) await heldForTests.released;
  const r = ensureWorker();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onDeath: (error: Error) => void = () => {};
  const failure = new Promise<never>((_, reject) => {
    onDeath = reject;
    r.waiting.add(reject);
    const limit = limitForTests ?? layoutTimeoutMs(t);
    const timedOut = () => reject(new LayoutTimeout(limit));
    // A limit of 0 rejects before any answer can arrive (a worker's message is a later task): no race.
    if (limit <= 0) timedOut();
    else timer = setTimeout(timedOut, limit);
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
