// The designer canvas in real Chromium, through the automation contract's test ids.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { TEMPLATES } from '../src/templates';
import { emptyStudioForEachTest } from './pages/eachTest';
import { StudioPage } from './pages/StudioPage';
import { draftText, keptAside, setDraftText } from './pages/storage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

emptyStudioForEachTest((o) => ({ studio } = o), { saveToDownloads: true });

test('adds components from the palette, by drag and by click, and connects them', async () => {
  await studio.dragFromPalette('client', { x: 300, y: 80 });
  await studio.dragFromPalette('web', { x: 300, y: 320 });
  await expect(studio.node('users')).toBeVisible();
  await expect(studio.node('web')).toBeVisible();
  await studio.connect('users', 'web');
  // Dropped one above the other (the view no longer jumps after the first drop): a straight
  // vertical link has no width, so it is counted rather than asked for a visible box.
  await expect(studio.edge('users->web')).toHaveCount(1);
  // The new link is selected and the inspector shows it.
  await expect(studio.inspector).toContainText('Dependency link');
  await expect(studio.field('group')).toHaveAttribute('placeholder', 'web');

  await studio.addFromPalette('database');
  await expect(studio.node('db')).toBeVisible();
  await expect(studio.field('id')).toHaveValue('db');
  await expect(studio.field('kind')).toHaveValue('database');
});

test('draws a replication link in replication mode, dashed and labelled', async () => {
  await studio.dragFromPalette('database', { x: 200, y: 200 });
  await studio.dragFromPalette('database', { x: 520, y: 200 });
  // New links' kind is a mode: two segments, the pressed one in force.
  await expect(studio.byTestId(TEST_IDS.linkModeOption('dependency'))).toHaveAttribute('aria-pressed', 'true');
  await studio.byTestId(TEST_IDS.linkModeOption('replication')).click();
  await expect(studio.byTestId(TEST_IDS.linkModeOption('replication'))).toHaveAttribute('aria-pressed', 'true');
  await expect(studio.byTestId(TEST_IDS.linkModeOption('dependency'))).toHaveAttribute('aria-pressed', 'false');
  await studio.connect('db', 'db-2');
  const edge = studio.edge('db=>db-2');
  // Both dropped on one row (the view no longer jumps after the first drop): a straight link has no height, so count it.
  await expect(edge).toHaveCount(1);
  await expect(edge.locator('.link-replication')).toHaveCount(1);
  await expect(studio.page.locator('.link-caption-replication')).toHaveText('async');
  await expect(studio.field('mode')).toHaveValue('async');
});

test('a component dropped into a zone gets that domain; dragged out, loses it', async () => {
  await studio.dragFromPalette('zone', { x: 500, y: 300 });
  await studio.dragFromPalette('app', { x: 140, y: 80 });
  await expect(studio.node('zone')).toBeVisible();
  const zone = (await studio.node('zone').boundingBox())!;
  await studio.dragNodeTo('app', { x: zone.x + zone.width / 2, y: zone.y + zone.height / 2 + 20 });
  await studio.node('app').click();
  await expect(studio.field('domain')).toHaveValue('zone');
  await studio.waitForDraft((d) => d.components.some((c) => c.id === 'app' && c.domain === 'zone'));
  // Moving the zone moves what is inside it.
  const before = (await studio.node('app').boundingBox())!;
  await studio.node('zone').locator('.domain-title').hover();
  const title = (await studio.node('zone').locator('.domain-title').boundingBox())!;
  const mouse = studio.page.mouse;
  await mouse.move(title.x + 60, title.y + 10);
  await mouse.down();
  await mouse.move(title.x + 160, title.y + 60, { steps: 10 });
  await mouse.up();
  const after = (await studio.node('app').boundingBox())!;
  expect(Math.round(after.x - before.x)).toBeGreaterThan(80);
  await studio.dragNodeTo('app', { x: 200, y: 650 });
  await studio.node('app').click();
  await expect(studio.field('domain')).toHaveValue('');
});

