// Large designs in the app (issue 20): the synthetic estate opened WITHOUT positions from
// the file input, as an import is: the rough placement is drawn at once, the auto-layout
// runs in its worker and replaces it. Measured in the page (harness stores, Performance
// API): the first node drawn, the longest main-thread task from the file input until the
// layout is on screen, the layout's time (from the file input to the laid-out document),
// the drawing's size and aspect; then fit view: how many nodes are drawn and the longest task.
import type { Page } from '@playwright/test';
import { absoluteRects } from '../../src/model/geometry';
import type { Topology } from '../../src/model';
import type { ProbeState } from './probe';
import { designFile } from './scenarios';
import { BASE_URL } from './server';

/**
 * How long to wait for the layout: the app's own limit (src/layout/client.ts: a minute, 60 ms
 * a component past 1,000), then half a minute. Past its limit the app abandons the layout and
 * keeps the rough placement, saying nothing: the bench reports that instead of waiting forever.
 */
const layoutWaitMs = (components: number) => Math.max(60_000, components * 60) + 30_000;
/** After the layout lands: the fit view that follows it, drawn. */
const SETTLE_MS = 3000;

export interface ScaleFigures {
  firstNodeMs: number;
  /** The first analysis result after the opening (the status back to idle), null if none came. */
  firstResultMs: number | null;
  /** Null when the app gave the layout up (its time limit). */
  layoutAppliedMs: number | null;
  longestTaskMs: number;
  width: number;
  height: number;
  fitNodes: number;
  fitLongestTaskMs: number;
  /** From the file input until the layout is drawn, in page time (performance.now()). */
  window: { from: number; to: number };
}

interface Harness {
  useDocument: { getState(): { doc: Topology }; subscribe(f: () => void): () => void };
}

type Win = { __spof: Harness; __docChanges: number[]; __probe: ProbeState };

const probe = (page: Page) => page.evaluate(() => (window as unknown as Win).__probe);
const longestIn = (p: ProbeState, from: number, to: number) =>
  Math.max(0, ...p.longTasks.filter((t) => t.start >= from && t.start <= to).map((t) => t.duration));

export async function openUnplaced(page: Page, name: string, json: string): Promise<ScaleFigures> {
  await page.goto(`${BASE_URL}/?harness`);
  await page.getByTestId('canvas').waitFor();
  // Every replacement of the document, timed: the opening (rough placement), then the layout.
  await page.evaluate(() => {
    const w = window as unknown as Win;
    w.__docChanges = [];
    w.__probe.firstNode = null;
    w.__spof.useDocument.subscribe(() => w.__docChanges.push(performance.now()));
  });
  await page.getByTestId('import-file').setInputFiles(designFile(name, json));
  const components = (JSON.parse(json) as { components: unknown[] }).components.length;
  const laidOut = await page.waitForFunction(() => (window as unknown as Win).__docChanges.length >= 2, undefined, { timeout: layoutWaitMs(components), polling: 500 })
    .then(() => true, () => false);
  await page.waitForTimeout(SETTLE_MS);
  const p = await probe(page);
  const changes = await page.evaluate(() => (window as unknown as Win).__docChanges);
  const t0 = p.fileChange!;
  const end = laidOut ? changes[1] + SETTLE_MS : await page.evaluate(() => performance.now());
  const doc = await page.evaluate(() => (window as unknown as Win).__spof.useDocument.getState().doc);
  const rects = [...absoluteRects(doc).values()];
  const x0 = Math.min(...rects.map((r) => r.x));
  const y0 = Math.min(...rects.map((r) => r.y));

  const beforeFit = await page.evaluate(() => performance.now());
  await page.keyboard.press('Shift+!');
  await page.waitForTimeout(SETTLE_MS);
  const afterFit = await page.evaluate(() => performance.now());
  const running = p.states.find((s) => s.at >= t0 && s.state === 'running');
  const analysed = running && p.states.find((s) => s.at > running.at && s.state === 'idle');
  return {
    firstNodeMs: p.firstNode! - t0,
    firstResultMs: analysed ? analysed.at - t0 : null,
    layoutAppliedMs: laidOut ? changes[1] - t0 : null,
    longestTaskMs: longestIn(p, t0, end),
    width: Math.max(...rects.map((r) => r.x + r.width)) - x0,
    height: Math.max(...rects.map((r) => r.y + r.height)) - y0,
    fitNodes: await page.locator('.react-flow__node').count(),
    fitLongestTaskMs: longestIn(await probe(page), beforeFit, afterFit),
    window: { from: t0, to: end },
  };
}
