import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
    // The CLI tests start real processes; jsdom parses whole articles.
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Vitest's default is one worker fewer than the cores: one on a 2-core CI machine. Most of
    // these tests wait on processes, files and servers rather than compute, so two keep both
    // cores busy (the tests wait for states, never for time, so load does not make them flaky).
    maxWorkers: 2,
    // The JSON report is what .ci/run totals.
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
})
