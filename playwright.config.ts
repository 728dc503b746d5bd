import { defineConfig } from '@playwright/test'

// Two ways to run the same specs (see e2e/fixtures.ts):
// - harness: the built renderer in Chromium, window.commonplace bound to the real main handlers;
// - electron: the built app itself through Playwright's Electron support, where a binary exists.
export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: { trace: 'retain-on-failure' },
  projects: [{ name: 'harness' }, { name: 'electron' }],
})
