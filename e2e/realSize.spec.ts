// Designs at real size are seen when fitted: a 10,000-long chain fitted at a zoom of 0.0003 was
// a strip a fiftieth of a pixel tall, and the canvas and the overview map painted nothing.
// Counted in the page's own pixels: the SPOF marks' strong red (every component of a chain is one).
import { expect, test, type Page } from '@playwright/test';
import { AnalysisPanel } from './pages/AnalysisPanel';
import { redPixels } from './pages/pixels';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;
let analysis: AnalysisPanel;

emptyStudioForEachTest((o) => ({ studio, analysis } = o));

/** A client and a chain of `n` services behind it; with `line`, saved in one row, one box after the other. */
function chain(n: number, line = false): string {
  const ids = Array.from({ length: n }, (_, i) => `c${i}`);
  const positions = Object.fromEntries([['users', { x: 0, y: 0 }], ...ids.map((id, i) => [id, { x: (i + 1) * 224, y: 0 }])]);
  return JSON.stringify({
    format: 'spof-topology', version: 2, name: line ? 'one long line' : 'a long chain',
    components: [{ id: 'users', kind: 'client' }, ...ids.map((id) => ({ id, kind: 'service' }))],
    links: [{ from: 'users', to: 'c0' }, ...ids.slice(1).map((id, i) => ({ from: ids[i], to: id }))],
    ...(line ? { view: { direction: 'LR', positions } } : {}),
  });
}

const farBox = (page: Page) => page.getByTestId('far-layer').evaluate((el) => {
  const r = el.getBoundingClientRect();
  return { width: r.width, height: r.height };
});

test('a 3,000-long chain opened without positions is laid out in runs side by side: fitted, it fills the canvas and is painted', async ({ page }) => {
  test.setTimeout(180_000);
  await studio.openFile('chain.spof.json', chain(3000));
  await analysis.settled(120_000);
  // The answer is on the page (the status can read idle before the opened file's analysis starts).
  await expect(analysis.spofItem('c0')).toBeVisible({ timeout: 120_000 });
  // The layout follows the analysis; fitted, the design is screen-like, not a line.
  const canvas = (await studio.canvas.boundingBox())!;
  await expect.poll(async () => {
    const far = await farBox(page);
    return far.width > canvas.width / 3 && far.height > canvas.height / 3;
  }, { timeout: 120_000 }).toBe(true);
  // Drawn in a few shapes, whatever the size (one element per component held the page for seconds), the map too.
  expect(await page.getByTestId('far-layer').locator('*').count()).toBeLessThan(20);
  expect(await page.getByTestId(TEST_IDS.overview).locator('svg *').count()).toBeLessThan(20);
  await expect.poll(() => redPixels(page, studio.canvas, [page.getByTestId(TEST_IDS.overview)]), { timeout: 60_000 }).toBeGreaterThan(50_000);
  expect(await redPixels(page, page.getByTestId(TEST_IDS.overview))).toBeGreaterThan(2_000);
});

test('a design saved as one long line is still painted fitted far out, on the canvas and on the overview map', async ({ page }) => {
  test.setTimeout(180_000);
  await studio.openFile('line.spof.json', chain(3000, true));
  await analysis.settled(120_000);
  // The answer is on the page (the status can read idle before the opened file's analysis starts).
  await expect(analysis.spofItem('c0')).toBeVisible({ timeout: 120_000 });
  // Fitted, a box of the line is a twentieth of a pixel tall: its outline is still a pixel.
  await expect.poll(async () => (await farBox(page)).height, { timeout: 60_000 }).toBeLessThan(1);
  expect(await page.getByTestId('far-layer').locator('*').count()).toBeLessThan(20);
  await expect.poll(() => redPixels(page, studio.canvas, [page.getByTestId(TEST_IDS.overview)]), { timeout: 60_000 }).toBeGreaterThan(600);
  expect(await redPixels(page, page.getByTestId(TEST_IDS.overview))).toBeGreaterThan(100);
});
