// The bench's browser figures: Chromium against browser mode, as
// playwright.config.ts runs the browser tests, but only bench/*.bench-spec.ts.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '*.bench-spec.ts',
  outputDir: '../test-results/bench',
  workers: 1,
  retries: 0,
  timeout: 300_000,
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
        // performance.memory with real (not bucketed) numbers, for the renderer heap figure.
        '--enable-precise-memory-info',
      ],
    },
  },
});
