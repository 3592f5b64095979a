// What-if, coherent (DESIGN section 3): while elements are forced down every figure on the
// screen is the what-if figure. On the multi-region template: a failed zone and then a
// failed region cut the writers off while the readers are still served; the headline says
// so with the readers' availability (never 0%), the SPOF list holds what would now also cut
// the readers off, no mark of the normal analysis stays on a failed or downed element, the
// downtime table gives way to the what-if summary, and links from what is down are drawn so.
import { expect, test, type Page } from '@playwright/test';
import { COLLAPSED_SIZE } from '../src/canvas/collapse';
import { rectPath } from '../src/canvas/farDrawing';
import { absoluteRects } from '../src/model/geometry';
import { templateById } from '../src/templates';
import type { AnalysisPanel } from './pages/AnalysisPanel';
import { pixelsOf } from './pages/pixels';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;
let analysis: AnalysisPanel;

emptyStudioForEachTest((o) => ({ studio, analysis } = o));

/** No SPOF or pair badge, and no data-spof, on any node that is failed or down. */
async function noMarksOnFailed(page: Page): Promise<void> {
  const gone = page.locator('.react-flow__node[data-failed="true"], .react-flow__node[data-down="true"]');
  expect(await gone.count()).toBeGreaterThan(0);
  await expect(page.locator('.react-flow__node[data-failed="true"][data-spof="true"], .react-flow__node[data-down="true"][data-spof="true"]')).toHaveCount(0);
  for (const node of await gone.all()) {
    // A domain's own badge row only: the nodes inside it are checked on their own.
    const own = (await node.getAttribute('class'))!.includes('react-flow__node-domain') ? node.locator('.domain-title') : node;
    await expect(own.locator('.spof-badge:not(.failed-badge)')).toHaveCount(0);
  }
}

