import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Topology } from '../../src/model';
import { useAnalysis } from '../../src/store/analysis';
import { analysisInputChanged, requestOf, startAnalysisDriver, type AnalysisRunner } from '../../src/store/analysisDriver';
import { useDocument } from '../../src/store/document';
import { templateById } from '../../src/templates';
import type { AnalysisOutcome } from '../../src/worker/analysisClient';
import { runAnalysis, type AnalysisRequest } from '../../src/worker/engineApi';
import { freshStore } from './helpers';
import { beginOpening } from '../../src/store/openingOrder';

/**
 * A worker stand-in: each request waits until the test answers it (with the real engine,
 * or a failure). It never cancels a request itself, so the driver's own guard against
 * stale answers is what is tested.
 */
class FakeRunner implements AnalysisRunner {
  pending: { request: AnalysisRequest; resolve: (o: AnalysisOutcome) => void }[] = [];
  disposed = false;
  run(request: AnalysisRequest): Promise<AnalysisOutcome> {
    return new Promise((resolve) => this.pending.push({ request, resolve }));
  }
  answer(): AnalysisRequest {
    const p = this.pending.shift()!;
    p.resolve({ status: 'done', response: runAnalysis(p.request) });
    return p.request;
  }
  crash(error: string): void {
    this.pending.shift()!.resolve({ status: 'failed', error });
  }
  dispose(): void {
    this.disposed = true;
  }
}

