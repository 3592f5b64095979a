// The layout Web Worker: a thin shim exposing the pure auto-layout (src/layout) with
// comlink. All of it runs here, ELK (elk.bundled.js, computing in this thread) and
// the nesting around ELK's layering, so a 500-component layout never blocks the page.
// ELK (about 1.5 MB, 447 KB gzip) is fetched and evaluated only when a layout needs it:
// above 500 components or 2,000 links the layering is quickLayering.ts's and ELK never runs.
// elk.bundled.js sets its own `self.onmessage`; comlink listens with addEventListener,
// and the two coexist (TOOLCHAIN.md). Do not assign `self.onmessage` here.
import { expose } from 'comlink';
import { layoutTopology } from '../layout/layoutTopology';
import { lazyElk } from '../layout/lazyElk';
import type { LayoutOptions, LayoutResult } from '../layout/types';
import type { Topology } from '../model';

const elk = lazyElk(() => import('elkjs/lib/elk.bundled.js'));

const api = {
  layout: (t: Topology, opts: LayoutOptions): Promise<LayoutResult> => layoutTopology(t, { ...opts, elk }),
};
export type LayoutWorkerApi = typeof api;

expose(api);
