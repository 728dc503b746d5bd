import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, useTempDir } from '../../../../test/support'
import { openCommonplace, type Commonplace } from '../commonplace'

const tempDir = useTempDir()
const notebook = (): string => join(tempDir(), 'notebook')
const quotes = ['hypocrisy', 'filmography', 'pleasure', 'stigma', 'Simon Rex', 'prurient']

/** The interview with its clippings, one a minute apart so "newest first" is well defined. */
async function clipped(): Promise<{ app: Commonplace; sourceId: string; ids: string[] }> {
  let minute = 0
  const now = (): Date => new Date(Date.UTC(2026, 0, 1, 9, minute++))
  const app = await openCommonplace(notebook(), { now })
  const [source] = (
    await app.sources.importFiles([
      fixturePath(fixtureNames.bakerTxt),
      fixturePath(fixtureNames.anoraTxt),
    ])
  ).imported
  if (!source) throw new Error('the interview did not import')
  const ids = []
  for (const quote of quotes) {
    ids.push((await app.clippings.createFromQuote({ sourceId: source.id, quote })).id)
  }
  await app.clippings.page({ limit: 1 })
  await app.clippings.catalog.flush()
  return { app, sourceId: source.id, ids }
}

describe('the clipping catalog', () => {
  it('pages newest first, each page starting where the last one ended', async () => {
    const { app, ids } = await clipped()
    const first = await app.clippings.page({ limit: 4 })
    expect(first.total).toBe(6)
    expect(first.items.map((view) => view.id)).toEqual([...ids].reverse().slice(0, 4))
    // A clipping added meanwhile does not shift the next page.
    const sourceId = first.items[0]?.sourceId ?? ''
    await app.clippings.createFromQuote({ sourceId, quote: 'Red Rocket is a fascinating look' })
    const second = await app.clippings.page({ limit: 4, cursor: first.next ?? undefined })
    expect(second.items.map((view) => view.id)).toEqual([...ids].reverse().slice(4))
    expect(second.next).toBeNull()
  })

  it('answers every reader alike while it takes in a change', async () => {
    const { app, sourceId } = await clipped()
    await app.clippings.createFromQuote({ sourceId, quote: 'Red Rocket is a fascinating look' })
    // Two lists asked at once: the second must not be answered from the index the first is
    // still bringing up to date.
    const totals = await Promise.all([1, 2, 3].map(() => app.clippings.page({ limit: 1 })))
    expect(totals.map((page) => page.total)).toEqual([7, 7, 7])
  })

  it('opens from its saved file, reading only the sources written to since', async () => {
    const { sourceId } = await clipped()
    const saved = join(notebook(), 'derived', 'catalog.json')
    const file = JSON.parse(await readFile(saved, 'utf8')) as {
      format: number
      data: { rows: string[][] }
    }
    expect(file).toMatchObject({ format: 2 })
    // Saved newest first, so that opening needs no sort.
    const dates = file.data.rows.map((row) => row[2] ?? '')
    expect(dates).toEqual([...dates].sort().reverse())

    const cli = await openCommonplace(notebook())
    await cli.clippings.createFromQuote({ sourceId, quote: 'washed-up' })
    const app = await openCommonplace(notebook())
    expect((await app.clippings.page({ limit: 10 })).total).toBe(7)
    // Of the two sources, only the one written to was read again.
    expect(app.clippings.catalog.lastRead).toBe(1)
  })

  it('is rebuilt from the files when its file is damaged or the feed no longer reaches back', async () => {
    await clipped()
    const saved = join(notebook(), 'derived', 'catalog.json')
    await writeFile(saved, '{"format": 2, "revision": 3, "data": {"rows": [[1,2')
    let app = await openCommonplace(notebook())
    expect((await app.clippings.page({ limit: 10 })).total).toBe(6)

    const feed = join(notebook(), 'changes.json')
    const lines = (await readFile(feed, 'utf8')).trim().split('\n')
    const last = JSON.parse(lines[lines.length - 1] ?? '') as { revision: number }
    const far = { revision: last.revision + 5000, writer: 'x', sources: [], essays: [], all: false }
    await writeFile(feed, `${JSON.stringify(far)}\n`)
    app = await openCommonplace(notebook())
    expect((await app.clippings.page({ limit: 10 })).total).toBe(6)
  })

  it('follows another process’s deletions and restores, and filters by source and tag', async () => {
    const { app, sourceId, ids } = await clipped()
    const other = await openCommonplace(notebook())
    await other.clippings.delete(ids[0] ?? '')
    await other.clippings.update({ id: ids[1] ?? '', tags: ['method'] })
    expect((await app.clippings.page({ limit: 10 })).total).toBe(5)
    expect((await app.clippings.page({ tag: 'method', limit: 10 })).items.map((v) => v.id)).toEqual(
      [ids[1]],
    )
    expect((await app.clippings.page({ sourceId, limit: 2 })).total).toBe(5)
    await other.clippings.restore(ids[0] ?? '')
    expect((await app.clippings.page({ limit: 10 })).total).toBe(6)
  })

  it('groups by source, the one clipped from last first, paging through open groups only', async () => {
    const { app, sourceId, ids } = await clipped()
    const [, anora] = (await app.sources.page()).items
    if (!anora) throw new Error('the second source did not import')
    const late = await app.clippings.createFromQuote({
      sourceId: anora.id,
      quote: 'Anora',
      occurrence: 1,
    })
    const tagged = await app.clippings.update({ id: ids[0] ?? '', tags: ['method'] })

    const groups = await app.clippings.groups()
    expect(groups.map((group) => [group.sourceId, group.count])).toEqual([
      [anora.id, 1],
      [sourceId, 6],
    ])
    expect(groups[0]?.title).toBe(anora.title)
    expect((await app.clippings.groups({ tag: 'method' })).map((g) => g.count)).toEqual([1])

    const first = await app.clippings.page({ bySource: true, limit: 3 })
    expect(first.total).toBe(7)
    expect(first.items.map((view) => view.id)).toEqual([late.id, ...[...ids].reverse().slice(0, 2)])
    const rest = await app.clippings.page({ bySource: true, limit: 10, cursor: first.next ?? '' })
    expect(rest.items.map((view) => view.id)).toEqual([...ids].reverse().slice(2))
    expect(rest.next).toBeNull()

    // A collapsed group is left out of the list, and of its total.
    const collapsed = await app.clippings.page({ bySource: true, collapsed: [anora.id], limit: 2 })
    expect(collapsed.total).toBe(6)
    expect(collapsed.items[0]?.id).toBe(ids[5])
    // Asked together, right after a clip, both answers have it (neither reads the catalog
    // half taken in).
    const another = await app.clippings.createFromQuote({ sourceId, quote: 'washed-up' })
    const [page, counts] = await Promise.all([
      app.clippings.page({ bySource: true, limit: 1 }),
      app.clippings.groups(),
    ])
    expect(page.items.map((view) => view.id)).toEqual([another.id])
    expect(counts.map((group) => group.count)).toEqual([7, 1])
    const byTag = await app.clippings.page({ bySource: true, tag: 'method', limit: 5 })
    expect(byTag.items.map((view) => view.id)).toEqual([tagged.id])
  })
})

describe('the catalog file', () => {
  it('is written whole when two sessions of one process save it at the same time', async () => {
    // As when the app reopens its notebook (after "Rebuild from files"): the closing session
    // and the opening one may both be saving the catalog.
    const { app } = await clipped()
    const other = await openCommonplace(notebook())
    await other.clippings.page({ limit: 1 })
    for (let round = 0; round < 20; round++) {
      await app.clippings.catalog.rebuildNow()
      await other.clippings.catalog.rebuildNow()
      await expect(
        Promise.all([app.clippings.catalog.rebuildNow(), other.clippings.catalog.rebuildNow()]),
      ).resolves.toHaveLength(2)
    }
    const saved = JSON.parse(await readFile(join(notebook(), 'derived', 'catalog.json'), 'utf8'))
    expect(saved.data.rows).toHaveLength(6)
  })
})
