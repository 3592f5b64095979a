// What the figures cover (DESIGN section 2): a design with nothing connected shows no
// availability; a design without a client is analysed from its entry points, says so,
// and gets a client in one step; components nothing reaches are listed as such.
import { expect, test } from '@playwright/test';
import type { AnalysisPanel } from './pages/AnalysisPanel';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;
let analysis: AnalysisPanel;

emptyStudioForEachTest((o) => ({ studio, analysis } = o));

const design = (components: object[], links: object[] = []) =>
  JSON.stringify({ format: 'spof-topology', version: 2, name: 'Coverage', components, links });

test('components placed but not linked: no availability, no "no SPOF", stage 1, and what to draw next', async () => {
  const kinds = ['client', 'dns', 'loadbalancer', 'web', 'app', 'database', 'cache', 'queue'];
  for (const [i, kind] of kinds.entries()) await studio.dragFromPalette(kind, { x: 120 + (i % 4) * 190, y: 120 + Math.floor(i / 4) * 200 });
  await expect(studio.nodes).toHaveCount(8);
  await analysis.settled();
  const card = studio.byTestId(TEST_IDS.nothingConnected);
  await expect(card).toContainText('8 components placed, no dependency link');
  await expect(card).toContainText('Draw next: a link from the client to the first component it calls');
  await expect(analysis.availability).toHaveCount(0);
  await expect(analysis.spofList).toHaveCount(0);
  await expect(studio.byTestId(TEST_IDS.reportPanel)).not.toContainText('100%');
  await expect(studio.byTestId(TEST_IDS.reportPanel)).not.toContainText('No single point of failure');
  await expect(studio.byTestId(TEST_IDS.stage)).toHaveAttribute('data-level', '1');

  // The first link makes figures appear; the rest is listed as not part of them.
  await studio.connect('users', 'dns');
  await analysis.settled();
  await expect(card).toHaveCount(0);
  await expect(analysis.availability).toBeVisible();
  await expect(studio.byTestId(TEST_IDS.unreached)).toHaveAttribute('data-count', '6');
});

test('a lone client is not 100%', async () => {
  await studio.addFromPalette('client');
  await analysis.settled();
  await expect(studio.byTestId(TEST_IDS.nothingConnected)).toContainText('1 component placed');
  await expect(analysis.availability).toHaveCount(0);
});

test('no client: the entry points are analysed, named in a warning, and one click adds a client for them', async ({ page }) => {
  await studio.openFile('no-client.spof.json', design([
    { id: 'lb', kind: 'loadbalancer', label: 'LB', availability: 0.99 },
    { id: 'api', kind: 'app', label: 'API', replicas: 2, availability: 0.9 },
    { id: 'db', kind: 'database', label: 'Orders DB', availability: 0.999 },
    { id: 'batch', kind: 'service', label: 'Batch', availability: 0.95 },
    { id: 'mon', kind: 'service', label: 'Monitor' },
  ], [
    { from: 'lb', to: 'api' }, { from: 'api', to: 'db' }, { from: 'batch', to: 'db' }, { from: 'mon', to: 'api', optional: true },
  ]));
  await analysis.settled();
  // Nothing calls LB or Batch, and each needs something: the two entry points. Monitor's
  // links are all optional: no entry, and nothing reaches it.
  const entries = studio.byTestId(TEST_IDS.entryPoints);
  await expect(entries).toHaveAttribute('data-ids', 'lb batch');
  await expect(entries).toContainText('The figures are for the entry points LB and Batch');
  // The weakest entry point: Batch and the database (0.95 x 0.999), not 100%.
  expect(await analysis.systemAvailability()).toBeCloseTo(0.95 * 0.999, 12);
  await expect(studio.byTestId(TEST_IDS.unreached)).toContainText('Monitor');
  await expect(analysis.spofItem('db')).toBeVisible();

  await studio.byTestId(TEST_IDS.addEntryClient).click();
  await analysis.settled();
  await expect(entries).toHaveCount(0);
  const draft = await studio.waitForDraft((d) => d.components.some((c) => c.kind === 'client'));
  const client = draft.components.find((c) => c.kind === 'client')!;
  expect(client.label).toBe('Users');
  // The new client is the selection, and one undo removes it.
  await expect(studio.field('id')).toHaveValue(client.id);
  await studio.undo();
  await analysis.settled();
  await expect(entries).toHaveAttribute('data-ids', 'lb batch');
  await page.keyboard.press('Escape');
});

test('an imported diagram without users: entry points from a cycle nothing points into', async () => {
  await studio.openFile('cycle.spof.json', design([
    { id: 'orders', kind: 'service', label: 'Orders', availability: 0.99 },
    { id: 'cart', kind: 'service', label: 'Cart', availability: 0.98 },
    { id: 'redis', kind: 'cache', label: 'Redis', availability: 0.995 },
  ], [
    { from: 'orders', to: 'cart' }, { from: 'cart', to: 'orders' }, { from: 'cart', to: 'redis' },
  ]));
  await analysis.settled();
  await expect(studio.byTestId(TEST_IDS.entryPoints)).toHaveAttribute('data-ids', 'cart');
  expect(await analysis.systemAvailability()).toBeCloseTo(0.99 * 0.98 * 0.995, 12);
  await expect(analysis.spofItems).toHaveCount(3);
});
