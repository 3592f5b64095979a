// The page's main-thread tasks from a Chromium trace, with the thread's own CPU time beside
// the wall time. The long tasks API gives only wall time, which on a shared machine counts
// the time other processes held the core: at a load average of 20 on 2 cores a task of
// 150 ms of CPU took 2.5 s of wall. The CPU time is what the page's code costs; the wall
// time is what a user on that machine waits. Both are reported.
import type { Browser, Page } from '@playwright/test';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number }

export interface MainTask {
  /** performance.now() in the page when the task started. */
  start: number;
  wallMs: number;
  cpuMs: number;
  /** The trace's own clock (microseconds), to line up with a CPU profile. */
  ts: number;
}

export interface TaskTrace {
  tasks: MainTask[];
  /** Of the tasks starting in [from, to] (page time): the longest by wall time, and the one with the most CPU time. */
  longestIn(from: number, to: number): { byWall: MainTask | null; byCpu: MainTask | null };
}

/** Tasks shorter than this (wall) are left out. */
const KEPT_MS = 20;
const MARK = 'bench-clock';

export async function startTaskTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
}

/** Stops the trace; the tasks of the page's main thread (the one that ran the page's last script). */
export async function stopTaskTrace(browser: Browser, page: Page): Promise<TaskTrace> {
  const markedAt = await page.evaluate((name) => performance.mark(name).startTime, MARK);
  const events = (JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mark = [...events].reverse().find((e) => e.name === MARK);
  if (!mark) throw new Error('the trace holds no clock mark: is the page still open?');
  const offsetUs = mark.ts - markedAt * 1000;
  const tasks = events
    .filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && (e.dur ?? 0) >= KEPT_MS * 1000)
    .map((e) => ({ start: (e.ts - offsetUs) / 1000, wallMs: e.dur! / 1000, cpuMs: (e.tdur ?? NaN) / 1000, ts: e.ts }));
  return {
    tasks,
    longestIn: (from, to) => {
      const inside = tasks.filter((t) => t.start >= from && t.start <= to);
      const most = (f: (t: MainTask) => number) => inside.reduce<MainTask | null>((best, t) => (best === null || f(t) > f(best) ? t : best), null);
      return { byWall: most((t) => t.wallMs), byCpu: most((t) => t.cpuMs) };
    },
  };
}
