// Share links and the Mermaid preview in real Chromium: a link opens the same design in a
// fresh browser; a damaged or hostile link opens nothing and keeps the autosaved draft.
import { expect, test, type Page } from '@playwright/test';
import { encodeShareHash } from '../src/io/shareLink';
import type { Topology } from '../src/model';
import { TEMPLATES } from '../src/templates';
import { emptyStudioForEachTest } from './pages/eachTest';
import { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

emptyStudioForEachTest((o) => ({ studio } = o));

const template = (id: string) => TEMPLATES.find((t) => t.id === id)!.topology;

test('a share link opened in a fresh browser shows the same design, then leaves the address clean', async ({ browser }) => {
  await studio.openTemplate('multi-region');
  const design = await studio.waitForDraft((d) => d.name === template('multi-region').name);
  const link = await studio.makeShareLink();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#topology=deflate:[A-Za-z0-9_-]+$/);
  await expect(studio.byTestId('share-status')).toHaveAttribute('data-copied', 'true');

  const fresh = await browser.newContext();
  try {
    const other = new StudioPage(await fresh.newPage());
    await other.page.goto(link);
    await expect(other.byTestId(TEST_IDS.docName)).toHaveText(template('multi-region').name);
    await expect(other.nodes).toHaveCount(design.components.length + (design.domains as unknown[]).length);
    await expect(other.node('db-primary')).toBeVisible();
    await expect(other.byTestId(TEST_IDS.errorMessage)).toHaveCount(0);
    expect(await other.waitForDraft((d) => d.name === design.name)).toEqual(design);
    expect(new URL(other.page.url()).hash).toBe('');
    // Opening the link was one step: undo goes back to the empty design, redo returns.
    await other.undo();
    await expect(other.nodes).toHaveCount(0);
    await other.redo();
    await expect(other.node('db-primary')).toBeVisible();
    // A reload opens the autosaved design, not the link again.
    await other.waitForDraft((d) => d.name === design.name);
    await other.page.reload();
    await expect(other.byTestId(TEST_IDS.docName)).toHaveText(template('multi-region').name);
    await expect(other.byTestId(TEST_IDS.undo)).toBeDisabled();
    expect(other.consoleErrors).toEqual([]);
  } finally {
    await fresh.close();
  }
});

async function openLink(page: Page, hash: string): Promise<void> {
  // A real page load with the hash, not a hash change of the open page.
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await expect(page.getByTestId(TEST_IDS.canvas)).toBeVisible();
}

test('a damaged or hostile link opens nothing, says why, and keeps the autosaved design', async ({ page }) => {
  await studio.openTemplate('stage4');
  const draft = await studio.waitForDraft((d) => d.name === template('stage4').name);
  const good = encodeShareHash(template('stage2'));
  const bad = { ...template('stage2'), components: template('stage2').components.map((c, i) => (i === 1 ? { ...c, availability: 1.5 } : c)) } as Topology;
  const cases: [string, RegExp][] = [
    [good.slice(0, good.length - 25), /damaged/],
    [good.replace('deflate:', 'deflate:%%'), /damaged/],
    [good.replace('deflate:', 'gzip:'), /codec "gzip"/],
    [encodeShareHash(bad), /components\[1\]\.availability: must be > 0 and <= 1 \(got 1\.5\)/],
  ];
  for (const [hash, why] of cases) {
    await openLink(page, hash);
    const error = studio.byTestId(TEST_IDS.errorMessage);
    await expect(error).toContainText('The shared link was not opened');
    await expect(error).toContainText(why);
    await expect(studio.byTestId(TEST_IDS.docName)).toHaveText(template('stage4').name);
    await page.waitForTimeout(400); // longer than the autosave's debounce
    expect(await studio.savedDraft()).toEqual(draft);
  }
  // A good link pasted into the address bar of the open tab opens without a reload.
  await page.evaluate((h) => { window.location.hash = h; }, good);
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText(template('stage2').name);
});

test('the Mermaid drawer draws the design with mermaid, SPOFs highlighted, in either direction', async () => {
  await studio.openTemplate('stage3');
  await expect(studio.node('lb')).toHaveAttribute('data-spof', 'true');
  await studio.openMermaid();
  const text = studio.byTestId(TEST_IDS.mermaidText);
  await expect(text).toHaveValue(/^flowchart TB/);
  await expect(text).toHaveValue(/\n\s*class [^\n]*\blb\b[^\n]* spof/);
  const svg = studio.byTestId(TEST_IDS.mermaidDiagram).locator('svg');
  await expect(svg).toBeVisible();
  // One drawn node per component, one cluster per domain.
  await expect(svg.locator('g.node')).toHaveCount(template('stage3').components.length);
  await expect(svg.locator('g.cluster')).toHaveCount(template('stage3').domains.length);
  await studio.byTestId(TEST_IDS.mermaidDirection('LR')).click();
  await expect(text).toHaveValue(/^flowchart LR/);
  await expect(studio.byTestId(TEST_IDS.mermaidDiagramState)).toHaveAttribute('data-state', 'ready');
  // The drawer follows edits.
  await studio.openTemplate('stage4');
  await expect(text).toHaveValue(new RegExp(template('stage4').components.map((c) => c.id).filter((id) => !template('stage3').components.some((c) => c.id === id))[0]));
});
