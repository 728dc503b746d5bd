// Windows (CRLF) and old Mac (lone CR) line endings: sources are stored with "\n" only, and a
// quote saved with either ending (an essay from an older version, or edited by hand) verifies
// against its source and exports as one blockquote, whatever reads the file.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import {
  allNodes,
  citationBlock,
  inlineCitation,
  paragraph,
  parseMarkdown,
  stateOf,
  text,
  visibleText,
} from '../../../../test/essay-support'
import { noPandoc, pandocNodes, pandocText, runPandoc } from '../../../../test/pandoc'
import { useTempDir } from '../../../../test/support'
import type { SerializedNodeJson } from '../../../shared/essay'
import { openCommonplace, type Commonplace } from '../commonplace'
import { importEssayMarkdown } from './import-markdown'

const tempDir = useTempDir()

const FILES = {
  // A hard line break ("\" at the end of a line) and two paragraphs, saved on Windows.
  'windows.md':
    '# Notes\r\n\r\nFirst line of the note\\\r\nsecond line after a break.\r\n\r\nA new paragraph follows.\r\n',
  'old-mac.txt': 'Old Mac text, line one\rline two of it.\r\rAnother paragraph here.\r',
  'page.html':
    '<!doctype html>\r\n<html><head><title>Pre page</title></head><body><article>\r\n' +
    '<p>Some words\r\nhere.</p><pre>alpha&#13;&#10;beta&#13;gamma\r\ndelta</pre></article></body></html>',
}

/** Across the line break and the paragraph break of the Windows file; across the Mac paragraphs. */
const ACROSS_BREAK =
  'First line of the note\nsecond line after a break.\n\nA new paragraph follows.'
const ACROSS_PARAGRAPHS = 'line two of it.\n\nAnother paragraph'

/** A citation as an essay saved before line endings were one rule: its quote ends lines its way. */
function withLineEndings(node: SerializedNodeJson, ending: string): SerializedNodeJson {
  const snapshot = node.snapshot as { exact: string }
  return { ...node, snapshot: { ...snapshot, exact: snapshot.exact.replace(/\n/g, ending) } }
}

async function essayWithLineEndings(app: Commonplace) {
  const paths = []
  for (const [name, content] of Object.entries(FILES)) {
    const path = join(tempDir(), name)
    await writeFile(path, content)
    paths.push(path)
  }
  const { imported, failed } = await app.sources.importFiles(paths)
  expect(failed).toEqual([])
  const windows = imported[0]!
  const mac = imported[1]!
  const broken = await app.clippings.createFromQuote({ sourceId: windows.id, quote: ACROSS_BREAK })
  const spanning = await app.clippings.createFromQuote({
    sourceId: mac.id,
    quote: ACROSS_PARAGRAPHS,
  })
  const essay = await app.essays.create('Line endings')
  await app.essays.save(
    essay.id,
    stateOf(
      citationBlock(broken, windows, 'p. 1', 'as stored'),
      withLineEndings(citationBlock(broken, windows), '\r\n'),
      withLineEndings(citationBlock(spanning, mac, 'p. 2'), '\r'),
      paragraph(
        text('Inline'),
        withLineEndings(inlineCitation(broken, windows, 'p.\r\n3'), '\r\n'),
        text(' and after.'),
      ),
    ),
  )
  return { essay, sources: imported }
}

const QUOTES = [ACROSS_BREAK, ACROSS_BREAK, ACROSS_PARAGRAPHS]

describe('line endings', () => {
  it('stores every imported source with "\\n" line endings only', async () => {
    const app = await openCommonplace(tempDir())
    const { sources } = await essayWithLineEndings(app)
    const texts = await Promise.all(sources.map(async (s) => (await app.sources.get(s.id)).version))
    for (const { text, html } of texts) expect(text + html).not.toMatch(/\r/)
    expect(texts[2]?.text).toContain('alpha\nbeta\ngamma\ndelta')
  })

  it('verifies a quote that differs from its source only in its line endings', async () => {
    const app = await openCommonplace(tempDir())
    const { essay } = await essayWithLineEndings(app)
    const checks = await app.exports.verify(essay.id)
    expect(checks.map((check) => check.state)).toEqual([
      'verified',
      'verified',
      'verified',
      'verified',
    ])
    expect(checks.map((check) => check.quote)).toEqual([...QUOTES, ACROSS_BREAK])
  })

  it('GFM: each quote is one blockquote, its line break and paragraphs intact', async () => {
    const app = await openCommonplace(tempDir())
    const { essay } = await essayWithLineEndings(app)
    const { markdown, problems } = await app.exports.render(essay.id, 'gfm')
    expect(problems).toEqual([])
    expect(markdown).not.toMatch(/\r/)
    const tree = parseMarkdown(markdown)
    const quotes = tree.children.filter((node) => node.type === 'blockquote')
    expect(quotes.map(visibleText)).toEqual(QUOTES)
    // The hard break is a break, not the end of the quote.
    const breaks = allNodes(quotes[0]!).filter((node: Nodes) => node.type === 'break')
    expect(breaks).toHaveLength(1)
    const paragraphs = tree.children.filter((node) => node.type === 'paragraph')
    expect(paragraphs.map(visibleText)).toEqual(['Inline and after.'])
    const notes = allNodes(tree).filter((node) => node.type === 'footnoteDefinition')
    expect(visibleText(notes[3]!)).toContain(', p. 3.')
  })

  it.skipIf(noPandoc)('Pandoc: each quote is one blockquote, as Pandoc reads it', async () => {
    const app = await openCommonplace(tempDir())
    const { essay } = await essayWithLineEndings(app)
    const { markdown } = await app.exports.render(essay.id, 'pandoc')
    expect(markdown).not.toMatch(/\r/)
    const run = runPandoc(['-f', 'markdown', '-t', 'json'], markdown)
    expect(run.stderr).toBe('')
    const document = JSON.parse(run.stdout) as { blocks: { t: string; c: unknown }[] }
    const quotes = document.blocks.filter((block) => block.t === 'BlockQuote')
    expect(quotes.map((quote) => pandocText(quote.c).trimEnd())).toEqual(QUOTES)
    const paragraphs = document.blocks.filter((block) => block.t === 'Para')
    // The citation, left out, had a space before it.
    expect(paragraphs.map(pandocText)).toEqual(['Inline  and after.'])
    expect(pandocNodes(document).filter((node) => node.t === 'Cite')).toHaveLength(4)
  })

  for (const format of ['gfm', 'pandoc'] as const) {
    it(`${format}: export, import, export gives the same bytes`, async () => {
      const app = await openCommonplace(tempDir())
      const { essay } = await essayWithLineEndings(app)
      const first = (await app.exports.render(essay.id, format)).markdown
      const imported = importEssayMarkdown(first, 'fallback')
      const copy = await app.essays.create(imported.title)
      await app.essays.save(copy.id, imported.editorState)
      expect((await app.exports.render(copy.id, format)).markdown).toBe(first)
    })
  }
})
