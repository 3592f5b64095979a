// The SVG export as another tool sees it: shapes and text only (no foreignObject), every
// label as text, well-formed XML whatever the labels hold, and a picture when opened as an
// image (decoded by the browser's image loader, as a wiki or a slide tool would).
import { expect, test, type Page } from '@playwright/test';
import { TEMPLATES } from '../src/templates';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

emptyStudioForEachTest((o) => ({ studio } = o), { saveToDownloads: true });

async function exportedSvg(): Promise<string> {
  const file = await studio.downloaded(await studio.exportFrom(TEST_IDS.exportSvg));
  expect(file.name.endsWith('.svg')).toBe(true);
  return file.bytes.toString('utf8');
}

/** The SVG parsed as XML (null when it is not well-formed) and every text it shows or names. */
function readSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const xml = new DOMParser().parseFromString(text, 'image/svg+xml');
    if (xml.getElementsByTagName('parsererror').length > 0) return null;
    const texts = [...xml.querySelectorAll('text, title')].map((t) => t.textContent ?? '');
    return { root: xml.documentElement.localName, foreign: xml.getElementsByTagName('foreignObject').length, texts };
  }, svg);
}

/** Opens the SVG as an image in a blank page: its size once decoded and how much of it is not white. */
async function openAsImage(page: Page, svg: string, screenshot: string) {
  const viewer = await page.context().newPage();
  await viewer.setContent('<!doctype html><body style="margin:0;background:white"><img id="picture" alt="exported design"></body>');
  const drawn = await viewer.evaluate(async (text) => {
    const img = document.getElementById('picture') as HTMLImageElement;
    img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(text)))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.fillStyle = 'white';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(img, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) inked++;
    return { width: img.naturalWidth, height: img.naturalHeight, inked: inked / (pixels.length / 4) };
  }, svg);
  await viewer.locator('#picture').screenshot({ path: screenshot });
  await viewer.close();
  return drawn;
}

test('a template exports as shapes and text: every label as text, 3-50 KB, and it opens as a picture', async ({ page }, info) => {
  const template = TEMPLATES.find((t) => t.id === 'multi-region')!.topology;
  await studio.openTemplate('multi-region');
  await expect(studio.byTestId(TEST_IDS.systemAvailability)).toHaveAttribute('data-value', /\d/);
  const svg = await exportedSvg();
  expect(svg.length).toBeGreaterThan(3_000);
  expect(svg.length).toBeLessThan(50_000);
  const read = await readSvg(page, svg);
  expect(read).not.toBeNull();
  expect(read!.root).toBe('svg');
  expect(read!.foreign).toBe(0);
  const all = read!.texts.join('\n');
  for (const x of [...template.components, ...template.domains]) expect(all, x.id).toContain(x.label ?? x.id);
  expect(all).toContain('SPOF');

  const drawn = await openAsImage(page, svg, info.outputPath('multi-region.svg.png'));
  expect(drawn.width).toBeGreaterThan(400);
  expect(drawn.height).toBeGreaterThan(300);
  // Drawn, not blank: cards, containers and text ink a real share of it, and not all of it.
  expect(drawn.inked).toBeGreaterThan(0.02);
  expect(drawn.inked).toBeLessThan(0.9);
});

test('labels holding control characters and markup still give well-formed XML that opens as a picture', async ({ page }, info) => {
  const odd = 'DB \u0007 <b>"primary"</b> & \u001b[31m red \u0000';
  await studio.openFile('odd.spof.json', JSON.stringify({
    format: 'spof-topology', version: 2, name: `Odd ${odd}`,
    domains: [{ id: 'z', kind: 'zone', label: `Zone ${odd}` }],
    components: [
      { id: 'users', kind: 'client', label: 'Users' },
      { id: 'db', kind: 'database', label: odd, domain: 'z' },
    ],
    links: [{ from: 'users', to: 'db', label: odd }],
  }));
  await expect(studio.node('db')).toBeVisible();
  const svg = await exportedSvg();
  expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  expect(svg).not.toContain('<b>');
  const read = await readSvg(page, svg);
  expect(read).not.toBeNull();
  expect(read!.texts.join('\n')).toContain('<b>"primary"</b> &');
  const drawn = await openAsImage(page, svg, info.outputPath('odd-labels.svg.png'));
  expect(drawn.width).toBeGreaterThan(100);
  expect(drawn.inked).toBeGreaterThan(0.01);
});
