// `npm run bench [-- name...]`: runs each benchmark module (all, or those whose name contains one
// of the arguments), prints its table and writes everything to bench/results/latest.json.
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { renderSection, type BenchSection } from './report'

interface Benchmark {
  name: string
  load: () => Promise<{ run: () => Promise<BenchSection> }>
}

// Loaded lazily so that a filtered run does not import what it does not measure.
const benchmarks: Benchmark[] = [
  { name: 'store', load: () => import('./store.bench') },
  { name: 'library', load: () => import('./library.bench') },
  { name: 'clippings-panel', load: () => import('./clippings-panel.bench') },
  { name: 'search', load: () => import('./search.bench') },
  {
    name: 'search-sources',
    load: () => import('./search.bench').then((module) => ({ run: module.runSources })),
  },
  { name: 'editor', load: () => import('./editor.bench') },
  { name: 'export', load: () => import('./export.bench') },
  { name: 'reanchor', load: () => import('./reanchor.bench') },
  { name: 'import', load: () => import('./import.bench') },
  { name: 'pdf', load: () => import('./pdf-import.bench') },
  { name: 'delete-source', load: () => import('./sources.bench') },
  { name: 'first-run', load: () => import('./first-run.bench') },
  { name: 'pdf-reader', load: () => import('./pdf-reader.bench') },
  { name: 'sync-server', load: () => import('./sync-server.bench') },
  { name: 'sync', load: () => import('./sync.bench') },
]

const resultsDir = join(__dirname, 'results')

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const jsonAt = args.indexOf('--json')
  const jsonFile = jsonAt === -1 ? null : args[jsonAt + 1]
  if (jsonAt !== -1 && !jsonFile) throw new Error('--json needs a file to write the figures to.')
  const filters = args
    .filter((_argument, index) => jsonAt === -1 || (index !== jsonAt && index !== jsonAt + 1))
    .map((argument) => argument.toLowerCase())
  const selected = benchmarks.filter(
    ({ name }) => filters.length === 0 || filters.some((filter) => name.includes(filter)),
  )
  if (selected.length === 0) {
    const names = benchmarks.map(({ name }) => name).join(', ')
    throw new Error(`No benchmark matches ${filters.join(' ')}; there are: ${names}.`)
  }

  const environment = describeEnvironment()
  console.log(
    `Commonplace benchmarks — node ${environment.node}, ${environment.cpuCount} CPUs ` +
      `(${environment.cpuModel}), ${environment.platform}, temp dirs under ${environment.tmpdir}\n`,
  )

  const startedAt = new Date()
  const sections: Array<{ name: string; seconds: number; section: BenchSection }> = []
  for (const benchmark of selected) {
    const start = performance.now()
    const { run } = await benchmark.load()
    const section = await run()
    const seconds = (performance.now() - start) / 1000
    sections.push({ name: benchmark.name, seconds, section })
    console.log(renderSection(section))
    console.log(`- ${benchmark.name} took ${seconds.toFixed(1)} s\n`)
  }

  await mkdir(resultsDir, { recursive: true })
  const file = join(resultsDir, 'latest.json')
  const results = { startedAt: startedAt.toISOString(), filters, environment, sections }
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`Results written to ${file}`)
  const totalSeconds = (Date.now() - startedAt.getTime()) / 1000
  console.log(`The whole run took ${(totalSeconds / 60).toFixed(1)} minutes.`)
  if (jsonFile) {
    const figures = Object.assign({}, ...sections.map(({ section }) => section.figures ?? {}))
    await writeFile(jsonFile, `${JSON.stringify(figures, null, 2)}\n`)
    console.log(`Figures written to ${jsonFile}`)
  }
}

function describeEnvironment() {
  const processors = cpus()
  return {
    node: process.versions.node,
    v8: process.versions.v8,
    platform: `${platform()} ${release()} ${process.arch}`,
    cpuCount: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    totalMemoryBytes: totalmem(),
    freeMemoryBytes: freemem(),
    tmpdir: tmpdir(),
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
