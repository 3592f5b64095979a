// Documents in real Chromium: save and open (.spof.json and .mmd), dropping a file on the
// page, bad files, PNG and SVG export, and a hostile label that must run nothing anywhere.
import { expect, test } from '@playwright/test';
import { TEMPLATES } from '../src/templates';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

emptyStudioForEachTest((o) => ({ studio } = o), { saveToDownloads: true });

const template = (id: string) => TEMPLATES.find((t) => t.id === id)!.topology;

type Box = { x: number; y: number; width: number; height: number };
async function box(id: string): Promise<Box> {
  const b = await studio.node(id).boundingBox();
  if (!b) throw new Error(`node ${id} is not on screen`);
  return b;
}
const inside = (outer: Box, inner: Box) =>
  inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;

test('save, then open the saved file: the same design, as one undo step', async () => {
  await studio.openTemplate('stage6');
  const saved = await studio.downloaded(await studio.exportFrom(TEST_IDS.exportMenuJson));
  expect(saved.name).toBe('stage-6-multiple-availability-zones.spof.json');
  const design = JSON.parse(saved.bytes.toString('utf8'));
  expect(design).toEqual(template('stage6'));

  await studio.openTemplate('stage1');
  await studio.waitForDraft((d) => d.name === template('stage1').name);
  await studio.openFile(saved.name, saved.bytes.toString('utf8'));
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText(template('stage6').name);
  await expect(studio.nodes).toHaveCount(template('stage6').components.length + template('stage6').domains.length);
  const draft = await studio.waitForDraft((d) => d.name === template('stage6').name);
  expect(draft).toEqual(design);
  // Opening was one step: undo brings back the design before.
  await studio.undo();
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText(template('stage1').name);
});

test('a bad file opens nothing: the error names the path, the design and its draft are untouched', async () => {
  await studio.openTemplate('stage3');
  const before = await studio.waitForDraft((d) => d.name === template('stage3').name);
  const components = [
    { id: 'users', kind: 'client' }, { id: 'web', kind: 'web' }, { id: 'app', kind: 'app' },
    { id: 'db', kind: 'database', availability: 1.5 },
  ];
  await studio.openFile('broken.spof.json', JSON.stringify({ format: 'spof-topology', version: 1, name: 'Broken', components }));
  const error = studio.byTestId(TEST_IDS.errorMessage);
  await expect(error).toContainText('broken.spof.json was not opened');
  await expect(error).toContainText('components[3].availability: must be > 0 and <= 1 (got 1.5)');
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText(template('stage3').name);
  await expect(studio.nodes).toHaveCount(template('stage3').components.length + template('stage3').domains.length);

  // Not JSON at all, and a Mermaid file mermaid cannot parse: each says where.
  await studio.openFile('notes.json', '{ "format": "spof-topology", ');
  await expect(error).toContainText('notes.json was not opened');
  await studio.openFile('broken.mmd', 'flowchart TB\n  a[Web] --> b[(DB)\n  c --> ');
  await expect(error).toContainText('broken.mmd was not opened');
  await expect(error).toContainText(/line \d/);
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText(template('stage3').name);
  expect(await studio.savedDraft()).toEqual(before);

  // A good file opened next says its own warnings; the error about the file before does not stay over them.
  await studio.openFile('warned.spof.json', JSON.stringify({ format: 'spof-topology', version: 2, name: 'Warned',
    components: [{ id: 'users', kind: 'client' }, { id: 'app', kind: 'app', replicas: 2, minHealthy: 3 }], links: [{ from: 'users', to: 'app' }] }));
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText('Warned');
  await expect(studio.byTestId(TEST_IDS.noticeMessage)).toContainText('Opened warned.spof.json with warnings');
  await expect(error).toHaveCount(0);
});

test('dropping a file on the page shows the drop overlay and opens it', async () => {
  await studio.dropFile('tiny.spof.json', JSON.stringify({
    format: 'spof-topology', version: 1, name: 'Dropped',
    components: [{ id: 'users', kind: 'client' }, { id: 'api', kind: 'service', label: 'API' }],
    links: [{ from: 'users', to: 'api' }],
  }));
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText('Dropped');
  await expect(studio.node('api')).toBeVisible();
});

const HAND_WRITTEN_MMD = `graph LR
  users([Users]) --> dns{{Route 53}}
  dns --> lb
  subgraph region[us-east-1]
    subgraph za[us-east-1a]
      lb[ALB] --> web1[Web server 1]
      web1 --> db[(Postgres primary)]
    end
    subgraph zb[us-east-1b]
      web2[Web server 2] --> db2[(Postgres standby)]
    end
  end
  lb --> web2
  web2 --> db
  db -.->|async replication| db2
`;

const MERMAID = /\/mermaid\.core-[^/]*\.js$/;
/** Whether the page itself fetched mermaid (a worker's fetches are not in its resource timings). */
const mermaidOnPage = () => studio.page.evaluate((re) => performance.getEntriesByType('resource').some((r) => new RegExp(re).test(r.name)), MERMAID.source);

