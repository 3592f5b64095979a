// The UI benchmark's scenarios, each in a fresh page of the built app: opening a design
// (share link or file input), editing one availability in the inspector until the new
// system availability shows, and dragging a node and panning the canvas.
import type { Browser, Page } from '@playwright/test';
import { installProbe, startFrames, type ProbeState } from './probe';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_URL, OUT_DIR } from './server';
import type { BenchDesign } from './designs';

const RESULT_TIMEOUT = 180_000;

export interface OpenFigures {
  /** From navigation start (link) or the file input's change (file): first node drawn, first analysis result. */
  firstNodeMs: number;
  firstResultMs: number;
  longestTaskMs: number;
  nodesInDom: number;
  /** What the figures cover, in page time (performance.now()). */
  window: { from: number; to: number };
}

export interface Stats { p50: number; p95: number; max: number; n: number }

export interface EditFigures {
  latencies: number[];
  stats: Stats;
  /** The worker's own time per edit (validation, analysis, insight), as it reports it. */
  workerMs: Stats;
  /** From the Enter key to the report showing "running" (the edit applied and drawn). */
  appliedMs: Stats;
  longestTaskMs: number;
}

export interface GestureFigures { frames: Stats; longestTaskMs: number; dropTaskMs?: number; moves: number }

export function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN, n: s.length };
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as { __probe: ProbeState }).__probe);
const nextFrame = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));
const now = (page: Page) => page.evaluate(() => performance.now());

function longestIn(p: ProbeState, from: number, to: number): number {
  return Math.max(0, ...p.longTasks.filter((t) => t.start >= from && t.start <= to).map((t) => t.duration));
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript(installProbe);
  return page;
}

const resultShown = (page: Page) => page.waitForFunction(() => (window as unknown as { __probe: ProbeState }).__probe.firstResult !== null, undefined, { timeout: RESULT_TIMEOUT, polling: 100 });

/** Opens the design from a share link at start-up: times from navigation start. */
export async function openByLink(page: Page, design: BenchDesign): Promise<OpenFigures> {
  await page.goto(`${BASE_URL}/?harness${design.hash}`);
  await resultShown(page);
  const p = await probe(page);
  return {
    firstNodeMs: p.firstNode!,
    firstResultMs: p.firstResult!,
    longestTaskMs: longestIn(p, 0, p.firstResult!),
    nodesInDom: await page.locator('.react-flow__node').count(),
    window: { from: 0, to: p.firstResult! },
  };
}

/** Opens the design through the `import-file` input of a running app: times from the input's change. */
/**
 * The design written to disk, to be picked by its path as a person picks a file: Playwright
 * then hands the path to Chromium (DevTools' DOM.setFileInputFiles) and the page reads the
 * file from disk. Given as a buffer instead, Playwright builds the File inside the page
 * (base64-decoding 1.3 MB in a task of 200 ms of CPU) before the input changes.
 */
export function designFile(name: string, text: string): string {
  const dir = join(OUT_DIR, '..', 'files');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

export async function openByFile(page: Page, design: BenchDesign): Promise<OpenFigures> {
  await page.goto(`${BASE_URL}/?harness`);
  await page.getByTestId('canvas').waitFor();
  await page.evaluate(() => {
    const p = (window as unknown as { __probe: ProbeState }).__probe;
    p.firstNode = null;
    p.firstResult = null;
  });
  await page.getByTestId('import-file').setInputFiles(designFile(`estate-${design.components}.spof.json`, design.json));
  await resultShown(page);
  const p = await probe(page);
  const t0 = p.fileChange!;
  return {
    firstNodeMs: p.firstNode! - t0,
    firstResultMs: p.firstResult! - t0,
    longestTaskMs: longestIn(p, t0, p.firstResult!),
    nodesInDom: await page.locator('.react-flow__node').count(),
    window: { from: t0, to: p.firstResult! },
  };
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="analysis-status"]')?.getAttribute('data-state') === 'idle', undefined, { timeout: RESULT_TIMEOUT });
}

/**
 * Selects one service (through the harness: finding it on a zoomed-out canvas is not what
 * is measured), then types a new availability in the inspector and presses Enter, as a user
 * does, `runs` times: the time from the Enter key to the new system availability's data-value.
 */
export async function editLatency(page: Page, componentId: string, runs: number): Promise<EditFigures> {
  await settled(page);
  await page.evaluate((id) => (window as unknown as { __spof: { useSelection: { getState(): { select(ids: string[]): void } } } }).__spof.useSelection.getState().select([id]), componentId);
  const field = page.getByTestId('field-availability');
  await field.waitFor();
  const latencies: number[] = [];
  const worker: number[] = [];
  const applied: number[] = [];
  let longest = 0;
  for (let i = 0; i < runs; i++) {
    await settled(page);
    const before = (await probe(page)).values.length;
    await field.fill(`99.${(90 - i * 7).toString().padStart(2, '0')}`);
    await field.press('Enter');
    await page.waitForFunction((n) => (window as unknown as { __probe: ProbeState }).__probe.values.length > n, before, { timeout: RESULT_TIMEOUT, polling: 'raf' });
    const p = await probe(page);
    const seen = p.values[p.values.length - 1].at;
    latencies.push(seen - p.enterAt!);
    const running = p.states.find((x) => x.at >= p.enterAt! && x.state === 'running');
    applied.push(running ? running.at - p.enterAt! : NaN);
    worker.push(await page.evaluate(() => (window as unknown as { __spof: { useAnalysis: { getState(): { result: { elapsedMs: number } | null } } } }).__spof.useAnalysis.getState().result?.elapsedMs ?? NaN));
    longest = Math.max(longest, longestIn(p, p.enterAt!, seen));
    await page.waitForTimeout(300);
  }
  return { latencies, stats: stats(latencies), workerMs: stats(worker), appliedMs: stats(applied), longestTaskMs: longest };
}

