// The plan in the app (issue 19: "in the browser a plan for 8 components took 3.9-9.1 s"):
// the BUILT app in headless Chromium, each design opened by share link with its target,
// the analysis left to settle, then "Plan the moves" clicked: the time from the click to
// the moves listed (or the message that there are none), measured in the page, best and
// median of a few runs. The plan runs in its own worker; the figure includes starting it
// the first time (the first run of each page) and drawing the list.
import { chromium, type Page } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import config from '../../playwright.config';
import { encodeShareHash } from '../../src/io/shareLink';
import { parseTopology } from '../../src/model';
import { ensurePositions } from '../../src/store/placement';
import { buildApp, BASE_URL, startPreview } from '../ui/server';
import { APP_PLAN_CASES } from './designs';

const RUNS = 3;

export interface AppPlanRow { name: string; components: number; firstMs: number; bestMs: number; medianMs: number; workerMedianMs: number; steps: number }

/**
 * Runs in the page before the app: notes the `elapsedMs` of each plan answer a worker
 * sends (comlink's return message), the plan's own time inside the worker.
 */
function notePlanAnswers(): void {
  const answers: number[] = [];
  (window as unknown as { __planMs: number[] }).__planMs = answers;
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (e: MessageEvent) => {
        const value = (e.data as { value?: { plan?: unknown; elapsedMs?: number } } | undefined)?.value;
        if (value && value.plan && typeof value.elapsedMs === 'number') answers.push(value.elapsedMs);
      });
    }
  };
}

/** Click to list: the page's own clock, from the click event to the first frame showing the moves or the message. */
async function timePlan(page: Page): Promise<{ ms: number; workerMs: number; steps: number }> {
  await page.getByTestId('analysis-status').and(page.locator('[data-state="idle"]')).waitFor({ timeout: 120_000 });
  const started = await page.evaluate(() => new Promise<number>((resolve) => {
    const button = document.querySelector<HTMLButtonElement>('[data-testid="find-plan"]')!;
    button.addEventListener('click', (e) => resolve(e.timeStamp), { once: true, capture: true });
    button.click();
  }));
  const ended = await page.waitForFunction(() => {
    const done = document.querySelector('[data-testid="plan-step"], [data-testid="plan-result"]');
    return done ? performance.now() : null;
  }, undefined, { timeout: 300_000, polling: 'raf' });
  const workerMs = await page.evaluate(() => (window as unknown as { __planMs: number[] }).__planMs.at(-1) ?? NaN);
  return { ms: (await ended.jsonValue()) as number - started, workerMs, steps: await page.getByTestId('plan-step').count() };
}

export async function runAppPlanBench(args: string[] = [], log: (line: string) => void = console.log): Promise<AppPlanRow[]> {
  if (!args.includes('--skip-build')) buildApp();
  const stop = await startPreview();
  const browser = await chromium.launch({ ...config.use?.launchOptions });
  log(`plan in the app: ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}, ${browser.version()} headless`);
  const rows: AppPlanRow[] = [];
  try {
    for (const c of APP_PLAN_CASES) {
      const parsed = parseTopology(c.design);
      if (!parsed.ok) throw new Error(`${c.name}: invalid design`);
      // Placed as the app places a design without positions, so that no layout runs on opening.
      const hash = encodeShareHash({ ...ensurePositions(parsed.topology), slo: Number(c.slo) / 100 });
      const times: number[] = [];
      let steps = 0;
      const worker: number[] = [];
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(notePlanAnswers);
      for (let run = 0; run < RUNS; run++) {
        // A fresh page each run; the first of the context starts the plan's worker cold, as a user's first plan does.
        const page = await context.newPage();
        await page.goto(`${BASE_URL}/?harness${hash}`);
        const r = await timePlan(page);
        times.push(r.ms);
        worker.push(r.workerMs);
        steps = r.steps;
        await page.close();
      }
      await context.close();
      const sorted = [...times].sort((a, b) => a - b);
      const row = { name: c.name, components: parsed.topology.components.length, firstMs: times[0], bestMs: sorted[0], medianMs: sorted[Math.floor(sorted.length / 2)], workerMedianMs: [...worker].sort((a, b) => a - b)[Math.floor(worker.length / 2)], steps };
      rows.push(row);
      log(`${row.name.padEnd(30)} ${String(row.components).padStart(4)} components  click to moves listed: first ${(row.firstMs / 1000).toFixed(2)} s, best ${(row.bestMs / 1000).toFixed(2)} s, median ${(row.medianMs / 1000).toFixed(2)} s; the plan itself in the worker, median ${(row.workerMedianMs / 1000).toFixed(2)} s  (${row.steps} moves)`);
    }
  } finally {
    await browser.close();
    stop();
  }
  return rows;
}
