// Labels shown whole at 1280x800: a container's title bar gives its label the room first (the
// kind word and then the availability give way, the SPOF mark stays, the whole text is the
// bar's tooltip); the find box's matches; nothing fitted hidden under the overview map.
// The labels are measured in the page (scrollWidth against the room they were given).
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEMPLATES } from '../src/templates';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

emptyStudioForEachTest((o) => ({ studio } = o));

/** The container labels on screen that are cut short (drawn narrower than their text). */
function cutLabels(page: StudioPage['page']): Promise<string[]> {
  return page.locator('.domain-label').evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent ?? ''));
}

test('a host container as narrow as its one component shows its whole label and its SPOF mark', async () => {
  await studio.openFile('voting-stack.yaml', readFileSync('test/import/fixtures/compose/voting-stack.yaml', 'utf8'));
  const host = studio.node('host:db-node');
  await expect(host).toHaveAttribute('data-spof', 'true');
  const title = host.locator('.domain-title');
  await expect(title.locator('.domain-label')).toHaveText('db-node');
  await expect.poll(() => cutLabels(studio.page)).toEqual([]);
  await expect(title.locator('.spof-badge')).toBeVisible();
  await expect(title).toHaveAttribute('title', 'db-node · host · 99.5%');
  // The mark says what the host's failure takes down (its title written when the pointer comes).
  await title.locator('.spof-badge').hover();
  await expect(title.locator('.spof-badge')).toHaveAttribute('title', /^Single point of failure\.\nIf db-node fails, it cuts off /);
});

test('no container label of the templates is cut at 1280x800', async () => {
  for (const { id, topology } of TEMPLATES.filter((t) => t.topology.domains.length > 0)) {
    await studio.openTemplate(id);
    for (const d of topology.domains) await expect(studio.node(d.id).locator('.domain-label')).toHaveText(d.label ?? d.id);
    expect(await cutLabels(studio.page), id).toEqual([]);
  }
});

test('a collapsed region shows its whole label beside its SPOF mark', async () => {
  await studio.openTemplate('multi-region');
  const region = studio.node('use1');
  await expect(region).toHaveAttribute('data-spof', 'true');
  await region.getByTestId(TEST_IDS.collapseToggle).first().click();
  await expect(region.getByTestId(TEST_IDS.containerSummary)).toBeVisible();
  await expect(region.locator('.domain-title .spof-badge')).toBeVisible();
  await expect.poll(() => cutLabels(studio.page)).toEqual([]);
});

test('the find box lists each match with its whole label, the id and type on a line of their own', async ({ page }) => {
  await studio.openTemplate('multi-region');
  await page.locator('body').press('Control+f');
  await page.keyboard.type('replica');
  const rows = studio.byTestId(TEST_IDS.findResults).locator('li');
  await expect(rows).toHaveCount(2);
  const labels = rows.locator('.find-label');
  await expect(labels).toHaveText(['Read replica (US)', 'Read replica (EU)']);
  expect(await labels.evaluateAll((ls) => ls.filter((l) => l.scrollWidth > l.clientWidth + 1).length)).toBe(0);
  await expect(rows.first()).toHaveAttribute('title', 'Read replica (US) (db-replica-us)');
});

test('fit view keeps every component clear of the overview map, and never zooms in past 1', async ({ page }) => {
  type Box = { x: number; y: number; width: number; height: number };
  const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (const id of ['stage6', 'active-passive', 'active-active', 'stage1']) {
    await studio.openTemplate(id);
    await page.locator('.react-flow__controls-fitview').click();
    const map = (await studio.byTestId(TEST_IDS.overview).boundingBox())!;
    const underMap = async () => {
      const cards = await page.locator('.react-flow__node-component').evaluateAll((ns) => ns.map((n) => {
        const r = n.getBoundingClientRect();
        return { id: n.getAttribute('data-id'), box: { x: r.x, y: r.y, width: r.width, height: r.height } };
      }));
      return cards.length === 0 ? ['no card drawn'] : cards.filter((c) => overlaps(c.box, map)).map((c) => c.id);
    };
    // The fit is animated: wait for its end state, not for a time.
    await expect.poll(underMap, { message: id }).toEqual([]);
    const zoom = () => page.locator('.react-flow__viewport').evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a);
    await expect.poll(zoom, { message: id }).toBeLessThanOrEqual(1);
  }
});
