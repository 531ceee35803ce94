import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: Debian's Chromium against the real web host (`regscope serve`) and the real
 * test registries, both started by e2e/playwright/global-setup.ts. One worker: the machine has two
 * cores, and the registries, the web host and Chromium already share them.
 */
export default defineConfig({
  testDir: 'e2e/tests',
  outputDir: 'test-results',
  globalSetup: './e2e/playwright/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  // e2e/tools/run-all-tests.mjs reads `stats` from the JSON report.
  reporter: [['list'], ['json', { outputFile: '.cache/playwright.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's binary, not the shell wrapper (/usr/bin/chromium prints noise) and never a download.
      executablePath: '/usr/lib/chromium/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
  },
});
