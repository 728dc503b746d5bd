// `npm run audit:electron`: Electronegativity (Doyensec's Electron security linter) over src/.
// Fails on any HIGH or MEDIUM finding that .ci/electronegativity-allow.json does not list, by
// check id and file, with the reason a reviewer accepted it; and on any file it could not parse,
// since an unparsed file is an unaudited one. Offline: the tool's network look-ups are stubbed.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(repo, 'package.json'))
const toolDir = dirname(require.resolve('@doyensec/electronegativity/package.json'))

// The tool fetches translations and Electron's release list with `got`; there is no network here
// (nor should an audit depend on one), so `got` fails at once instead of timing out.
const gotPath = createRequire(join(toolDir, 'dist', 'runner.js')).resolve('got')
require.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: () => Promise.reject(new Error('offline: Electronegativity may not use the network')),
}
const run = require('@doyensec/electronegativity').default ?? require('@doyensec/electronegativity')

const electronVersion = require('electron/package.json').version
const allowList = JSON.parse(
  readFileSync(join(repo, '.ci', 'electronegativity-allow.json'), 'utf8'),
)
const gating = new Set(['HIGH', 'MEDIUM'])

const quietly = async (work) => {
  // The tool prints a line about translations it could not fetch; the report below says it all.
  const log = console.log
  console.log = () => undefined
  try {
    return await work()
  } finally {
    console.log = log
  }
}

const result = await quietly(() =>
  run({
    input: join(repo, 'src'),
    electronVersionOverride: electronVersion,
    // Needs Electron's release list from the network; the pinned version is updated on purpose.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    customScan: [],
    parserPlugins: [],
  }),
)

const where = (file) => (file === 'N/A' ? 'N/A' : relative(repo, file))
const allowed = (issue) =>
  allowList.allow.find((entry) => entry.id === issue.id && entry.file === where(issue.file))

let failures = 0
const used = new Set()
console.log(
  `electronegativity ${require('@doyensec/electronegativity/package.json').version} on src/ (Electron ${electronVersion}), ${result.atomicChecks} atomic + ${result.globalChecks} global checks`,
)
for (const issue of result.issues) {
  const severity = issue.severity.name
  const at = `${where(issue.file)}:${issue.location.line}`
  const label = `${issue.id} ${severity}/${issue.confidence.name} ${at}`
  if (!gating.has(severity)) {
    console.log(`  low   ${label}`)
    continue
  }
  const entry = allowed(issue)
  if (entry) {
    used.add(entry)
    console.log(`  ok    ${label}: ${entry.reason}`)
  } else {
    failures++
    console.log(`  FAIL  ${label}: ${issue.description} (${issue.shortenedURL})`)
  }
}
for (const error of result.errors) {
  if (error.tolerable) {
    console.log(`  warn  ${where(error.file)}: ${error.message}`)
  } else {
    failures++
    console.log(`  FAIL  ${where(error.file)} was not audited: ${error.message}`)
  }
}
for (const entry of allowList.allow.filter((candidate) => !used.has(candidate))) {
  console.log(`  stale allow-list entry (nothing matches it now): ${entry.id} ${entry.file}`)
}
if (failures > 0) {
  console.log(
    `electronegativity: ${failures} finding(s) to fix, or to review and list with a reason in .ci/electronegativity-allow.json`,
  )
  process.exit(1)
}
console.log('electronegativity: no unreviewed high or medium finding')
