// Importing a hand-drawn Mermaid diagram in real Chromium: what the import guessed is listed
// over the canvas (label first, then what and why, with its line), every note reachable,
// each guess corrected in one click, the page never pushed down; labels read the same as on
// the command line; the design laid out in the diagram's own direction.
import { expect, test, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { waitUntilLaidOut } from './pages/laidOut';
import { emptyStudioForEachTest } from './pages/eachTest';
import { type StudioPage, type SavedDraft } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

emptyStudioForEachTest((o) => ({ studio } = o));

type DraftLink = { from: string; to: string; optional?: boolean; label?: string };
const linksOf = (d: { [k: string]: unknown }) => d.links as DraftLink[];
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../test/io/diagrams/${name}`, import.meta.url)), 'utf8');

test('the guesses are listed over the canvas, all reachable, each corrected in one click', async ({ page }) => {
  const stageTop = async () => (await page.locator('.stage').boundingBox())!.y;
  const before = await stageTop();
  await studio.openFile('k3s.mmd', fixture('23-invalid-parens-k3s-single-host.mmd'));
  await expect(studio.node('Postgres')).toBeVisible();
  const panel = await studio.showImportNotes();
  await expect(panel).toContainText('What the import of k3s.mmd guessed');
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

  // Only the warnings; then back to the summary line and shown again.
  await panel.getByRole('button', { name: /^Warnings/ }).click();
  await expect(panel.locator('[data-testid="import-note"]:not([data-kind="warning"])')).toHaveCount(0);
  await studio.byTestId(TEST_IDS.importNotesToggle).click();
  await expect(panel).toHaveCount(0);
  await expect(studio.byTestId(TEST_IDS.importNotesSummary)).toContainText(`${count} guesses to check`);
  await studio.showImportNotes();

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

const SIDES = (direction: 'LR' | 'TB') => `flowchart ${direction}\n  subgraph east[East]\n    lb1[LB east] --> app1[App server]\n  end\n  subgraph west[West]\n    lb2[LB west] --> app2[App server]\n  end\n  u[Users] --> dns[Route 53]\n  dns --> lb1 & lb2\n  app1 & app2 --> db[(Postgres)]\n`;
const at = async (id: string) => (await studio.node(id).boundingBox())!;
const domainsOf = (d: SavedDraft) => d.domains as { id: string; kind: string }[];
const directionOf = async () => ((await studio.savedDraft())?.view as { direction?: string } | undefined)?.direction;

test('an LR diagram is laid out left to right, users first and data last, its subgraphs in the written order', async () => {
  await studio.openFile('sides.mmd', SIDES('LR'));
  await waitUntilLaidOut(studio);
  expect(await directionOf()).toBe('LR');
  const [u, dns, lb1, app1, db] = await Promise.all(['u', 'dns', 'lb1', 'app1', 'db'].map(at));
  expect(u.x + u.width).toBeLessThan(dns.x);
  expect(dns.x + dns.width).toBeLessThan(lb1.x);
  expect(lb1.x + lb1.width).toBeLessThan(app1.x);
  expect(app1.x + app1.width).toBeLessThan(db.x);
  // Subgraphs across the flow, in the order written: east, then west.
  expect((await at('east')).y + (await at('east')).height).toBeLessThanOrEqual((await at('west')).y);
});

test('a TB diagram is laid out top to bottom, users on top and data at the bottom, its subgraphs in the written order', async () => {
  await studio.openFile('sides.mmd', SIDES('TB'));
  await waitUntilLaidOut(studio);
  expect((await directionOf()) ?? 'TB').toBe('TB');
  const [u, dns, lb1, app1, db] = await Promise.all(['u', 'dns', 'lb1', 'app1', 'db'].map(at));
  expect(u.y + u.height).toBeLessThan(dns.y);
  expect(dns.y + dns.height).toBeLessThan(lb1.y);
  expect(lb1.y + lb1.height).toBeLessThan(app1.y);
  expect(app1.y + app1.height).toBeLessThan(db.y);
  expect((await at('east')).x + (await at('east')).width).toBeLessThanOrEqual((await at('west')).x);
  // Domain ids are the subgraph ids.
  expect(domainsOf((await studio.savedDraft())!).map((d) => d.id)).toEqual(['east', 'west']);
});

// One diagram that makes every kind of guess the list offers to correct.
const EVERY_GUESS = `flowchart TB
  u[Users] --- lb[Load balancer]
  subgraph Region_A[Region A]
    lb --> app1[App server 1] & app2[App server 2]
  end
  lb --> shop[Shop frontend] & flags[Feature flag UI]
  app1 & app2 --> db[(Postgres primary)]
  db -.->|streaming replication| sb[(Postgres standby)]
  app1 --> pods[Worker Pods]
  lb --> igw[Internet gateway]
  app1 -.-> mon[Prometheus]
`;

test('each kind of guess is corrected in one click, as one undo step', async () => {
  await studio.openFile('guesses.mmd', EVERY_GUESS);
  await waitUntilLaidOut(studio);
  const panel = await studio.showImportNotes();
  const row = (subject: string, field: string) => panel.locator(`[data-testid="import-note"][data-subject="${subject}"][data-field="${field}"]`).first();
  const model = (d: SavedDraft) => JSON.stringify([d.components, d.domains, d.links]);
  const before = model((await studio.savedDraft())!);
  type Fix = { subject: string; field: string; label: string; click: (r: Locator) => Promise<void>; after: (d: SavedDraft) => boolean };
  const comp = (d: SavedDraft, id: string) => d.components.find((c) => c.id === id) as { [k: string]: unknown } | undefined;
  const link = (d: SavedDraft, from: string, to: string) => linksOf(d).find((l) => l.from === from && l.to === to) as { [k: string]: unknown } | undefined;
  const fixes: Fix[] = [
    { subject: 'db', field: 'kind', label: 'Postgres primary', click: (r) => r.getByRole('combobox').selectOption('storage').then(() => {}), after: (d) => comp(d, 'db')?.kind === 'storage' },
    { subject: 'Region_A', field: 'kind', label: 'Region A', click: (r) => r.getByRole('combobox').selectOption('zone').then(() => {}), after: (d) => domainsOf(d).find((x) => x.id === 'Region_A')?.kind === 'zone' },
    { subject: 'sb', field: 'role', label: 'Postgres standby', click: (r) => r.getByRole('combobox').selectOption('replica').then(() => {}), after: (d) => comp(d, 'sb')?.role === 'replica' },
    { subject: 'pods', field: 'replicas', label: 'Worker Pods', click: (r) => r.getByRole('button', { name: 'One instance' }).click(), after: (d) => comp(d, 'pods')?.replicas === undefined },
    { subject: 'igw', field: 'availability', label: 'Internet gateway', click: (r) => r.getByRole('button', { name: 'Can fail' }).click(), after: (d) => comp(d, 'igw')?.availability === undefined },
    { subject: 'u->lb', field: 'direction', label: 'Users → Load balancer', click: (r) => r.getByRole('button', { name: 'Reverse' }).click(), after: (d) => !!link(d, 'lb', 'u') && !link(d, 'u', 'lb') },
    { subject: 'db->sb', field: 'type', label: 'Postgres primary → Postgres standby', click: (r) => r.getByRole('button', { name: 'Make it a dependency' }).click(), after: (d) => link(d, 'db', 'sb')?.type === undefined },
    { subject: 'app1->mon', field: 'optional', label: 'App server 1 → Prometheus', click: (r) => r.getByRole('button', { name: 'Make required' }).click(), after: (d) => link(d, 'app1', 'mon')?.optional === undefined },
    { subject: 'lb->shop', field: 'group', label: 'Load balancer → Shop frontend', click: (r) => r.getByRole('button', { name: 'Make alternatives' }).click(), after: (d) => link(d, 'lb', 'shop')?.group === undefined },
  ];
  for (const fix of fixes) {
    const r = row(fix.subject, fix.field);
    // Label first: the row starts with the element's name, then what was guessed.
    await expect(r.locator('.import-note-subject')).toHaveText(fix.label);
    await r.scrollIntoViewIfNeeded();
    await fix.click(r);
    await studio.waitForDraft(fix.after);
    await studio.undo();
    await studio.waitForDraft((d) => model(d) === before);
  }
});

test('a large diagram: the page says it is reading, then opens it', async ({ page }) => {
  // The notice may come and go between two checks from here: every banner shown is recorded.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { bannersSeen: string[] }).bannersSeen = seen;
    new MutationObserver(() => {
      const title = document.querySelector('[data-testid="notice-message"] .banner-title')?.textContent;
      if (title && seen[seen.length - 1] !== title) seen.push(title);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const n = 1_200;
  const lines = ['flowchart TD', '  u((Users)) --> s0'];
  for (let i = 0; i < n; i++) lines.push(`  s${i}[Service ${i}]`);
  for (let i = 0; i + 1 < n; i++) lines.push(`  s${i} --> s${i + 1}`);
  const text = `${lines.join('\n')}\n`;
  const seen = () => page.evaluate(() => (window as unknown as { bannersSeen: string[] }).bannersSeen);
  // Over unsaved work, and the replace declined: nothing opens, and the notice does not stay.
  await studio.addFromPalette('app');
  await studio.waitForDraft((d) => d.components.length === 1);
  const asked = page.waitForEvent('dialog');
  await studio.openFile('big.mmd', text);
  await (await asked).dismiss();
  expect(await seen()).toContain('Reading big.mmd…');
  await expect(page.getByText('Reading big.mmd…')).toHaveCount(0);
  expect((await studio.savedDraft())!.components).toHaveLength(1);
  // Accepted: it opens.
  page.once('dialog', (d) => void d.accept());
  await studio.openFile('big.mmd', text);
  await studio.waitForDraft((d) => d.components.length === n + 1);
  await expect(page.getByText('Reading big.mmd…')).toHaveCount(0);
});

test('a diagram at the limits is read off the page: it keeps drawing, a menu opens, then the design opens', async ({ page }) => {
  test.setTimeout(240_000);
  // 9,999 nodes in a chain, one edge a line: mermaid parses it for seconds, in the worker.
  const n = 9_999;
  const lines = ['flowchart LR'];
  for (let i = 0; i + 1 < n; i++) lines.push(`  n${i} --> n${i + 1}`);
  // By the page's own clock: every frame drawn, when the reading notice showed and went, when the menu showed.
  await page.evaluate(() => {
    const seen = { frames: [] as number[], shown: 0, gone: 0, menu: 0 };
    (window as unknown as { seen: typeof seen }).seen = seen;
    const tick = (t: number) => {
      seen.frames.push(t);
      if (!seen.gone) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new MutationObserver(() => {
      const now = performance.now();
      const reading = (document.querySelector('[data-testid="notice-message"] .banner-title')?.textContent ?? '').startsWith('Reading');
      if (reading && !seen.shown) seen.shown = now;
      if (!reading && seen.shown && !seen.gone) seen.gone = now;
      if (reading && !seen.menu && document.querySelector('[data-testid="template-stage6"]')) seen.menu = now;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await studio.openFile('chain.mmd', `${lines.join('\n')}\n`);
  await expect(page.getByText('Reading chain.mmd…')).toBeVisible();
  await studio.byTestId(TEST_IDS.templatesMenu).click();
  await expect(studio.byTestId(TEST_IDS.template('stage6'))).toBeVisible();
  await expect(page.getByText('Reading chain.mmd…')).toHaveCount(0, { timeout: 180_000 });
  const seen = await page.evaluate(() => (window as unknown as { seen: { frames: number[]; shown: number; gone: number; menu: number } }).seen);
  // The menu opened while the diagram was read, and the page drew throughout: it never stopped
  // for half of the reading (on the page's thread, mermaid's parse was one task of most of it).
  expect(seen.menu).toBeGreaterThan(0);
  const times = [seen.shown, ...seen.frames.filter((t) => t > seen.shown && t < seen.gone), seen.gone];
  const longestPause = Math.max(...times.slice(1).map((t, i) => t - times[i]));
  expect(longestPause).toBeLessThan((seen.gone - seen.shown) / 2);
  await expect.poll(async () => (await studio.savedDraft())?.components.length, { timeout: 180_000 }).toBe(n);
});

test('what mermaid in the worker asks the page to sanitize is answered as mermaid on the page would: a link keeps its target', async ({ page }) => {
  // The page's half of the worker's DOMPurify stand-in (src/commands/purifyOnPage.ts), in Chromium's DOM,
  // loaded from the build as the app loads it.
  const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8')) as Record<string, { file: string }>;
  const url = `/${manifest['src/commands/purifyOnPage.ts'].file}`;
  const asks = ['<a href="https://x.example" target="_blank">docs</a>', '<script>alert(1)</script>t'];
  const answers = await page.evaluate(async ({ url, asks }) => {
    const { purifyOnPage } = (await import(url)) as { purifyOnPage: (a: { key: string; text: string; config?: object }[]) => Promise<[string, string][]> };
    return Object.fromEntries(await purifyOnPage(asks.map((text) => ({ key: `null\n${text}`, text }))));
  }, { url, asks });
  // mermaid's hooks keep a link's target and add rel="noopener" to _blank; DOMPurify alone drops the target.
  expect(answers[`null\n${asks[0]}`]).toMatch(/^<a (?=[^>]*href="https:\/\/x\.example")(?=[^>]*target="_blank")(?=[^>]*rel="noopener")[^>]*>docs<\/a>$/);
  expect(answers[`null\n${asks[1]}`]).toBe('t');
});
