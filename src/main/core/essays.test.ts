import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, rejection, useTempDir } from '../../../test/support'
import { citationBlock, paragraph, stateOf, text } from '../../../test/essay-support'
import type { SerializedNodeJson } from '../../shared/essay'
import { openCommonplace, type Commonplace } from './commonplace'

const tempDir = useTempDir()

async function withCitedClipping(app: Commonplace) {
  const { imported } = await app.sources.importFiles([fixturePath(fixtureNames.bakerHtml)])
  const source = imported[0]!
  const clipping = await app.clippings.createFromQuote({
    sourceId: source.id,
    quote: 'sex workers are just people',
  })
  const citation = citationBlock(clipping, source)
  return { source, clipping, citation }
}

describe('essays', () => {
  it('creates, saves, renames and lists essays, and they survive reopening', async () => {
    const app = await openCommonplace(tempDir())
    const essay = await app.essays.create()
    expect(essay.title).toBe('Untitled essay')
    const state = stateOf(paragraph(text('A first sentence, with '), text('emphasis', 2)))
    await app.essays.save(essay.id, state)
    await app.essays.rename(essay.id, '  On Baker  ')

    const reopened = await openCommonplace(tempDir())
    expect((await reopened.essays.list()).map((e) => e.title)).toEqual(['On Baker'])
    expect((await reopened.essays.get(essay.id)).editorState).toEqual(state)
  })

  it('keeps each essay in its own file, so typing rewrites only that essay', async () => {
    const app = await openCommonplace(tempDir())
    const first = await app.essays.create('First')
    const second = await app.essays.create('Second')
    const secondFile = join(tempDir(), 'essays', `${second.id}.json`)
    const before = await readFile(secondFile, 'utf8')
    const mtime = (await stat(secondFile)).mtimeMs
    await app.essays.save(first.id, stateOf(paragraph(text('typing'))))
    expect(await readFile(secondFile, 'utf8')).toBe(before)
    expect((await stat(secondFile)).mtimeMs).toBe(mtime)
    expect(await readFile(join(tempDir(), 'essays', `${first.id}.json`), 'utf8')).toContain(
      'typing',
    )
  })

  it('refuses a state that is not a Lexical editor state, and keeps the saved one', async () => {
    const app = await openCommonplace(tempDir())
    const essay = await app.essays.create('Kept')
    const state = stateOf(paragraph(text('safe')))
    await app.essays.save(essay.id, state)
    await expect(app.essays.save(essay.id, { nothing: true })).rejects.toThrow(/could not be saved/)
    await expect(app.essays.rename(essay.id, '   ')).rejects.toThrow(/title is required/)
    expect((await app.essays.get(essay.id)).editorState).toEqual(state)
  })

  it('deletes with undo: a deleted essay is hidden, then restored whole', async () => {
    const app = await openCommonplace(tempDir())
    const essay = await app.essays.create('Draft')
    await app.essays.save(essay.id, stateOf(paragraph(text('words'))))
    await app.essays.delete(essay.id)
    expect(await app.essays.list()).toEqual([])
    await expect(app.essays.get(essay.id)).rejects.toThrow(/does not exist/)
    await app.essays.restore(essay.id)
    expect(
      (await app.essays.get(essay.id)).editorState.root.children?.[0]?.children?.[0]?.text,
    ).toBe('words')
  })

  it('knows which essays cite a clipping and a source, after reopening too', async () => {
    const app = await openCommonplace(tempDir())
    const { source, clipping, citation } = await withCitedClipping(app)
    const citing = await app.essays.create('Citing')
    await app.essays.create('Not citing')
    await app.essays.save(citing.id, stateOf(paragraph(text('As Baker says:')), citation))

    expect((await app.essays.citingClipping(clipping.id)).map((e) => e.title)).toEqual(['Citing'])
    expect((await app.essays.citingSource(source.id)).map((e) => e.title)).toEqual(['Citing'])
    expect((await app.essays.citationCounts()).get(clipping.id)).toBe(1)

    const reopened = await openCommonplace(tempDir())
    expect((await reopened.essays.citingClipping(clipping.id)).map((e) => e.title)).toEqual([
      'Citing',
    ])
    await reopened.essays.delete(citing.id)
    expect(await reopened.essays.citingClipping(clipping.id)).toEqual([])
  })

  it('reports a damaged essay file and leaves it as it was', async () => {
    const app = await openCommonplace(tempDir())
    const essay = await app.essays.create('Damaged')
    const file = join(tempDir(), 'essays', `${essay.id}.json`)
    await writeFile(
      file,
      '{"schemaVersion":1,"id":"x","editorState":{"root":{"type":"paragraph"}}}',
    )
    const reopened = await openCommonplace(tempDir())
    await expect(reopened.essays.get(essay.id)).rejects.toThrow(file)
    expect(reopened.store.problems.map((problem) => problem.file)).toEqual([file])
    expect(await readFile(file, 'utf8')).toContain('"type":"paragraph"')
  })

  it('refuses a malformed state with a typed error naming the place, and keeps the saved one', async () => {
    const app = await openCommonplace(tempDir())
    const { citation } = await withCitedClipping(app)
    const essay = await app.essays.create('Strict')
    const good = stateOf(paragraph(text('safe')), citation)
    await app.essays.save(essay.id, good)
    const file = join(tempDir(), 'essays', `${essay.id}.json`)
    const before = await readFile(file, 'utf8')

    const { snapshot: _snapshot, ...snapshotless } = citation
    const error = await rejection(app.essays.save(essay.id, stateOf(paragraph(), snapshotless)))
    expect(error.code).toBe('invalid-argument')
    expect(error.message).toBe(
      'The essay could not be saved: root.children[1].snapshot: missing (an object is required).',
    )
    const smuggled = stateOf(paragraph(text('x', 0), { ...citation, type: 'inline-citation' }))
    expect((await rejection(app.essays.save(essay.id, smuggled))).message).toMatch(
      /root\.children\[0\]\.children\[1\]: unknown field "comment"/,
    )
    expect(await readFile(file, 'utf8')).toBe(before)
    expect((await app.essays.get(essay.id)).editorState).toEqual(good)
  })

  it('opens blocks it cannot read as unreadable, and saves them back byte for byte', async () => {
    const app = await openCommonplace(tempDir())
    const { clipping, citation } = await withCitedClipping(app)
    const essay = await app.essays.create('Damaged blocks')
    const file = join(tempDir(), 'essays', `${essay.id}.json`)
    // Written as by another tool: a block of a kind Commonplace lacks, a citation without its
    // snapshot, each in its own key order.
    const unknown = { version: 1, type: 'table', rows: [['Zoë', 1.5, null]], children: [] }
    const { snapshot: _snapshot, ...snapshotless } = citation
    const blocks: SerializedNodeJson[] = [paragraph(text('Before')), unknown, snapshotless]
    const saved = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    await writeFile(file, JSON.stringify({ ...saved, editorState: stateOf(...blocks) }))
    const reopened = await openCommonplace(tempDir())

    const opened = (await reopened.essays.get(essay.id)).editorState
    expect(opened.root.children?.map((block) => block.type)).toEqual([
      'paragraph',
      'unreadable-block',
      'unreadable-block',
    ])
    expect(opened.root.children?.[1]).toEqual({
      type: 'unreadable-block',
      version: 1,
      raw: unknown,
    })

    // The writer types; the editor saves what it was given, as a copy (IPC), with the new text.
    const edited = JSON.parse(JSON.stringify(opened)) as typeof opened
    edited.root.children?.splice(0, 1, paragraph(text('Before, and after')))
    await reopened.essays.save(essay.id, edited)
    const written = await readFile(file, 'utf8')
    expect(written).toContain('Before, and after')
    expect(written).toContain(JSON.stringify(unknown))
    expect(written).toContain(JSON.stringify(snapshotless))

    // Accepting a changed quote edits readable citations only; the damaged one stays as it was.
    await reopened.store.write((tx) =>
      reopened.essays.updateQuoteIn(tx, clipping.id, 'a new wording'),
    )
    expect(await readFile(file, 'utf8')).toContain(JSON.stringify(snapshotless))
  })
})