test('multi-region: a failed zone, then a failed region, as the what-if figures say', async ({ page }) => {
  await studio.openTemplate('multi-region');
  const normal = await analysis.systemAvailability();
  // The design's own marks: the primary database and the Write API are SPOFs (of the writers).
  await expect(studio.node('db-primary')).toHaveAttribute('data-spof', 'true');
  await expect(studio.node('write-api')).toHaveAttribute('data-spof', 'true');
  await expect(studio.node('use1a')).toHaveAttribute('data-spof', 'true');

  await analysis.toggleWhatIf();
  await analysis.clickDomain('use1a');
  await analysis.settled();
  const headline = page.getByTestId('what-if-headline');
  // The writers are down; the figure is the readers', still served (not 0%).
  await expect(page.getByTestId('what-if-down')).toHaveText('Cut off: Writers');
  await expect(headline).toContainText('Readers, still served');
  const readers = Number(await analysis.availability.getAttribute('data-value'));
  expect(readers).toBeGreaterThan(0.99);
  await expect(analysis.availability).toHaveAttribute('data-client', 'readers');
  await expect(analysis.availability).not.toHaveText(/^0\.0+%$/);
  // Compared with the same client without failures, not with the design's weakest (the writers).
  await expect(page.getByTestId('what-if-before')).toHaveText(/^Readers without failures: \d+\.\d+%$/);
  // A SPOF names the others that stop serving: Route 53 cuts off the readers and stops nothing else.
  await expect(analysis.spofItem('dns')).not.toContainText('can no longer serve');
  await expect(analysis.spofItem('cdn')).toContainText('Cuts off Readers; Route 53 can no longer serve Readers.');
  await expect(page.getByTestId('what-if-clients').locator('[data-client="writers"]')).toHaveAttribute('data-served', 'false');
  await expect(page.getByTestId('what-if-stopped')).toHaveText('3 components can no longer serve');
  await expect(page.getByTestId('what-if-stopped-list')).toHaveText('Can no longer serve: App us-east-1a, Write API and Primary DB.');
  // Never "one failure away" while a client is down already.
  await expect(page.getByTestId('what-if-spofs')).toHaveText('One more failure would also cut off Readers: Route 53, Global CDN and AWS.');
  await expect(headline).not.toContainText('one failure away');
  // The SPOF list: what would now also cut off the readers, never the failed zone.
  await expect(analysis.spofItems).toHaveCount(3);
  for (const id of ['dns', 'cdn', 'aws']) await expect(analysis.spofItem(id)).toBeVisible();
  await expect(analysis.spofItem('use1a')).toHaveCount(0);
  await expect(analysis.spofItem('db-primary')).toHaveCount(0);
  // No normal-analysis mark stays on what is failed or down.
  await expect(studio.node('use1a')).toHaveAttribute('data-failed', 'true');
  for (const id of ['db-primary', 'write-api', 'writers']) await expect(studio.node(id)).toHaveAttribute('data-down', 'true');
  await noMarksOnFailed(page);
  // The what-if summary in place of the downtime table; the design's own sections wait.
  await expect(page.getByTestId('downtime-table')).toHaveCount(0);
  await expect(page.getByTestId(TEST_IDS.outagesPerYear)).toHaveCount(0);
  const summary = page.getByTestId('what-if-summary');
  await expect(summary.locator('[data-client="writers"]')).toContainText('down');
  await expect(summary.locator('[data-client="readers"]')).toContainText('a year');
  await expect(summary).not.toContainText('365 d');
  await expect(page.getByTestId(TEST_IDS.stage)).toHaveCount(0);
  await expect(page.getByTestId('what-if-note')).toContainText('leave What-if to see them');
  // Links from what is down are drawn as such.
  await expect(studio.edge('writers->write-api').locator('.link-path')).toHaveClass(/is-down/);
  await expect(studio.edge('readers->dns').locator('.link-path')).not.toHaveClass(/is-down/);
  await page.screenshot({ path: 'test-results/what-if-zone.png' });

  // The whole region: the readers are still served, through Europe.
  await analysis.clickDomain('use1');
  await analysis.settled();
  await expect(page.getByTestId('what-if-down')).toHaveText('Cut off: Writers');
  const readersNow = Number(await analysis.availability.getAttribute('data-value'));
  expect(readersNow).toBeGreaterThan(0.98);
  expect(readersNow).toBeLessThan(readers);
  // Europe now carries the readers alone: its load balancer, app server and replica are SPOFs.
  for (const id of ['dns', 'cdn', 'aws', 'euw1', 'lb-eu', 'app-eu1', 'db-replica-eu']) await expect(analysis.spofItem(id)).toBeVisible();
  await expect(analysis.spofItem('use1')).toHaveCount(0);
  await expect(studio.node('lb-eu')).toHaveAttribute('data-spof', 'true');
  for (const id of ['lb-us', 'app-us2', 'db-replica-us']) await expect(studio.node(id)).toHaveAttribute('data-down', 'true');
  await noMarksOnFailed(page);
  await expect(studio.edge('cdn->lb-us').locator('.link-path')).toHaveClass(/is-down/);
  await page.screenshot({ path: 'test-results/what-if-region.png' });

  // Leaving what-if brings the design's figures and marks back.
  await analysis.toggleWhatIf();
  await analysis.settled();
  expect(await analysis.systemAvailability()).toBe(normal);
  await expect(studio.node('db-primary')).toHaveAttribute('data-spof', 'true');
  await expect(page.getByTestId('downtime-table')).toBeVisible();
  await expect(page.locator('.link-path.is-down')).toHaveCount(0);
});

test('a design without a client: the entry points in what-if, and what nothing reaches still listed', async ({ page }) => {
  await studio.openFile('no-client.spof.json', JSON.stringify({
    format: 'spof-topology', version: 2, name: 'No client',
    components: [
      { id: 'lb', kind: 'loadbalancer', label: 'LB', availability: 0.99 },
      { id: 'api', kind: 'app', label: 'API', replicas: 2, availability: 0.9 },
      { id: 'db', kind: 'database', label: 'Orders DB', availability: 0.999 },
      { id: 'batch', kind: 'service', label: 'Batch', availability: 0.95 },
      { id: 'mon', kind: 'service', label: 'Monitor' },
    ],
    links: [{ from: 'lb', to: 'api' }, { from: 'api', to: 'db' }, { from: 'batch', to: 'db' }, { from: 'mon', to: 'api', optional: true }],
  }));
  await analysis.settled();
  await analysis.toggleWhatIf();
  await studio.node('api').click();
  await analysis.settled();
  await expect(page.getByTestId('what-if-down')).toHaveText('Cut off: Users of LB');
  // Batch's users are still served: Batch and the database, 0.95 x 0.999.
  expect(Number(await analysis.availability.getAttribute('data-value'))).toBeCloseTo(0.95 * 0.999, 12);
  await expect(page.getByTestId('what-if-stopped')).toHaveText('1 component can no longer serve');
  await expect(studio.byTestId(TEST_IDS.unreached)).toContainText('Monitor');
  for (const id of ['db', 'batch']) await expect(analysis.spofItem(id)).toBeVisible();
  await noMarksOnFailed(page);
  await page.screenshot({ path: 'test-results/what-if-entry-points.png' });
});

