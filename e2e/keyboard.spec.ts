// The keyboard and the small things around it: menus that close as menus do, the kind of new
// links shown as a mode.
import { expect, test } from '@playwright/test';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

emptyStudioForEachTest((o) => ({ studio } = o));

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

const SMALL = JSON.stringify({
  format: 'spof-topology', version: 2, name: 'Keyboard',
  components: [
    { id: 'users', kind: 'client', label: 'Users' },
    { id: 'api', kind: 'service', label: 'API' },
    { id: 'db', kind: 'database', label: 'Orders DB' },
  ],
  links: [{ from: 'users', to: 'api' }],
  view: { positions: { users: { x: 0, y: 0 }, api: { x: 0, y: 160 }, db: { x: 0, y: 320 } } },
});

const focusedId = (page: import('@playwright/test').Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? document.activeElement?.getAttribute('data-testid') ?? null);

test('Tab walks the components first, then the links, with a visible focus ring; Shift+Tab walks back', async ({ page }) => {
  await studio.openFile('keyboard.spof.json', SMALL);
  await expect(studio.node('db')).toBeVisible();
  // The last stop before the canvas is the palette's shortcuts button.
  await studio.byTestId('shortcuts-open').focus();
  await page.keyboard.press('Tab');
  expect(await focusedId(page)).toBe('users');
  const ring = await studio.node('users').locator('.node-card').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).toBe('solid');
  await page.keyboard.press('Tab');
  expect(await focusedId(page)).toBe('api');
  await page.keyboard.press('Tab');
  expect(await focusedId(page)).toBe('db');
  await page.keyboard.press('Tab');
  expect(await focusedId(page)).toBe('users->api');
  const stroke = await studio.edge('users->api').locator('.react-flow__edge-path').evaluate((el) => getComputedStyle(el).stroke);
  expect(stroke).toBe('rgb(79, 70, 229)');
  // Past the last link, Tab goes on to what follows the drawing (the find box, the zoom buttons), not back to a node.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !document.activeElement?.closest('.react-flow__node, .react-flow__edge') && document.activeElement !== document.body)).toBe(true);
  // Shift+Tab comes back in on the last link, then the nodes in reverse.
  await page.keyboard.press('Shift+Tab');
  expect(await focusedId(page)).toBe('users->api');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedId(page)).toBe('db');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedId(page)).toBe('users');
  await page.keyboard.press('Shift+Tab');
  expect(await focusedId(page)).toBe('shortcuts-open');
});

test('links a component to another from the keyboard: select, C, type, Enter; one undo step', async ({ page }) => {
  await studio.openFile('keyboard.spof.json', SMALL);
  await expect(studio.node('db')).toBeVisible();
  await studio.byTestId('shortcuts-open').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await focusedId(page)).toBe('api');
  await page.keyboard.press('Enter');
  await expect(studio.field('id')).toHaveValue('api');
  await page.keyboard.press('c');
  const picker = studio.byTestId('connect-picker');
  await expect(picker).toBeVisible();
  await expect(picker).toContainText('Link API to');
  // Every other component is offered; typing narrows by label or id.
  await expect(picker.getByTestId('connect-option')).toHaveCount(2);
  await page.keyboard.type('orders');
  await expect(picker.getByTestId('connect-option')).toHaveCount(1);
  await expect(picker.getByTestId('connect-option')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveCount(0);
  await expect(studio.edge('api->db')).toHaveCount(1);
  await expect(studio.inspector).toContainText('Dependency link');
  // A repeat is refused in the picker, naming why.
  await studio.node('api').click();
  await page.keyboard.press('c');
  await page.keyboard.type('db');
  await page.keyboard.press('Enter');
  await expect(studio.byTestId('connect-problem')).toContainText('already');
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await studio.undo();
  await expect(studio.edge('api->db')).toHaveCount(0);
  await expect(studio.edge('users->api')).toHaveCount(1);
});

test('? lists every shortcut, read from the commands; Escape closes it', async ({ page }) => {
  await page.locator('body').press('?');
  const dialog = studio.byTestId('shortcuts-dialog');
  await expect(dialog).toBeVisible();
  // One row per command with a key (the unit tests hold that every key has its command's name).
  const rows = dialog.getByTestId('shortcut-row');
  for (const [keys, label] of [['Ctrl+Z', 'Undo'], ['Shift+L', 'Layout'], ['C', 'Link the selected component to…'], ['?', 'Keyboard shortcuts']]) {
    await expect(rows.filter({ hasText: label }).first()).toContainText(keys);
  }
  expect(await rows.count()).toBeGreaterThanOrEqual(15);
  // Keys inside the dialog are the dialog's: W does not switch what-if mode behind it.
  await page.keyboard.press('w');
  await expect(studio.byTestId(TEST_IDS.whatIfToggle)).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
