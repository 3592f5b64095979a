// Never lose work (issue 14): every state the editor reaches reopens from the autosave, a
// saved file and a share link; modelling problems are warnings with one-click fixes.
import { expect, test, type Page } from '@playwright/test';
import { deflateSync } from 'fflate';
import { encodeShareHash, toBase64Url } from '../src/io/shareLink';
import { TEMPLATES } from '../src/templates';
import { emptyStudioForEachTest } from './pages/eachTest';
import { StudioPage } from './pages/StudioPage';
import { setDraftText } from './pages/storage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

emptyStudioForEachTest((o) => ({ studio } = o), { saveToDownloads: true });

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
  await expect(warnings).toContainText('(db-2), components[6].role: this standby stands behind nothing');
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

const stage = (n: number) => TEMPLATES.find((t) => t.id === `stage${n}`)!.topology;
const bracketsLink = () => `#topology=deflate:${toBase64Url(deflateSync(new TextEncoder().encode('['.repeat(100_000)), { level: 9 }))}`;

test('a share link over unsaved work asks first; declined, the design stays and the shared one is a click away', async ({ page }) => {
  await studio.openTemplate('stage3');
  await studio.node('web1').click();
  await studio.setField('label', 'My own edit');
  await studio.waitForDraft((d) => d.components.some((c) => c.label === 'My own edit'));
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.goto(`/${encodeShareHash(stage(1))}`);
  await expect(studio.node('web1')).toContainText('My own edit');
  // The link is read in a worker: the question comes once it is, the draft drawn meanwhile.
  await expect(page.getByTestId('open-shared-anyway')).toBeVisible();
  expect(asked).toEqual([expect.stringContaining('will replace the current design')]);
  expect(new URL(page.url()).hash).toBe('');
  await page.getByTestId('open-shared-anyway').click();
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText(stage(1).name);
  // What the link replaced is kept as a version.
  await studio.byTestId(TEST_IDS.draftsToggle).click();
  await expect(studio.byTestId(TEST_IDS.versionItem).first()).toContainText('before another design was opened');
});

test('a .spof.json file opened over unsaved work asks first; declined, nothing changes', async ({ page }) => {
  await studio.openTemplate('stage3');
  await studio.node('web1').click();
  await studio.setField('label', 'My own edit');
  const before = await studio.waitForDraft((d) => d.components.some((c) => c.label === 'My own edit'));
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await studio.openFile('stage1.spof.json', JSON.stringify(stage(1)));
  await expect.poll(() => asked).toEqual([expect.stringContaining('will replace the current design')]);
  await expect(studio.node('web1')).toContainText('My own edit');
  expect(await studio.savedDraft()).toEqual(before);
  page.once('dialog', (d) => void d.accept());
  await studio.openFile('stage1.spof.json', JSON.stringify(stage(1)));
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText(stage(1).name);
});

test('a broken share link says why, clears its hash and leaves the design; `deflate:` and 100,000 brackets, and a billion replicas, too', async ({ page }) => {
  await studio.openTemplate('stage2');
  const before = await studio.waitForDraft((d) => d.name === stage(2).name);
  // A short link asking for a billion instances (one drove the worker to 3.8 GB): refused by the pool limit.
  const billion = encodeShareHash({
    format: 'spof-topology', version: 2, name: 'Billion',
    components: [{ id: 'u', kind: 'client' }, { id: 'a', kind: 'app', replicas: 1e9 }], links: [{ from: 'u', to: 'a' }],
  } as unknown as Parameters<typeof encodeShareHash>[0]);
  expect(billion.length).toBeLessThan(200);
  for (const [hash, reason] of [
    [bracketsLink(), 'nested more than 64 levels deep'], ['#topology=deflate:AAAA', 'damaged'], ['#topology=zip:abc', 'codec'],
    [billion, 'components[1].replicas: must be at most 1,000 (got 1,000,000,000)'],
  ]) {
    await page.goto('about:blank');
    await page.goto(`/${hash}`);
    await expect(studio.byTestId(TEST_IDS.errorMessage)).toContainText('The shared link was not opened');
    await expect(studio.byTestId(TEST_IDS.errorMessage)).toContainText(reason);
    expect(new URL(page.url()).hash).toBe('');
    await expect(studio.byTestId(TEST_IDS.docName)).toHaveText(stage(2).name);
  }
  // A reload is a normal start: no error, the same draft.
  await page.reload();
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toHaveCount(0);
  expect(await studio.savedDraft()).toEqual(before);
});

