// Deleting a source and restoring it (Undo), each with the lists the app asks for next, on the
// 10,000-clipping notebook; beside them, the same lists after rebuilding the derived indexes from
// every source file, which is what a deletion would cost if the indexes did not follow it one
// source at a time. And the versions list of a source with five versions, beside opening that
// source in the reader.
import { writeFile } from 'node:fs/promises'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCommonplace, type Commonplace } from '../src/main/core/commonplace'
import { ms, ratio, type BenchSection } from './report'
import { copyNotebook, seededNotebook } from './seed-library'
import { median, timed } from './stats'

const SIZE = 10_000
const WARMUPS = 2
const RUNS = 9
/** A full rebuild reads all 200 sources: a few runs show it. */
const REBUILD_RUNS = 3
const VERSIONS = 5

/** What the app asks main for after a source is deleted or restored. */
async function listsAfterChange(app: Commonplace): Promise<void> {
  await app.sources.page({ limit: 200 })
  await app.clippings.page({ limit: 50 })
  await app.clippings.page({ limit: 50, search: 'history of' })
  await app.sourceSearch.search('the history')
}

async function samples(runs: number, warmups: number, action: (run: number) => Promise<unknown>) {
  const kept: number[] = []
  for (let run = 0; run < warmups + runs; run++) {
    const time = await timed(() => action(run))
    if (run >= warmups) kept.push(time)
  }
  return kept
}

export async function run(): Promise<BenchSection> {
  const { dir: seed } = await seededNotebook(SIZE)
  const work = await mkdtemp(join(tmpdir(), 'commonplace-bench-sources-'))
  try {
    const dataDir = join(work, 'notebook')
    copyNotebook(seed, dataDir)
    const app = await openCommonplace(dataDir)
    // The derived indexes exist before anything is timed (a first open builds them).
    await listsAfterChange(app)
    const sources = await app.sources.list()
    const pick = (run: number) => sources[(run * 37) % sources.length] as (typeof sources)[number]

    const deletes: number[] = []
    const restores: number[] = []
    for (let run = 0; run < WARMUPS + RUNS; run++) {
      const { id } = pick(run)
      const deleted = await timed(async () => {
        await app.sources.delete(id)
        await listsAfterChange(app)
      })
      const restored = await timed(async () => {
        await app.sources.restore(id)
        await listsAfterChange(app)
      })
      if (run >= WARMUPS) {
        deletes.push(deleted)
        restores.push(restored)
      }
    }
    const rebuilds = await samples(REBUILD_RUNS, 1, async () => {
      await app.clippings.catalog.rebuildNow()
      await app.clippings.searchIndex.rebuildNow()
      await app.sourceSearch.index.rebuildNow()
      await listsAfterChange(app)
    })

    // One source updated four times: a sentence reworded in each copy.
    const source = pick(3)
    const text = (await app.sources.get(source.id)).version.text
    const sentences = text.split('. ')
    for (let version = 1; version < VERSIONS; version++) {
      const edited = sentences
        .map((sentence, index) => (index % 7 === version ? `${sentence} indeed` : sentence))
        .join('. ')
      const path = join(work, `article-v${version}.txt`)
      await writeFile(path, edited)
      await app.sources.reimport(source.id, path)
    }
    const clippings = (await app.clippings.page({ sourceId: source.id, limit: 1 })).total
    const versions = await samples(RUNS, WARMUPS, () => app.sources.versions(source.id))
    const opens = await samples(RUNS, WARMUPS, () => app.sources.get(source.id))

    const ours = median(deletes)
    const baseline = median(rebuilds)
    return {
      title: `Sources: delete and Undo on ${SIZE.toLocaleString('en-US')} clippings (${sources.length} sources); the versions list`,
      columns: ['what', 'ours (median)', 'beside it (median)', 'ratio'],
      rows: [
        [
          'delete a source, then its lists (sources, clippings, a search of each)',
          ms(ours),
          ms(baseline),
          ratio(baseline / ours),
        ],
        [
          'Undo (restore), then the same lists',
          ms(median(restores)),
          ms(baseline),
          ratio(baseline / median(restores)),
        ],
        [
          `versions list, ${VERSIONS} versions, ${clippings} clippings`,
          ms(median(versions)),
          ms(median(opens)),
          ratio(median(versions) / median(opens)),
        ],
      ],
      notes: [
        `Delete and Undo: ${RUNS} runs each after ${WARMUPS} warm-up runs, a different source each time; in one process, as the app does it (the lists are asked again after each).`,
        `Beside delete and Undo: the derived catalog, clipping search and source-text indexes rebuilt from every source file, then the same lists (${REBUILD_RUNS} runs after 1 warm-up): what a deletion would cost without the indexes taking in one source.`,
        `Versions list: ${RUNS} runs after ${WARMUPS} warm-up runs (texts then in the store's cache), beside opening the newest version in the reader (getSource).`,
      ],
      figures: {
        source_delete_10k: ours,
        source_restore_10k: median(restores),
        source_reindex_10k: baseline,
        source_versions_list: median(versions),
        source_open: median(opens),
      },
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
