// @vitest-environment happy-dom
// The order of the workers when a large design without positions opens (src/store/openingOrder.ts):
// its analysis first, then its layout, then its simulation once the laid-out design is drawn.
// Both workers are the shared stand-in (a MessageChannel, comlink for real); the test says when
// each analysis and each layout answers. Nothing here depends on how long anything takes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { replaceDocument } from '../../src/commands/documents';
import type { LayoutResult } from '../../src/layout/types';
import type { Topology } from '../../src/model';
import { useAnalysis } from '../../src/store/analysis';
import { startAnalysisDriver } from '../../src/store/analysisDriver';
import { useDocument } from '../../src/store/document';
import { ORDERED_PAST } from '../../src/store/openingOrder';
import { AnalysisClient } from '../../src/worker/analysisClient';
import { runAnalysisForPage, type AnalysisRequest, type SimulationResponse } from '../../src/worker/engineApi';
import type { PackedAnswer } from '../../src/worker/pageAnswer';
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
const laidOut = () => useDocument.getState().doc.view?.positions?.c0?.x === LAID_OUT_X;

/** What the workers were asked, in order, and whether the laid-out design was on the page then. */
let asked: { what: 'analysis' | 'layout' | 'simulation'; components: number; laidOut: boolean }[];
/** Analyses and layouts waiting for the test to answer them. */
let analyses: (() => void)[];
let layouts: (() => void)[];

class LayoutWorker extends FakeWorker {
  constructor() {
    super({
      layout: (design: Topology) => new Promise<LayoutResult>((resolve) => {
        asked.push({ what: 'layout', components: design.components.length, laidOut: laidOut() });
        layouts.push(() => resolve({ positions: withPositions(design).view!.positions!, sizes: {} }));
      }),
    });
  }
}

/** Simulations hold their worker until the end of the test, as a large design's slice holds a real one for seconds. */
let simulationsHold = false;
/** Every analysis worker made, in order. */
let analysisWorkers: FakeWorker[];

const analysisWorker = () => {
  // One thread, as a real worker: an analysis asked while a simulation holds it waits.
  let held: Promise<void> = Promise.resolve();
  const worker = new FakeWorker({
    runAnalysis: async (request: AnalysisRequest) => {
      await held;
      return new Promise<PackedAnswer>((resolve) => {
        asked.push({ what: 'analysis', components: (request.document as Topology).components.length, laidOut: laidOut() });
        analyses.push(() => resolve(runAnalysisForPage(request)));
      });
    },
    simulate: (): SimulationResponse | Promise<SimulationResponse> => {
      asked.push({ what: 'simulation', components: useDocument.getState().doc.components.length, laidOut: laidOut() });
      if (simulationsHold) {
        held = new Promise(() => {});
        return new Promise(() => {});
      }
      return { ok: false, cancelled: true, errors: [] };
    },
  });
  analysisWorkers.push(worker);
  return worker as unknown as Worker;
};

let stop: () => void;
let client: AnalysisClient;
/** Lets comlink's messages and the tasks between the steps run (real timers, a few turns). */
const turns = () => new Promise((r) => setTimeout(r, 20));
// vi.waitFor gives up after 1 s by default: under load the workers' answers took longer (a red land at load 11).
const SETTLE = { timeout: 30_000 };
const whats = () => asked.map((a) => a.what);

beforeEach(async () => {
  simulationsHold = false;
  analysisWorkers = [];
  asked = [];
  analyses = [];
  layouts = [];
  vi.stubGlobal('Worker', LayoutWorker);
  freshStore();
  client = new AnalysisClient(analysisWorker, () => new Promise(() => {}));
  stop = startAnalysisDriver(client);
  // The empty design's own analysis and simulation, out of the way.
  await vi.waitFor(() => expect(analyses).toHaveLength(1), SETTLE);
  analyses.shift()!();
  await vi.waitFor(() => expect(whats()).toContain('simulation'), SETTLE);
  asked = [];
});

afterEach(async () => {
  stop();
  // The layout client keeps its worker: let every layout asked answer before the next test.
  for (const answer of layouts) answer();
  await turns();
  vi.unstubAllGlobals();
});