test('a draft that cannot be read (even 100,000 brackets) is kept aside, listed, downloadable; one that parses now restores', async ({ page }) => {
  await setDraftText(page, '['.repeat(100_000));
  await page.reload();
  await expect(studio.canvas).toBeVisible();
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toContainText('nested more than 64 levels deep');
  await page.getByTestId('show-draft-recovery').click();
  const items = studio.byTestId(TEST_IDS.draftRecovery).getByTestId(TEST_IDS.draftRecoveryItem);
  await expect(items).toHaveCount(1);
  await expect(items.first().getByTestId('draft-restore')).toBeDisabled();
  const download = page.waitForEvent('download');
  await items.first().getByTestId('draft-download').click();
  expect((await studio.downloaded(await download)).bytes.toString('utf8')).toBe('['.repeat(100_000));

  // A draft an earlier version kept aside (a standby behind nothing, refused then) reads now: restore it.
  const standbyFirst = { ...stage(2), components: [...stage(2).components, { id: 'db-2', kind: 'database', role: 'standby', standby: 'warm' }] };
  await page.evaluate((text) => localStorage.setItem('spof-studio:draft-corrupt:2026-01-01T00:00:00.000Z', text), JSON.stringify(standbyFirst));
  await page.reload();
  await studio.byTestId(TEST_IDS.draftsToggle).click();
  await expect(items).toHaveCount(2);
  await items.first().getByTestId('draft-restore').click();
  await expect(studio.node('db-2')).toBeVisible();
  await expect(items).toHaveCount(0);
});

test('a file of brackets and a 20 MB file: a message, quickly, and the design untouched', async () => {
  await studio.openTemplate('stage2');
  await studio.openFile('brackets.spof.json', '['.repeat(100_000));
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toContainText('nested more than 64 levels deep');
  // Refused by its size before it is read (reading and parsing 20 MB froze the page for 13-17 s).
  await studio.openFile('huge.spof.json', ' '.repeat(20 * 1024 * 1024));
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toContainText('huge.spof.json is 20 MB; at most 10 MB are opened');
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText(stage(2).name);
});

test('autosave that fails is said at once, with a download, until saving works again', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((window as { failDraftWrites?: boolean }).failDraftWrites && this.name === 'draft') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await page.reload();
  await studio.openTemplate('stage3');
  await studio.waitForDraft((d) => d.name === stage(3).name);
  await page.evaluate(() => ((window as { failDraftWrites?: boolean }).failDraftWrites = true));
  await studio.node('web1').click();
  await studio.setField('label', 'Unsaved change');
  const alert = studio.byTestId(TEST_IDS.autosaveError);
  await expect(alert).toContainText("the browser's storage is full");
  // It stays: other messages come and go.
  await studio.openFile('bad.json', '{');
  await expect(alert).toBeVisible();
  const download = page.waitForEvent('download');
  await studio.byTestId(TEST_IDS.autosaveDownload).click();
  const file = JSON.parse((await studio.downloaded(await download)).bytes.toString('utf8'));
  expect(file.components.find((c: { id: string }) => c.id === 'web1').label).toBe('Unsaved change');
  await page.evaluate(() => ((window as { failDraftWrites?: boolean }).failDraftWrites = false));
  await studio.setField('label', 'Saved again');
  await expect(alert).toHaveCount(0);
  await studio.waitForDraft((d) => d.components.some((c) => c.label === 'Saved again'));
});

test('localStorage filled to its quota: edits are still autosaved, and a reload brings back the latest design', async ({ page }) => {
  await studio.openTemplate('stage3');
  await studio.waitForDraft((d) => d.name === stage(3).name);
  // Fill this origin's localStorage until the browser refuses more (drafts were kept there and lost).
  const filled = await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    let n = 0;
    try {
      for (; n < 1000; n++) localStorage.setItem(`filler-${n}`, chunk);
    } catch {
      return n;
    }
    return -1;
  });
  expect(filled, 'the quota was reached').toBeGreaterThan(0);
  await studio.node('web1').click();
  await studio.setField('label', 'Edited with storage full');
  await studio.waitForDraft((d) => d.components.some((c) => c.label === 'Edited with storage full'));
  await expect(studio.byTestId(TEST_IDS.autosaveError)).toHaveCount(0);
  await page.reload();
  await expect(studio.node('web1')).toContainText('Edited with storage full');
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toHaveCount(0);
});

test('the design a template replaced is kept in History and restores', async ({ page }) => {
  await studio.openTemplate('stage6');
  await studio.node('web1').click();
  await studio.setField('label', 'Edited before replacing');
  page.once('dialog', (d) => void d.accept());
  await studio.openTemplate('stage1');
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText(stage(1).name);
  await studio.byTestId(TEST_IDS.draftsToggle).click();
  const item = studio.byTestId(TEST_IDS.versionItem).first();
  await expect(item).toContainText('before another design was opened');
  page.once('dialog', (d) => void d.accept());
  await item.getByTestId('version-restore').click();
  await expect(studio.node('web1')).toContainText('Edited before replacing');
});

