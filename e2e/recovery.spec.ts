// Never lose work (issue 14): every state the editor reaches reopens from the autosave, a
// saved file and a share link; modelling problems are warnings with one-click fixes.
import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

test.beforeEach(async ({ page }) => {
  studio = new StudioPage(page);
  await studio.useDownloadsForSave();
  await studio.openEmpty();
});

test.afterEach(() => {
  expect(studio.consoleErrors).toEqual([]);
});

const DESIGN_NODES = ['users', 'dns', 'lb', 'app', 'app-2', 'db', 'db-2'];

/** Users -> DNS -> LB -> two app servers -> db and db-2, both apps linked to both databases. */
async function drawStandbyBeforeReplication(): Promise<void> {
  const places: [string, { x: number; y: number }][] = [
    ['client', { x: 420, y: 40 }], ['dns', { x: 420, y: 150 }], ['loadbalancer', { x: 420, y: 260 }],
    ['app', { x: 250, y: 380 }], ['app', { x: 590, y: 380 }],
    ['database', { x: 250, y: 520 }], ['database', { x: 590, y: 520 }],
  ];
  for (const [kind, at] of places) await studio.dragFromPalette(kind, at);
  await expect(studio.nodes).toHaveCount(DESIGN_NODES.length);
  for (const [from, to] of [['users', 'dns'], ['dns', 'lb'], ['lb', 'app'], ['lb', 'app-2'], ['app', 'db'], ['app', 'db-2'], ['app-2', 'db'], ['app-2', 'db-2']]) {
    await studio.connect(from, to);
  }
  await expect(studio.page.locator('.react-flow__edge')).toHaveCount(8);
  // db-2 becomes a standby before any replication link is drawn.
  await studio.node('db-2').click();
  await studio.field('role').selectOption('standby');
}

test('a standby drawn before its replication link: a warning with fixes; reload, Save/Open and a share link all reopen it', async ({ browser }) => {
  await drawStandbyBeforeReplication();
  const warnings = studio.byTestId('analysis-warnings');
  await expect(warnings).toContainText('standby "db-2" stands behind nothing');
  await expect(studio.byTestId(TEST_IDS.analysisStatus)).toHaveAttribute('data-state', 'idle');
  await expect(studio.byTestId(TEST_IDS.systemAvailability)).toBeVisible();
  const draft = await studio.waitForDraft((d) => d.components.some((c) => c.id === 'db-2' && c.role === 'standby'));

  // Reload: the draft reopens as it was, with no error.
  await studio.page.reload();
  await expect(studio.nodes).toHaveCount(DESIGN_NODES.length);
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toHaveCount(0);
  await expect(warnings).toContainText('stands behind nothing');

  // Save, then open the saved file over a new design.
  const saved = await studio.downloaded(await studio.exportFrom(TEST_IDS.exportMenuJson));
  expect(JSON.parse(saved.bytes.toString('utf8'))).toEqual(draft);
  const link = await studio.makeShareLink();
  await studio.byTestId(TEST_IDS.newDocument).click();
  await expect(studio.nodes).toHaveCount(0);
  await studio.openFile(saved.name, saved.bytes.toString('utf8'));
  await expect(studio.nodes).toHaveCount(DESIGN_NODES.length);
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toHaveCount(0);

  // The share link made then opens in a fresh browser.
  const fresh = await browser.newContext();
  try {
    const other = new StudioPage(await fresh.newPage());
    await other.page.goto(link);
    await expect(other.nodes).toHaveCount(DESIGN_NODES.length);
    await expect(other.byTestId(TEST_IDS.errorMessage)).toHaveCount(0);
    expect(await other.waitForDraft((d) => d.components.length === DESIGN_NODES.length)).toEqual(draft);
    expect(other.consoleErrors).toEqual([]);
  } finally {
    await fresh.close();
  }

  // The one-click fix links db to db-2 by replication, as one undoable step.
  await warnings.getByRole('button', { name: 'Link db to db-2 by replication' }).click();
  await expect(studio.edge('db=>db-2')).toHaveCount(1);
  await expect(warnings).toHaveCount(0);
  await studio.undo();
  await expect(studio.edge('db=>db-2')).toHaveCount(0);
  await expect(warnings).toContainText('stands behind nothing');
});