test('a container lights up while a node is dragged over it; the dropped node becomes the selection', async () => {
  await studio.dragFromPalette('zone', { x: 500, y: 300 });
  await studio.dragFromPalette('app', { x: 140, y: 80 });
  // Select the zone, so the app is not selected when its drag starts.
  await studio.node('zone').locator('.domain-title').click();
  await expect(studio.field('domain')).toHaveCount(0);
  const zone = (await studio.node('zone').boundingBox())!;
  const app = (await studio.node('app').boundingBox())!;
  const mouse = studio.page.mouse;
  await mouse.move(app.x + app.width / 2, app.y + 12);
  await mouse.down();
  await mouse.move(zone.x + zone.width / 2, zone.y + zone.height / 2, { steps: 12 });
  await expect(studio.node('zone').locator('.domain-box')).toHaveClass(/is-drop-target/);
  await mouse.up();
  await expect(studio.node('zone').locator('.domain-box')).not.toHaveClass(/is-drop-target/);
  await expect(studio.field('domain')).toHaveValue('zone');
});

test('the overview map shows the SPOFs in red, and dragging on it moves the view', async ({ page }) => {
  await studio.openTemplate('stage3');
  const overview = page.getByTestId('overview');
  await expect(overview.locator('.overview-node')).toHaveCount(6);
  // The same components as the canvas marks (stage 3: the load balancer and the database among them).
  await expect(studio.node('lb')).toHaveAttribute('data-spof', 'true');
  const marked = await page.locator('.react-flow__node-component[data-spof="true"]').count();
  expect(marked).toBeGreaterThanOrEqual(2);
  await expect(overview.locator('.overview-node.is-spof')).toHaveCount(marked);
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  const box = (await overview.locator('svg').boundingBox())!;
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 20, box.y + 15, { steps: 3 });
  await page.mouse.up();
  await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);
});

test('changes an availability with validation, then undoes and redoes it', async ({ page }) => {
  await studio.openTemplate('stage3');
  await studio.node('web1').click();
  await expect(studio.node('web1')).toContainText('99.5%');
  // A bad value shows an error and is not applied.
  await studio.field('availability').fill('150');
  await expect(studio.inspector.getByTestId(TEST_IDS.fieldError)).toContainText('at most 100%');
  await studio.field('availability').press('Enter');
  await expect(studio.node('web1')).toContainText('99.5%');
  await studio.setField('availability', '99.9');
  await expect(studio.node('web1')).toContainText('99.9%');
  await studio.undo();
  await expect(studio.node('web1')).toContainText('99.5%');
  await expect(studio.field('availability')).toHaveValue('');
  await studio.redo();
  await expect(studio.node('web1')).toContainText('99.9%');
  await expect(studio.field('availability')).toHaveValue('99.9');
  // The keyboard does the same (focus outside any input).
  await studio.node('web2').click();
  await page.keyboard.press('Control+z');
  await expect(studio.node('web1')).toContainText('99.5%');
  await page.keyboard.press('Control+Shift+z');
  await expect(studio.node('web1')).toContainText('99.9%');
});

test('copy, paste, duplicate and delete through the keyboard', async ({ page }) => {
  await studio.openTemplate('stage4');
  await studio.node('db').click();
  await page.keyboard.press('Control+d');
  await expect(studio.node('db-2')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(studio.node('db-2')).toHaveCount(0);
  await studio.node('web1').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(studio.node('web1-2')).toBeVisible();
  await page.keyboard.press('Backspace');
  await expect(studio.node('web1-2')).toHaveCount(0);
  // Deleting a component deletes its links.
  await studio.node('web1').click();
  await page.keyboard.press('Delete');
  await expect(studio.edge('lb->web1')).toHaveCount(0);
  await studio.undo();
  await expect(studio.edge('lb->web1')).toHaveCount(1);
});

test('a copy in one tab pastes in another, through the system clipboard; cut pastes back where it was', async ({ page, context }) => {
  await studio.openTemplate('stage4');
  await studio.node('db').click();
  await page.keyboard.press('Control+c');
  const other = new StudioPage(await context.newPage());
  await other.openEmpty();
  await other.page.locator('.react-flow__pane').click();
  await other.page.keyboard.press('Control+v');
  await expect(other.node('db')).toBeVisible();
  await other.page.keyboard.press('Control+x');
  await expect(other.node('db')).toHaveCount(0);
  await other.page.keyboard.press('Control+v');
  await expect(other.node('db')).toBeVisible();
  expect(other.consoleErrors).toEqual([]);
});

test('pasting a broken fragment pastes nothing and says why, with the path', async ({ page }) => {
  await studio.openTemplate('stage4');
  await studio.node('web1').click();
  await page.keyboard.press('Control+c');
  const before = await page.locator('.react-flow__node').count();
  // What a damaged clipboard would hold: our fragment with an impossible availability.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', JSON.stringify({ format: 'spof-fragment', version: 1, components: [{ id: 'x', kind: 'app', availability: 3 }], domains: [], links: [], absolute: {}, sizes: {} }));
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('error-message')).toContainText('components[0].availability');
  await expect(page.locator('.react-flow__node')).toHaveCount(before);
});

