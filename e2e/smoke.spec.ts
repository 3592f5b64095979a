import { expect, test } from '@playwright/test';

test('the built app opens in Chromium with no console errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto('/');
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page).toHaveTitle('SPOF Studio');
  expect(problems).toEqual([]);
});

test('the JSON Schema of every format version is published', async ({ request }) => {
  for (const version of [1, 2]) {
    const res = await request.get(`/schema/spof-topology-${version}.json`);
    expect(res.ok()).toBe(true);
    expect((await res.json()).title).toMatch(new RegExp(`format version ${version}`));
  }
});
