// A citation saved without its quote, or with a field of the wrong type (an older version's file,
// a hand edit), is reported by essay and position; every other citation and essay verifies and
// exports as usual, and the export marks the unreadable one where it was.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  allNodes,
  editEssayFile,
  parseMarkdown,
  quotes,
  seedEssay,
  seedLibrary,
  visibleText,
} from '../../../../test/essay-support'
import {
  noPandoc,
  pandocNodes,
  pandocNoteText,
  pandocText,
  runPandoc,
} from '../../../../test/pandoc'
import { useTempDir } from '../../../../test/support'
import { citationsIn, type SerializedNodeJson } from '../../../shared/essay'
import { unwrapUnreadable } from '../../../shared/essay-state/unreadable'
import { openCommonplace } from '../commonplace'
import { readCitation } from './citation-reading'
import { importEssayMarkdown } from './import-markdown'

const tempDir = useTempDir()

const TITLE = 'On Baker’s films'
const QUOTE_MISSING = `Citation 4 in “${TITLE}” cannot be read: its quote is missing.`
const ID_NOT_TEXT = `Citation 3 in “${TITLE}” cannot be read: its clipping id is not text.`
const ID_MISSING = `Citation 6 in “${TITLE}” cannot be read: its clipping id is missing.`

/**
 * Two essays citing the same sources (see seedEssay); in the first, citations 3 (inline), 4 and 6
 * (blocks) were damaged by hand. Opened again afterwards, as the next app or CLI run would.
 */
async function notebookWithBrokenCitations() {
  const dir = tempDir()
  const app = await openCommonplace(dir)
  const library = await seedLibrary(app)
  const broken = await seedEssay(app, library)
  const intact = await seedEssay(app, library, 'Second essay')
  await editEssayFile(dir, broken.id, (state) => {
    const citations = citationsIn(state) as SerializedNodeJson[]
    citations[2]!.clippingId = 42
    delete citations[3]!.snapshot
    delete citations[5]!.clippingId
  })
  return { app: await openCommonplace(dir), broken, intact, library }
}

describe('a citation that cannot be read', () => {
  it('verify reports it by essay and position, and checks every other citation', async () => {
    const { app, broken, intact } = await notebookWithBrokenCitations()
    const checks = await app.exports.verify()
    const ofEssay = (id: string) => checks.filter((check) => check.essayId === id)
    expect(ofEssay(broken.id).map((check) => check.state)).toEqual([
      'verified',
      'verified',
      'unreadable',
      'unreadable',
      'verified',
      'unreadable',
    ])
    expect(ofEssay(intact.id).map((check) => check.state)).toEqual(Array(6).fill('verified'))
    const unreadable = checks.filter((check) => check.state === 'unreadable')
    expect(unreadable).toEqual([
      expect.objectContaining({ position: 3, message: ID_NOT_TEXT, clippingId: '' }),
      expect.objectContaining({ position: 4, message: QUOTE_MISSING, quote: '' }),
      expect.objectContaining({ position: 6, message: ID_MISSING, quote: quotes.straight }),
    ])
    expect(await app.exports.verify(broken.id)).toEqual(ofEssay(broken.id))
  })

  it('stops the export, listing it as a problem, unless the writer allows it', async () => {
    const { app, broken, intact } = await notebookWithBrokenCitations()
    for (const format of ['gfm', 'pandoc'] as const) {
      const stopped = await app.exports.gate({ essayId: broken.id, format, allowUnverified: false })
      expect(stopped).toEqual({
        status: 'blocked',
        problems: [ID_NOT_TEXT, QUOTE_MISSING, ID_MISSING].map((message) =>
          expect.objectContaining({ state: 'unreadable', message }),
        ),
      })
      const other = await app.exports.gate({ essayId: intact.id, format, allowUnverified: false })
      expect(other.status).toBe('ready')
    }
  })

  it('GFM: marks it where it was; every other quote and footnote is there', async () => {
    const { app, broken } = await notebookWithBrokenCitations()
    const gate = await app.exports.gate({
      essayId: broken.id,
      format: 'gfm',
      allowUnverified: true,
    })
    if (gate.status !== 'ready') throw new Error('the export was stopped')
    expect(gate.unverified).toHaveLength(3)
    const tree = parseMarkdown(gate.markdown)
    const blockquotes = tree.children.filter((node) => node.type === 'blockquote')
    // The quote of citation 6 is still in its file, only its clipping is not.
    expect(blockquotes.map(visibleText)).toEqual([`${quotes.people}`, quotes.sean, quotes.straight])
    const paragraphs = tree.children.filter((node) => node.type === 'paragraph').map(visibleText)
    expect(paragraphs).toContain(
      'Unreadable citation. Citation 4 cannot be read: its quote is missing.',
    )
    expect(paragraphs).toContain(
      'Unreadable citation. Citation 6 cannot be read: its clipping id is missing.',
    )
    const notes = allNodes(tree).filter((node) => node.type === 'footnoteDefinition')
    expect(notes.map(visibleText)).toEqual([
      expect.stringContaining('para. 5'),
      expect.stringContaining('p. 2'),
      'Unreadable citation. Citation 3 cannot be read: its clipping id is not text.',
      expect.stringContaining('AFP'),
    ])
  })

  it.skipIf(noPandoc)('Pandoc: marks it in a note; the other citations are citations', async () => {
    const { app, broken } = await notebookWithBrokenCitations()
    const { markdown } = await app.exports.render(broken.id, 'pandoc')
    const run = runPandoc(['-f', 'markdown', '-t', 'json'], markdown)
    expect(run.stderr).toBe('')
    const nodes = pandocNodes(JSON.parse(run.stdout))
    const cites = nodes.filter((node) => node.t === 'Cite')
    expect(cites).toHaveLength(3)
    const notes = nodes.filter((node) => node.t === 'Note').map(pandocNoteText)
    expect(notes).toContain(
      'Unreadable citation. Citation 3 cannot be read: its clipping id is not text.',
    )
    const paras = nodes.filter((node) => node.t === 'Para').map((node) => pandocText(node.c))
    expect(paras).toContain('Unreadable citation. Citation 4 cannot be read: its quote is missing.')
  })

  for (const format of ['gfm', 'pandoc'] as const) {
    it(`${format}: the file imports with the citations it can read, and none of the marks`, async () => {
      const { app, broken } = await notebookWithBrokenCitations()
      const { markdown } = await app.exports.render(broken.id, format)
      const imported = importEssayMarkdown(markdown, 'fallback')
      // As saved: the paragraph holding the damaged inline citation travels wrapped to the editor.
      const saved = unwrapUnreadable((await app.essays.get(broken.id)).editorState)
      const readable = citationsIn(saved).filter((node) => readCitation(node).readable)
      expect(citationsIn(imported.editorState)).toEqual(readable)
      expect(JSON.stringify(imported.editorState)).not.toContain('Unreadable')
      const copy = await app.essays.create(imported.title)
      await app.essays.save(copy.id, imported.editorState)
      expect((await app.exports.render(copy.id, format)).problems).toEqual([])
    })
  }

  it('verify reports an essay whose file cannot be read, and checks the others', async () => {
    const dir = tempDir()
    const app = await openCommonplace(dir)
    const library = await seedLibrary(app)
    const damaged = await seedEssay(app, library, 'Damaged')
    const intact = await seedEssay(app, library, 'Intact')
    await writeFile(join(dir, 'essays', `${damaged.id}.json`), '{"editorState": ')
    const checks = await (await openCommonplace(dir)).exports.verify()
    expect(checks.filter((check) => check.essayId === damaged.id)).toEqual([
      expect.objectContaining({
        state: 'unreadable',
        message: '“Damaged” cannot be read, so its citations cannot be checked.',
      }),
    ])
    const others = checks.filter((check) => check.essayId === intact.id)
    expect(others.map((check) => check.state)).toEqual(Array(6).fill('verified'))
  })
})

