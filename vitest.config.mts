import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // The CLI tests start real processes; jsdom parses whole articles.
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // The JSON report is what .ci/run totals.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
})
