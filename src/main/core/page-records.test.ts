import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { fixtureNames, fixturePath, useTempDir } from '../../../test/support'
import type { ClippingView } from '../../shared/domain'
import { openCommonplace } from './commonplace'
import type { SourceFile } from './store/schema'

const tempDir = useTempDir()
const notebook = (): string => join(tempDir(), 'notebook')
// Words of one length, once each in the text: some records come out the same size.
const quotes = ['hypocrisy', 'filmography', 'stigma', 'moving', 'pretty', 'former', 'circle']

/** Two sources with clippings, the catalog saved, as a later process finds them. */
async function clippedNotebook(): Promise<{ sourceId: string; ids: string[] }> {
  const app = await openCommonplace(notebook())
  const { imported } = await app.sources.importFiles([
    fixturePath(fixtureNames.bakerTxt),
    fixturePath(fixtureNames.anoraTxt),
  ])
  const [baker, anora] = imported
  if (!baker || !anora) throw new Error('the fixtures did not import')
  const ids: string[] = []
  for (const quote of quotes) {
    ids.push((await app.clippings.createFromQuote({ sourceId: baker.id, quote })).id)
  }
  ids.push(
    (await app.clippings.createFromQuote({ sourceId: anora.id, quote: 'Anora', occurrence: 1 })).id,
  )
  await app.clippings.update({ id: ids[1] ?? '', note: 'his films, in order', tags: ['career'] })
  await app.clippings.page({ limit: 1 })
  await app.clippings.catalog.flush()
  return { sourceId: baker.id, ids }
}

/** What a view shows, without what differs between two reads of the same clipping. */
const shown = (view: ClippingView): unknown => ({
  id: view.id,
  quote: view.target[0].exact,
  note: view.note,
  tags: view.tags,
  source: view.sourceTitle,
  state: view.anchor.state,
})

describe('a page of clippings', () => {
  it('reads each clipping from its own bytes, not its source’s whole file', async () => {
    const { ids } = await clippedNotebook()
    const app = await openCommonplace(notebook())
    const wholeFiles = vi.spyOn(app.store, 'sourceFiles')
    const page = await app.clippings.page({ limit: 10 })
    const search = await app.clippings.page({ search: 'films', limit: 10 })
    expect(wholeFiles).not.toHaveBeenCalled()

    expect(page.items.map((view) => view.id)).toEqual([...ids].reverse())
    expect(search.items.map((view) => view.id)).toEqual([ids[1]])
    // The same as each clipping read the long way, from its source's file.
    const one = await app.clippings.lookup(ids)
    expect(page.items.map(shown)).toEqual(
      [...ids].reverse().map((id) => shown(one[id] as ClippingView)),
    )
    expect(search.items[0]).toMatchObject({ note: 'his films, in order', tags: ['career'] })
  })

  it('reads the whole file when the bytes are no longer its clippings, and shows them right', async () => {
    const { sourceId, ids } = await clippedNotebook()
    // Rewritten by hand behind the app's back, one note changed: where the catalog placed each
    // record there is now another clipping's record, or no record at all.
    const path = join(notebook(), 'sources', `${sourceId}.json`)
    const file = JSON.parse(await readFile(path, 'utf8')) as SourceFile
    const quoteOf = new Map(file.clippings.map((each) => [each.id, each.target[0].exact]))
    // Every byte where it was but two records: the catalog's places find the other one.
    const swapped = swapSameSize(file)
    const changed = file.clippings.find((clipping) => clipping.id === ids[0])
    if (changed) changed.note = 'written by hand'
    const reversed = { ...file, clippings: [...file.clippings].reverse() }
    for (const layout of [swapped, JSON.stringify(reversed), JSON.stringify(file, null, 2)]) {
      await writeFile(path, layout)
      const app = await openCommonplace(notebook())
      const page = await app.clippings.page({ limit: 10 })
      const mine = page.items.filter((view) => view.sourceId === sourceId)
      expect(mine.map((view) => [view.id, view.target[0].exact])).toEqual(
        mine.map((view) => [view.id, quoteOf.get(view.id)]),
      )
      expect(page.items.map((view) => view.id)).toEqual([...ids].reverse())
      if (layout !== swapped) {
        expect(page.items.find((view) => view.id === ids[0])?.note).toBe('written by hand')
      }
    }
  })
})

/** The file, compact, with two clippings of the same byte size in each other's places. */
function swapSameSize(file: SourceFile): string {
  const sizes = file.clippings.map((each) => Buffer.byteLength(JSON.stringify(each)))
  const first = sizes.findIndex((size, at) => sizes.indexOf(size) !== at)
  const second = sizes.indexOf(sizes[first] ?? -1)
  if (first === -1) throw new Error('no two clippings of one size to swap')
  const clippings = [...file.clippings]
  ;[clippings[first], clippings[second]] = [clippings[second]!, clippings[first]!]
  return JSON.stringify({ ...file, clippings })
}