test('a .mmd file opens laid out, components inside their zones, with the import\'s guesses listed over the canvas', async () => {
  // Mermaid is large: it is fetched only when a diagram is opened, by the worker that reads it.
  const fetched: string[] = [];
  studio.page.on('request', (r) => void fetched.push(r.url()));
  expect(await mermaidOnPage()).toBe(false);
  await studio.openFile('estate.mmd', HAND_WRITTEN_MMD);
  await expect(studio.node('db2')).toBeVisible();
  expect(fetched.some((url) => MERMAID.test(url))).toBe(true);
  expect(await mermaidOnPage()).toBe(false);
  await expect(studio.nodes).toHaveCount(7 + 3);
  await expect(studio.byTestId(TEST_IDS.docName)).toHaveText('estate');
  const notes = studio.byTestId(TEST_IDS.importNotesSummary);
  await expect(notes).toContainText('estate.mmd');
  await expect(notes).toContainText(/\d+ guess(es)? to check/);
  // Laid out by the worker (which answers a moment later): every component inside its zone,
  // the zones inside the region, the users outside it.
  const misplaced = async () => {
    const wrong: string[] = [];
    for (const [zone, members] of [['za', ['lb', 'web1', 'db']], ['zb', ['web2', 'db2']], ['region', ['za', 'zb']]] as const) {
      const outer = await box(zone);
      for (const m of members) if (!inside(outer, await box(m))) wrong.push(`${m} outside ${zone}`);
    }
    if (inside(await box('region'), await box('users'))) wrong.push('users inside region');
    return wrong;
  };
  await expect.poll(misplaced).toEqual([]);
  const draft = await studio.waitForDraft((d) => d.components.length === 7);
  const kinds = Object.fromEntries(draft.components.map((c) => [c.id, c.kind]));
  expect(kinds).toMatchObject({ users: 'client', dns: 'dns', lb: 'loadbalancer', web1: 'web', db: 'database', db2: 'database' });
  // The list goes away when closed.
  await notes.getByRole('button', { name: 'Close the import notes' }).click();
  await expect(notes).toHaveCount(0);
  // Opening and its layout were one step.
  await studio.undo();
  await expect(studio.nodes).toHaveCount(0);
});

/** PNG width and height from the IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('PNG and SVG export download the whole canvas, SPOF marks included, at twice the resolution', async () => {
  await studio.openTemplate('stage3');
  await expect(studio.node('lb')).toHaveAttribute('data-spof', 'true');
  const png = await studio.downloaded(await studio.exportFrom(TEST_IDS.exportPng));
  expect(png.name).toBe('stage-3-a-second-web-server-behind-a-load-balancer.png');
  const size = pngSize(png.bytes);
  // The region holds most of the design; the image frames all of it at pixel ratio 2.
  const region = await studio.page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('.react-flow__node[data-id="use1"]')!;
    return { width: el.offsetWidth, height: el.offsetHeight };
  });
  expect(size.width).toBeGreaterThanOrEqual(region.width * 2);
  expect(size.height).toBeGreaterThan(region.height * 2);
  expect(png.bytes.length).toBeGreaterThan(20_000);

  const svg = await studio.downloaded(await studio.exportFrom(TEST_IDS.exportSvg));
  expect(svg.name).toBe('stage-3-a-second-web-server-behind-a-load-balancer.svg');
  const text = svg.bytes.toString('utf8');
  // Drawn, not pasted: shapes and text, no HTML inside.
  expect(text.startsWith('<?xml')).toBe(true);
  expect(text).toContain('<svg');
  expect(text).not.toContain('foreignObject');
  for (const label of ['Load balancer', 'Web server 2', 'us-east-1a']) expect(text).toContain(`>${label}<`);
  // The SPOF badges are in the picture.
  expect(text.match(/>SPOF</g)?.length ?? 0).toBeGreaterThanOrEqual(3);
  // Every link is drawn, with its own stroke.
  const links = text.match(/<g data-id="[^"]*" data-type="(dependency|replication)"><path [^>]*>/g) ?? [];
  expect(links).toHaveLength(template('stage3').links.length);
  for (const link of links) expect(link).toMatch(/stroke="#[0-9a-f]{6}"/);
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toHaveCount(0);
});

test('a label holding HTML runs nothing: not on the canvas, in the Mermaid preview, nor in exports', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  const hostile = '<img src=x onerror=alert(1)>';
  await studio.openFile('hostile.spof.json', JSON.stringify({
    format: 'spof-topology', version: 1, name: `Hostile ${hostile}`,
    domains: [{ id: 'z', kind: 'zone', label: `Zone ${hostile}` }],
    components: [
      { id: 'users', kind: 'client', label: hostile },
      { id: 'api', kind: 'service', label: `API "quoted" [x] ${hostile}`, domain: 'z' },
    ],
    links: [{ from: 'users', to: 'api' }, { from: 'api', to: 'users', optional: true, label: hostile }],
  }));
  await expect(studio.node('users')).toContainText(hostile);
  await expect(studio.node('z')).toContainText(hostile);

  await studio.openMermaid();
  await expect(studio.byTestId(TEST_IDS.mermaidText)).toHaveValue(/flowchart/);
  await expect(studio.byTestId(TEST_IDS.mermaidDiagram)).toContainText(hostile);
  await studio.byTestId(TEST_IDS.exportMermaid).click();

  const svg = await studio.downloaded(await studio.exportFrom(TEST_IDS.exportSvg));
  expect(svg.bytes.toString('utf8')).not.toContain('<img');
  expect(svg.bytes.toString('utf8')).toContain('&lt;img src=x onerror=alert(1)&gt;');
  await studio.downloaded(await studio.exportFrom(TEST_IDS.exportPng));

  const link = await studio.makeShareLink();

  // The hostile design through a link, and a link whose codec is itself hostile.
  for (const url of [link, `/#topology=${encodeURIComponent(hostile)}:abc`, `/#topology=${hostile}:abc`]) {
    await page.goto('about:blank');
    await page.goto(url);
    await expect(studio.canvas).toBeVisible();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  }
  await expect(studio.byTestId(TEST_IDS.errorMessage)).toContainText(hostile);
  await page.waitForTimeout(300);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