/**
 * A point to pan from: the canvas's empty pane, or else the empty body of a container (a drag
 * there pans too; its title bar moves it). Zoomed in on a large design there may be no pane
 * in view at all.
 */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    const find = (free: (el: Element) => boolean) => {
      for (let y = pane.top + 20; y < pane.bottom - 20; y += 12) {
        for (let x = pane.left + 20; x < pane.right - 220; x += 12) {
          const el = document.elementFromPoint(x, y);
          if (el && free(el)) return { x, y };
        }
      }
      return null;
    };
    return find((el) => el.classList.contains('react-flow__pane'))
      ?? find((el) => el.classList.contains('domain-box') && el.closest('.react-flow__node-domain') !== null);
  });
  if (!point) throw new Error('no empty spot on the canvas to pan from');
  return point;
}

/** The centre of a component node drawn well inside the canvas, to drag. */
async function draggableNode(page: Page): Promise<{ id: string; x: number; y: number }> {
  const found = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (const el of document.querySelectorAll('.react-flow__node-component')) {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      // Room around it for the 180 x 120 px drag (the canvas is about 760 px wide at 1280 x 800).
      if (r.left < pane.left + 40 || r.right > pane.right - 220 || r.top < pane.top + 40 || r.bottom > pane.bottom - 160) continue;
      if (el.contains(document.elementFromPoint(x, y))) return { id: el.getAttribute('data-id')!, x, y };
    }
    return null;
  });
  if (!found) throw new Error('no component node on screen to drag');
  return found;
}

/**
 * Presses the mouse at `from` and moves it `moves` times by (dx, dy), one move per
 * animation frame, recording frame times and long tasks from press to the last move; the
 * release (a drag's commit to the document) is timed apart.
 */
async function gesture(page: Page, from: { x: number; y: number }, moves: number, dx: number, dy: number): Promise<GestureFigures> {
  await settled(page);
  await page.mouse.move(from.x, from.y);
  await page.evaluate(startFrames);
  const t0 = await now(page);
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) {
    await page.mouse.move(from.x + i * dx, from.y + i * dy);
    await nextFrame(page);
  }
  const t1 = await now(page);
  await page.mouse.up();
  await page.waitForTimeout(1500);
  await settled(page);
  const t2 = await now(page);
  const p = await probe(page);
  await page.evaluate(() => { (window as unknown as { __probe: ProbeState }).__probe.frames = null; });
  const ts = (p.frames ?? []).filter((t) => t >= t0 && t <= t1);
  const deltas = ts.slice(1).map((t, i) => t - ts[i]);
  return { frames: stats(deltas), longestTaskMs: longestIn(p, t0, t1), dropTaskMs: longestIn(p, t1, t2), moves };
}

/**
 * A large design opens fitted, far out, drawn as one picture of a few paths with no cards to
 * drag (src/canvas/FarLayer.tsx). A user clicks one to zoom in on it, as this does, then
 * presses Escape (select nothing) so that the drag starts from no selection, as it did before.
 */
async function zoomInOnAComponent(page: Page): Promise<void> {
  const far = page.getByTestId('far-layer');
  if ((await far.count()) === 0) return;
  // The far layer is a few paths: the component under the pointer is the one its tooltip names.
  const box = (await far.boundingBox())!;
  const tip = page.getByTestId('far-tip');
  for (let i = 0; i < 400; i++) {
    const [x, y] = [box.x + box.width * (0.5 + ((i % 20) - 10) / 40), box.y + box.height * (0.5 + (Math.floor(i / 20) - 10) / 40)];
    await page.mouse.move(x, y);
    if (await tip.getAttribute('data-kind', { timeout: 100 }).catch(() => null) !== 'component') continue;
    await page.mouse.click(x, y);
    break;
  }
  await page.waitForFunction(() => document.querySelector('[data-testid="far-layer"]') === null && document.querySelector('.react-flow__node-component') !== null, undefined, { timeout: RESULT_TIMEOUT });
  // The zoom is animated (250 ms): the nodes' places are final after it.
  await page.waitForTimeout(1000);
  await page.keyboard.press('Escape');
  await settled(page);
}

/**
 * Drags one node twice (there and back): the page's first drag runs React Flow's drag code
 * cold (interpreted, not yet optimised), which makes its first frame the longest task;
 * the second is what every later drag costs. Both are reported.
 */
export async function dragNode(page: Page): Promise<GestureFigures & { id: string; first: GestureFigures }> {
  await zoomInOnAComponent(page);
  const node = await draggableNode(page);
  const first = await gesture(page, node, 60, 3, 2);
  const moved = { x: node.x + 60 * 3, y: node.y + 60 * 2 };
  return { id: node.id, first, ...(await gesture(page, moved, 60, -3, -2)) };
}

export async function panCanvas(page: Page): Promise<GestureFigures> {
  return gesture(page, await emptyPanePoint(page), 60, 4, 3);
}
