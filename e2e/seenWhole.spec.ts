// Large designs seen whole (issue 20): fit view shows every node of the 1,000-component
// estate, a container collapses to one node with its counts and SPOFs and expands back with
// the analysis unchanged, and the find box selects and centres an element.
import { expect, test, type Page } from '@playwright/test';
import ELK from 'elkjs/lib/elk.bundled.js';
import { syntheticEstate } from '../bench/engine/estate';
import { layoutTopology } from '../src/layout';
import { parseTopology, serializeTopology } from '../src/model';
import { absoluteRects, containerOf } from '../src/model/geometry';
import { templateById } from '../src/templates';
import { AnalysisPanel } from './pages/AnalysisPanel';
import { redPixels } from './pages/pixels';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

emptyStudioForEachTest((o) => ({ studio } = o));

type Box = { x: number; y: number; width: number; height: number };
const within = (outer: Box, inner: Box) =>
  inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;

/** Where the canvas shows a rectangle of the design, from React Flow's viewport (the page's own transform). */
async function onScreen(page: Page): Promise<(r: Box) => Box> {
  const t = await page.locator('.react-flow__viewport').evaluate((el) => {
    const origin = el.parentElement!.getBoundingClientRect();
    const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
    return { x: origin.x + m.e, y: origin.y + m.f, zoom: m.a };
  });
  return (r) => ({ x: t.x + r.x * t.zoom, y: t.y + r.y * t.zoom, width: r.width * t.zoom, height: r.height * t.zoom });
}

const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
const middle = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

test('fit view shows every node of the 1,000-component estate in a few elements; hover names one, a click zooms in on a component or a container', async ({ page }) => {
  test.setTimeout(300_000);
  const parsed = parseTopology(syntheticEstate(1000, 1));
  if (!parsed.ok) throw new Error('the estate must be valid');
  // Laid out here with the app's own layout, as a saved design carries it.
  const { positions, sizes } = await layoutTopology(parsed.topology, { elk: new ELK() });
  const estate = { ...parsed.topology, view: { ...parsed.topology.view, positions, sizes } };
  const rects = absoluteRects(estate);
  await studio.openFile('estate.spof.json', serializeTopology(estate));
  const analysis = new AnalysisPanel(page);
  await analysis.settled(120_000);

  await page.keyboard.press('Shift+!');
  // Far out, one SVG layer draws the whole design as a few shapes (no text): React Flow mounts
  // nothing. A mark per component and a node per container held the whole estate's reload 12 s.
  const far = page.getByTestId('far-layer');
  await expect(studio.canvas).toHaveClass(/is-far/);
  await expect(far).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  expect(await far.locator('*').count()).toBeLessThan(20);
  const canvas = (await studio.canvas.boundingBox())!;
  const toScreen = await onScreen(page);
  for (const id of [...estate.components, ...estate.domains].map((n) => n.id)) {
    expect(within(canvas, toScreen(rects.get(id)!)), `${id} lies on the canvas`).toBe(true);
  }
  // The drawing covers them all: its box is theirs.
  const drawn = (await far.boundingBox())!;
  const all = [...rects.values()].map(toScreen);
  expect(drawn.x).toBeCloseTo(Math.min(...all.map((b) => b.x)), 0);
  expect(drawn.width).toBeCloseTo(Math.max(...all.map((b) => b.x + b.width)) - drawn.x, 0);
  // SPOF marks are kept: the estate's single instances are SPOFs, painted red.
  // (The status can read idle before the opened file's analysis has started: the marks come with the answer.)
  await expect.poll(() => redPixels(page, studio.canvas, [page.getByTestId(TEST_IDS.overview)]), { timeout: 120_000 }).toBeGreaterThan(200);

  // Hover names the component under the pointer.
  const first = estate.components.find((c) => c.id.startsWith('r1-'))!;
  const at = middle(toScreen(rects.get(first.id)!));
  await page.mouse.move(at.x, at.y);
  await expect(page.getByTestId('far-tip')).toHaveText(startsWith(first.label ?? first.id));
  await expect(page.getByTestId('far-tip')).toHaveAttribute('data-kind', 'component');
  // A click on it zooms in on it, selected, drawn as a card again, with its containers back.
  await page.mouse.click(at.x, at.y);
  await expect(studio.node(first.id)).toHaveClass(/selected/);
  await expect(studio.node(first.id).locator('.node-label')).toBeVisible();
  await expect(studio.canvas).not.toHaveClass(/is-far/);
  await expect(page.getByTestId('far-layer')).toHaveCount(0);
  await expect(studio.node(containerOf(estate, first.id)!)).toBeVisible();

  // Far out again, a click inside a container and away from every component selects that container and zooms to it.
  await page.keyboard.press('Shift+!');
  await expect(studio.canvas).toHaveClass(/is-far/);
  const again = await onScreen(page);
  const parentOf = new Set(estate.domains.map((d) => d.parent));
  const zone = estate.domains.find((d) => !parentOf.has(d.id) && estate.components.some((c) => containerOf(estate, c.id) === d.id))!;
  const box = again(rects.get(zone.id)!);
  const clear = (p: { x: number; y: number }) => estate.components.every((c) => {
    const b = again(rects.get(c.id)!);
    return Math.hypot(Math.max(b.x - p.x, 0, p.x - b.x - b.width), Math.max(b.y - p.y, 0, p.y - b.y - b.height)) > 12;
  });
  const spots = Array.from({ length: 100 }, (_, i) => ({ x: box.x + box.width * ((i % 10) + 0.5) / 10, y: box.y + box.height * (Math.floor(i / 10) + 0.5) / 10 }));
  const spot = spots.find(clear);
  expect(spot, `a spot in ${zone.id} clear of its components`).toBeDefined();
  await page.mouse.move(spot!.x, spot!.y);
  await expect(page.getByTestId('far-tip')).toHaveText(startsWith(zone.label ?? zone.id));
  await page.mouse.click(spot!.x, spot!.y);
  // Selected (the inspector shows it) and fitted: it fills the view now.
  await expect(studio.field('label')).toHaveValue(zone.label ?? zone.id);
  await expect.poll(async () => {
    const b = (await onScreen(page))(rects.get(zone.id)!);
    return Math.max(b.width / canvas.width, b.height / canvas.height);
  }, { timeout: 10_000 }).toBeGreaterThan(0.5);
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
