import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './scripts/paths.mjs'

/**
 * End-to-end tests drive the real UI, served by a real hub (each test file starts its own,
 * see tests/e2e/hub.ts), in Debian's Chromium: Playwright's own browser download does not
 * work on the machines we build on. CHROMIUM_PATH points elsewhere if needed.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI === 'true' ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI === 'true' ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS],
    },
    trace: 'retain-on-failure',
  },
})
