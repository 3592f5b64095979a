// A container's title bar gives its label the room first: the kind word and then the
// availability give way, the SPOF mark stays, and the whole text is the bar's tooltip.
// The labels are measured in the page (scrollWidth against the room they were given).
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEMPLATES } from '../src/templates';

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
});

test('no container label of the templates is cut at 1280x800', async () => {
  for (const { id, topology } of TEMPLATES.filter((t) => t.topology.domains.length > 0)) {
    await studio.openTemplate(id);
    for (const d of topology.domains) await expect(studio.node(d.id).locator('.domain-label')).toHaveText(d.label ?? d.id);
    expect(await cutLabels(studio.page), id).toEqual([]);
  }
});
