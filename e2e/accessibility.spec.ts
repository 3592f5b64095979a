// Accessibility in real Chromium with axe-core: no serious or critical violation on the main
// screens (empty, a template analysed, a menu open, a dialog open, what-if mode), WCAG 2.1 AA.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { COLLAPSED_SIZE } from '../src/canvas/collapse';
import { rectPath } from '../src/canvas/farDrawing';
import { absoluteRects, containerOf } from '../src/model/geometry';
import { templateById } from '../src/templates';
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

/** Where the focus is far out: on a stop (the id its tooltip names), on a container's collapse button, or outside. */
const farFocus = (page: Page) => page.evaluate(() => {
  const a = document.activeElement as HTMLElement | null;
  if (a?.dataset.testid === 'far-focus') return `stop:${document.querySelector('[data-testid="far-tip"]')?.getAttribute('data-id')}`;
  if (a?.dataset.testid === 'collapse-toggle') return `toggle:${a.dataset.id}`;
  return 'out';
});

/** The blocks the far layer draws for collapsed containers, red or not. */
const collapsedDrawn = (page: Page) => page.locator('path.far-domain.is-collapsed').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')).join(''));

/** Presses a key and waits for the focus to move (a key that moves nothing fails here). */
async function step(page: Page, key: string): Promise<string> {
  const before = await farFocus(page);
  await page.keyboard.press(key);
  await expect.poll(() => farFocus(page)).not.toBe(before);
  return farFocus(page);
}

test('far out by keyboard: Tab walks every container, each then its collapse button, and every SPOF, with a ring, a tooltip and words for screen readers; Enter zooms in, the card focused', async ({ page }) => {
  const design = templateById('multi-region')!.topology;
  const rects = absoluteRects(design);
  await studio.openTemplate('multi-region');
  await analysed(studio);
  await studio.zoomOutFar();
  const components = new Set(design.components.map((c) => c.id));
  const spofs = (await studio.byTestId(TEST_IDS.spofItem).evaluateAll((items) => items.map((i) => i.getAttribute('data-element-id')!))).filter((id) => components.has(id));
  expect(spofs.length).toBeGreaterThan(0);

  // In from the palette's last button, as near.
  await studio.byTestId('shortcuts-open').focus();
  const walk = [await step(page, 'Tab')];
  expect(walk[0]).toMatch(/^stop:/);
  const far = studio.byTestId('far-focus');
  await expect(far).toHaveAttribute('aria-describedby', 'far-tip');
  const first = walk[0].slice(5);
  const tip = studio.byTestId('far-tip');
  const name = (id: string) => [...design.components, ...design.domains].find((x) => x.id === id)!.label ?? id;
  await expect(tip).toHaveText(new RegExp(`^${name(first).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expect(studio.byTestId('far-announce')).toContainText(`${name(first)}, `);
  await expect(studio.byTestId('far-announce')).toContainText(/; 1 of \d+$/);
  // The ring is drawn round it, a few pixels out.
  const ring = (await page.locator('path.far-focus-ring').getAttribute('d'))!;
  const r = rects.get(first)!;
  const [x, y, w] = ring.match(/-?[\d.]+/g)!.map(Number);
  expect(x).toBeLessThan(r.x);
  expect(y).toBeLessThan(r.y);
  expect(w).toBeGreaterThan(r.width);
  while (walk.at(-1) !== 'out') walk.push(await step(page, 'Tab'));
  expect(walk.length).toBeLessThan(60);

  const stops = walk.filter((w) => w.startsWith('stop:')).map((w) => w.slice(5));
  expect(new Set(stops)).toEqual(new Set([...design.domains.map((d) => d.id), ...spofs]));
  expect(stops.length).toBe(new Set(stops).size);
  // Each container is followed by its collapse button; a container comes before what is inside it.
  walk.forEach((w, i) => {
    const id = w.slice(5);
    if (w.startsWith('stop:') && !components.has(id)) expect(walk[i + 1], `${id}'s button`).toBe(`toggle:${id}`);
    if (w.startsWith('toggle:')) expect(walk[i - 1]).toBe(`stop:${w.slice(7)}`);
    const holder = w.startsWith('stop:') ? (components.has(id) ? containerOf(design, id) : design.domains.find((d) => d.id === id)!.parent) : undefined;
    if (holder !== undefined) expect(stops.indexOf(holder), `${holder} before ${id}`).toBeLessThan(stops.indexOf(id));
  });

  // Shift+Tab walks back the same way.
  const back = ['out'];
  while (back.length < walk.length) back.push(await step(page, 'Shift+Tab'));
  expect(back).toEqual([...walk].reverse());

  // On a region's button: no serious violation; Enter collapses it, and Tab passes over what it hides.
  const region = design.domains.find((d) => d.kind === 'region' && design.domains.some((z) => z.parent === d.id))!;
  while ((await farFocus(page)) !== `toggle:${region.id}`) await step(page, 'Tab');
  await expect(studio.byTestId('collapse-toggle')).toHaveAttribute('aria-label', `Collapse ${name(region.id)}`);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/far-keyboard.png' });
  await page.keyboard.press('Enter');
  await expect(studio.byTestId('collapse-toggle')).toHaveAttribute('aria-expanded', 'false');
  const b = rects.get(region.id)!;
  await expect.poll(() => collapsedDrawn(page)).toContain(rectPath({ x: b.x, y: b.y, ...COLLAPSED_SIZE }));
  const after = await step(page, 'Tab');
  const inside = new Set(design.domains.filter((d) => d.parent === region.id).map((d) => d.id));
  expect(inside.has(after.slice(5))).toBe(false);
  await step(page, 'Shift+Tab');
  await step(page, 'Shift+Tab');
  expect(await farFocus(page)).toBe(`stop:${region.id}`);

  // Enter zooms in on it: drawn as nodes again, selected, and its card has the focus.
  await page.keyboard.press('Enter');
  await expect(studio.canvas).not.toHaveClass(/is-far/);
  await expect(studio.node(region.id)).toBeFocused();
  await expect(studio.field('label')).toHaveValue(name(region.id));
});

test('far out, the selected container has its collapse button: a click collapses it and expands it back', async ({ page }) => {
  const design = templateById('multi-region')!.topology;
  const zone = design.domains.find((d) => d.kind === 'zone')!;
  await studio.openTemplate('multi-region');
  await analysed(studio);
  await studio.node(zone.id).locator('.domain-label').click({ position: { x: 4, y: 4 } });
  await studio.zoomOutFar();
  const button = studio.byTestId('collapse-toggle');
  await expect(button).toHaveCount(1);
  await expect(button).toHaveAttribute('data-id', zone.id);
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  const r = absoluteRects(design).get(zone.id)!;
  await expect.poll(() => collapsedDrawn(page)).toContain(rectPath({ x: r.x, y: r.y, ...COLLAPSED_SIZE }));
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(() => collapsedDrawn(page)).toBe('');
});
