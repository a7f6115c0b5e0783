import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium where it exists (machines that cannot download Playwright's browser);
// Playwright's own Chromium elsewhere (`npx playwright install chromium`).
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const launchOptions = fs.existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    }
  : {};

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  // Two in CI: a third left the stages beside e2e (type-check, unit, integration) starved of CPU
  // on a 2-core machine until they outlasted it. E2E_WORKERS chooses.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: { baseURL, trace: 'retain-on-failure', launchOptions },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/ },
    { name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions }, dependencies: ['setup'], testIgnore: /(multi-instance|hostile-input)\.spec\.ts/ },
    // Hostile requests (no browser) once the browser tests are done, so its "nothing stored" row counts are its own.
    { name: 'hostile', testMatch: /hostile-input\.spec\.ts/, dependencies: ['chromium'] },
    // Timed freshness across two extra servers: runs last, alone, so other tests' load does not skew it.
    { name: 'multi-instance', testMatch: /multi-instance\.spec\.ts/, use: { ...devices['Desktop Chrome'], launchOptions }, dependencies: ['chromium'] },
  ],
  webServer: {
    command: 'tsx scripts/e2e-server.ts',
    url: `${baseURL}/login`,
    // `npm run test:e2e` builds first; a direct `playwright test` builds inside this command.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { E2E_PORT: String(PORT) },
  },
});
