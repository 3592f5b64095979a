// The client against a stand-in worker: a MessageChannel with the engine API exposed on
// its far end, so comlink runs for real; terminate() and error events are simulated.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisClient } from '../../src/worker/analysisClient';
import { rowsOf, runAnalysisForPage, runPlan, simulationAnswer, startSimulation, type AnalysisCache, type AnalysisRequest, type SimulationRequest } from '../../src/worker/engineApi';
import { SimulationRun } from '../../src/engine/simulate';
import { FakeWorker } from './fakeWorker';

const example = JSON.parse(readFileSync('examples/three-tier.spof.json', 'utf8'));

const workers: FakeWorker[] = [];
/** The stand-in for the Web Lock watch: the fake worker's own `gone`. */
const watch = (w: Worker) => (w as unknown as FakeWorker).gone;
/** Lets comlink's messages and the watch's promises run. */
const settle = () => new Promise((r) => setTimeout(r, 20));
afterEach(() => {
  for (const w of workers) w.terminate();
  workers.length = 0;
});

/** Workers whose analysis (and simulation) waits for `release()` (a slow one), or answers at once. */
function factory(opts: { hold?: boolean } = {}) {
  let release: () => void = () => {};
  let calls = 0;
  let simulations = 0;
  const api = {
    runAnalysis: async (r: AnalysisRequest) => {
      calls++;
      if (opts.hold) await new Promise<void>((resolve) => (release = resolve));
      return runAnalysisForPage(r);
    },
    runPlan,
    simulate: async (r: SimulationRequest) => {
      simulations++;
      if (opts.hold) await new Promise<void>((resolve) => (release = resolve));
      const run = startSimulation(r);
      if (!(run instanceof SimulationRun)) return run;
      run.step();
      return simulationAnswer(run);
    },
  };
  return {
    calls: () => calls,
    simulations: () => simulations,
    create: () => {
      const w = new FakeWorker(api);
      workers.push(w);
      return w as unknown as Worker;
    },
    release: () => release(),
  };
}

