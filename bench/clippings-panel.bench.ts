// The Clippings panel on 100,000 clippings: what the writer waits for before the list shows,
// newest first (the list as it was) beside grouped by source (a page and the groups' counts,
// asked together as the panel asks them): the first answer after a clip (the grouping made
// anew) and the next ones (the grouping kept), and a page deep in the grouped list.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCommonplace, type Commonplace } from '../src/main/core/commonplace'
import { ms, type BenchSection } from './report'
import { copyNotebook, seededNotebook } from './seed-library'
import { median } from './stats'

const CLIPPINGS = 100_000
const RUNS = 7
const PAGE = 100

/** Median of `RUNS` timed calls of `step`, after one untimed warm-up; `before` is not timed. */
async function timed(
  step: () => Promise<unknown>,
  before?: () => Promise<unknown>,
): Promise<number> {
  const samples: number[] = []
  for (let run = 0; run <= RUNS; run++) {
    await before?.()
    const start = performance.now()
    await step()
    if (run > 0) samples.push(performance.now() - start)
  }
  return median(samples)
}

export async function run(): Promise<BenchSection> {
  const work = await mkdtemp(join(tmpdir(), 'commonplace-bench-panel-'))
  try {
    const { dir } = await seededNotebook(CLIPPINGS)
    const dataDir = join(work, 'notebook')
    copyNotebook(dir, dataDir)
    const app: Commonplace = await openCommonplace(dataDir)
    const newest = (): Promise<unknown> => app.clippings.page({ limit: PAGE })
    const grouped = (): Promise<unknown> =>
      Promise.all([app.clippings.page({ bySource: true, limit: PAGE }), app.clippings.groups()])
    await newest()
    const [first] = (await app.sources.page({ limit: 1 })).items
    if (!first) throw new Error('the seeded notebook has no source')
    const text = (await app.sources.get(first.id)).version.text
    let at = 0
    // A clip between runs: the catalog takes in the source, and the grouping is made anew.
    const clip = async (): Promise<void> => {
      const start = (at = (at + 97) % Math.max(1, text.length - 40))
      await app.clippings.create({ sourceId: first.id, start, end: start + 30 })
    }
    const figures = {
      newest_after_clip_ms: await timed(newest, clip),
      grouped_after_clip_ms: await timed(grouped, clip),
      newest_next_ms: await timed(newest),
      grouped_next_ms: await timed(grouped),
      grouped_deep_page_ms: await timed(() =>
        app.clippings.page({ bySource: true, limit: PAGE, cursor: String(CLIPPINGS / 2) }),
      ),
    }
    const groups = (await app.clippings.groups()).length
    // Its derived indexes are saved now, not by a timer while the folder is being removed.
    await app.clippings.catalog.flush()
    await app.clippings.searchIndex.flush()
    return {
      title: `Clippings panel on ${CLIPPINGS.toLocaleString('en')} clippings: newest first vs grouped by source`,
      columns: ['answer', 'newest first (before)', 'grouped by source'],
      rows: [
        [
          'first page, right after a clip',
          ms(figures.newest_after_clip_ms),
          ms(figures.grouped_after_clip_ms),
        ],
        ['first page, next time', ms(figures.newest_next_ms), ms(figures.grouped_next_ms)],
        ['a page halfway down', '', ms(figures.grouped_deep_page_ms)],
      ],
      notes: [
        `In-process, the services as main runs them, on the seeded notebook (${groups} sources). Medians of ${RUNS} runs after one warm-up run each; "after a clip" makes a clipping (not timed) before each run, so the catalog takes in its source and the grouping is made again.`,
        'Grouped: a page of the grouped list and every group with its count, asked together as the panel asks them.',
      ],
      figures,
    }
  } finally {
    await rm(work, { recursive: true, force: true, maxRetries: 3 })
  }
}
