// The layout client against a stand-in worker (a MessageChannel with a layout API exposed on
// its far end, so comlink runs for real): a layout past its time limit is stopped with a
// LayoutTimeout and its worker replaced. Timers are faked: nothing here waits on a clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LayoutTimeout, layoutInWorker, setLayoutTimeLimit } from '../../src/layout/client';
import type { LayoutResult } from '../../src/layout/types';
import type { Topology } from '../../src/model';
import { FakeWorker } from '../worker/fakeWorker';

const RESULT: LayoutResult = { positions: { a: { x: 1, y: 2 } }, sizes: {} };

/** Every stand-in worker made, and whether its layouts answer (`answer`) or never do. */
const made: LayoutWorker[] = [];
let answer = true;

/** The shared stand-in, counted, its layouts answering as `answer` says. */
class LayoutWorker extends FakeWorker {
  constructor() {
    super({ layout: () => (answer ? Promise.resolve(RESULT) : new Promise<LayoutResult>(() => {})) });
    made.push(this);
  }
}

function design(components: number): Topology {
  return {
    format: 'spof-topology',
    version: 2,
    name: 'd',
    domains: [],
    components: Array.from({ length: components }, (_, i) => ({ id: `c${i}`, kind: 'app' as const })),
    links: [],
  } as Topology;
}

/** Whether `p` has settled once the pending messages and promises have run (no timer moves). */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(() => (done = true), () => (done = true));
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  return done;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.stubGlobal('Worker', LayoutWorker);
  answer = true;
});

afterEach(async () => {
  // The client keeps its worker between layouts: end the last one with a failed layout.
  setLayoutTimeLimit(0);
  await layoutInWorker(design(1)).catch(() => {});
  setLayoutTimeLimit(undefined);
  made.length = 0;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('layoutInWorker', () => {
  it('returns the worker’s layout and keeps the worker for the next one', async () => {
    expect(await layoutInWorker(design(3))).toEqual(RESULT);
    expect(await layoutInWorker(design(3))).toEqual(RESULT);
    expect(made).toHaveLength(1);
    expect(made[0].terminated).toBe(false);
  });

  it('stops a layout at a minute, says so, and lays out the next one in a fresh worker', async () => {
    answer = false;
    const pending = layoutInWorker(design(3));
    const outcome = pending.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(await settled(pending)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(LayoutTimeout);
    expect((error as LayoutTimeout).message).toBe('the layout took longer than 60 s and was stopped');
    expect(made[0].terminated).toBe(true);

    answer = true;
    expect(await layoutInWorker(design(3))).toEqual(RESULT);
    expect(made).toHaveLength(2);
  });

  it('gives a large design 60 ms a component', async () => {
    answer = false;
    const pending = layoutInWorker(design(2_000));
    const outcome = pending.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(119_999);
    expect(await settled(pending)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(((await outcome) as Error).message).toBe('the layout took longer than 120 s and was stopped');
  });

  it('with the test hook’s limit of 0, stops a layout before the worker can answer', async () => {
    setLayoutTimeLimit(0);
    await expect(layoutInWorker(design(3))).rejects.toBeInstanceOf(LayoutTimeout);
    setLayoutTimeLimit(undefined);
    expect(await layoutInWorker(design(3))).toEqual(RESULT);
  });

  it('rejects the layouts waiting on a worker that crashes', async () => {
    answer = false;
    vi.stubGlobal('ErrorEvent', class extends Event {});
    const pending = layoutInWorker(design(3));
    await settled(pending);
    made[0].dispatchEvent(new Event('error'));
    await expect(pending).rejects.toThrow('the layout worker stopped unexpectedly');
    expect(made[0].terminated).toBe(true);
  });
});
