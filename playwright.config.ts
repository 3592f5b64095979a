import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium by default (no browser download is possible here); an env var
// overrides it, and Playwright's own browser is used where none is found.
const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(candidate) ? candidate : undefined;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4173',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'npm run -s preview',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
