// Designs in review and docs, in real Chromium: the Mermaid drawer's choice of diagram
// (architecture-beta drawn by mermaid itself) and the report to share (Markdown and HTML).
import { expect, test } from '@playwright/test';
import { TEMPLATES } from '../src/templates';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;

emptyStudioForEachTest((o) => ({ studio } = o), { saveToDownloads: true });

const template = (id: string) => TEMPLATES.find((t) => t.id === id)!.topology;

test('the Mermaid drawer offers architecture-beta, drawn live by mermaid, SPOFs in the titles', async ({ page }) => {
  await studio.openTemplate('stage3');
  await expect(studio.node('lb')).toHaveAttribute('data-spof', 'true');
  await studio.openMermaid();
  const text = studio.byTestId(TEST_IDS.mermaidText);
  await expect(text).toHaveValue(/^flowchart TB/);
  await studio.byTestId(TEST_IDS.mermaidKind('architecture')).click();
  await expect(text).toHaveValue(/^architecture-beta\n/);
  await expect(text).toHaveValue(/service lb\(server\)\["Load balancer \(SPOF\)"\] in use1a/);
  await expect(text).toHaveValue(/junction lb_fan1 in use1a/);
  const state = studio.byTestId(TEST_IDS.mermaidDiagramState);
  await expect(state).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  const svg = studio.byTestId(TEST_IDS.mermaidDiagram).locator('svg[aria-roledescription="architecture"]');
  await expect(svg).toBeVisible();
  // Mermaid drew every service (each with its icon) and the SPOF mark in its title.
  await expect(svg.locator('[id$="-service-lb"]')).toHaveCount(1);
  await expect(svg.locator('[id*="-service-"]')).toHaveCount(template('stage3').components.length);
  await expect(svg).toContainText('Load balancer');
  await expect(svg).toContainText('(SPOF)');
  for (const c of template('stage3').components) await expect(svg).toContainText((c.label ?? c.id).split(' ')[0]);
  await page.screenshot({ path: 'test-results/review-mermaid-architecture.png' });
  // The direction turns the tiers; the flowchart comes back when chosen.
  await studio.byTestId(TEST_IDS.mermaidDirection('LR')).click();
  await expect(text).toHaveValue(/users:R --> L:dns/);
  await expect(state).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await studio.byTestId(TEST_IDS.mermaidKind('flowchart')).click();
  await expect(text).toHaveValue(/^flowchart LR/);
});

test('the report to share: Markdown with the figures, SPOFs, findings and picture; HTML as one page with no script', async ({ page }) => {
  await studio.openTemplate('stage3');
  await expect(studio.node('lb')).toHaveAttribute('data-spof', 'true');
  const md = await studio.downloaded(await studio.exportFrom(TEST_IDS.exportReportMarkdown));
  expect(md.name).toBe('stage-3-a-second-web-server-behind-a-load-balancer-report.md');
  const markdown = md.bytes.toString('utf8');
  expect(markdown).toContain(`# ${template('stage3').name}`);
  expect(markdown).toMatch(/\| System availability \| 99\.\d+% \(\d\.\d\d nines\) \|/);
  expect(markdown).toContain('## Downtime');
  expect(markdown).toContain('- `lb` Load balancer (component): fails `users`');
  expect(markdown).toContain('`spof-loadbalancer`');
  expect(markdown).toContain('```mermaid\nflowchart TB');
  // The picture is the drawn SVG of the canvas's design, its SPOFs marked.
  const picture = Buffer.from(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(markdown)![1], 'base64').toString('utf8');
  expect(picture).toContain('>Load balancer<');
  expect(picture).toContain('>SPOF<');

  const html = await studio.downloaded(await studio.exportFrom(TEST_IDS.exportReportHtml));
  expect(html.name).toBe('stage-3-a-second-web-server-behind-a-load-balancer-report.html');
  const page2 = await page.context().newPage();
  const requests: string[] = [];
  page2.on('request', (r) => requests.push(r.url()));
  await page2.setContent(html.bytes.toString('utf8'));
  await expect(page2.locator('h1')).toHaveText(template('stage3').name);
  await expect(page2.locator('script')).toHaveCount(0);
  await expect(page2.locator('figure svg').first()).toBeVisible();
  await expect(page2.locator('figure svg').first()).toContainText('Load balancer');
  await expect(page2.locator('li', { hasText: 'spof-loadbalancer' })).toHaveCount(1);
  expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
  await page2.screenshot({ path: 'test-results/review-report-html.png', fullPage: true });
  await page2.close();
});

test('a plan applied in the app is part of the report', async ({ page }) => {
  await studio.openTemplate('stage3');
  await page.getByTestId('set-slo').and(page.locator('[data-value="0.999"]')).click();
  await page.getByTestId('apply-plan').click();
  await expect(page.getByTestId('plan-result')).toContainText('Plan applied', { timeout: 60_000 });
  const md = (await studio.downloaded(await studio.exportFrom(TEST_IDS.exportReportMarkdown))).bytes.toString('utf8');
  expect(md).toContain('## Plan applied to reach 99.9%');
  expect(md).toMatch(/\n1\. .+: 99\.\d+%/);
});
