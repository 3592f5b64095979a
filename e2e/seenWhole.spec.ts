// Large designs seen whole (issue 20): fit view shows every node of the 1,000-component
// estate, a container collapses to one node with its counts and SPOFs and expands back with
// the analysis unchanged, and the find box selects and centres an element.
import { expect, test } from '@playwright/test';
import ELK from 'elkjs/lib/elk.bundled.js';
import { syntheticEstate } from '../bench/engine/estate';
import { layoutTopology } from '../src/layout';
import { parseTopology, serializeTopology } from '../src/model';
import { templateById } from '../src/templates';
import { AnalysisPanel } from './pages/AnalysisPanel';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

emptyStudioForEachTest((o) => ({ studio } = o));

type Box = { x: number; y: number; width: number; height: number };
const within = (outer: Box, inner: Box) =>
  inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;

test('fit view shows every node of the 1,000-component estate, without text that small', async ({ page }) => {
  test.setTimeout(300_000);
  const parsed = parseTopology(syntheticEstate(1000, 1));
  if (!parsed.ok) throw new Error('the estate must be valid');
  const estate = parsed.topology;
  // Laid out here with the app's own layout, as a saved design carries it.
  const { positions, sizes } = await layoutTopology(estate, { elk: new ELK() });
  await studio.openFile('estate.spof.json', serializeTopology({ ...estate, view: { ...estate.view, positions, sizes } }));
  const analysis = new AnalysisPanel(page);
  await analysis.settled(120_000);

  await page.keyboard.press('Shift+!');
  // Far out, the components are drawn by one SVG layer (no text); the containers stay React Flow's nodes.
  const far = page.getByTestId('far-layer');
  await expect(far.locator('rect[data-id]')).toHaveCount(estate.components.length, { timeout: 60_000 });
  await expect(studio.canvas).toHaveClass(/is-far/);
  await expect(page.locator('.react-flow__node-component')).toHaveCount(0);
  const canvas = (await studio.canvas.boundingBox())!;
  const boxes = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-testid="far-layer"] rect[data-id], .react-flow__node')].map((el) => {
    const r = el.getBoundingClientRect();
    return [el.getAttribute('data-id')!, { x: r.x, y: r.y, width: r.width, height: r.height }];
  })));
  for (const id of [...estate.components, ...estate.domains].map((n) => n.id)) {
    expect(boxes[id], id).toBeDefined();
    expect(within(canvas, boxes[id]), `${id} lies on the canvas`).toBe(true);
  }
  // SPOF marks are kept: the estate's single instances are SPOFs.
  expect(await far.locator('rect.is-spof').count()).toBeGreaterThan(0);
  // A click on a component zooms in on it, selected, drawn as a card again.
  const first = estate.components.find((c) => c.id.startsWith('r1-'))!;
  await far.locator(`rect[data-id="${first.id}"]`).click({ force: true });
  await expect(studio.node(first.id)).toHaveClass(/selected/);
  await expect(studio.node(first.id).locator('.node-label')).toBeVisible();
});

test('a region collapses to one node with its counts and SPOFs, and expands back; the analysis is unchanged', async ({ page }) => {
  await studio.openTemplate('multi-region');
  const analysis = new AnalysisPanel(page);
  await analysis.settled();
  const availability = await analysis.availability.getAttribute('data-value');
  const spofs = await analysis.spofItems.count();
  const region = templateById('multi-region')!.topology.domains.find((d) => d.kind === 'region')?.id;
  expect(region, 'the template has a region').toBeDefined();

  const before = await studio.nodes.count();
  const overview = studio.byTestId(TEST_IDS.overview).locator('rect[data-id]');
  const drawnBefore = await overview.count();
  await studio.node(region!).getByTestId(TEST_IDS.collapseToggle).click();
  await expect(studio.node(region!).getByTestId(TEST_IDS.containerSummary)).toContainText(/\d+ components/);
  expect(await studio.nodes.count()).toBeLessThan(before);
  // The overview map draws the collapsed region as one block, as the canvas does.
  await expect(studio.byTestId(TEST_IDS.overview).locator(`rect[data-id="${region}"]`)).toHaveClass(/overview-node/);
  await expect(overview).toHaveCount(drawnBefore - (before - await studio.nodes.count()));
  await expect(analysis.availability).toHaveAttribute('data-value', availability!);
  await expect(analysis.spofItems).toHaveCount(spofs);

  await studio.node(region!).getByTestId(TEST_IDS.collapseToggle).click();
  await expect(studio.nodes).toHaveCount(before);
  await expect(studio.node(region!).getByTestId(TEST_IDS.containerSummary)).toHaveCount(0);
  await expect(analysis.availability).toHaveAttribute('data-value', availability!);
  await expect(analysis.spofItems).toHaveCount(spofs);
});

test('Ctrl+F and a label select the element and centre it', async ({ page }) => {
  await studio.openTemplate('multi-region');
  await new AnalysisPanel(page).settled();
  await page.keyboard.press('Control+f');
  const find = studio.byTestId(TEST_IDS.find);
  await expect(find).toBeFocused();
  const last = templateById('multi-region')!.topology.components.at(-1)!;
  const target = { id: last.id, label: last.label ?? last.id };
  await find.fill(target.label);
  await expect(studio.byTestId(TEST_IDS.findResults).locator(`[data-element-id="${target.id}"]`)).toBeVisible();
  await find.press('Enter');
  await expect(studio.node(target.id)).toHaveClass(/selected/);
  await expect(studio.field('label')).toHaveValue(target.label);
  // Centred: the node's middle is near the canvas's middle once the view has moved.
  const canvas = (await studio.canvas.boundingBox())!;
  await expect.poll(async () => {
    const b = (await studio.node(target.id).boundingBox())!;
    return Math.hypot(b.x + b.width / 2 - (canvas.x + canvas.width / 2), b.y + b.height / 2 - (canvas.y + canvas.height / 2));
  }).toBeLessThan(4);
});