const stage3 = templateById('stage3')!.topology;
const flush = () => vi.advanceTimersByTimeAsync(0);
let runner: FakeRunner;
let stop: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  freshStore(structuredClone(stage3));
  useAnalysis.setState({ status: 'idle', report: null, result: null, error: undefined, problems: [], spofIds: new Set(), pairIds: new Set(), notes: new Map() });
  useAnalysis.getState().setWhatIfActive(false);
  useAnalysis.getState().setEngineOptions(null);
  runner = new FakeRunner();
  stop = startAnalysisDriver(runner, { debounceMs: 100 });
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('the analysis driver', () => {
  it('is running at once, analyses after the debounce, and fills the store with report and marks', async () => {
    expect(useAnalysis.getState().status).toBe('running');
    expect(runner.pending).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(runner.pending).toHaveLength(1);
    const request = runner.answer();
    await flush();
    expect((request.document as Topology).view).toBeUndefined();
    const s = useAnalysis.getState();
    expect(s.status).toBe('idle');
    expect(s.report?.spofs.map((x) => x.id)).toContain('lb');
    expect(s.spofIds.has('lb')).toBe(true);
    expect(s.pairIds.has('web1')).toBe(true);
  });

  it('forgets the report of a design that another replaced: no warning, path or fix of it is shown while the new one is analysed', async () => {
    const lone: Topology = { ...structuredClone(stage3), components: [...structuredClone(stage3).components, { id: 'zz-standby-9', kind: 'database', role: 'standby' }] };
    useDocument.getState().loadDocument(lone, 'Open');
    await vi.advanceTimersByTimeAsync(100);
    runner.answer();
    await flush();
    expect(JSON.stringify(useAnalysis.getState().result?.warnings)).toContain('zz-standby-9');
    expect(useAnalysis.getState().spofIds.size).toBeGreaterThan(0);
    beginOpening();
    useDocument.getState().loadDocument(structuredClone(templateById('stage1')!.topology), 'Open');
    const s = useAnalysis.getState();
    expect(s.status).toBe('running');
    expect(s.result).toBeNull();
    expect(s.spofIds.size).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    runner.answer();
    await flush();
    expect(useAnalysis.getState().result).not.toBeNull();
    expect(JSON.stringify(useAnalysis.getState().result)).not.toContain('zz-standby-9');
  });

  it('collapses a burst of edits into one request for the latest design', async () => {
    await vi.advanceTimersByTimeAsync(100);
    runner.answer();
    await flush();
    useDocument.getState().updateComponent('lb', { availability: 0.9991 });
    await vi.advanceTimersByTimeAsync(50);
    useDocument.getState().updateComponent('lb', { availability: 0.9992 });
    await vi.advanceTimersByTimeAsync(50);
    useDocument.getState().updateComponent('lb', { availability: 0.9993 });
    expect(useAnalysis.getState().status).toBe('running');
    await vi.advanceTimersByTimeAsync(100);
    expect(runner.pending).toHaveLength(1);
    const req = runner.answer();
    expect((req.document as Topology).components.find((c) => c.id === 'lb')?.availability).toBe(0.9993);
  });

  it('drops the answer for an older design when a newer request is on its way', async () => {
    await vi.advanceTimersByTimeAsync(100);
    useDocument.getState().deleteElements(['lb']);
    await vi.advanceTimersByTimeAsync(100);
    expect(runner.pending).toHaveLength(2);
    // The answer for the design with the load balancer arrives late: it changes nothing.
    runner.answer();
    await flush();
    expect(useAnalysis.getState().status).toBe('running');
    expect(useAnalysis.getState().report).toBeNull();
    runner.answer();
    await flush();
    expect(useAnalysis.getState().spofIds.has('lb')).toBe(false);
  });

  it('ignores moves: the view is not analysed', async () => {
    await vi.advanceTimersByTimeAsync(100);
    runner.answer();
    await flush();
    useDocument.getState().moveNodes([{ id: 'users', absolute: { x: 999, y: 5 } }]);
    expect(useDocument.getState().doc.view?.positions?.users).toBeDefined();
    await vi.advanceTimersByTimeAsync(200);
    expect(runner.pending).toHaveLength(0);
    expect(useAnalysis.getState().status).toBe('idle');
  });

  it('a dead worker is an error state; the design is untouched and the next edit analyses again', async () => {
    await vi.advanceTimersByTimeAsync(100);
    const before = useDocument.getState().doc;
    runner.crash('out of memory');
    await flush();
    const s = useAnalysis.getState();
    expect(s.status).toBe('error');
    expect(s.error).toContain('out of memory');
    expect(s.spofIds.size).toBe(0);
    expect(useDocument.getState().doc).toBe(before);
    useDocument.getState().updateComponent('db', { availability: 0.999 });
    await vi.advanceTimersByTimeAsync(100);
    runner.answer();
    await flush();
    expect(useAnalysis.getState().status).toBe('idle');
  });

  it('an invalid design is an error state listing the problems by element and path', async () => {
    useDocument.getState().applyTopology({ ...stage3, components: stage3.components.map((c) => (c.id === 'db' ? { ...c, availability: 7 } : c)) }, 'bad');
    await vi.advanceTimersByTimeAsync(100);
    runner.answer();
    await flush();
    const s = useAnalysis.getState();
    expect(s.status).toBe('error');
    expect(s.problems.some((p) => /^"Database" \(db\), components\[\d+\]\.availability: /.test(p))).toBe(true);
  });

  it('what-if: failures are sent (only those that can fail) and the what-if report fills the marks', async () => {
    await vi.advanceTimersByTimeAsync(100);
    runner.answer();
    await flush();
    useAnalysis.getState().setWhatIfActive(true);
    useAnalysis.getState().toggleFailed('web1');
    useAnalysis.getState().toggleFailed('gone');
    await vi.advanceTimersByTimeAsync(100);
    const req = runner.answer();
    await flush();
    expect(req.failed).toEqual(['web1']);
    const s = useAnalysis.getState();
    expect(s.whatIf.report?.whatIf?.failed).toEqual(['web1']);
    expect(s.whatIf.served.has('users')).toBe(true);
    // Leaving the mode analyses without failures and forgets the what-if report.
    useAnalysis.getState().setWhatIfActive(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(runner.answer().failed).toBeUndefined();
    await flush();
    expect(useAnalysis.getState().whatIf.report).toBeNull();
  });

  it('stopping disposes of the worker', () => {
    stop();
    expect(runner.disposed).toBe(true);
    stop = () => {};
  });
});

describe('the analysis driver with no debounce (the app\'s setting)', () => {
  beforeEach(async () => {
    stop();
    stop = startAnalysisDriver(runner, { debounceMs: 0 });
    runner.answer();
    await flush();
  });

  it('sends an edit at once, before React (a later subscriber) draws it', () => {
    let pendingWhenDrawn = -1;
    const unsubscribe = useDocument.subscribe(() => { pendingWhenDrawn = runner.pending.length; });
    useDocument.getState().updateComponent('lb', { availability: 0.9991 });
    unsubscribe();
    expect(pendingWhenDrawn).toBe(1);
    expect(useAnalysis.getState().status).toBe('running');
  });

  it('follows more changes of the same task with one request for the latest design, and keeps only its answer', async () => {
    useDocument.getState().updateComponent('lb', { availability: 0.9991 });
    useDocument.getState().updateComponent('lb', { availability: 0.9992 });
    useDocument.getState().updateComponent('lb', { availability: 0.9993 });
    expect(runner.pending).toHaveLength(1);
    await Promise.resolve();
    expect(runner.pending).toHaveLength(2);
    runner.answer();
    await flush();
    expect(useAnalysis.getState().status).toBe('running');
    expect((runner.answer().document as Topology).components.find((c) => c.id === 'lb')?.availability).toBe(0.9993);
    await flush();
    expect(useAnalysis.getState().status).toBe('idle');
    expect(useAnalysis.getState().report?.elements.find((e) => e.id === 'lb')?.availability).toBe(0.9993);
  });
});

describe('what the driver sends', () => {
  it('the analysis input changes with anything but the view', () => {
    const a = structuredClone(stage3);
    expect(analysisInputChanged(a, { ...a, view: { positions: {} } })).toBe(false);
    expect(analysisInputChanged(a, { ...a, slo: 0.999 })).toBe(true);
    expect(analysisInputChanged(a, { ...a, components: [...a.components] })).toBe(true);
  });

  it('requests carry engine options only when set', () => {
    expect(requestOf(stage3, false, ['web1']).failed).toBeUndefined();
    expect(requestOf(stage3, true, ['web1'], { samples: 1000 })).toMatchObject({ failed: ['web1'], options: { samples: 1000 } });
  });
});
