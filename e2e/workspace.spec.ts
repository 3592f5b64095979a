// The small things of working on the canvas: a first drop stays where it was dropped, a
// paste lands beside its originals inside their zone, the report has room at 1280x800 and
// the inspector folds away, the what-if banner leaves the top node visible.
import { expect, test, type Locator } from '@playwright/test';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

emptyStudioForEachTest((o) => ({ studio } = o));

type Box = { x: number; y: number; width: number; height: number };
const boxOf = async (l: Locator): Promise<Box> => {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
};
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (outer: Box, inner: Box) => inner.x >= outer.x - 1 && inner.y >= outer.y - 1
  && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;

test('the first components dropped on an empty canvas stay where they were dropped; the view does not move', async ({ page }) => {
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  const canvas = await boxOf(studio.canvas);
  await studio.dragFromPalette('app', { x: 160, y: 120 });
  await expect(studio.node('app')).toBeVisible();
  await studio.dragFromPalette('database', { x: 460, y: 420 });
  await expect(studio.node('db')).toBeVisible();
  await expect(studio.byTestId(TEST_IDS.analysisStatus)).toHaveAttribute('data-state', 'idle');
  expect(await viewport.getAttribute('style')).toBe(before);
  // Each card's middle is where it was dropped, to the snapping grid.
  for (const [id, at] of [['app', { x: 160, y: 120 }], ['db', { x: 460, y: 420 }]] as const) {
    const b = await boxOf(studio.node(id));
    expect(Math.abs(b.x + b.width / 2 - (canvas.x + at.x)), id).toBeLessThanOrEqual(16);
    expect(Math.abs(b.y + b.height / 2 - (canvas.y + at.y)), id).toBeLessThanOrEqual(16);
  }
});

test('paste puts the copies beside their originals, over nothing and inside their zone; again, beside the first copies', async ({ page }) => {
  await studio.openTemplate('stage4');
  await expect(studio.node('web2')).toBeVisible();
  await studio.node('web1').click();
  const zoneId = await studio.field('domain').inputValue();
  expect(zoneId).not.toBe('');
  await page.keyboard.press('Control+c');
  for (const copy of ['web1-2', 'web1-3']) {
    await page.keyboard.press('Control+v');
    await expect(studio.node(copy)).toBeVisible();
    // Read once the grown zone is drawn too (the copy and its zone's new size arrive in one edit).
    await expect(async () => {
      const mine = await boxOf(studio.node(copy));
      const original = await boxOf(studio.node('web1'));
      expect(Math.abs(mine.y - original.y)).toBeLessThanOrEqual(1);
      expect(mine.x).toBeGreaterThan(original.x + original.width);
      expect(inside(await boxOf(studio.node(zoneId)), mine), `${copy} inside ${zoneId}`).toBe(true);
      const others = await studio.page.locator('.react-flow__node-component').evaluateAll((els, id) =>
        els.filter((e) => e.getAttribute('data-id') !== id).map((e) => {
          const r = e.getBoundingClientRect();
          return { id: e.getAttribute('data-id'), x: r.x, y: r.y, width: r.width, height: r.height };
        }), copy);
      for (const o of others) expect(overlap(mine, o), `${copy} over ${o.id}`).toBe(false);
    }).toPass();
  }
  await studio.node('web1-3').click();
  await expect(studio.field('domain')).toHaveValue(zoneId);
});

test('at 1280x800 the report has room, and more with the inspector folded away', async ({ page }) => {
  await studio.openTemplate('multi-region');
  await expect(studio.byTestId(TEST_IDS.systemAvailability)).toHaveAttribute('data-value', /\d/);
  const report = studio.byTestId(TEST_IDS.reportPanel);
  const open = await boxOf(report);
  expect(open.height).toBeGreaterThanOrEqual(440);
  const toggle = studio.byTestId('inspector-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(studio.inspector.locator('.inspector-body')).toHaveCount(0);
  const folded = await boxOf(report);
  expect(folded.height).toBeGreaterThanOrEqual(page.viewportSize()!.height - 52 - 60);
  // Folded it stays, across a reload, as a layout choice; opened again, it opens after a reload too.
  await page.reload();
  await expect(studio.byTestId(TEST_IDS.systemAvailability)).toHaveAttribute('data-value', /\d/);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(studio.inspector.locator('.inspector-body')).toHaveCount(0);
  await toggle.click();
  await expect(studio.field('doc-name')).toBeVisible();
  await page.reload();
  await expect(studio.field('doc-name')).toBeVisible();
});

test('the what-if banner sits above the canvas: the top node stays uncovered and clickable', async ({ page }) => {
  await studio.openTemplate('stage3');
  await expect(studio.node('users')).toBeVisible();
  await studio.byTestId(TEST_IDS.whatIfToggle).click();
  const banner = page.locator('.what-if-hint');
  await expect(banner).toBeVisible();
  const b = await boxOf(banner);
  for (const id of ['users', 'dns']) {
    const n = await boxOf(studio.node(id));
    expect(overlap(b, n), id).toBe(false);
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('data-id'), { x: n.x + n.width / 2, y: n.y + n.height / 2 });
    expect(hit).toBe(id);
  }
});
