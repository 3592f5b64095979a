// Auto-layout in real Chromium: elkjs in its Web Worker, zones drawn around their
// components, the layout button as one undoable step.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

test.beforeEach(async ({ page }) => {
  studio = new StudioPage(page);
  await studio.openEmpty();
});

test.afterEach(() => {
  expect(studio.consoleErrors).toEqual([]);
});

type Box = { x: number; y: number; width: number; height: number };

async function box(id: string): Promise<Box> {
  const b = await studio.node(id).boundingBox();
  if (!b) throw new Error(`node ${id} is not on screen`);
  return b;
}

function inside(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

/** The example has a position for one node only: opening it lays it out. */
async function openThreeTier(): Promise<void> {
  await studio.openFile('three-tier.spof.json', readFileSync('examples/three-tier.spof.json', 'utf8'));
  await expect(studio.node('lb1')).toBeVisible();
  // The worker's layout replaces the rough placement: users end up above dns, dns above the LBs.
  await expect.poll(async () => (await box('dns')).y > (await box('users')).y + (await box('users')).height).toBe(true);
  await expect.poll(async () => (await box('lb1')).y > (await box('dns')).y + (await box('dns')).height).toBe(true);
}

test('opening a design without positions lays it out, zones drawn around their components', async () => {
  await openThreeTier();
  for (const [zone, members] of [['use1a', ['lb1', 'db']], ['use1b', ['lb2', 'db2']], ['use1', ['use1a', 'use1b', 'app']], ['aws', ['use1']]] as const) {
    const outer = await box(zone);
    for (const m of members) expect(inside(outer, await box(m)), `${m} inside ${zone}`).toBe(true);
  }
  // Dependencies flow down through the zones: LB, then the app pool, then the databases.
  expect((await box('app')).y).toBeGreaterThan((await box('lb1')).y + (await box('lb1')).height);
  expect((await box('db')).y).toBeGreaterThan((await box('app')).y + (await box('app')).height);
  // Opening with the layout is one step: undo leaves the empty design.
  await studio.undo();
  await expect(studio.nodes).toHaveCount(0);
});

test('the layout button tidies a moved node back, in one step that undo reverts', async ({ page }) => {
  await openThreeTier();
  const tidy = await box('reco');
  const canvas = (await studio.canvas.boundingBox())!;
  await studio.dragNodeTo('reco', { x: canvas.x + 120, y: canvas.y + 120 });
  await expect.poll(async () => Math.abs((await box('reco')).y - tidy.y)).toBeGreaterThan(40);
  const moved = await box('reco');

  await studio.byTestId(TEST_IDS.layout).click();
  // Fit view runs after the layout, so compare the layout relative to its neighbours, not in pixels.
  await expect.poll(async () => (await box('reco')).y > (await box('app')).y + (await box('app')).height).toBe(true);
  await page.waitForTimeout(400);
  const afterLayout = await box('reco');
  expect(Math.abs(afterLayout.y - moved.y) + Math.abs(afterLayout.x - moved.x)).toBeGreaterThan(20);

  await studio.undo();
  await expect.poll(async () => (await box('reco')).y < (await box('app')).y).toBe(true);
});