test('a hostile clipboard fragment is refused with its paths; nothing is pasted and the next load is fine', async ({ page }) => {
  await studio.openTemplate('stage2');
  const fragment = {
    format: 'spof-fragment', version: 1,
    components: [{ id: 'a', kind: 'app' }],
    domains: [{ id: 'z1', kind: 'zone', parent: 'z2' }, { id: 'z2', kind: 'zone', parent: 'z1' }],
    links: [{ from: 'a', to: 'nowhere' }, { from: 'a', to: 'a' }],
    absolute: {}, sizes: {},
  };
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, JSON.stringify(fragment));
  const error = studio.byTestId(TEST_IDS.errorMessage);
  await expect(error).toContainText('Nothing was pasted');
  await expect(error).toContainText('parent cycle');
  await expect(error).toContainText('links[0].to: no component "nowhere"');
  await expect(studio.nodes).toHaveCount(stage(2).components.length + stage(2).domains.length);
  await page.reload();
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toHaveCount(0);
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText(stage(2).name);
});

test('elements named __proto__, constructor and toString sit where the file puts them', async () => {
  const ids = ['__proto__', 'constructor', 'toString'];
  await studio.openFile('names.spof.json', JSON.stringify({
    format: 'spof-topology', version: 2, name: 'Special names',
    components: ids.map((id, i) => ({ id, kind: i === 0 ? 'client' : 'service' })),
    links: [{ from: '__proto__', to: 'constructor' }, { from: 'constructor', to: 'toString' }],
    view: { positions: Object.fromEntries(ids.map((id, i) => [id, { x: 100, y: 100 + 160 * i }])) },
  }));
  const boxes = await Promise.all(ids.map((id) => studio.node(id).boundingBox()));
  for (const b of boxes) expect(b && Number.isFinite(b.x) && Number.isFinite(b.y)).toBe(true);
  expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y);
  expect(boxes[2]!.y).toBeGreaterThan(boxes[1]!.y);
  const draft = await studio.waitForDraft((d) => d.name === 'Special names');
  expect(Object.keys((draft.view as { positions: object }).positions)).toEqual(ids);
});

test('a part of the page that throws while drawing shows why and keeps the design, downloadable', async ({ page }) => {
  await studio.openTemplate('stage2');
  await studio.waitForDraft((d) => d.name === stage(2).name);
  await page.goto('/?harness');
  await expect(studio.node('db')).toBeVisible();
  // A defect simulated through the test harness: a label that React cannot draw.
  await page.evaluate(() => {
    const h = (window as unknown as { __spof: { useDocument: { getState: () => { doc: { components: object[] } }; setState: (s: object) => void } } }).__spof;
    const { doc } = h.useDocument.getState();
    h.useDocument.setState({ doc: { ...doc, components: doc.components.map((c, i) => (i === 1 ? { ...c, label: { not: 'text' } } : c)) } });
  });
  await expect(studio.byTestId(TEST_IDS.crashMessage)).toContainText('Something went wrong while drawing the page');
  const download = page.waitForEvent('download');
  await page.getByTestId('crash-download').click();
  expect(JSON.parse((await studio.downloaded(await download)).bytes.toString('utf8')).name).toBe(stage(2).name);
  studio.consoleErrors.length = 0; // React reports the caught error on the console
});

test('an analysis worker that is terminated without a word is noticed and replaced: the next edit is analysed, not left running', async ({ page }) => {
  await studio.openTemplate('stage3');
  const status = studio.byTestId(TEST_IDS.analysisStatus);
  await expect(status).toHaveAttribute('data-state', 'idle');
  const before = await studio.byTestId(TEST_IDS.systemAvailability).getAttribute('data-value');
  const analysis = page.workers().find((w) => w.url().includes('engine.worker'));
  expect(analysis, 'the analysis worker runs').toBeDefined();
  // The worker ends itself: no error event reaches the page (as when it is killed from outside).
  const gone = new Promise<void>((resolve) => analysis!.once('close', () => resolve()));
  await analysis!.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => { /* it is gone */ });
  await gone;
  await studio.node('web1').click();
  await studio.setField('availability', '90');
  await expect(status).toHaveAttribute('data-state', 'idle');
  await expect(studio.byTestId(TEST_IDS.systemAvailability)).not.toHaveAttribute('data-value', before ?? '');
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toHaveCount(0);
});

type EngineWorker = ReturnType<Page['workers']>[number];

const engineWorkers = (page: Page): EngineWorker[] => page.workers().filter((w) => w.url().includes('engine.worker'));

