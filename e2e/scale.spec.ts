// A large design on the canvas: past a few hundred nodes only what is on screen is drawn
// (src/canvas/visibleOnly.ts), yet the analysis covers everything and an image export,
// drawn from the document, holds every node and link. The design is the benchmark's seeded estate.
import { expect, test } from '@playwright/test';
import { syntheticEstate } from '../bench/engine/estate';
import { VISIBLE_ONLY_FROM } from '../src/canvas/visibleOnly';
import { AnalysisPanel } from './pages/AnalysisPanel';
import { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

test('a design past the visible-only threshold draws only what is on screen; its SVG export holds every node, label and link', async ({ page }) => {
  test.setTimeout(120_000);
  const studio = new StudioPage(page);
  await studio.useDownloadsForSave();
  await studio.openEmpty();
  // Just past the threshold (the estate has 13 domains): the export of a bigger one only takes longer.
  const estate = syntheticEstate(VISIBLE_ONLY_FROM - 13 + 5, 3);
  const nodeCount = estate.components.length + (estate.domains?.length ?? 0);
  expect(nodeCount).toBeGreaterThanOrEqual(VISIBLE_ONLY_FROM);
  // No positions: the auto-layout places it on opening.
  await studio.openFile('estate.spof.json', JSON.stringify(estate));
  const analysis = new AnalysisPanel(page);
  await analysis.settled(60_000);
  await expect(analysis.availability).toHaveAttribute('data-value', /^0\.9/);
  // The estate is far wider than the canvas even zoomed out: most nodes are not mounted.
  await expect.poll(() => page.locator('.react-flow__node').count()).toBeLessThan(nodeCount / 2);

  const svg = await studio.downloaded(await studio.exportFrom(TEST_IDS.exportSvg));
  const text = svg.bytes.toString('utf8');
  expect(text).not.toContain('foreignObject');
  for (const c of estate.components) {
    expect(text, c.id).toContain(`data-id="${c.id}"`);
    expect(text, c.id).toContain(`>${c.label}<`);
  }
  const links = text.match(/<g data-id="[^"]*" data-type="(dependency|replication)">/g) ?? [];
  expect(links).toHaveLength(estate.links!.length);
  // The canvas itself still draws only what is on screen.
  await expect.poll(() => page.locator('.react-flow__node').count()).toBeLessThan(nodeCount / 2);
  expect(studio.consoleErrors).toEqual([]);
});
