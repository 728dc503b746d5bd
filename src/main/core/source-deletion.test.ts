import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { citationBlock, stateOf } from '../../../test/essay-support'
import { fixtureNames, fixturePath, rejection, useTempDir } from '../../../test/support'
import type { SourceSummary } from '../../shared/domain'
import { openCommonplace, type Commonplace } from './commonplace'
import { NotebookSession } from './notebook-session'

const tempDir = useTempDir()
const dataDir = (): string => join(tempDir(), 'notebook')

const bakerQuote = 'Baker’s work does a great job at showing us that sex workers are just people'
const anoraQuote = '“Sean gets sex work. He just does,”'

/** Two sources, one clipping of each, and an essay citing both. */
async function notebookWithCitations(app: Commonplace) {
  const report = await app.sources.importFiles([
    fixturePath(fixtureNames.bakerTxt),
    fixturePath(fixtureNames.anoraTxt),
  ])
  expect(report.failed).toEqual([])
  const [baker, anora] = report.imported as [SourceSummary, SourceSummary]
  const bakerClip = await app.clippings.createFromQuote({ sourceId: baker.id, quote: bakerQuote })
  const anoraClip = await app.clippings.createFromQuote({ sourceId: anora.id, quote: anoraQuote })
  const essay = await app.essays.create('Cites both')
  await app.essays.save(
    essay.id,
    stateOf(citationBlock(bakerClip, baker), citationBlock(anoraClip, anora)),
  )
  return { baker, anora, bakerClip, anoraClip, essay }
}

const states = async (app: Commonplace, essayId: string): Promise<string[]> =>
  (await app.exports.verify(essayId)).map((check) => check.state)

const listedIds = async (app: Commonplace, search?: string): Promise<string[]> =>
  (await app.clippings.list({ search })).map((clipping) => clipping.id)

/** What the panel's count says: the derived catalog's and search index's totals. */
const totals = async (app: Commonplace, search: string): Promise<[number, number]> => [
  (await app.clippings.page({ limit: 50 })).total,
  (await app.clippings.page({ limit: 50, search })).total,
]

