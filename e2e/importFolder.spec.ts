// A folder dropped on the page (issue 17): read recursively, each file named by its path in
// the folder so that every note points at it; tool folders (.git, .terraform) and files of
// other kinds skipped. The drop is a real one: Chromium's DevTools protocol drags a folder
// of the disk onto the page (Input.dispatchDragEvent), so the page gets the directory entry
// a drag from a file manager gives, not a stand-in.
import { expect, test } from '@playwright/test';
import { cpSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

const FIXTURES = fileURLToPath(new URL('../test/import/fixtures', import.meta.url));

test('a dropped folder is read recursively: nested manifests make one design, tool folders and other files are left out', async ({ page }) => {
  // shop/ with the Online Boutique manifests one level down, its Redis two levels down, and
  // what a repository also holds: a .git folder with YAML in it, a README, a CI workflow.
  const root = mkdtempSync(join(tmpdir(), 'spof-drop-'));
  const shop = join(root, 'shop');
  cpSync(join(FIXTURES, 'kubernetes/online-boutique'), join(shop, 'k8s'), { recursive: true });
  mkdirSync(join(shop, 'k8s', 'data'));
  renameSync(join(shop, 'k8s', 'redis.yaml'), join(shop, 'k8s', 'data', 'redis.yaml'));
  mkdirSync(join(shop, '.git'));
  cpSync(join(FIXTURES, 'kubernetes/guestbook.yaml'), join(shop, '.git', 'guestbook.yaml'));
  writeFileSync(join(shop, 'README.md'), '# shop\n');
  mkdirSync(join(shop, 'ci'));
  writeFileSync(join(shop, 'ci', 'build.yaml'), 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n');

  const studio = new StudioPage(page);
  await studio.openEmpty();
  await studio.dropFolder(shop);

  // Importing loads the YAML parser on first use: slow on a loaded machine, so a longer wait.
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText('shop', { timeout: 30_000 });
  await expect(studio.node('frontend-external')).toBeVisible();
  await expect(studio.node('checkoutservice')).toBeVisible();
  // Found two folders down, and named by its path in the dropped folder.
  await expect(studio.node('redis-cart')).toBeVisible();
  const notes = await studio.showImportNotes();
  await expect(notes).toContainText('shop/k8s/data/redis.yaml');
  await expect(notes).toContainText('shop/k8s/cartservice.yaml');
  // The guestbook in .git is never read; the CI workflow is read and skipped with a reason.
  await expect(studio.node('redis-leader')).toHaveCount(0);
  await expect(notes).not.toContainText('guestbook');
  await expect(notes).toContainText('shop/ci/build.yaml');
  await expect(notes).not.toContainText('README');
  await expect(studio.byTestId(TEST_IDS.spofList)).toContainText('redis-cart');
  expect(studio.consoleErrors).toEqual([]);
});

test('a dropped folder with nothing to import opens nothing and says so', async ({ page }) => {
  const root = mkdtempSync(join(tmpdir(), 'spof-drop-'));
  const docs = join(root, 'docs');
  mkdirSync(join(docs, 'img'), { recursive: true });
  writeFileSync(join(docs, 'index.md'), '# docs\n');
  writeFileSync(join(docs, 'mkdocs.yml'), 'site_name: docs\nnav:\n  - index.md\n');

  const studio = new StudioPage(page);
  await studio.openEmpty();
  await studio.byTestId(TEST_IDS.importFile).setInputFiles({ name: 'compose.yaml', mimeType: 'application/yaml', buffer: Buffer.from('services:\n  web:\n    image: caddy\n    ports: ["443:443"]\n') });
  await expect(studio.node('web')).toBeVisible({ timeout: 30_000 });
  await studio.dropFolder(docs);
  const error = studio.byTestId(TEST_IDS.errorMessage);
  await expect(error).toContainText('neither a compose file', { timeout: 30_000 });
  await expect(error).toContainText('docs/mkdocs.yml');
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText('compose');
  await expect(studio.node('web')).toBeVisible();
});
