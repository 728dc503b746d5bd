// Exporting an essay that cites 1,000 DISTINCT clippings (the seeded 1k notebook: 200 generated
// articles of ~100 KB, 5 clippings each), every quote verified and linked with a text fragment:
// in an open app (first export, then warm) and as the user runs it, a fresh `commonplace export`.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCommonplace } from '../src/main/core/commonplace'
import type { SourceFile } from '../src/main/core/store/schema'
import type { SerializedNodeJson } from '../src/shared/essay'
import { paragraph } from './essay-seed'
import { ms, type BenchSection } from './report'
import { copyNotebook, seededNotebook } from './seed-library'
import { median, summarize } from './stats'

const CLIPPINGS = 1000
const WARM_RUNS = 10
const CLI_RUNS = 5
const repoRoot = join(__dirname, '..')

/** An essay citing every clipping of the notebook once, a paragraph of the writer's between. */
export async function seedEssayForBench(
  dataDir: string,
): Promise<{ essayId: string; cited: number }> {
  const app = await openCommonplace(dataDir)
  const children: SerializedNodeJson[] = []
  const sources = new Map((await app.store.sources()).map((entry) => [entry.id, entry]))
  for (const name of await readdir(join(dataDir, 'sources'))) {
    const file = JSON.parse(await readFile(join(dataDir, 'sources', name), 'utf8')) as SourceFile
    const entry = sources.get(file.id)
    for (const clipping of file.clippings) {
      children.push(
        paragraph(
          `Paragraph ${children.length / 2 + 1}: what the source says, and why it matters.`,
        ),
      )
      children.push({
        type: 'citation-block',
        version: 1,
        clippingId: clipping.id,
        sourceId: file.id,
        snapshot: {
          exact: clipping.target[0].exact,
          title: entry?.title ?? '',
          siteName: entry?.siteName,
          url: entry?.url,
        },
        locator: '',
        comment: '',
      })
    }
  }
  const essay = await app.essays.create(`An essay citing ${CLIPPINGS} distinct clippings`)
  await app.essays.save(essay.id, {
    root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 },
  })
  return { essayId: essay.id, cited: children.length / 2 }
}

/** Wall time of a fresh process, `runs` times, after one warm-up run (file cache) unless told. */
function freshProcessMs(args: string[], runs: number, warmUp = true): number[] {
  const samples: number[] = []
  for (let run = warmUp ? -1 : 0; run < runs; run++) {
    const start = performance.now()
    const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] })
    if (result.status !== 0) {
      throw new Error(`node ${args.join(' ')} failed: ${result.stderr?.toString() ?? ''}`)
    }
    if (run >= 0) samples.push(performance.now() - start)
  }
  return samples
}

export async function run(): Promise<BenchSection> {
  const cli = join(repoRoot, 'bin', 'commonplace.js')
  if (!existsSync(join(repoRoot, 'out', 'main', 'cli.js'))) {
    throw new Error('The export bench runs the built CLI: run `npx electron-vite build` first.')
  }
  const seed = await seededNotebook(CLIPPINGS)
  const parent = await mkdtemp(join(tmpdir(), 'commonplace-bench-export-'))
  const dataDir = join(parent, 'notebook')
  try {
    copyNotebook(seed.dir, dataDir)
    const { essayId, cited } = await seedEssayForBench(dataDir)

    // In a process of its own, as the app's main is: the first export, then warm ones.
    const app = await openCommonplace(dataDir)
    let start = performance.now()
    const first = await app.exports.render(essayId, 'gfm')
    const firstMs = performance.now() - start
    if (first.problems.length > 0) throw new Error('The seeded essay should verify cleanly.')
    const warm: number[] = []
    for (let i = 0; i < WARM_RUNS + 2; i++) {
      start = performance.now()
      await app.exports.render(essayId, 'gfm')
      if (i >= 2) warm.push(performance.now() - start)
    }
    const warmSummary = summarize(warm)

    // As the user runs it: a fresh CLI process, and the same CLI doing next to nothing.
    const output = join(parent, 'essay.md')
    const exportArgs = [cli, '--data-dir', dataDir, 'export', essayId, '-o', output]
    // The first export ever: no passages stored yet (the in-process runs above stored them).
    await rm(join(dataDir, 'derived', 'passages'), { recursive: true, force: true })
    const cliFirst = freshProcessMs(exportArgs, 1, false)[0] ?? NaN
    const cliExport = median(freshProcessMs(exportArgs, CLI_RUNS))
    const cliStart = median(freshProcessMs([cli, '--data-dir', dataDir, 'essays'], CLI_RUNS))
    const nodeStart = median(freshProcessMs(['-e', '0'], CLI_RUNS))
    const bytes = (await readFile(output)).length

    return {
      title: `Export: an essay citing ${cited.toLocaleString('en-US')} distinct clippings (200 sources of ~100 KB)`,
      columns: ['what', 'time', 'target'],
      rows: [
        ['fresh CLI: commonplace export (median)', ms(cliExport), '< 500 ms'],
        ['  the first ever (no passages stored yet; one run)', ms(cliFirst), ''],
        ['  of which start-up: commonplace essays (median)', ms(cliStart), ''],
        ['  of which export work (the difference)', ms(cliExport - cliStart), ''],
        ['  node -e 0 (median)', ms(nodeStart), ''],
        ['open app: first export', ms(firstMs), ''],
        [
          'open app: warm export (median / p95)',
          ms(warmSummary.median, warmSummary.p95),
          '< 200 ms',
        ],
        ['output', `${(bytes / 1024).toFixed(0)} KiB`, ''],
      ],
      notes: [
        `Every citation is a different clipping, so each is verified against its own source text and gets its own text fragment (none are cache hits within one export).`,
        `CLI: wall time of \`node bin/commonplace.js --data-dir <notebook> export <essay> -o <file>\`, median of ${CLI_RUNS} runs after one warm-up run (not counted; it warms the file cache); start-up is \`commonplace essays\` on the same notebook (loads the CLI and opens the notebook), so the difference is the export's own work. Each clipped passage's words and fragment are stored in derived/passages/ by the first export; the counted runs read them (the first ever is shown apart, run once with the file cache warm). Runs the built CLI: build after changing src/.`,
        `Open app: ExportService.render in this process; "first" reads every source text and computes every fragment; warm: median of ${WARM_RUNS} runs after 2 warm-ups (not counted), texts and fragments cached.`,
      ],
      details: { firstMs, warm: warmSummary, cliExport, cliFirst, cliStart, nodeStart },
      figures: { export_1000_distinct: cliExport, export_1000_distinct_warm: warmSummary.median },
    }
  } finally {
    await rm(parent, { recursive: true, force: true })
  }
}
