// The page's main-thread tasks from a Chromium trace, with the thread's own CPU time beside
// the wall time. The long tasks API gives only wall time, which on a shared machine counts
// the time other processes held the core: at a load average of 20 on 2 cores a task of
// 150 ms of CPU took 2.5 s of wall. The CPU time is what the page's code costs; the wall
// time is what a user on that machine waits. Both are reported.
import type { Browser, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: { url?: string; workerThreadId?: number } } }

/** Another thread's work during a main-thread task: its tasks' overlap, wall and (prorated) CPU. */
export interface ThreadBusy { thread: string; wallMs: number; cpuMs: number }

export interface MainTask {
  /** performance.now() in the page when the task started. */
  start: number;
  wallMs: number;
  cpuMs: number;
  /** The trace's own clock (microseconds), to line up with a CPU profile. */
  ts: number;
  /** The trace event: a scheduler task, or a microtask checkpoint run outside one. */
  name: string;
}

export interface TaskTrace {
  tasks: MainTask[];
  /** Of the tasks starting in [from, to] (page time): the longest by wall time, and the one with the most CPU time. */
  longestIn(from: number, to: number): { byWall: MainTask | null; byCpu: MainTask | null };
  /**
   * The other threads of the browser (workers named by their script, the compositor, raster,
   * the GPU process) busy during a main-thread task, the busiest first: with 2 cores, a task
   * whose CPU time is far below its wall time waited for the core or for one of them.
   */
  othersDuring(task: MainTask): ThreadBusy[];
}

/** Tasks shorter than this (wall) are left out. */
const KEPT_MS = 20;
const MARK = 'bench-clock';

/**
 * The main thread's outermost 'toplevel' events: what the long tasks API calls a task. Most
 * are the scheduler's `ThreadControllerImpl::RunTask`, but not all: when a Blob read (the
 * file input's `file.text()`) or another Mojo message completes, Blink runs the promise
 * callbacks in a `BlinkScheduler_PerformMicrotaskCheckpoint` of its own, outside any
 * scheduler task. Counting only RunTask missed those, and with them the whole parse and
 * opening of a file (1.3 s of wall, 280 ms of CPU at 1,000 under tracing).
 */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of sorted) {
    if (e.ts < end) continue;
    out.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return out;
}

export async function startTaskTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing', 'devtools.timeline', ...(process.env.BENCH_UI_CATEGORIES ?? '').split(',').filter(Boolean)] });
}

/** Stops the trace; the tasks of the page's main thread (the one that ran the page's last script). */
export async function stopTaskTrace(browser: Browser, page: Page): Promise<TaskTrace> {
  const markedAt = await page.evaluate((name) => performance.mark(name).startTime, MARK);
  const raw = (await browser.stopTracing()).toString('utf8');
  if (process.env.BENCH_UI_TRACE) writeFileSync(process.env.BENCH_UI_TRACE, raw);
  const events = (JSON.parse(raw) as { traceEvents: TraceEvent[] }).traceEvents;
  const mark = [...events].reverse().find((e) => e.name === MARK);
  if (!mark) throw new Error('the trace holds no clock mark: is the page still open?');
  const offsetUs = mark.ts - markedAt * 1000;
  const tasks = outermost(events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && e.cat.split(',').includes('toplevel')))
    .filter((e) => (e.dur ?? 0) >= KEPT_MS * 1000)
    .map((e) => ({ start: (e.ts - offsetUs) / 1000, wallMs: e.dur! / 1000, cpuMs: (e.tdur ?? NaN) / 1000, ts: e.ts, name: e.name }));
  return {
    tasks,
    othersDuring: (task) => othersDuring(events, { pid: mark.pid, tid: mark.tid }, task),
    longestIn: (from, to) => {
      const inside = tasks.filter((t) => t.start >= from && t.start <= to);
      const most = (f: (t: MainTask) => number) => inside.reduce<MainTask | null>((best, t) => (best === null || f(t) > f(best) ? t : best), null);
      return { byWall: most((t) => t.wallMs), byCpu: most((t) => t.cpuMs) };
    },
  };
}

/** Thread names: the trace's metadata, a worker's by its script (devtools.timeline's TracingSessionIdForWorker). */
function threadNames(events: TraceEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  for (const e of events) {
    const data = e.args?.data;
    if (e.name !== 'TracingSessionIdForWorker' || !data?.url || data.workerThreadId === undefined) continue;
    const script = data.url.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '');
    names.set(`${e.pid}:${data.workerThreadId}`, `worker ${script} (${data.workerThreadId})`);
  }
  return names;
}

function othersDuring(events: TraceEvent[], main: { pid: number; tid: number }, task: MainTask): ThreadBusy[] {
  const names = threadNames(events);
  const from = task.ts;
  const to = task.ts + task.wallMs * 1000;
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.cat.split(',').includes('toplevel') || (e.pid === main.pid && e.tid === main.tid)) continue;
    if (e.ts >= to || e.ts + (e.dur ?? 0) <= from) continue;
    const key = `${e.pid}:${e.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  const busy: ThreadBusy[] = [];
  for (const [key, list] of byThread) {
    let wall = 0;
    let cpu = 0;
    for (const e of outermost(list)) {
      const overlap = Math.min(to, e.ts + (e.dur ?? 0)) - Math.max(from, e.ts);
      wall += overlap;
      if (e.dur && e.tdur !== undefined) cpu += (e.tdur * overlap) / e.dur;
    }
    busy.push({ thread: names.get(key) ?? key, wallMs: wall / 1000, cpuMs: cpu / 1000 });
  }
  return busy.filter((b) => b.wallMs >= 1).sort((a, b) => b.cpuMs - a.cpuMs);
}
