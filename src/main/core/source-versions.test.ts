import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, useTempDir } from '../../../test/support'
import { openCommonplace } from './commonplace'
import { countWords, wordChanges } from './source-versions'

const tempDir = useTempDir()

describe('what changed between two versions', () => {
  it('counts the words taken out and put in, not the whole sentence around them', async () => {
    expect(
      await wordChanges(
        'One sentence here. The film is great.',
        'One sentence here. The film is good.',
      ),
    ).toEqual({ wordsAdded: 1, wordsRemoved: 1 })
    expect(await wordChanges('Same text.', 'Same text.')).toEqual({
      wordsAdded: 0,
      wordsRemoved: 0,
    })
    expect(await wordChanges('Kept.', 'Kept.\n\nA new paragraph of six words.')).toEqual({
      wordsAdded: 6,
      wordsRemoved: 0,
    })
  })

  it('counts an apostrophe inside a word as one word', () => {
    expect(countWords('Baker’s film isn’t — quite — 3 hours')).toBe(6)
  })
})

describe('the versions of a source', () => {
  it('lists each version newest first, with its words and clippings changes', async () => {
    const app = await openCommonplace(join(tempDir(), 'notebook'))
    const source = (await app.sources.importFiles([fixturePath(fixtureNames.bakerTxt)]))
      .imported[0]!
    for (const quote of [
      'Baker’s work does a great job at showing us that sex workers are just people',
      'I hate the hypocrisy in our society',
      'it’s a pretty wild film',
    ]) {
      await app.clippings.createFromQuote({ sourceId: source.id, quote })
    }
    const original = await readFile(fixturePath(fixtureNames.bakerTxt), 'utf8')
    const cut = /As for Red Rocket[^\n]*/.exec(original)?.[0] ?? ''
    const edited = `An editor’s note, added later.\n\n${original}`
      .replace('a great job', 'a good job')
      // Words the cut paragraph does not have: a word diff keeps any it shares.
      .replace(cut, 'Zebras quokkas xylophones.')
    const newer = join(tempDir(), 'baker-corrected.txt')
    await writeFile(newer, edited)
    const report = await app.sources.reimport(source.id, newer)

    const versions = await app.sources.versions(source.id)
    expect(versions.map((version) => [version.hash, version.newest, version.fileName])).toEqual([
      [report.versionHash, true, 'baker-corrected.txt'],
      [source.currentVersionHash, false, fixtureNames.bakerTxt],
    ])
    const [newest, first] = versions
    expect(first?.change).toBeUndefined()
    expect(first?.clippedHere).toBe(3)
    expect(newest?.clippedHere).toBe(0)
    expect(newest?.change).toEqual({
      wordsAdded: 5 + 1 + 3,
      wordsRemoved: 1 + countWords(cut),
      clippings: { verified: 0, moved: 1, changed: 1, missing: 1 },
    })

    // The reader can open the older one by its hash, dated.
    const old = await app.sources.get(source.id, first?.hash)
    expect(old.version.importedAt).toBe(first?.importedAt)
    expect(old.version.text).toContain('a great job')
  })
})