describe('opening a large design without positions', () => {
  const large = () => unplaced(ORDERED_PAST + 1);

  it('analyses it first, lays it out once the answer is in, and simulates it once the layout is drawn', async () => {
    const run = vi.spyOn(client, 'run');
    replaceDocument(large(), 'Open chain');
    // Not in the task that draws the opened design: the request copies all of it.
    expect(run).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(analyses).toHaveLength(1), SETTLE);
    await turns();
    expect(whats()).toEqual(['analysis']);
    expect(useAnalysis.getState().status).toBe('running');
    analyses.shift()!();
    await vi.waitFor(() => expect(layouts).toHaveLength(1), SETTLE);
    expect(useAnalysis.getState().status).toBe('idle');
    expect(useAnalysis.getState().report?.spofs.length).toBeGreaterThan(0);
    await turns();
    // The answer is shown on the rough placement; the simulation waits for the layout.
    expect(whats()).toEqual(['analysis', 'layout']);
    layouts.shift()!();
    await vi.waitFor(() => expect(whats()).toEqual(['analysis', 'layout', 'simulation']), SETTLE);
    expect(asked.map((a) => a.laidOut)).toEqual([false, false, true]);
    expect(asked[2].components).toBe(ORDERED_PAST + 1);
  });

  it('analyses and simulates an edit made during the layout at once; the layout is then dropped', async () => {
    replaceDocument(large(), 'Open chain');
    await vi.waitFor(() => expect(analyses).toHaveLength(1), SETTLE);
    analyses.shift()!();
    await vi.waitFor(() => expect(layouts).toHaveLength(1), SETTLE);
    asked = [];
    useDocument.getState().updateComponent('c1', { availability: 0.9 });
    await vi.waitFor(() => expect(analyses).toHaveLength(1), SETTLE);
    analyses.shift()!();
    await vi.waitFor(() => expect(whats()).toEqual(['analysis', 'simulation']), SETTLE);
    const shown = useDocument.getState().doc;
    layouts.shift()!();
    await turns();
    await turns();
    // The layout described the design before the edit.
    expect(useDocument.getState().doc).toBe(shown);
    expect(laidOut()).toBe(false);
  });
});

describe('opening a design while the one before is simulated', () => {
  it('stops that simulation at once (its worker replaced): the new design\'s analysis, layout and simulation do not wait for it', async () => {
    simulationsHold = true;
    replaceDocument(withPositions(unplaced(10)), 'Open small');
    await vi.waitFor(() => expect(analyses).toHaveLength(1), SETTLE);
    analyses.shift()!();
    await vi.waitFor(() => expect(whats()).toEqual(['analysis', 'simulation']), SETTLE);
    expect(useAnalysis.getState().simulation.status).toBe('running');
    asked = [];
    const simulating = analysisWorkers[analysisWorkers.length - 1];
    // The simulation still holds its worker (it never ends here): the opening goes on without it.
    replaceDocument(unplaced(ORDERED_PAST + 1), 'Open chain');
    expect(simulating.terminated).toBe(true);
    expect(useAnalysis.getState().simulation.status).toBe('none');
    await vi.waitFor(() => expect(analyses).toHaveLength(1), SETTLE);
    expect(analysisWorkers[analysisWorkers.length - 1]).not.toBe(simulating);
    expect(asked[0]).toMatchObject({ what: 'analysis', components: ORDERED_PAST + 1 });
    analyses.shift()!();
    await vi.waitFor(() => expect(layouts).toHaveLength(1), SETTLE);
    layouts.shift()!();
    await vi.waitFor(() => expect(whats()).toEqual(['analysis', 'layout', 'simulation']), SETTLE);
    expect(asked[2]).toMatchObject({ components: ORDERED_PAST + 1, laidOut: true });
  });
});

describe('opening a design with nothing to order', () => {
  it('analyses and simulates a large design with positions at once, with no layout', async () => {
    replaceDocument(withPositions(unplaced(ORDERED_PAST + 1)), 'Open placed');
    await vi.waitFor(() => expect(analyses).toHaveLength(1), SETTLE);
    analyses.shift()!();
    await vi.waitFor(() => expect(whats()).toEqual(['analysis', 'simulation']), SETTLE);
  });

  it('lays out a small design without waiting for its analysis', async () => {
    replaceDocument(unplaced(ORDERED_PAST), 'Open chain');
    await vi.waitFor(() => expect(layouts).toHaveLength(1), SETTLE);
    // Its analysis is still unanswered.
    expect(analyses).toHaveLength(1);
    expect(useAnalysis.getState().status).toBe('running');
  });
});
