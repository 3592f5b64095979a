// The client against a stand-in worker: a MessageChannel with the engine API exposed on
// its far end, so comlink runs for real; terminate() and error events are simulated.
import { expose } from 'comlink';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisClient } from '../../src/worker/analysisClient';
import { runAnalysis, runPlan, type AnalysisRequest } from '../../src/worker/engineApi';

const example = JSON.parse(readFileSync('examples/three-tier.spof.json', 'utf8'));

class FakeWorker extends EventTarget {
  terminated = false;
  readonly port: MessagePort;
  constructor(api: object) {
    super();
    const channel = new MessageChannel();
    this.port = channel.port1;
    expose(api, channel.port2);
    this.port.addEventListener('message', (e) => this.dispatchEvent(new MessageEvent('message', { data: (e as MessageEvent).data })));
    this.port.start();
  }
  postMessage(data: unknown, transfer?: Transferable[]): void {
    if (!this.terminated) this.port.postMessage(data, transfer ?? []);
  }
  terminate(): void {
    this.terminated = true;
    this.port.close();
  }
  /** A crash: the worker reports an error event and answers nothing more. */
  crash(): void {
    this.dispatchEvent(Object.assign(new Event('error'), { message: 'worker crashed' }));
  }
}

const workers: FakeWorker[] = [];
afterEach(() => {
  for (const w of workers) w.terminate();
  workers.length = 0;
});

/** Workers whose analysis waits for `release()` (a slow analysis), or answers at once. */
function factory(opts: { hold?: boolean } = {}) {
  let release: () => void = () => {};
  const api = {
    runAnalysis: async (r: AnalysisRequest) => {
      if (opts.hold) await new Promise<void>((resolve) => (release = resolve));
      return runAnalysis(r);
    },
    runPlan,
  };
  return {
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
    const client = new AnalysisClient(factory().create);
    const outcome = await client.run({ document: example });
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done' && outcome.response.ok) expect(outcome.response.report.spofs.length).toBeGreaterThan(0);
    client.dispose();
  });

  it('a new request supersedes the running one: its worker is terminated, a fresh one answers', async () => {
    const f = factory({ hold: true });
    const client = new AnalysisClient(f.create);
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

  it('a crashed worker fails the request and is replaced on the next one', async () => {
    const f = factory({ hold: true });
    const client = new AnalysisClient(f.create);
    const pending = client.run({ document: example });
    await new Promise((r) => setTimeout(r, 20));
    workers[0].crash();
    expect(await pending).toEqual({ status: 'failed', error: 'worker crashed' });
    expect(workers[0].terminated).toBe(true);
    const next = client.run({ document: example });
    expect(workers).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 20));
    f.release();
    expect((await next).status).toBe('done');
    client.dispose();
  });

  it('runs a plan in the worker', async () => {
    const client = new AnalysisClient(factory().create);
    const outcome = await client.plan({ document: example, target: 0.99 });
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done') expect(outcome.response.ok).toBe(true);
    client.dispose();
  });
});
