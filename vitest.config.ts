import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'renderer/src/**/*.test.ts',
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/electron/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
