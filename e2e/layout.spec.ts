// Auto-layout in real Chromium: elkjs in its Web Worker, zones drawn around their
// components, the layout button as one undoable step.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { syntheticEstate } from '../bench/engine/estate';
import { isLaidOut, waitUntilLaidOut as waitUntilLaidOutIn } from './pages/laidOut';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

emptyStudioForEachTest((o) => ({ studio } = o));

type Box = { x: number; y: number; width: number; height: number };

async function box(id: string): Promise<Box> {
  const b = await studio.node(id).boundingBox();
  if (!b) throw new Error(`node ${id} is not on screen`);
  return b;
}

function inside(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

const waitUntilLaidOut = (laidOut = true) => waitUntilLaidOutIn(studio, laidOut);

/** The example has a position for one node only: opening it lays it out. */
async function openThreeTier(): Promise<void> {
  await studio.openFile('three-tier.spof.json', readFileSync('examples/three-tier.spof.json', 'utf8'));
  await expect(studio.node('lb1')).toBeVisible();
  await waitUntilLaidOut();
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

test('the layout button tidies a moved node back, in one step that undo reverts', async () => {
  await openThreeTier();
  const canvas = (await studio.canvas.boundingBox())!;
  await studio.dragNodeTo('reco', { x: canvas.x + 120, y: canvas.y + 120 });
  await waitUntilLaidOut(false);
  expect((await box('reco')).y).toBeLessThan((await box('app')).y);

  await studio.byTestId(TEST_IDS.layout).click();
  await waitUntilLaidOut();
  expect((await box('reco')).y).toBeGreaterThan((await box('app')).y + (await box('app')).height);

  await studio.undo();
  await waitUntilLaidOut(false);
  expect((await box('reco')).y).toBeLessThan((await box('app')).y);
});

const ZONES_MERMAID = `flowchart TB
  users([Users]) --> lb[Load balancer]
  subgraph zoneA [us-east-1a]
    web1[Web 1]
    db[(Primary DB)]
  end
  subgraph zoneB [us-east-1b]
    web2[Web 2]
    db2[(Standby DB)]
  end
  lb --> web1
  lb --> web2
  web1 --> db
  web2 --> db
  web2 --> db2
  db -.->|replication| db2
`;

test('a Mermaid import is laid out with the zones drawn around their components', async () => {
  await studio.openFile('zones.mmd', ZONES_MERMAID);
  await expect(studio.node('db2')).toBeVisible();
  await waitUntilLaidOut();
  const below = async (upper: string, lower: string) => (await box(lower)).y > (await box(upper)).y + (await box(upper)).height;
  for (const [upper, lower] of [['users', 'lb'], ['lb', 'web1'], ['web1', 'db'], ['lb', 'web2']]) expect(await below(upper, lower), `${lower} below ${upper}`).toBe(true);
  for (const [zone, members] of [['zoneA', ['web1', 'db']], ['zoneB', ['web2', 'db2']]] as const) {
    const outer = await box(zone);
    for (const m of members) expect(inside(outer, await box(m)), `${m} inside ${zone}`).toBe(true);
  }
  const [a, b] = [await box('zoneA'), await box('zoneB')];
  expect(a.x + a.width <= b.x || b.x + b.width <= a.x, 'the zones sit side by side').toBe(true);
  // The replication link does not push the standby below its primary.
  expect(Math.abs((await box('db2')).y - (await box('db')).y)).toBeLessThan(2);
  // Import and layout are one step.
  await studio.undo();
  await expect(studio.nodes).toHaveCount(0);
});

test('a layout stopped at its time limit leaves the rough placement, says so, and Lay out again lays it out', async () => {
  const { page } = studio;
  await page.goto('/?harness');
  await expect(studio.canvas).toBeVisible();
  // The test hook's limit of 0 stops every layout before the worker can answer: no race with a clock.
  const setLimit = (ms: number | undefined) => page.evaluate((limit) => (window as unknown as { __spof: { setLayoutTimeLimit(ms?: number): void } }).__spof.setLayoutTimeLimit(limit), ms);
  await setLimit(0);
  await studio.openFile('three-tier.spof.json', readFileSync('examples/three-tier.spof.json', 'utf8'));
  const notice = studio.byTestId(TEST_IDS.noticeMessage);
  await expect(notice).toContainText('The automatic layout did not finish: the design is shown with a rough placement');
  await expect(notice).toContainText('Choose Layout (Shift+L) to try again.');
  await expect(studio.node('lb1')).toBeVisible();
  await waitUntilLaidOut(false);

  // Still limited: the retry fails too, and the design is left as it is.
  await notice.getByTestId(TEST_IDS.layoutRetry).click();
  const error = studio.byTestId(TEST_IDS.errorMessage);
  await expect(error).toContainText('The automatic layout did not finish; the design is unchanged');
  await waitUntilLaidOut(false);

  await setLimit(undefined);
  await error.getByTestId(TEST_IDS.layoutRetry).click();
  await waitUntilLaidOut();
  await expect(error).toHaveCount(0);
  await expect(notice).toHaveCount(0);
});

test('the layout worker fetches ELK only for a design small enough to use it', async () => {
  const { page } = studio;
  const elkRequests: string[] = [];
  page.on('request', (r) => {
    if (/elk[^/]*\.js$/.test(r.url())) elkRequests.push(r.url());
  });
  // Above 500 components the layering is the linear one (src/layout/quickLayering.ts).
  const estate = syntheticEstate(600, 1);
  await studio.openFile('estate.spof.json', JSON.stringify(estate));
  await waitUntilLaidOut();
  expect(elkRequests).toEqual([]);

  await openThreeTier();
  expect(elkRequests).toHaveLength(1);
});

/** The canvas's pan and zoom as React Flow draws it, once the frames after the last change are drawn. */
async function drawnView(): Promise<string> {
  const { page } = studio;
  await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
  return page.locator('.react-flow__viewport').evaluate((v) => getComputedStyle(v).transform);
}

/** Opens the example with its layout held, so the test acts on the rough placement with no race against the worker. */
async function openThreeTierHeld(): Promise<(held: boolean) => Promise<void>> {
  const { page } = studio;
  await page.goto('/?harness');
  await expect(studio.canvas).toBeVisible();
  const hold = (held: boolean) => page.evaluate((h) => (window as unknown as { __spof: { holdLayouts(held: boolean): void } }).__spof.holdLayouts(h), held);
  await hold(true);
  await studio.openFile('three-tier.spof.json', readFileSync('examples/three-tier.spof.json', 'utf8'));
  await expect(studio.node('lb1')).toBeVisible();
  return hold;
}

test('a view the person moved while the layout ran stays where they left it when the layout lands', async () => {
  const { page } = studio;
  const hold = await openThreeTierHeld();
  const opened = await drawnView();
  const box = (await studio.canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  // The wheel pans (panOnScroll); Ctrl+wheel zooms: both, as a person looking around would.
  await page.mouse.wheel(120, 240);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, 200);
  await page.keyboard.up('Control');
  await expect.poll(drawnView).not.toBe(opened);
  const moved = await drawnView();
  await hold(false);
  // The layout is applied and the fit decided in one task, before the autosave writes the draft.
  await expect.poll(() => isLaidOut(studio), { timeout: 30_000 }).toBe(true);
  expect(await drawnView()).toBe(moved);
});

test('a view left alone is fitted again to the laid-out design', async () => {
  const hold = await openThreeTierHeld();
  const opened = await drawnView();
  await hold(false);
  await expect.poll(() => isLaidOut(studio), { timeout: 30_000 }).toBe(true);
  expect(await drawnView()).not.toBe(opened);
  const canvas = (await studio.canvas.boundingBox())!;
  for (const id of ['lb1', 'lb2', 'app', 'db', 'db2']) {
    const b = await box(id);
    expect(b.x >= canvas.x && b.y >= canvas.y && b.x + b.width <= canvas.x + canvas.width && b.y + b.height <= canvas.y + canvas.height, `${id} in view`).toBe(true);
  }
});
