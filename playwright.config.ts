// Browser tests: Chromium against browser mode. Debian's Chromium when it is
// there (CHROMIUM_PATH or /usr/bin/chromium), Playwright's own otherwise.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  workers: 1,
  retries: 0,
  timeout: 30_000,
  // Live data reaches the page on the hub's own timers (first refresh within ~1.5 s, plus the simulator's
  // answers on a busy 2-core CI machine): assertions wait up to 10 s for it.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      ...(existsSync(chromium) ? { executablePath: chromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
