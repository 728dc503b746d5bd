import { access, readFile, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, useTempDir } from '../../../../test/support'
import { openCommonplace } from '../commonplace'
import { CommonplaceError } from '../errors'
import { sha256 } from '../ids'
import { LibraryStore } from './library-store'
import { SCHEMA_VERSION, type SourceEntry, type SourceFile } from './schema'

const tempDir = useTempDir()

function sourceNamed(id: string, text: string): { entry: SourceEntry; file: SourceFile } {
  const hash = sha256(text)
  const importedAt = '2025-03-01T10:00:00.000Z'
  return {
    entry: { id, kind: 'txt', importedAt, currentVersionHash: hash, title: `Title of ${id}` },
    file: {
      schemaVersion: SCHEMA_VERSION,
      id,
      versions: [
        { hash, text, html: `<p data-start="0">${text}</p>`, importedAt, fileName: 'x.txt' },
      ],
      clippings: [],
    },
  }
}

async function addSources(store: LibraryStore, ...ids: string[]): Promise<void> {
  for (const id of ids) {
    const { entry, file } = sourceNamed(id, `The text of ${id}.`)
    await store.addSource(entry, file)
  }
}

async function openingError(dataDir: string): Promise<CommonplaceError> {
  const error = await LibraryStore.open(dataDir).then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(CommonplaceError)
  return error as CommonplaceError
}

describe('LibraryStore', () => {
  it('creates the notebook folder when opened on one that does not exist', async () => {
    const dataDir = join(tempDir(), 'new', 'notebook')
    const store = await LibraryStore.open(dataDir)
    expect(store.sources()).toEqual([])
    await expect(access(join(dataDir, 'sources'))).resolves.toBeUndefined()
  })

  it('keeps sources, with their text, across reopening', async () => {
    await addSources(await LibraryStore.open(tempDir()), 's-one', 's-two')
    const reopened = await LibraryStore.open(tempDir())
    expect(reopened.sources().map((source) => source.title)).toEqual([
      'Title of s-one',
      'Title of s-two',
    ])
    expect((await reopened.sourceFile('s-two')).versions[0].text).toBe('The text of s-two.')
    expect(reopened.problems).toEqual([])
  })

  it('refuses to open a library.json that is not JSON, names it and leaves it as it was', async () => {
    const path = join(tempDir(), 'library.json')
    const damaged = '{"schemaVersion": 1, "sources": [\n'
    await writeFile(path, damaged)
    const error = await openingError(tempDir())
    expect(error.message).toContain(path)
    expect(error.message).toMatch(/not valid JSON/)
    expect(await readFile(path, 'utf8')).toBe(damaged)
  })

  it('refuses a library.json of the wrong shape, naming the file and the JSON path', async () => {
    await addSources(await LibraryStore.open(tempDir()), 's-one', 's-two')
    const path = join(tempDir(), 'library.json')
    const library = JSON.parse(await readFile(path, 'utf8'))
    library.sources[1].kind = 'pdf'
    const damaged = JSON.stringify(library, null, 2)
    await writeFile(path, damaged)

    const error = await openingError(tempDir())
    expect(error.message).toContain(path)
    expect(error.message).toContain('sources[1].kind')
    expect(await readFile(path, 'utf8')).toBe(damaged)
  })

  it('refuses a library.json written by a newer Commonplace', async () => {
    const path = join(tempDir(), 'library.json')
    await writeFile(path, JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, sources: [] }))
    const error = await openingError(tempDir())
    expect(error.message).toContain(path)
    expect(error.message).toMatch(/newer Commonplace/)
  })

  it('reports a damaged source file, leaves it untouched and still loads the others', async () => {
    await addSources(await LibraryStore.open(tempDir()), 's-one', 's-two', 's-three')
    const damagedPath = join(tempDir(), 'sources', 's-two.json')
    const file = JSON.parse(await readFile(damagedPath, 'utf8'))
    file.versions[0].hash = 'not-a-hash'
    const damaged = JSON.stringify(file)
    await writeFile(damagedPath, damaged)

    const store = await LibraryStore.open(tempDir())
    const loaded = await store.allSourceFiles()
    expect(loaded.map((source) => source.id)).toEqual(['s-one', 's-three'])
    expect(store.problems).toHaveLength(1)
    expect(store.problems[0].file).toBe(damagedPath)
    expect(store.problems[0].message).toContain(damagedPath)
    expect(store.problems[0].message).toContain('versions[0].hash')
    await expect(store.sourceFile('s-two')).rejects.toThrow(damagedPath)
    await expect(store.updateSourceFile('s-two', () => undefined)).rejects.toThrow(damagedPath)
    expect(await readFile(damagedPath, 'utf8')).toBe(damaged)
  })

  it('reports a source file that is not JSON and one that is missing', async () => {
    await addSources(await LibraryStore.open(tempDir()), 's-one', 's-two', 's-three')
    const notJson = join(tempDir(), 'sources', 's-one.json')
    await writeFile(notJson, '')
    await unlink(join(tempDir(), 'sources', 's-three.json'))

    const store = await LibraryStore.open(tempDir())
    expect((await store.allSourceFiles()).map((source) => source.id)).toEqual(['s-two'])
    expect(store.problems.map((problem) => problem.file).sort()).toEqual(
      [notJson, join(tempDir(), 'sources', 's-three.json')].sort(),
    )
    expect(await readFile(notJson, 'utf8')).toBe('')
  })
})

describe('saving a clipping', () => {
  it('rewrites only its source’s file, not the library index or other sources', async () => {
    const app = await openCommonplace(tempDir())
    const report = await app.sources.importFiles([
      fixturePath(fixtureNames.bakerHtml),
      fixturePath(fixtureNames.anoraHtml),
    ])
    const [baker, anora] = report.imported
    const libraryPath = join(tempDir(), 'library.json')
    const bakerPath = join(tempDir(), 'sources', `${baker.id}.json`)
    const anoraPath = join(tempDir(), 'sources', `${anora.id}.json`)
    const snapshot = async (path: string) => ({
      bytes: await readFile(path, 'utf8'),
      ino: (await stat(path)).ino,
      mtimeMs: (await stat(path)).mtimeMs,
    })
    const libraryBefore = await snapshot(libraryPath)
    const anoraBefore = await snapshot(anoraPath)
    const bakerBefore = await snapshot(bakerPath)

    const clipping = await app.clippings.createFromQuote({
      sourceId: baker.id,
      quote: 'Sean Baker’s new film Red Rocket',
    })

    expect(await snapshot(libraryPath)).toEqual(libraryBefore)
    expect(await snapshot(anoraPath)).toEqual(anoraBefore)
    const bakerAfter = await snapshot(bakerPath)
    // A durable write renames a new file into place: a new inode, with the clipping in it.
    expect(bakerAfter.ino).not.toBe(bakerBefore.ino)
    expect(JSON.parse(bakerAfter.bytes).clippings.map((c: { id: string }) => c.id)).toEqual([
      clipping.id,
    ])
  })
})