describe('reading a saved citation', () => {
  const good = {
    type: 'citation-block',
    version: 1,
    clippingId: 'c-1',
    sourceId: 's-1',
    snapshot: { exact: 'A quote', title: 'A title', url: 'https://example.org/' },
    locator: 'p. 1',
    comment: '',
  }
  it.each([
    ['no snapshot', { snapshot: undefined }, 'its quote is missing'],
    ['a snapshot that is text', { snapshot: 'A quote' }, 'its quote is missing'],
    ['no quote', { snapshot: { title: 'A title' } }, 'its quote is missing'],
    ['a quote that is a number', { snapshot: { exact: 7, title: 'T' } }, 'its quote is not text'],
    ['an empty quote', { snapshot: { exact: '', title: 'T' } }, 'its quote is missing'],
    ['no source title', { snapshot: { exact: 'A quote' } }, 'its source title is missing'],
    [
      'a web address that is not text',
      { snapshot: { exact: 'Q', title: 'T', url: {} } },
      'its web address is not text',
    ],
    ['no clipping id', { clippingId: undefined }, 'its clipping id is missing'],
    ['a clipping id that is null', { clippingId: null }, 'its clipping id is missing'],
    ['a source id that is a number', { sourceId: 7 }, 'its source id is not text'],
    ['a locator that is a number', { locator: 12 }, 'its locator is not text'],
    ['a comment that is a list', { comment: ['x'] }, 'its comment is not text'],
    [
      'a kept wording without a version',
      { keptWording: { keptAt: 'x' } },
      'its choice to keep an older wording cannot be read',
    ],
  ])('%s: %s', (_name, change, reason) => {
    expect(readCitation({ ...good, ...change })).toEqual({ readable: false, reason })
  })

  it('reads a good citation field by field, leaving out anything else it holds', () => {
    const reading = readCitation({ ...good, locator: undefined, extra: 'x' })
    expect(reading).toEqual({
      readable: true,
      citation: {
        clippingId: 'c-1',
        sourceId: 's-1',
        snapshot: good.snapshot,
        locator: '',
        comment: '',
      },
    })
  })
})