test('text copied in another app after a copy here pastes nothing, not the older copy, and says so; a pasted whole design opens', async ({ page }) => {
  await studio.openTemplate('stage4');
  await studio.node('web1').click();
  await page.keyboard.press('Control+c');
  const before = await page.locator('.react-flow__node').count();
  const pasteText = (text: string) => page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  // Words copied from a chat since: web1 was pasted again.
  await pasteText('see you at the incident review');
  await expect(page.getByTestId(TEST_IDS.noticeMessage)).toContainText('Nothing was pasted: the clipboard holds text that is not part of a design');
  await expect(page.locator('.react-flow__node')).toHaveCount(before);
  await expect(studio.node('web1-2')).toHaveCount(0);
  // A whole design (a .spof.json's text) was ignored: it opens, as its file would.
  await pasteText(readFileSync('examples/three-tier.spof.json', 'utf8'));
  await expect(studio.node('reco')).toBeVisible();
  await expect(page.getByTestId(TEST_IDS.docName)).toHaveText('Three-tier web app');
});

test('reload restores the design exactly', async ({ page }) => {
  await studio.openTemplate('stage5');
  await studio.node('lb2').click();
  await studio.setField('label', 'Floating IP standby');
  const saved = await studio.waitForDraft((d) => d.components.some((c) => c.id === 'lb2' && c.label === 'Floating IP standby'));
  const text = await draftText(page);
  await page.reload();
  await expect(studio.node('lb2')).toContainText('Floating IP standby');
  await expect(studio.nodes).toHaveCount(saved.components.length + 2);
  // Nothing was rewritten: the draft after reload is byte-for-byte the same.
  await page.waitForTimeout(400);
  expect(await draftText(page)).toBe(text);
});

test('a corrupt draft is kept aside and the app starts empty with a message', async ({ page }) => {
  await setDraftText(page, '{"format":"spof-topology","version":1,"components":[{"id":"x","kind":"router"}]}');
  await page.reload();
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toContainText('components[0].kind');
  await expect(studio.nodes).toHaveCount(0);
  expect(await keptAside(page)).toHaveLength(1);
});

test('opening a bad file names the problem and leaves the design untouched; a good file opens', async () => {
  await studio.openTemplate('stage2');
  await studio.openFile('broken.spof.json', JSON.stringify({ format: 'spof-topology', version: 1, components: [{ id: 'a', kind: 'web', availability: 1.5 }] }));
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toContainText('components[0].availability');
  await expect(studio.node('db')).toBeVisible();
  await studio.openFile('tiny.spof.json', JSON.stringify({ format: 'spof-topology', version: 1, name: 'Tiny', components: [{ id: 'users', kind: 'client' }, { id: 'api', kind: 'service' }], links: [{ from: 'users', to: 'api' }] }));
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toHaveCount(0);
  await expect(studio.node('api')).toBeVisible();
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText('Tiny');
});

test('save downloads <name>.spof.json with the design', async ({ page }) => {
  await studio.openTemplate('stage1');
  const download = page.waitForEvent('download');
  await studio.byTestId(TEST_IDS.exportJson).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('stage-1-a-single-server.spof.json');
  const saved = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(saved).toEqual(TEMPLATES.find((t) => t.id === 'stage1')!.topology);
});

test('every template opens without console errors', async () => {
  for (const t of TEMPLATES) {
    await studio.openTemplate(t.id);
    await expect(studio.byTestId(TEST_IDS.docName)).toHaveText(t.name);
    await expect(studio.nodes).toHaveCount(t.topology.components.length + t.topology.domains.length);
  }
});

