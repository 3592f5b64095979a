// @vitest-environment happy-dom
// The order of the two workers when a large design without positions opens: the layout
// first, the analysis once the laid-out design is drawn (src/store/analysisHold.ts). Both
// workers are the shared stand-in (a MessageChannel, comlink for real); the test says when
// the layout answers. Nothing here depends on how long anything takes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replaceDocument } from '../../src/commands/documents';
import type { LayoutResult } from '../../src/layout/types';
import type { Topology } from '../../src/model';
import { useAnalysis } from '../../src/store/analysis';
import { startAnalysisDriver } from '../../src/store/analysisDriver';
import { HELD_PAST } from '../../src/store/analysisHold';
import { useDocument } from '../../src/store/document';
import { AnalysisClient } from '../../src/worker/analysisClient';
import { runAnalysis, type AnalysisRequest } from '../../src/worker/engineApi';
import { FakeWorker } from '../worker/fakeWorker';
import { freshStore } from './helpers';

/** A design of `n` components in a chain, without positions (as a hand-written file or a Mermaid import). */
function unplaced(n: number): Topology {
  const ids = Array.from({ length: n }, (_, i) => `c${i}`);
  return {
    format: 'spof-topology',
    version: 2,
    name: `chain of ${n}`,
    domains: [],
    components: ids.map((id, i) => ({ id, kind: i === 0 ? ('client' as const) : ('app' as const) })),
    links: ids.slice(1).map((id, i) => ({ from: ids[i], to: id })),
  } as Topology;
}

/** Where the stand-in layout puts every component: no rough placement puts them there. */
const LAID_OUT_X = 7777;
const withPositions = (t: Topology): Topology => ({ ...t, view: { positions: Object.fromEntries(t.components.map((c, i) => [c.id, { x: LAID_OUT_X, y: i * 100 }])) } });

/** Each analysis request the worker got, and whether the design on the page was laid out by then. */
let sent: { request: AnalysisRequest; laidOut: boolean }[];
/** Layouts asked of the layout worker, each answered when the test says. */
let layouts: { design: Topology; answer: () => void }[];

class LayoutWorker extends FakeWorker {
  constructor() {
    super({
      layout: (design: Topology) => new Promise<LayoutResult>((resolve) => {
        layouts.push({ design, answer: () => resolve({ positions: withPositions(design).view!.positions!, sizes: {} }) });
      }),
    });
  }
}

let stop: () => void;
/** Lets comlink's messages and the tasks between the steps run (real timers, a few turns). */
const turns = () => new Promise((r) => setTimeout(r, 20));
const doc = () => useDocument.getState().doc;

beforeEach(() => {
  sent = [];
  layouts = [];
  vi.stubGlobal('Worker', LayoutWorker);
  freshStore();
  const analysisWorker = () => new FakeWorker({
    runAnalysis: (request: AnalysisRequest) => {
      sent.push({ request, laidOut: doc().view?.positions?.c0?.x === LAID_OUT_X });
      return runAnalysis(request);
    },
    simulate: () => ({ ok: false, cancelled: true, errors: [] }),
  }) as unknown as Worker;
  stop = startAnalysisDriver(new AnalysisClient(analysisWorker, () => new Promise(() => {})));
});

afterEach(async () => {
  stop();
  // The layout client keeps its worker: let every layout asked answer before the next test.
  for (const l of layouts) l.answer();
  await turns();
  vi.unstubAllGlobals();
});

describe('opening a large design without positions', () => {
  const large = () => unplaced(HELD_PAST + 1);

  it('analyses it only once the laid-out design is on the page, and says it is analysing meanwhile', async () => {
    await vi.waitFor(() => expect(useAnalysis.getState().status).toBe('idle'));
    sent = [];
    replaceDocument(large(), 'Open chain');
    await vi.waitFor(() => expect(layouts).toHaveLength(1));
    await turns();
    expect(sent).toHaveLength(0);
    expect(useAnalysis.getState().status).toBe('running');
    layouts[0].answer();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].laidOut).toBe(true);
    expect((sent[0].request.document as Topology).components).toHaveLength(HELD_PAST + 1);
    await vi.waitFor(() => expect(useAnalysis.getState().status).toBe('idle'));
    expect(useAnalysis.getState().report?.spofs.length).toBeGreaterThan(0);
  });

  it('analyses an edit made during the layout at once, and nothing more when the layout is dropped', async () => {
    replaceDocument(large(), 'Open chain');
    await vi.waitFor(() => expect(layouts).toHaveLength(1));
    sent = [];
    useDocument.getState().updateComponent('c1', { availability: 0.9 });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].laidOut).toBe(false);
    const edited = (sent[0].request.document as Topology).components.find((c) => c.id === 'c1');
    expect(edited?.availability).toBe(0.9);
    const shown = doc();
    layouts[0].answer();
    await vi.waitFor(() => expect(useAnalysis.getState().status).toBe('idle'));
    await turns();
    // The layout described the design before the edit: dropped, and the edit's answer stands.
    expect(doc()).toBe(shown);
    expect(sent).toHaveLength(1);
  });

  it('analyses the design opened next at once when it has positions, the first one’s layout still out', async () => {
    replaceDocument(large(), 'Open chain');
    await vi.waitFor(() => expect(layouts).toHaveLength(1));
    sent = [];
    replaceDocument(withPositions(unplaced(HELD_PAST + 5)), 'Open placed');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect((sent[0].request.document as Topology).components).toHaveLength(HELD_PAST + 5);
  });
});

describe('opening a design that needs no wait', () => {
  it('analyses a large design with positions at once, with no layout', async () => {
    await vi.waitFor(() => expect(useAnalysis.getState().status).toBe('idle'));
    sent = [];
    replaceDocument(withPositions(unplaced(HELD_PAST + 1)), 'Open placed');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(layouts).toHaveLength(0);
  });

  it('analyses a small design without positions at once, beside its layout', async () => {
    await vi.waitFor(() => expect(useAnalysis.getState().status).toBe('idle'));
    sent = [];
    replaceDocument(unplaced(HELD_PAST), 'Open chain');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].laidOut).toBe(false);
    await vi.waitFor(() => expect(layouts).toHaveLength(1));
  });
});