describe('the analysis client', () => {
  it('answers a request through the worker', async () => {
    const client = new AnalysisClient(factory().create, watch);
    const outcome = await client.run({ document: example });
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done' && outcome.response.ok) expect(outcome.response.report.spofs.length).toBeGreaterThan(0);
    client.dispose();
  });

  it('prepare() starts the worker ahead of the first request, which then runs in it (the plan\'s worker, started while the report is read)', async () => {
    const client = new AnalysisClient(factory().create, watch);
    client.prepare();
    expect(workers).toHaveLength(1);
    client.prepare();
    const outcome = await client.plan({ document: example, target: 0.9999 });
    expect(workers).toHaveLength(1);
    expect(outcome.status === 'done' && outcome.response.ok && outcome.response.plan.met).toBe(true);
    client.dispose();
  });

  it('gives rows of the answer its worker holds; none of another, none while an analysis runs, none once that worker is gone', async () => {
    // The worker's side: its cache holds its last analysis, whose rows the page asks for.
    const cache: { last?: AnalysisCache } = {};
    let release: () => void = () => {};
    let hold = false;
    const client = new AnalysisClient(() => {
      const w = new FakeWorker({
        runAnalysis: async (r: AnalysisRequest) => {
          if (hold) await new Promise<void>((resolve) => (release = resolve));
          return runAnalysisForPage(r, cache);
        },
        rows: (answer: string, list: 'findings', from: number, count: number) => rowsOf(cache, answer, list, from, count),
      });
      workers.push(w);
      return w as unknown as Worker;
    }, watch);
    const outcome = await client.run({ document: example });
    if (outcome.status !== 'done' || !outcome.response.ok) throw new Error('expected an answer');
    const { answer } = outcome.response.partial!;
    const all = outcome.response.insight.findings;
    expect(all.length).toBeGreaterThan(2);
    expect(await client.rows(answer, 'findings', 1, 2)).toEqual(all.slice(1, 3));
    expect(await client.rows('another', 'findings', 0, 2)).toBeNull();
    hold = true;
    const next = client.run({ document: { ...example, name: 'changed' } });
    expect(await client.rows(answer, 'findings', 0, 2)).toBeNull();
    await settle();
    release();
    await next;
    // The worker now holds the newer analysis: the old answer's rows are gone.
    expect(await client.rows(answer, 'findings', 0, 2)).toBeNull();
    client.dispose();
    expect(await client.rows(answer, 'findings', 0, 2)).toBeNull();
  });

  it('a new request supersedes the running one: its worker is terminated, a fresh one answers', async () => {
    const f = factory({ hold: true });
    const client = new AnalysisClient(f.create, watch);
    const first = client.run({ document: example });
    await new Promise((r) => setTimeout(r, 20));
    const second = client.run({ document: example, failed: ['dns'] });
    expect(await first).toEqual({ status: 'superseded' });
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 20));
    f.release();
    const outcome = await second;
    expect(outcome.status).toBe('done');
    client.dispose();
  });

  it('a crashed worker is replaced and the request it was answering is sent again', async () => {
    const f = factory({ hold: true });
    const client = new AnalysisClient(f.create, watch);
    const pending = client.run({ document: example });
    await expect.poll(f.calls).toBe(1);
    workers[0].crash();
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    await expect.poll(f.calls).toBe(2);
    f.release();
    expect((await pending).status).toBe('done');
    client.dispose();
  });

  it('a worker gone without a word (terminated from outside) is noticed, replaced, and the analysis sent again', async () => {
    const f = factory({ hold: true });
    const client = new AnalysisClient(f.create, watch);
    const pending = client.run({ document: example });
    await expect.poll(f.calls).toBe(1);
    workers[0].vanish();
    await expect.poll(f.calls).toBe(2);
    expect(workers).toHaveLength(2);
    f.release();
    expect((await pending).status).toBe('done');
    // Workers this client terminates itself (superseded) are not deaths: no extra worker, no resend.
    const first = client.run({ document: example });
    await expect.poll(f.calls).toBe(3);
    const second = client.run({ document: example });
    expect(await first).toEqual({ status: 'superseded' });
    await expect.poll(f.calls).toBe(4);
    f.release();
    expect((await second).status).toBe('done');
    await settle();
    expect(workers).toHaveLength(3);
    expect(f.calls()).toBe(4);
    client.dispose();
  });

  it('a request whose worker dies again is failed and said; the next request gets a fresh worker', async () => {
    const f = factory({ hold: true });
    const client = new AnalysisClient(f.create, watch);
    const pending = client.run({ document: example });
    await expect.poll(f.calls).toBe(1);
    workers[0].crash();
    await expect.poll(f.calls).toBe(2);
    workers[1].vanish();
    expect(await pending).toEqual({ status: 'failed', error: 'the analysis worker was stopped' });
    const next = client.run({ document: example });
    await expect.poll(f.calls).toBe(3);
    expect(workers).toHaveLength(3);
    f.release();
    expect((await next).status).toBe('done');
    client.dispose();
  });

  it('a simulation whose worker is terminated from outside is sent again to the fresh worker (issue 14)', async () => {
    const f = factory({ hold: true });
    const client = new AnalysisClient(f.create, watch);
    const pending = client.simulate({ document: example, years: 20, seed: 1 });
    await expect.poll(f.simulations).toBe(1);
    workers[0].vanish();
    await expect.poll(f.simulations).toBe(2);
    expect(workers).toHaveLength(2);
    f.release();
    const answer = await pending;
    expect(answer.ok).toBe(true);
    if (answer.ok) expect(answer.report.years).toBe(20);
    client.dispose();
  });

  it('a simulation whose worker crashes twice ends failed and said, not left running; a newer request still cancels one', async () => {
    const f = factory({ hold: true });
    const client = new AnalysisClient(f.create, watch);
    const pending = client.simulate({ document: example, years: 20, seed: 1 });
    await expect.poll(f.simulations).toBe(1);
    workers[0].crash();
    await expect.poll(f.simulations).toBe(2);
    workers[1].crash();
    expect(await pending).toEqual({ ok: false, cancelled: false, errors: ['worker crashed'] });
    expect(f.simulations()).toBe(2);
    // Cancelled (not sent again) when the client replaces its own worker.
    const again = client.simulate({ document: example, years: 20, seed: 1 });
    await expect.poll(f.simulations).toBe(3);
    client.dispose();
    expect(await again).toEqual({ ok: false, cancelled: true, errors: [] });
    await settle();
    expect(f.simulations()).toBe(3);
  });

  it('cancelSimulation (a new design opened): the simulation ends cancelled at once, its worker replaced, not sent again; the next analysis runs in a fresh worker', async () => {
    const f = factory({ hold: true });
    const client = new AnalysisClient(f.create, watch);
    // Nothing simulating: nothing replaced.
    client.cancelSimulation();
    expect(workers).toHaveLength(0);
    const pending = client.simulate({ document: example, years: 20, seed: 1 });
    await expect.poll(f.simulations).toBe(1);
    client.cancelSimulation();
    expect(await pending).toEqual({ ok: false, cancelled: true, errors: [] });
    expect(workers[0].terminated).toBe(true);
    const next = client.run({ document: example });
    expect(workers).toHaveLength(2);
    await expect.poll(f.calls).toBe(1);
    f.release();
    expect((await next).status).toBe('done');
    await settle();
    expect(f.simulations()).toBe(1);
    client.dispose();
  });

  it('runs a plan in the worker', async () => {
    const client = new AnalysisClient(factory().create, watch);
    const outcome = await client.plan({ document: example, target: 0.99 });
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done') expect(outcome.response.ok).toBe(true);
    client.dispose();
  });
});