test('every client down: no figure read as the system, no SPOF to list, no "one failure away"', async ({ page }) => {
  await studio.openTemplate('stage3');
  await analysis.toggleWhatIf();
  await studio.node('lb').click();
  await analysis.settled();
  await expect(analysis.availability).toHaveText('All clients down');
  await expect(analysis.availability).toHaveAttribute('data-value', '0');
  await expect(page.getByTestId('what-if-down')).toHaveText('Cut off: Users');
  // The load balancer failed by hand is not counted among what stops serving: the DNS is.
  await expect(page.getByTestId('what-if-stopped')).toHaveText('1 component can no longer serve');
  await expect(page.getByTestId('what-if-stopped-list')).toHaveText('Can no longer serve: DNS.');
  await expect(page.getByTestId('what-if-spofs')).toHaveCount(0);
  await expect(analysis.spofList).toHaveText('No client is served while these failures last.');
  await noMarksOnFailed(page);
});

test('far out, a failed component shows: drawn failed, what went down grey, and every container holding them marked, collapsed too', async ({ page }) => {
  const rects = absoluteRects(templateById('multi-region')!.topology);
  const box = (id: string) => rectPath(rects.get(id)!);
  await studio.openTemplate('multi-region');
  await analysis.settled();
  await analysis.toggleWhatIf();
  await studio.node('db-primary').click();
  await analysis.settled();
  await expect(page.getByTestId('what-if-down')).toHaveText('Cut off: Writers');

  await studio.zoomOutFar();
  const far = page.getByTestId('far-layer');
  await expect(far.locator('path.far-node.is-failed')).toHaveAttribute('d', box('db-primary'));
  const down = (await far.locator('path.far-node.is-down').getAttribute('d'))!;
  for (const id of ['write-api', 'writers']) expect(down, `${id} is drawn down`).toContain(box(id));
  // Its zone, its region and the provider hold a failure; Europe holds none.
  const affected = (await far.locator('path.far-domain.is-affected').getAttribute('d'))!;
  for (const id of ['use1a', 'use1', 'aws']) expect(affected, `${id} is marked`).toContain(box(id));
  expect(affected).not.toContain(box('euw1'));
  // Painted: the failed card's slate, which nothing else far out is drawn in.
  expect(await pixelsOf(page, studio.canvas, [0x47, 0x55, 0x69], [page.locator('.react-flow__panel')])).toBeGreaterThan(100);

  await page.screenshot({ path: 'test-results/what-if-far.png' });

  // Collapsed, the region hides the failed database: the block says something inside failed.
  await page.keyboard.press('Shift+!');
  await expect(studio.canvas).not.toHaveClass(/is-far/);
  await studio.node('use1').getByTestId(TEST_IDS.collapseToggle).click();
  await expect(studio.node('use1').getByTestId(TEST_IDS.containerSummary)).toBeVisible();
  await studio.zoomOutFar();
  await expect(far.locator('path.far-node.is-failed')).toHaveCount(0);
  const r = rects.get('use1')!;
  await expect(far.locator('path.far-domain.is-collapsed.is-affected')).toHaveAttribute('d', rectPath({ x: r.x, y: r.y, ...COLLAPSED_SIZE }));
  // Hovering it says so.
  const t = await page.locator('.react-flow__viewport').evaluate((el) => {
    const origin = el.parentElement!.getBoundingClientRect();
    const m = new DOMMatrixReadOnly(getComputedStyle(el).transform);
    return { x: origin.x + m.e, y: origin.y + m.f, zoom: m.a };
  });
  await page.mouse.move(t.x + (r.x + COLLAPSED_SIZE.width / 2) * t.zoom, t.y + (r.y + COLLAPSED_SIZE.height * 0.75) * t.zoom);
  await expect(page.getByTestId('far-tip')).toHaveAttribute('data-id', 'use1');
  await expect(page.getByTestId('far-tip')).toContainText('something inside failed or down');
  await page.screenshot({ path: 'test-results/what-if-far-collapsed.png' });
});
