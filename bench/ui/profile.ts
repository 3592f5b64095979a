// A CPU profile of the page over one scenario, through the DevTools protocol's Profiler
// domain (what the Performance panel records): the functions with the most self time, to
// find what is slow. Used with `npm run bench -- ui --profile=<scenario>`.
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

export async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return cdp;
}

/** Stops the profile, writes it (open it in DevTools) and returns the top functions by self time. */
export async function stopProfile(cdp: CDPSession, file: string, top = 25): Promise<string[]> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  writeFileSync(file, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = (profile.endTime - profile.startTime) / 1000;
  return [`profile ${file}: ${total.toFixed(0)} ms`, ...[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${k}`)];
}