describe('deleting a source', () => {
  it('takes its clippings out of every list and search, shows its citations Missing, and undo brings all back', async () => {
    const app = await openCommonplace(dataDir())
    const { baker, anora, bakerClip, anoraClip, essay } = await notebookWithCitations(app)
    // The derived indexes are built before the deletion, so the test sees them follow it.
    expect(await listedIds(app, 'sex workers')).toContain(bakerClip.id)
    expect(await totals(app, 'sex work')).toEqual([2, 2])
    expect((await app.sourceSearch.search('hypocrisy in our society')).length).toBe(1)

    await app.sources.delete(baker.id)
    expect(await totals(app, 'sex work')).toEqual([1, 1])

    expect((await app.sources.list()).map((source) => source.id)).toEqual([anora.id])
    expect(await listedIds(app)).toEqual([anoraClip.id])
    expect(await listedIds(app, 'sex workers')).not.toContain(bakerClip.id)
    expect((await app.clippings.page({ sourceId: baker.id })).items).toEqual([])
    expect(await app.sourceSearch.search('hypocrisy in our society')).toEqual([])
    expect((await app.clippings.lookup([bakerClip.id]))[bakerClip.id]).toBeNull()
    expect((await rejection(app.sources.get(baker.id))).code).toBe('not-found')
    expect(await states(app, essay.id)).toEqual(['missing', 'verified'])
    const gate = await app.exports.gate({
      essayId: essay.id,
      format: 'gfm',
      allowUnverified: false,
    })
    expect(gate.status).toBe('blocked')

    // Kept on disk, marked, in its own file and in the index.
    const file = JSON.parse(await readFile(join(dataDir(), 'sources', `${baker.id}.json`), 'utf8'))
    expect(file.entry.deletedAt).toBeTruthy()
    expect(file.clippings.map((clipping: { id: string }) => clipping.id)).toEqual([bakerClip.id])
    expect((await app.sources.listDeleted()).map((source) => source.id)).toEqual([baker.id])

    const restored = await app.sources.restore(baker.id)
    expect(restored.id).toBe(baker.id)
    expect(await totals(app, 'sex work')).toEqual([2, 2])
    expect((await app.sources.list()).map((source) => source.id)).toEqual([baker.id, anora.id])
    expect(await listedIds(app)).toEqual([anoraClip.id, bakerClip.id])
    expect(await listedIds(app, 'sex workers')).toContain(bakerClip.id)
    expect((await app.sourceSearch.search('hypocrisy in our society')).length).toBe(1)
    expect(await states(app, essay.id)).toEqual(['verified', 'verified'])
    expect(await app.sources.listDeleted()).toEqual([])
  })

  it('is told to another process through the change feed, and its derived indexes follow', async () => {
    const app = await openCommonplace(dataDir())
    const { baker, bakerClip, anoraClip, essay } = await notebookWithCitations(app)
    const other = await openCommonplace(dataDir())
    expect(await listedIds(other)).toEqual([anoraClip.id, bakerClip.id])
    expect((await other.sourceSearch.search('hypocrisy in our society')).length).toBe(1)

    await app.sources.delete(baker.id)
    const change = await other.store.catchUp()
    expect(change?.sources).toContain(baker.id)
    expect(await totals(other, 'sex work')).toEqual([1, 1])
    expect(await listedIds(other)).toEqual([anoraClip.id])
    expect(await other.sourceSearch.search('hypocrisy in our society')).toEqual([])
    expect(await states(other, essay.id)).toEqual(['missing', 'verified'])

    await app.sources.restore(baker.id)
    expect(await listedIds(other)).toEqual([anoraClip.id, bakerClip.id])
    expect(await states(other, essay.id)).toEqual(['verified', 'verified'])
  })

  it('stays deleted in a fresh process that loads the saved indexes, and through a repair', async () => {
    const app = await openCommonplace(dataDir())
    const { baker, anora, anoraClip } = await notebookWithCitations(app)
    await app.clippings.catalog.flush()
    await app.sources.delete(baker.id)

    const fresh = await openCommonplace(dataDir())
    expect(await totals(fresh, 'sex work')).toEqual([1, 1])
    expect(await listedIds(fresh)).toEqual([anoraClip.id])

    await (await NotebookSession.open(dataDir())).repair()
    const repaired = await openCommonplace(dataDir())
    expect((await repaired.sources.list()).map((source) => source.id)).toEqual([anora.id])
    expect((await repaired.sources.listDeleted()).map((source) => source.id)).toEqual([baker.id])
    await repaired.sources.restore(baker.id)
    expect((await repaired.sources.list()).map((source) => source.id)).toEqual([baker.id, anora.id])
  })

  it('refuses an unknown or already deleted source, and a restore of one that is not deleted', async () => {
    const app = await openCommonplace(dataDir())
    const { baker } = await notebookWithCitations(app)
    expect((await rejection(app.sources.delete('s-nosuch'))).code).toBe('not-found')
    expect((await rejection(app.sources.restore(baker.id))).code).toBe('not-found')
    await app.sources.delete(baker.id)
    expect((await rejection(app.sources.delete(baker.id))).code).toBe('not-found')
    expect((await rejection(app.clippings.update({ id: 'c-nosuch', note: 'x' }))).code).toBe(
      'not-found',
    )
  })

  it('purges a deleted source’s files, keeping a text another source still has', async () => {
    const app = await openCommonplace(dataDir())
    const { baker } = await notebookWithCitations(app)
    await app.sources.delete(baker.id)
    // The same file imported again while the first copy is deleted: a new source, one text.
    const [again] = (await app.sources.importFiles([fixturePath(fixtureNames.bakerTxt)])).imported
    expect(again?.currentVersionHash).toBe(baker.currentVersionHash)
    const textPath = join(dataDir(), 'texts', `${baker.currentVersionHash}.json`)

    expect(await app.sources.purgeDeleted(30)).toEqual({ purged: [], textsRemoved: 0 })
    expect(await app.sources.purgeDeleted(0)).toEqual({ purged: [baker.id], textsRemoved: 0 })
    await expect(readFile(join(dataDir(), 'sources', `${baker.id}.json`))).rejects.toThrow()
    expect(JSON.parse(await readFile(textPath, 'utf8')).hash).toBe(baker.currentVersionHash)
    expect((await app.sources.get(again?.id ?? '')).version.text).toContain('hypocrisy')
    expect(await app.sources.listDeleted()).toEqual([])
    // Reopening does not adopt anything back.
    const reopened = await openCommonplace(dataDir())
    expect((await reopened.sources.list()).map((source) => source.id)).toHaveLength(2)
    expect(await reopened.sources.listDeleted()).toEqual([])
  })
})
