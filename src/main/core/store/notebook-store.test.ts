import { chmod, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, rejection, useTempDir } from '../../../../test/support'
import type { NotebookChange } from '../../../shared/ipc'
import { openCommonplace, type Commonplace } from '../commonplace'
import { NotebookSession } from '../notebook-session'

const tempDir = useTempDir()
const notebook = (): string => join(tempDir(), 'notebook')

/** A notebook with the Baker interview, opened twice: as the app and as a CLI run would. */
async function twoWriters(): Promise<{ app: Commonplace; cli: Commonplace; sourceId: string }> {
  const app = await openCommonplace(notebook())
  const [source] = (await app.sources.importFiles([fixturePath(fixtureNames.bakerTxt)])).imported
  if (!source) throw new Error('the interview did not import')
  return { app, cli: await openCommonplace(notebook()), sourceId: source.id }
}

const words = ['hypocrisy', 'filmography', 'pleasure', 'stigma', 'Simon Rex', 'washed-up']

describe('disk is the truth for every process', () => {
  it('a write starts from what another process wrote, so nothing of it is overwritten', async () => {
    const { app, cli, sourceId } = await twoWriters()
    // The app has read the source (and keeps it) before the CLI adds to it.
    expect(await app.clippings.list()).toEqual([])
    const fromCli = []
    for (const quote of words)
      fromCli.push(await cli.clippings.createFromQuote({ sourceId, quote }))
    const fromApp = await app.clippings.createFromQuote({ sourceId, quote: 'prurient' })

    const reopened = await openCommonplace(notebook())
    const ids = (await reopened.clippings.list()).map((clipping) => clipping.id).sort()
    expect(ids).toEqual([...fromCli.map((clipping) => clipping.id), fromApp.id].sort())
    expect((await app.clippings.list()).map((clipping) => clipping.id).sort()).toEqual(ids)
  })

  it('readers of one file at the same time share one read of it', async () => {
    const { sourceId } = await twoWriters()
    const essay = await (await openCommonplace(notebook())).essays.create('Read twice')
    // A fresh process, as the app starts: the editor and the citation counts ask at once.
    const { store } = await openCommonplace(notebook())
    const [first, second] = await Promise.all([
      store.essayFile(essay.id),
      store.essayFile(essay.id),
    ])
    expect(second).toBe(first)
    const [one, other] = await Promise.all([store.sourceFile(sourceId), store.sourceFile(sourceId)])
    expect(other).toBe(one)
    // Once a read is done, the next one checks the file again (and keeps what it read).
    expect(await store.essayFile(essay.id)).toBe(first)
  })

  it('an index entry another process added is kept when this one renames an essay', async () => {
    const { app, cli } = await twoWriters()
    const essay = await app.essays.create('First title')
    await cli.sources.importFiles([fixturePath(fixtureNames.anoraTxt)])
    await app.essays.rename(essay.id, 'Second title')
    const reopened = await openCommonplace(notebook())
    expect(await reopened.sources.list()).toHaveLength(2)
    expect((await reopened.essays.list()).map((summary) => summary.title)).toEqual(['Second title'])
  })

  it('a write that fails leaves memory exactly as the disk: refused, listed nowhere', async () => {
    const { app, sourceId } = await twoWriters()
    await app.clippings.createFromQuote({ sourceId, quote: 'stigma' })
    const path = join(notebook(), 'sources', `${sourceId}.json`)
    const before = await readFile(path, 'utf8')
    await chmod(path, 0o444)
    const error = await rejection(app.clippings.createFromQuote({ sourceId, quote: 'pleasure' }))
    expect(error.code).toBe('unwritable')
    expect(error.message).toContain(`${path} is read-only`)
    expect(await readFile(path, 'utf8')).toBe(before)
    expect((await app.clippings.list()).map((clipping) => clipping.target[0].exact)).toEqual([
      'stigma',
    ])
    await chmod(path, 0o644)
    await app.clippings.createFromQuote({ sourceId, quote: 'pleasure' })
    expect(await app.clippings.list()).toHaveLength(2)
  })

  it('refuses to write a file it could not read back, and the file keeps what it had', async () => {
    const { app, sourceId } = await twoWriters()
    const kept = await app.clippings.createFromQuote({ sourceId, quote: 'stigma' })
    const path = join(notebook(), 'sources', `${sourceId}.json`)
    const before = await readFile(path, 'utf8')
    // As a service with a bug would: a clipping with no quote, which no read accepts.
    const error = await rejection(
      app.store.write(async (tx) => {
        const file = await tx.source(sourceId)
        const copy = structuredClone(file.clippings[0])
        if (!copy) throw new Error('the clipping is missing')
        copy.id = 'c-broken0001'
        if (copy.target[0]) copy.target[0].exact = ''
        file.clippings.push(copy)
      }),
    )
    expect(error.code).toBe('internal')
    expect(error.message).toContain(`would have saved ${path} in a form it cannot read back`)
    expect(await readFile(path, 'utf8')).toBe(before)
    const reopened = await openCommonplace(notebook())
    expect((await reopened.clippings.list()).map((clipping) => clipping.id)).toEqual([kept.id])
  })

  it('keeps fields it does not know, written by a newer version, through its own writes', async () => {
    const { app, sourceId } = await twoWriters()
    const clipping = await app.clippings.createFromQuote({ sourceId, quote: 'stigma' })
    const indexPath = join(notebook(), 'library.json')
    const sourcePath = join(notebook(), 'sources', `${sourceId}.json`)
    const index = JSON.parse(await readFile(indexPath, 'utf8'))
    index.syncedAt = '2027-01-01'
    index.sources[0].colour = 'teal'
    await writeFile(indexPath, JSON.stringify(index))
    const file = JSON.parse(await readFile(sourcePath, 'utf8'))
    file.clippings[0].highlightColour = 'yellow'
    await writeFile(sourcePath, JSON.stringify(file))

    const later = await openCommonplace(notebook())
    await later.clippings.update({ id: clipping.id, note: 'edited by the older version' })
    await later.sources.updateMetadata(sourceId, { title: 'Renamed' })
    const index2 = JSON.parse(await readFile(indexPath, 'utf8'))
    expect(index2).toMatchObject({ syncedAt: '2027-01-01', sources: [{ colour: 'teal' }] })
    const file2 = JSON.parse(await readFile(sourcePath, 'utf8'))
    expect(file2.clippings[0]).toMatchObject({
      highlightColour: 'yellow',
      note: 'edited by the older version',
    })
  })

  it('never turns an id from a file or a request into a path outside the notebook', async () => {
    const { app } = await twoWriters()
    for (const id of ['../../x/evil', 's-../x', '/etc/passwd', 's-a/b', '']) {
      expect(() => app.store.sourcePath(id)).toThrow(/not a Commonplace id/)
      expect(() => app.store.essayPath(id)).toThrow(/not a Commonplace id/)
    }
    const indexPath = join(notebook(), 'library.json')
    const index = JSON.parse(await readFile(indexPath, 'utf8'))
    index.sources[0].id = '../../x/evil'
    await writeFile(indexPath, JSON.stringify(index))
    const error = await rejection(openCommonplace(notebook()))
    expect(error.code).toBe('damaged')
    expect(error.message).toContain('sources[0].id: not a Commonplace id')
  })

  it('lists at opening a source file a crash left out of the index', async () => {
    const { app, sourceId } = await twoWriters()
    await app.clippings.createFromQuote({ sourceId, quote: 'stigma' })
    const indexPath = join(notebook(), 'library.json')
    const index = JSON.parse(await readFile(indexPath, 'utf8'))
    index.sources = []
    await writeFile(indexPath, JSON.stringify(index))
    const reopened = await openCommonplace(notebook())
    expect((await reopened.sources.list()).map((source) => source.id)).toEqual([sourceId])
    expect(await reopened.clippings.list()).toHaveLength(1)
  })

  it('writes a version’s text once, named by its hash', async () => {
    const { app, sourceId } = await twoWriters()
    await app.sources.reimport(sourceId, fixturePath(fixtureNames.bakerTxt))
    expect(await readdir(join(notebook(), 'texts'))).toHaveLength(1)
    expect((await app.store.sourceFile(sourceId)).versions).toHaveLength(1)
  })
})

describe('the app watching the notebook', () => {
  it('hears within moments what another process wrote, and which source', async () => {
    const { cli, sourceId } = await twoWriters()
    const session = await NotebookSession.open(notebook(), { watch: true })
    const heard: NotebookChange[] = []
    session.onChange((change) => heard.push(change))
    try {
      await cli.clippings.createFromQuote({ sourceId, quote: 'stigma' })
      await expect.poll(() => heard.flatMap((change) => change.sources)).toContain(sourceId)
      expect(await session.commonplace.clippings.list()).toHaveLength(1)
      // Its own writes are not news to itself.
      const before = heard.length
      await session.commonplace.clippings.createFromQuote({ sourceId, quote: 'pleasure' })
      await cli.essays.create('A marker, written after')
      await expect.poll(() => heard.flatMap((change) => change.essays)).toHaveLength(1)
      expect(heard.slice(before).flatMap((change) => change.sources)).toEqual([])
    } finally {
      await session.close()
    }
  })
})