test('New asks before discarding unsaved work', async ({ page }) => {
  await studio.openTemplate('stage2');
  await studio.node('web').click();
  await studio.setField('label', 'Edited');
  page.once('dialog', (d) => void d.dismiss());
  await studio.byTestId(TEST_IDS.newDocument).click();
  await expect(studio.node('web')).toContainText('Edited');
  page.once('dialog', (d) => void d.accept());
  await studio.byTestId(TEST_IDS.newDocument).click();
  await expect(studio.nodes).toHaveCount(0);
  // An empty design is replaced without asking.
  await studio.openTemplate('stage1');
  await expect(studio.node('server')).toBeVisible();
});

test('the live analysis marks SPOFs on their nodes; what-if failures are struck through', async () => {
  await studio.openTemplate('stage3');
  // Stage 3: the load balancer and the database are SPOFs, the two web servers are not.
  await expect(studio.node('lb')).toHaveAttribute('data-spof', 'true');
  await expect(studio.node('db')).toHaveAttribute('data-spof', 'true');
  await expect(studio.node('lb')).toContainText('SPOF');
  await expect(studio.node('web1')).not.toHaveAttribute('data-spof', 'true');
  await studio.byTestId(TEST_IDS.whatIfToggle).click();
  await studio.node('web1').click();
  await expect(studio.node('web1')).toHaveAttribute('data-failed', 'true');
  await expect(studio.node('web1').locator('.node-label')).toHaveCSS('text-decoration-line', 'line-through');
  await studio.byTestId(TEST_IDS.whatIfToggle).click();
  await expect(studio.node('web1')).not.toHaveAttribute('data-failed', 'true');
});

test('a container resizes from its corner in one undo step', async ({ page }) => {
  await studio.dragFromPalette('zone', { x: 400, y: 300 });
  await studio.node('zone').locator('.domain-title').click();
  const handle = studio.node('zone').locator('.react-flow__resize-control.handle.bottom.right');
  await expect(handle).toBeVisible();
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + 40, { steps: 6 });
  await page.mouse.move(box.x + 120, box.y + 80, { steps: 6 });
  await page.mouse.up();
  const draft = await studio.waitForDraft((d) => ((d.view as { sizes?: Record<string, { width: number }> }).sizes?.zone?.width ?? 0) > 400);
  const size = (draft.view as { sizes: Record<string, { width: number; height: number }> }).sizes.zone;
  expect(size.height).toBeGreaterThan(300);
  await studio.undo();
  await studio.waitForDraft((d) => (d.view as { sizes?: Record<string, unknown> }).sizes?.zone === undefined);
  await expect(studio.node('zone')).toHaveCount(1);
});

test('shift-click selects several nodes; the inspector counts them and Delete removes them all', async ({ page }) => {
  await studio.openTemplate('stage3');
  await studio.node('web1').click();
  await studio.node('web2').click({ modifiers: ['Shift'] });
  await expect(studio.inspector).toContainText('2 elements selected');
  await page.keyboard.press('Delete');
  await expect(studio.node('web1')).toHaveCount(0);
  await expect(studio.node('web2')).toHaveCount(0);
  await expect(studio.edge('lb->web1')).toHaveCount(0);
  // One undo brings both back, with their links.
  await studio.undo();
  await expect(studio.node('web1')).toHaveCount(1);
  await expect(studio.node('web2')).toHaveCount(1);
  await expect(studio.edge('web2->db')).toHaveCount(1);
});

test('a link can be given an id; its canvas key follows', async () => {
  await studio.openTemplate('stage2');
  await studio.selectEdge('web->db');
  await expect(studio.inspector).toContainText('Dependency link');
  await studio.setField('link-id', 'orders-path');
  await expect(studio.edge('orders-path')).toHaveCount(1);
  await expect(studio.field('link-id')).toHaveValue('orders-path');
});

test('arrow keys nudge the selection by one grid step, each press one undo step', async ({ page }) => {
  await studio.openTemplate('stage1');
  await studio.node('server').click();
  const before = (await studio.waitForDraft(() => true)).view as { positions: Record<string, { x: number; y: number }> };
  await studio.node('server').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const moved = await studio.waitForDraft((d) => (d.view as typeof before).positions.server.x === before.positions.server.x + 32);
  expect((moved.view as typeof before).positions.server.y).toBe(before.positions.server.y);
  await studio.undo();
  await studio.waitForDraft((d) => (d.view as typeof before).positions.server.x === before.positions.server.x + 16);
});
