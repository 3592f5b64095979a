// A CPU profile of the page over one scenario, through the DevTools protocol's Profiler
// domain (what the Performance panel records), beside a trace of the main thread's tasks:
// the functions with the most self time overall, then each long task with the functions
// that took its time (inclusive), to find what makes a task long. Used with
// `npm run bench -- ui --profile=<scenario>`.
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import type { MainTask } from './tasks';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }
/** Tasks at least this long (wall) are broken down. */
const LONG_TASK_MS = 50;

export async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return cdp;
}

const frameName = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;

/**
 * Stops the profile, writes it (open it in DevTools) and returns the top functions by self
 * time, then, for each long task of the trace taken beside it (tasks.ts), the functions that
 * took its time.
 */
export async function stopProfile(cdp: CDPSession, file: string, tasks: MainTask[] = [], top = 25, perTask = 30): Promise<string[]> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  writeFileSync(file, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const at: number[] = [];
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    at.push(t);
    const key = frameName(byId.get(id)!);
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  const total = (profile.endTime - profile.startTime) / 1000;
  const lines = [`profile ${file}: ${total.toFixed(0)} ms`, ...[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${k}`)];
  for (const task of tasks.filter((k) => k.wallMs >= LONG_TASK_MS)) {
    const inclusive = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      if (at[i] < task.ts || at[i] > task.ts + task.wallMs * 1000) return;
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const key = frameName(byId.get(n)!);
        if (seen.has(key) || key.startsWith('(root)')) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
      }
    });
    lines.push(`  task at ${task.start.toFixed(0)} ms: ${task.wallMs.toFixed(0)} ms, CPU ${task.cpuMs.toFixed(0)} ms`);
    for (const [k, ms] of [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, perTask)) lines.push(`    ${ms.toFixed(1).padStart(8)} ms  ${k}`);
  }
  return lines;
}
