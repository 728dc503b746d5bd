// Prints the last line CI reads: "ci: N passed, N failed, N skipped", summed over the unit tests
// (vitest JSON report) and the e2e tests (Playwright JSON report) that `npm test` wrote.
import { existsSync, readFileSync } from 'node:fs'

const status = Number(process.argv[2] ?? 0)
const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null)
let passed = 0
let failed = 0
let skipped = 0

const unit = read('reports/unit.json')
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests
  skipped += unit.numPendingTests + unit.numTodoTests
}
const e2e = read('reports/e2e.json')
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky
  failed += e2e.stats.unexpected
  skipped += e2e.stats.skipped
}
// A failed typecheck or lint runs no test at all: count that step as the failure it is.
if (status !== 0 && failed === 0) failed = 1
console.log(`ci: ${passed} passed, ${failed} failed, ${skipped} skipped`)
