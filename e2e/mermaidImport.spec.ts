// Importing a hand-drawn Mermaid diagram in real Chromium: what the import guessed is listed
// over the canvas (label first, then what and why, with its line), every note reachable,
// each guess corrected in one click, the page never pushed down; labels read the same as on
// the command line; the design laid out in the diagram's own direction.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

type DraftLink = { from: string; to: string; optional?: boolean; label?: string };
const linksOf = (d: { [k: string]: unknown }) => d.links as DraftLink[];
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../test/io/diagrams/${name}`, import.meta.url)), 'utf8');

test('the guesses are listed over the canvas, all reachable, each corrected in one click', async ({ page }) => {
  const stageTop = async () => (await page.locator('.stage').boundingBox())!.y;
  const before = await stageTop();
  await studio.openFile('k3s.mmd', fixture('23-invalid-parens-k3s-single-host.mmd'));
  const panel = studio.byTestId(TEST_IDS.importNotes);
  await expect(panel).toContainText('What the import of k3s.mmd guessed');
  await expect(studio.node('Postgres')).toBeVisible();
  // Over the canvas: the page below the toolbar has not moved.
  expect(await stageTop()).toBe(before);

  // Label first, then what was guessed and why, and the line.
  const postgres = panel.locator('[data-testid="import-note"][data-subject="Postgres"][data-field="kind"]');
  await expect(postgres).toContainText('PostgreSQL Neon');
  await expect(postgres).toContainText('database (the word "PostgreSQL")');
  await expect(postgres).toContainText('line 21');
  // Mermaid refused the diagram: the warnings say where, the corrected text is offered.
  await expect(studio.byTestId(TEST_IDS.importCorrected)).toBeVisible();
  await expect(panel.locator('[data-testid="import-note"][data-kind="warning"]').first()).toContainText('Mermaid refuses this line as written');

  // Every note can be scrolled to.
  const notes = panel.getByTestId(TEST_IDS.importNote);
  const count = await notes.count();
  expect(count).toBeGreaterThan(20);
  await notes.last().scrollIntoViewIfNeeded();
  await expect(notes.last()).toBeInViewport();

  // One click on the kind: the design changes, as one undo step.
  await postgres.getByRole('combobox').selectOption('cache');
  await studio.waitForDraft((d) => d.components.find((c) => c.id === 'Postgres')?.kind === 'cache');
  await studio.undo();
  await studio.waitForDraft((d) => d.components.find((c) => c.id === 'Postgres')?.kind === 'database');

  // A link's guess: the dotted cert-manager edge is optional; make it required in one click.
  const cert = panel.locator('[data-testid="import-note"][data-subject="Cert->Ingress"][data-field="optional"]');
  await cert.getByRole('button', { name: 'Make required' }).click();
  await studio.waitForDraft((d) => linksOf(d).some((l) => l.from === 'Cert' && l.to === 'Ingress' && !l.optional));
  await expect(cert.getByRole('button', { name: 'Make optional' })).toBeVisible();

  // Only the warnings; then collapse to a pill and back.
  await panel.getByRole('button', { name: /^Warnings/ }).click();
  await expect(panel.locator('[data-testid="import-note"]:not([data-kind="warning"])')).toHaveCount(0);
  await studio.byTestId(TEST_IDS.importNotesToggle).click();
  await expect(panel).toHaveCount(0);
  await expect(studio.byTestId(TEST_IDS.importNotesToggle)).toContainText(`${count} import notes`);
  await studio.byTestId(TEST_IDS.importNotesToggle).click();
  await expect(panel).toBeVisible();

  // Another document replaces the design (after asking: it was edited): its notes go with it.
  page.once('dialog', (d) => void d.accept());
  await studio.openTemplate('stage1');
  await expect(panel).toHaveCount(0);
});

test('labels read the same as on the command line: entities, tags, line breaks, a < in a link label', async () => {
  // The same diagram as test/io/mermaidRules.test.ts "labels", which runs the command line's DOM-free path.
  await studio.openFile('labels.mmd', 'flowchart TB\n  a["Pod#40;s#41; &#40;x&#41; &amp; more"] -->|latency < 10ms| b[Web\\nServer]\n  b --> c["<b>Orders</b><br/>API"]\n');
  const draft = await studio.waitForDraft((d) => d.components.length === 3);
  expect(Object.fromEntries(draft.components.map((c) => [c.id, c.label]))).toEqual({ a: 'Pod(s) (x) & more', b: 'Web Server', c: 'Orders API' });
  expect(linksOf(draft).find((l) => l.from === 'a')?.label).toBe('latency < 10ms');
});

test('an LR diagram is laid out left to right, users first and data last, its subgraphs in the written order', async () => {
  await studio.openFile('sides.mmd', 'flowchart LR\n  subgraph east[East]\n    lb1[LB east] --> app1[App server]\n  end\n  subgraph west[West]\n    lb2[LB west] --> app2[App server]\n  end\n  u[Users] --> dns[Route 53]\n  dns --> lb1 & lb2\n  app1 & app2 --> db[(Postgres)]\n');
  const at = async (id: string) => (await studio.node(id).boundingBox())!;
  await expect.poll(async () => (await at('u')).x < (await at('dns')).x && (await at('dns')).x < (await at('lb1')).x && (await at('app1')).x < (await at('db')).x).toBe(true);
  expect((await at('east')).y).toBeLessThan((await at('west')).y);
});
