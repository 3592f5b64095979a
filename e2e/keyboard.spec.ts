// The keyboard and the small things around it: menus that close as menus do, the kind of new
// links shown as a mode.
import { expect, test } from '@playwright/test';
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

test('the Templates menu closes on Escape (focus back on its button) and on a click on the canvas', async ({ page }) => {
  const menu = studio.byTestId(TEST_IDS.templatesMenu);
  await menu.click();
  await expect(studio.byTestId(TEST_IDS.template('stage1'))).toBeVisible();
  await studio.byTestId(TEST_IDS.template('stage1')).focus();
  await page.keyboard.press('Escape');
  await expect(studio.byTestId(TEST_IDS.template('stage1'))).toHaveCount(0);
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  await menu.click();
  await expect(studio.byTestId(TEST_IDS.template('stage1'))).toBeVisible();
  // The canvas's pan handler swallows the press; the menu must still hear it.
  const canvas = (await studio.canvas.boundingBox())!;
  await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height - 60);
  await expect(studio.byTestId(TEST_IDS.template('stage1'))).toHaveCount(0);

  // The Export menu behaves the same.
  await studio.openTemplate('stage1');
  await studio.byTestId(TEST_IDS.exportMenu).click();
  await expect(studio.byTestId(TEST_IDS.exportSvg)).toBeVisible();
  await page.mouse.click(canvas.x + 20, canvas.y + canvas.height - 120);
  await expect(studio.byTestId(TEST_IDS.exportSvg)).toHaveCount(0);
});

test('the kind of new links is a mode: two segments, one pressed, R switches', async ({ page }) => {
  const dependency = studio.byTestId(TEST_IDS.linkModeOption('dependency'));
  const replication = studio.byTestId(TEST_IDS.linkModeOption('replication'));
  await expect(studio.byTestId(TEST_IDS.linkMode)).toHaveAttribute('role', 'group');
  await expect(dependency).toHaveAttribute('aria-pressed', 'true');
  await expect(replication).toHaveAttribute('aria-pressed', 'false');
  // Pressing the segment in force keeps the mode (a mode, not an action).
  await dependency.click();
  await expect(dependency).toHaveAttribute('aria-pressed', 'true');
  await page.locator('body').press('r');
  await expect(replication).toHaveAttribute('aria-pressed', 'true');
  await expect(dependency).toHaveAttribute('aria-pressed', 'false');
});
