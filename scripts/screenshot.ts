// Writes docs/screenshot.png, the README's picture of the app (`npm run screenshot`):
// the built app in headless Chromium with the multi-region template open and analysed.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import config from '../playwright.config';
import { BASE_URL, buildApp, startPreview } from '../bench/ui/server';

const OUT = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));
const TEMPLATE = process.argv[2] ?? 'multi-region';

buildApp();
const stop = await startPreview();
const browser = await chromium.launch({ ...config.use?.launchOptions });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(BASE_URL);
  await page.getByTestId('templates-menu').click();
  await page.getByTestId(`template-${TEMPLATE}`).click();
  // The first analysis has landed when the system availability carries a value.
  await page.locator('[data-testid="system-availability"][data-value]').waitFor();
  await page.waitForTimeout(500);
  mkdirSync(fileURLToPath(new URL('../docs/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  stop();
}
