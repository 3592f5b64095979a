// Accessibility in real Chromium with axe-core: no serious or critical violation on the main
// screens (empty, a template analysed, a menu open, a dialog open, what-if mode), WCAG 2.1 AA.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

// axe reads every node's colours and roles: on a loaded two-core machine a page takes seconds.
test.slow();

emptyStudioForEachTest((o) => ({ studio } = o));

/** The serious and critical violations, each as "rule: target (summary)" to read in a failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? v.help})`));
}

const analysed = (studio: StudioPage) => expect(studio.byTestId(TEST_IDS.systemAvailability)).toHaveAttribute('data-value', /\d/);

test('the empty design: landmarks, a heading, no serious violation', async ({ page }) => {
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('header')).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.locator('nav')).not.toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a template analysed, and the same in what-if mode', async ({ page }) => {
  await studio.openTemplate('multi-region');
  await analysed(studio);
  expect(await seriousViolations(page)).toEqual([]);
  await studio.byTestId(TEST_IDS.whatIfToggle).click();
  await expect(studio.byTestId(TEST_IDS.whatIfToggle)).toHaveAttribute('aria-pressed', 'true');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a menu open, then the shortcuts and the link picker dialogs', async ({ page }) => {
  await studio.openTemplate('stage3');
  await analysed(studio);
  await studio.byTestId(TEST_IDS.templatesMenu).click();
  await expect(studio.byTestId(TEST_IDS.template('stage1'))).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.locator('body').press('?');
  await expect(studio.byTestId('shortcuts-dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await studio.node('lb').click();
  await page.keyboard.press('c');
  await expect(studio.byTestId('connect-picker')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
