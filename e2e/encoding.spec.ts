// Files that are not UTF-8 (issue 14): the app reads every file that enters (Open, a drop, a
// dropped folder) as the CLI does, strictly (src/io/utf8Text.ts). A Latin-1, UTF-16 or binary
// file is refused with one message naming it and the place and reason, and the design stays as
// it was; before, it was read with replacement characters ("Caf�") that a save wrote back.
// Pasted text needs no such step: the clipboard hands the page text, not bytes.
import { expect, test } from '@playwright/test';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalysisPanel } from './pages/AnalysisPanel';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

const FIXTURES = fileURLToPath(new URL('../test/import/fixtures', import.meta.url));

let studio: StudioPage;
let analysis: AnalysisPanel;

emptyStudioForEachTest((o) => ({ studio, analysis } = o));

/** A small design named `name`, one line of JSON (so the bad byte's column is easy to tell). */
const designText = (name: string) =>
  JSON.stringify({ format: 'spof-topology', version: 2, name, components: [{ id: 'users', kind: 'client' }, { id: 'web', kind: 'web' }], links: [{ from: 'users', to: 'web' }] });

/** The design on the canvas before a bad file: it must be what is left after it. */
async function startFromTemplate(): Promise<{ name: string; nodes: number }> {
  await studio.openTemplate('stage3');
  await analysis.settled();
  const name = (await studio.byTestId(TEST_IDS.docName).textContent()) ?? '';
  return { name, nodes: await studio.page.locator('.react-flow__node').count() };
}

async function expectUnchanged(before: { name: string; nodes: number }): Promise<void> {
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText(before.name);
  await expect(studio.page.locator('.react-flow__node')).toHaveCount(before.nodes);
}

test('a design that is not UTF-8, opened or dropped, is refused with the file, the place and the reason; the design stays', async () => {
  const before = await startFromTemplate();
  const error = studio.byTestId(TEST_IDS.errorMessage);
  const text = designText('Café');
  const latin1 = Buffer.from(text, 'latin1');
  const column = text.indexOf('é') + 1;

  await studio.openFile('cafe.spof.json', latin1);
  await expect(error).toContainText('cafe.spof.json was not opened');
  await expect(error).toContainText(`cafe.spof.json: line 1, column ${column}: not UTF-8 text (byte 0xe9): a binary file, or text saved in another encoding`);
  await expectUnchanged(before);

  // UTF-16 as Windows editors save it, without and with a byte order mark, dropped and opened.
  const utf16 = Buffer.from(text, 'utf16le');
  await studio.dropFile('notepad.spof.json', utf16);
  await expect(error).toContainText('notepad.spof.json was not opened');
  await expect(error).toContainText('notepad.spof.json: UTF-16 text (no byte order mark); a file to open is read as UTF-8: save it as UTF-8');
  await expectUnchanged(before);
  await studio.openFile('diagram.mmd', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('flowchart LR\n  users --> web\n', 'utf16le')]));
  await expect(error).toContainText('diagram.mmd: UTF-16 text; a file to open is read as UTF-8');
  await expectUnchanged(before);

  // The same design saved as UTF-8 opens, its name whole.
  studio.page.once('dialog', (d) => void d.accept());
  await studio.dropFile('cafe.spof.json', Buffer.from(text, 'utf8'));
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText('Café');
  await expect(error).toHaveCount(0);
});

test('files opened together or a dropped folder, one of them not UTF-8: nothing opens and that file is named', async () => {
  const before = await startFromTemplate();
  const error = studio.byTestId(TEST_IDS.errorMessage);
  const good = 'services:\n  web:\n    image: caddy\n    ports: ["443:443"]\n';
  const bad = Buffer.concat([Buffer.from('# r'), Buffer.from([0xe9]), Buffer.from('sum\u00e9 \u2013 not UTF-8 above\nservices:\n  db:\n    image: postgres\n', 'utf8')]);

  await studio.byTestId(TEST_IDS.importFile).setInputFiles([
    { name: 'compose.yaml', mimeType: 'application/yaml', buffer: Buffer.from(good) },
    { name: 'compose.override.yaml', mimeType: 'application/yaml', buffer: bad },
  ]);
  await expect(error).toContainText('2 files were not opened');
  await expect(error).toContainText('compose.override.yaml: line 1, column 4: not UTF-8 text (byte 0xe9)');
  await expect(error).not.toContainText('compose.yaml:');
  await expectUnchanged(before);

  const root = mkdtempSync(join(tmpdir(), 'spof-encoding-'));
  const shop = join(root, 'shop');
  cpSync(join(FIXTURES, 'kubernetes/online-boutique'), shop, { recursive: true });
  writeFileSync(join(shop, 'legacy.yaml'), Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
  await studio.dropFolder(shop);
  await expect(error).toContainText('The folder shop was not opened', { timeout: 30_000 });
  await expect(error).toContainText('shop/legacy.yaml: line 4, column 12: not UTF-8 text (byte 0xe9)');
  await expectUnchanged(before);
});