/**
 * Makes each worker keep its next answer of a kind to itself: the request reaches it and is
 * worked on, but the answer never leaves (comlink posts it through `self.postMessage`, wrapped
 * here), so from the page the request is still under way when the test ends the worker,
 * however fast it ran.
 */
async function holdNextAnswer(workers: EngineWorker[], kind: 'analysis' | 'simulation'): Promise<void> {
  for (const w of workers) {
    await w.evaluate((kind) => {
      const g = self as unknown as { postMessage: (message: unknown, transfer?: Transferable[]) => void; answerHeld?: boolean };
      const post = g.postMessage.bind(self);
      g.postMessage = (message, transfer) => {
        const value = (message as { value?: unknown } | null)?.value;
        const ofKind = typeof value === 'object' && value !== null && (kind === 'analysis' ? 'insight' in value : 'histogram' in value);
        if (ofKind && !g.answerHeld) g.answerHeld = true;
        else post(message, transfer);
      };
    }, kind);
  }
}

/** The worker holding an answer, once one does. */
async function workerHoldingAnswer(workers: EngineWorker[]): Promise<EngineWorker> {
  let holder: EngineWorker | undefined;
  await expect.poll(async () => {
    for (const w of workers) if (await w.evaluate(() => (self as unknown as { answerHeld?: boolean }).answerHeld === true)) holder = w;
    return holder !== undefined;
  }).toBe(true);
  return holder!;
}

/** Ends a worker as from outside: it closes itself, so the page gets no error event. */
async function endWorker(w: EngineWorker): Promise<void> {
  const gone = new Promise<void>((resolve) => w.once('close', () => resolve()));
  await w.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => { /* it is gone */ });
  await gone;
}

test('an analysis whose worker is terminated while it runs is sent again: the panel settles without another edit', async ({ page }) => {
  const status = studio.byTestId(TEST_IDS.analysisStatus);
  await studio.openTemplate('stage3');
  await expect(status).toHaveAttribute('data-state', 'idle');
  await expect(studio.byTestId(TEST_IDS.downtimeChart)).toBeVisible({ timeout: 60_000 });
  const before = await studio.byTestId(TEST_IDS.systemAvailability).getAttribute('data-value');
  const started = engineWorkers(page);
  expect(started.length, 'the analysis worker runs').toBeGreaterThan(0);
  await holdNextAnswer(started, 'analysis');
  await studio.node('web1').click();
  await studio.setField('availability', '90');
  // The analysis of the edit is under way in the old worker (before: "Analysing..." until a second edit).
  await expect(status).toHaveAttribute('data-state', 'running');
  await endWorker(await workerHoldingAnswer(started));
  await expect(status).toHaveAttribute('data-state', 'idle');
  await expect(studio.byTestId(TEST_IDS.systemAvailability)).not.toHaveAttribute('data-value', before ?? '');
  expect(engineWorkers(page).some((w) => !started.includes(w)), 'a new analysis worker').toBe(true);
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toHaveCount(0);
});

test('a simulation whose worker is terminated while it plays is sent again to a new worker, and its chart shows', async ({ page }) => {
  const status = studio.byTestId(TEST_IDS.analysisStatus);
  const chart = studio.byTestId(TEST_IDS.downtimeChart);
  await studio.openTemplate('stage3');
  await expect(status).toHaveAttribute('data-state', 'idle');
  await expect(chart).toBeVisible({ timeout: 60_000 });
  const started = engineWorkers(page);
  expect(started.length, 'the analysis worker runs').toBeGreaterThan(0);
  await holdNextAnswer(started, 'simulation');
  // An edit: analysed, then simulated; the simulation is now under way in the old worker.
  await studio.node('web1').click();
  await studio.setField('availability', '90');
  await expect(status).toHaveAttribute('data-state', 'idle');
  await expect(studio.byTestId('simulation-status')).toHaveAttribute('data-state', 'running');
  await endWorker(await workerHoldingAnswer(started));
  // A new worker plays the simulation to its end: the chart of the edited design.
  await expect(chart).toBeVisible({ timeout: 60_000 });
  expect(engineWorkers(page).some((w) => !started.includes(w)), 'a new analysis worker').toBe(true);
  await expect(studio.byTestId('simulation-status')).toHaveCount(0);
  expect(Number(await chart.getAttribute('data-years'))).toBeGreaterThan(0);
  const availability = Number(await studio.byTestId(TEST_IDS.systemAvailability).getAttribute('data-value'));
  const mean = Number(await chart.getAttribute('data-mean-hours'));
  expect(Math.abs(mean - (1 - availability) * 8766) / ((1 - availability) * 8766)).toBeLessThan(0.1);
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toHaveCount(0);
});
