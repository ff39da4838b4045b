// End-to-end tests of the renderer in Debian's Chromium against the real core behind the browser host.
// Each test file starts its own host on a fresh temporary database (tests/e2e/fixtures.ts).
// Expects out/renderer to be built first (`npx electron-vite build`).
import { defineConfig } from '@playwright/test';

// On a clerk's PC the window and the core share one clock and one time zone. Here the browser is told it is
// in China; the host, the CLI that seeds it and the test workers are told the same (they inherit this), so
// "today" is one day everywhere — between 16:00 and 24:00 UTC the browser's today was the host's tomorrow.
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // The CLI that seeds the hosts is bundled once for the run (tests/support/cli-bundle.ts); one throw-away
  // PostgreSQL cluster serves the `postgres` project (tests/support/pg-global.ts, STREETDESK_TEST_PG).
  globalSetup: ['./tests/support/cli-bundle.ts', './tests/support/pg-global.ts'],
  outputDir: 'test-results/playwright-output',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  projects: [
    { name: 'sqlite' },
    // The district's and the city's pages again with their databases in PostgreSQL (`serve --pg`).
    { name: 'postgres', testMatch: ['**/city.spec.ts', '**/returns.spec.ts'] },
  ],
  use: {
    viewport: { width: 1366, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    actionTimeout: 10_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
