import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { citationBlock, stateOf } from '../../../test/essay-support'
import { fixtureNames, fixturePath, useTempDir } from '../../../test/support'
import type { ClippingView } from '../../shared/domain'
import { openCommonplace } from './commonplace'

const tempDir = useTempDir()

function offsets(view: ClippingView): [number, number] {
  return [view.target[1].start, view.target[1].end]
}

describe('updating a source from a newer file', () => {
  it('keeps the old version, re-anchors each clipping, and verification follows', async () => {
    const app = await openCommonplace(join(tempDir(), 'notebook'))
    const source = (await app.sources.importFiles([fixturePath(fixtureNames.bakerTxt)]))
      .imported[0]!
    const quotes = [
      'Baker’s work does a great job at showing us that sex workers are just people',
      'I hate the hypocrisy in our society',
      'it’s a pretty wild film',
    ]
    const clippings = []
    for (const quote of quotes) {
      clippings.push(await app.clippings.createFromQuote({ sourceId: source.id, quote }))
    }
    const essay = await app.essays.create('Cites all three')
    await app.essays.save(
      essay.id,
      stateOf(...clippings.map((clipping) => citationBlock(clipping, source))),
    )

    const original = await readFile(fixturePath(fixtureNames.bakerTxt), 'utf8')
    const edited = `An editor’s note, added later.\n\n${original}`
      .replace('a great job', 'a good job')
      .replace(/As for Red Rocket[^\n]*/, 'The last paragraph was cut.')
    const newer = join(tempDir(), 'baker-corrected.txt')
    await writeFile(newer, edited)

    const report = await app.sources.reimport(source.id, newer)
    expect(report.anchors.map((anchor) => anchor.state)).toEqual(['changed', 'moved', 'missing'])
    const file = await app.store.sourceFile(source.id)
    expect(file.versions).toHaveLength(2)
    expect((await app.store.text(file.versions[0]?.hash ?? '')).text).toContain('a great job')

    const states = (await app.exports.verify(essay.id)).map((check) => check.state)
    expect(states).toEqual(['changed', 'moved', 'missing'])

    // The reader's newest version marks the changed passage at its new words, and lists the lost.
    const newest = await app.sources.get(source.id)
    expect(newest.clippings.map((view) => newest.version.text.slice(...offsets(view)))).toEqual([
      quotes[1],
      'Baker’s work does a good job at showing us that sex workers are just people',
    ])
    expect(newest.notFound.map((view) => view.target[0].exact)).toEqual([quotes[2]])
    // The old version has them all, where they were clipped.
    const old = await app.sources.get(source.id, file.versions[0]?.hash)
    expect(old.clippings.map((view) => view.id).sort()).toEqual(
      clippings.map((view) => view.id).sort(),
    )
    expect(old.notFound).toEqual([])
  })
})
