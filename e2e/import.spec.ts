// Import from infrastructure definitions in the app (DESIGN section 5, "Import"): the file
// input takes compose files, manifests (several at once) and Terraform; paste takes them
// too; bad input opens nothing and leaves the design as it was.
import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

const FIXTURES = fileURLToPath(new URL('../test/import/fixtures', import.meta.url));
// Importing loads the parsers on first use (the HCL one is WebAssembly): on a loaded machine
// that takes seconds, so the first look after an import waits longer than the default 5 s.
const IMPORTED = { timeout: 30_000 };
const file = (path: string) => ({ name: path.split('/').pop()!, mimeType: 'application/yaml', buffer: readFileSync(join(FIXTURES, path)) });

async function nodeBoxes(studio: StudioPage) {
  return studio.page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { id: e.getAttribute('data-id') ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
  }));
}

test('a compose file opens as a design, laid out, with what was inferred and assumed', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.openEmpty();
  await studio.byTestId(TEST_IDS.importFile).setInputFiles(file('compose/voting-stack.yaml'));
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText('voting-stack', IMPORTED);
  // What was inferred and assumed: at first one line above the canvas, the diagram in full view.
  const summary = studio.byTestId(TEST_IDS.importNotesSummary);
  await expect(summary).toContainText(/\d+ guesses to check from the import of voting-stack\.yaml/);
  await expect(studio.byTestId(TEST_IDS.importNotes)).toHaveCount(0);
  await expect(page.locator('.react-flow__node[data-id="vote"]')).toBeVisible();
  const strip = (await summary.boundingBox())!;
  await expect.poll(async () => (await nodeBoxes(studio)).filter((b) => b.y < strip.y + strip.height).map((b) => b.id)).toEqual([]);
  // Shown, each note with its file and line; an assumed availability names its element first.
  const notes = await studio.showImportNotes();
  await expect(notes.getByTestId(TEST_IDS.importNote).first()).toBeVisible();
  await expect(notes.locator('[data-testid="import-note"][data-subject="redis"]', { hasText: 'from the cache preset' })).toContainText(/^redis\s*assumed\s*availability 99\.5% per instance, from the cache preset/i);
  await expect(page.locator('.react-flow__node[data-id="db"][data-spof="true"], .react-flow__node[data-id="db"] [data-spof="true"]').first()).toBeVisible();
  // The auto-layout ran on open: no two components on top of each other.
  await expect.poll(async () => {
    const boxes = (await nodeBoxes(studio)).filter((b) => ['redis', 'db', 'vote', 'result', 'worker'].includes(b.id));
    return boxes.every((a, i) => boxes.every((b, j) => i === j || a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y));
  }).toBe(true);
  expect(studio.consoleErrors).toEqual([]);
});

test('several manifests at once make one design; a Terraform file is read by the HCL parser', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.openEmpty();
  const dir = join(FIXTURES, 'kubernetes/online-boutique');
  await studio.byTestId(TEST_IDS.importFile).setInputFiles(readdirSync(dir).map((f) => ({ name: f, mimeType: 'application/yaml', buffer: readFileSync(join(dir, f)) })));
  await expect(page.locator('.react-flow__node[data-id="frontend-external"]')).toBeVisible(IMPORTED);
  await expect(page.locator('.react-flow__node[data-id="checkoutservice"]')).toBeVisible();
  await expect(studio.byTestId(TEST_IDS.spofList)).toContainText('checkoutservice');

  await studio.byTestId(TEST_IDS.importFile).setInputFiles({ name: 'main.tf', mimeType: 'text/plain', buffer: Buffer.concat([readFileSync(join(FIXTURES, 'terraform/alb-asg-rds/main.tf')), readFileSync(join(FIXTURES, 'terraform/alb-asg-rds/variables.tf'))]) });
  await expect(page.locator('.react-flow__node[data-id="aws_lb.app"]')).toBeVisible(IMPORTED);
  await expect(page.locator('.react-flow__node[data-id="aws_db_instance.app-standby"]')).toBeVisible();
  expect(studio.consoleErrors).toEqual([]);
});

test('bad input opens nothing and leaves the current design untouched', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.openEmpty();
  await studio.byTestId(TEST_IDS.importFile).setInputFiles(file('compose/web-copies.yaml'));
  await expect(page.locator('.react-flow__node[data-id="proxy"]')).toBeVisible(IMPORTED);
  const before = await page.locator('.react-flow__node').count();
  await studio.byTestId(TEST_IDS.importFile).setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from('services:\n  web:\n    image: [nginx\n') });
  const error = studio.byTestId(TEST_IDS.errorMessage);
  await expect(error).toContainText('broken.yaml was not opened');
  await expect(error).toContainText(/broken\.yaml:\d+:\d+: invalid YAML/);
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText('web-copies');
  expect(await page.locator('.react-flow__node').count()).toBe(before);
  await studio.byTestId(TEST_IDS.importFile).setInputFiles({ name: 'workflow.yaml', mimeType: 'application/yaml', buffer: Buffer.from('on: push\njobs: {}\n') });
  await expect(error).toContainText('neither a compose file');
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText('web-copies');
});

test('pasted compose text is imported', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.openEmpty();
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, 'services:\n  api:\n    image: example/api\n    ports: ["8080:8080"]\n    environment:\n      DB_URL: postgres://db:5432/app\n  db:\n    image: postgres:16\n');
  await expect(page.locator('.react-flow__node[data-id="api"]')).toBeVisible(IMPORTED);
  await expect(page.locator('.react-flow__node[data-id="db"]')).toBeVisible();
  await expect(studio.byTestId(TEST_IDS.importNotesSummary)).toContainText('the pasted text');
});

test('a pasted Mermaid flowchart, with its front matter, opens as its file would', async ({ page }) => {
  // It was detected as a diagram, then read as JSON and refused ("No number after minus sign").
  const studio = new StudioPage(page);
  await studio.openEmpty();
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, '---\ntitle: Pasted shop\n---\nflowchart TD\n  users((Users)) --> lb[Load balancer]\n  lb --> app[App]\n  app --> db[(Orders DB)]\n');
  await expect(page.locator('.react-flow__node[data-id="db"]')).toBeVisible(IMPORTED);
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText('Pasted shop');
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toHaveCount(0);
});

test('two designs dropped at once: not opened, said in the plural, the design unchanged', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.openEmpty();
  const design = readFileSync('examples/three-tier.spof.json', 'utf8');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    for (const name of ['a.spof.json', 'b.spof.json']) data.items.add(new File([text], name));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, design);
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toContainText('2 files were not opened');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
});
