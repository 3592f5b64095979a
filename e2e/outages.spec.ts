// Outages over time and money in Chromium (issue 16): the exact outage frequency, the
// simulated years drawn against the error budget once the design is idle (an edit cancels
// and restarts them; what-if mode hides them), the chart library loaded only on first use,
// and money only where the document gives costs, edited in the inspector.
import { expect, test } from '@playwright/test';
import type { AnalysisPanel } from './pages/AnalysisPanel';
import { emptyStudioForEachTest } from './pages/eachTest';
import type { StudioPage } from './pages/StudioPage';
import { TEST_IDS } from './pages/testIds';

let studio: StudioPage;
let analysis: AnalysisPanel;

emptyStudioForEachTest((o) => ({ studio, analysis } = o));

test('the simulated years: a chart with the error budget, its overrun chance and a text summary; an edit simulates again', async ({ page }) => {
  const chartRequests: string[] = [];
  page.on('request', (r) => {
    if (/uPlot|uplot|histogramChart/i.test(r.url())) chartRequests.push(r.url());
  });
  await studio.openTemplate('stage3');
  await analysis.settled();
  const outages = page.getByTestId(TEST_IDS.outagesPerYear);
  await expect(outages).toContainText(/outages a year, .+ each on average/);
  const exact = Number(await outages.getAttribute('data-value'));
  expect(exact).toBeGreaterThan(1);

  // A target, so that the chart marks the error budget.
  await page.getByTestId('set-slo').and(page.locator('[data-value="0.999"]')).click();
  await analysis.settled();
  const chart = page.getByTestId(TEST_IDS.downtimeChart);
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await expect(chart.locator('canvas').first()).toBeVisible();
  await expect(chart.locator('[role="img"]')).toHaveAttribute('data-state', 'drawn');
  expect(chartRequests.length).toBeGreaterThan(0);
  expect(Number(await chart.getAttribute('data-years'))).toBeGreaterThan(0);
  const overrun = Number(await chart.getAttribute('data-overrun-year'));
  expect(overrun).toBeGreaterThan(0.5);
  await expect(page.getByTestId('budget-overrun')).toContainText('Chance of overrunning the error budget');
  await expect(page.getByTestId('downtime-chart-summary')).toContainText('simulated years');
  await expect(page.getByTestId('downtime-chart-summary')).toContainText('error budget');
  // The simulated mean agrees with the exact figure the report shows (8766 h × unavailability).
  const availability = await analysis.systemAvailability();
  const mean = Number(await chart.getAttribute('data-mean-hours'));
  expect(Math.abs(mean - (1 - availability) * 8766) / ((1 - availability) * 8766)).toBeLessThan(0.1);
  await chart.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/outages-chart.png' });
  await chart.getByRole('button', { name: 'month' }).click();
  await expect(chart).toHaveAttribute('data-period', 'month');

  // An edit: the old years describe another design, so they go, and new ones come.
  await studio.node('db').click();
  await studio.setField('availability', '99.99');
  await analysis.settled();
  await expect(page.getByTestId(TEST_IDS.downtimeChart)).toBeVisible({ timeout: 60_000 });
  const after = Number(await page.getByTestId(TEST_IDS.downtimeChart).getAttribute('data-mean-hours'));
  expect(after).toBeLessThan(mean);

  // What-if mode: the simulated years are not what-if figures, so they are not shown.
  await analysis.toggleWhatIf();
  await studio.node('web1').click();
  await analysis.settled();
  await expect(page.getByTestId(TEST_IDS.downtimeChart)).toHaveCount(0);
});

test('money: none without costs; costs typed in the inspector show the monthly cost, the downtime cost and what each fix saves', async ({ page }) => {
  await studio.openTemplate('stage3');
  await analysis.settled();
  await expect(page.getByTestId('cost-section')).toHaveCount(0);
  await expect(page.getByTestId('money-saved')).toHaveCount(0);

  await studio.node('users').click();
  await studio.setField('downtime-cost', '1,000');
  await expect(studio.field('downtime-cost')).toHaveValue('1000');
  await expect(studio.inspector).toContainText('$1,000 an hour of outage');
  await studio.node('web1').click();
  await studio.setField('cost', '120');
  await analysis.settled();
  const section = page.getByTestId('cost-section');
  await expect(section).toBeVisible();
  await expect(page.getByTestId('cost-per-month')).toHaveAttribute('data-value', '120');
  await expect(page.getByTestId('cost-per-month')).toContainText('$120 a month');
  const availability = await analysis.systemAvailability();
  const downtimeCost = Number(await page.getByTestId('downtime-cost').getAttribute('data-value'));
  expect(downtimeCost).toBeCloseTo((1 - availability) * 8766 * 1000, 6);
  await expect(page.getByTestId('money-saved').first()).toContainText('$');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/outages-money.png' });

  // The currency of the design formats every amount.
  await page.getByTestId(TEST_IDS.canvas).click({ position: { x: 5, y: 5 } });
  await studio.setField('doc-currency', 'EUR');
  await analysis.settled();
  await expect(page.getByTestId('cost-per-month')).toContainText('€120');
});
