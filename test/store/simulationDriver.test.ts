// The simulation in the live analysis: asked once the design's analysis is in (the design
// is idle), its answer fills the store, an edit drops the years of the old design and a late
// answer for it is ignored, and what-if mode asks for none.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAnalysis } from '../../src/store/analysis';
import { APP_SIMULATION, startAnalysisDriver, type AnalysisRunner } from '../../src/store/analysisDriver';
import { useDocument } from '../../src/store/document';
import { templateById } from '../../src/templates';
import type { AnalysisOutcome } from '../../src/worker/analysisClient';
import { runAnalysis, simulationAnswer, startSimulation, type AnalysisRequest, type SimulationRequest, type SimulationResponse } from '../../src/worker/engineApi';
import { SimulationRun } from '../../src/engine/simulate';
import { freshStore } from './helpers';

/** Answers analyses at once; simulations wait until the test answers them (with 20 real years). */
class SimulatingRunner implements AnalysisRunner {
  simulations: { request: SimulationRequest; resolve: (r: SimulationResponse) => void }[] = [];
  run(request: AnalysisRequest): Promise<AnalysisOutcome> {
    return Promise.resolve({ status: 'done', response: runAnalysis(request) });
  }
  simulate(request: SimulationRequest): Promise<SimulationResponse> {
    return new Promise((resolve) => this.simulations.push({ request, resolve }));
  }
  finish(k = 0): void {
    const { request, resolve } = this.simulations.splice(k, 1)[0];
    const run = startSimulation({ ...request, years: 20 });
    if (!(run instanceof SimulationRun)) throw new Error('the document did not validate');
    run.step();
    resolve(simulationAnswer(run));
  }
  dispose(): void {}
}

let runner: SimulatingRunner;
let stop: () => void;
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  freshStore(structuredClone(templateById('stage3')!.topology));
  useAnalysis.getState().setWhatIfActive(false);
  useAnalysis.getState().setSimulation({ status: 'none' });
  runner = new SimulatingRunner();
  stop = startAnalysisDriver(runner);
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('the simulation in the live analysis', () => {
  it('starts once the analysis is in, with the app\'s years and seed, and fills the store', async () => {
    await flush();
    expect(runner.simulations).toHaveLength(1);
    expect(runner.simulations[0].request).toMatchObject(APP_SIMULATION);
    expect(useAnalysis.getState().simulation.status).toBe('running');
    runner.finish();
    await flush();
    const s = useAnalysis.getState().simulation;
    expect(s.status).toBe('done');
    if (s.status === 'done') {
      expect(s.result.report.years).toBe(20);
      expect(s.result.histogram.counts.reduce((a, b) => a + b, 0)).toBe(20);
    }
  });

  it('an edit drops the old years at once; the old design\'s late answer is ignored; the new design is simulated', async () => {
    await flush();
    useDocument.getState().updateComponent('db', { availability: 0.9999 });
    expect(useAnalysis.getState().simulation.status).toBe('none');
    runner.finish(0);
    await flush();
    expect(useAnalysis.getState().simulation.status).not.toBe('done');
    expect(runner.simulations).toHaveLength(1);
    expect((runner.simulations[0].request.document as { components: { id: string; availability?: number }[] }).components.find((c) => c.id === 'db')!.availability).toBe(0.9999);
  });

  it('what-if mode asks for no simulation', async () => {
    await flush();
    runner.finish();
    await flush();
    useAnalysis.getState().setWhatIfActive(true);
    useAnalysis.getState().toggleFailed('web1');
    await flush();
    expect(runner.simulations).toHaveLength(0);
    expect(useAnalysis.getState().simulation.status).toBe('none');
  });
});
