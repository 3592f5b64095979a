// Browser only: the auto-layout with ELK running in its own Web Worker (elkjs's
// worker build), so a 500-component design never freezes the page. Nothing of
// elkjs is in the initial bundle: the API, the worker (~1.5 MB) and the layout
// code load on the first call. Node code (tests, bench, CLI) calls layoutTopology
// with elk.bundled.js instead and never imports this file.
import type { Topology } from '../model';
import type { ElkLayouter, LayoutOptions, LayoutResult } from './types';

/** A layout that takes longer is abandoned and its worker replaced (a hung worker answers nothing). */
const LAYOUT_TIMEOUT_MS = 60_000;

interface ElkInWorker extends ElkLayouter {
  terminateWorker(): void;
}

let elkLoading: Promise<ElkInWorker> | null = null;

function elkInWorker(): Promise<ElkInWorker> {
  elkLoading ??= (async () => {
    const [{ default: ELK }, { default: ElkWorker }] = await Promise.all([
      import('elkjs/lib/elk-api.js'),
      import('elkjs/lib/elk-worker.min.js?worker'),
    ]);
    return new ELK({ workerFactory: () => new ElkWorker({ name: 'spof-layout' }) });
  })();
  // A failed load (offline, a bad deploy) is retried on the next call, not cached.
  elkLoading.catch(() => (elkLoading = null));
  return elkLoading;
}

/** Lays out `t` (see layoutTopology for the options and the coordinate convention) off the main thread. */
export async function layoutInWorker(t: Topology, opts: LayoutOptions = {}): Promise<LayoutResult> {
  const [{ layoutTopology }, elk] = await Promise.all([import('./layoutTopology'), elkInWorker()]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`auto-layout took longer than ${LAYOUT_TIMEOUT_MS / 1000} s and was stopped`)), LAYOUT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([layoutTopology(t, { ...opts, elk }), timeout]);
  } catch (error) {
    // The worker may be dead or stuck: drop it so the next layout starts a fresh one.
    elk.terminateWorker();
    elkLoading = null;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
