// Quotes, notes, locators and titles come from the web and from the writer: whatever Markdown or
// HTML they hold must come out of an export as the very characters, never as markup.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import {
  allNodes,
  citationBlock,
  heading,
  inlineCitation,
  paragraph,
  parseMarkdown,
  stateOf,
  text,
  visibleText,
} from '../../../../test/essay-support'
import { noPandoc, pandocNodes, pandocText, runPandoc } from '../../../../test/pandoc'
import { useTempDir } from '../../../../test/support'
import { citationsIn } from '../../../shared/essay'
import { openCommonplace, type Commonplace } from '../commonplace'
import { importEssayMarkdown } from './import-markdown'

const tempDir = useTempDir()

/** Each is a paragraph of the hostile source, a line of the essay and a clipped quote. */
const HOSTILE = [
  'Stars *bold* and _under_ and **strong** and [brackets] and <script>alert(1)</script>',
  'Ticks `code` and ``more`` and [click](javascript:alert(1)) and <!-- comment --> and --> end',
  '# Not a heading',
  '> Not a quote',
  '1. Not a list',
  '- Not a bullet',
  '+ Nor this',
  '(a) Not a Pandoc list',
  'iv. Nor a roman one',
  ': Not a definition',
  '[^1]: not a footnote',
  '<img src=x onerror=alert(1)>',
  'It\'s "straight" -- and... 2^10^ H~2~O {.class} @key [@key] $x$ ~~gone~~ | a | b | &amp; \\ back',
  'Bare https://example.org/x and www.example.org and a@b.co and <https://example.org/y>',
  '    indented four spaces',
  '***',
]
const TITLE = '# *Hostile* [title](javascript:alert(1)) <img src=x onerror=alert(1)> `code` -->'
const LOCATOR = 'p. [3](javascript:alert(1)) <b>*',
  COMMENT = '<!-- x --> **not bold** # [^2] ](javascript:alert(1)) @key'

async function hostileEssay(app: Commonplace) {
  const path = join(tempDir(), 'hostile.txt')
  await writeFile(path, HOSTILE.join('\n\n'))
  const { imported } = await app.sources.importFiles([path])
  const source = await app.sources.updateMetadata(imported[0]!.id, {
    title: TITLE,
    author: '<script>alert(1)</script> _Ann_',
    siteName: '[Site](javascript:alert(1))',
    url: 'https://example.org/hostile',
  })
  const clippings = []
  for (const line of HOSTILE) {
    clippings.push(await app.clippings.createFromQuote({ sourceId: source.id, quote: line.trim() }))
  }
  const essay = await app.essays.create(TITLE)
  await app.essays.save(
    essay.id,
    stateOf(
      ...HOSTILE.map((line) => paragraph(text(line))),
      heading('h2', text(TITLE)),
      ...clippings.map((clipping) => citationBlock(clipping, source, LOCATOR, COMMENT)),
      paragraph(text('Inline'), inlineCitation(clippings[0]!, source, LOCATOR)),
    ),
  )
  return { essay, source, clippings }
}

/** Our comments: carried citation data, or the empty separator that keeps text literal. */
const isOurComment = (html: string): boolean =>
  html === '<!---->' || /^<!-- commonplace:[a-z]+ \{.*\} -->$/.test(html)

describe('escaping', () => {
  it('GFM: every hostile string comes out as its literal text, and nothing else', async () => {
    const app = await openCommonplace(tempDir())
    const { essay, source, clippings } = await hostileEssay(app)
    const { markdown, problems } = await app.exports.render(essay.id, 'gfm')
    expect(problems).toEqual([])
    const tree = parseMarkdown(markdown)
    const nodes = allNodes(tree)

    for (const node of nodes.filter((node) => node.type === 'html'))
      expect(isOurComment(node.value)).toBe(true)
    const kinds = new Set(nodes.map((node) => node.type))
    for (const kind of [
      'strong',
      'delete',
      'inlineCode',
      'code',
      'image',
      'table',
      'thematicBreak',
    ])
      expect(kinds.has(kind as Nodes['type'])).toBe(false)
    // The one emphasis is ours: the source's title in its footnotes and reference.
    for (const node of nodes.filter((node) => node.type === 'emphasis'))
      expect(visibleText(node)).toBe(TITLE)
    // Links: only the autolinks to the source, in the footnotes and references.
    for (const node of nodes.filter((node) => node.type === 'link'))
      expect(node.url.startsWith('https://example.org/hostile')).toBe(true)
    // Lists: only References.
    expect(nodes.filter((node) => node.type === 'list')).toHaveLength(1)

    const [title, ...rest] = tree.children
    expect(title).toMatchObject({ type: 'heading', depth: 1 })
    expect(visibleText(title!)).toBe(TITLE)
    const body = rest.filter((node) => node.type === 'paragraph').slice(0, HOSTILE.length)
    expect(body.map(visibleText)).toEqual(HOSTILE)
    expect(rest.find((node) => node.type === 'heading' && node.depth === 2)).toSatisfy(
      (node: Nodes) => visibleText(node) === TITLE,
    )
    const quotes = rest.filter((node) => node.type === 'blockquote').map(visibleText)
    expect(quotes).toEqual(clippings.map((clipping) => clipping.target[0].exact))

    const notes = nodes.filter((node) => node.type === 'footnoteDefinition').map(visibleText)
    expect(notes).toHaveLength(HOSTILE.length + 1)
    for (const note of notes) {
      expect(note).toContain(`${source.author}, ${TITLE}, ${source.siteName}, ${LOCATOR}.`)
    }
    expect(notes[0]).toMatch(new RegExp(`${escapeRegExp(COMMENT)}$`))
    const references = nodes.filter((node) => node.type === 'listItem').map(visibleText)
    expect(references).toEqual([expect.stringContaining(`${source.author}, ${TITLE}`)])
  })

  it.skipIf(noPandoc)('Pandoc: every hostile string comes out as its literal text', async () => {
    const app = await openCommonplace(tempDir())
    const { essay, source, clippings } = await hostileEssay(app)
    const { markdown } = await app.exports.render(essay.id, 'pandoc')
    const run = runPandoc(['-f', 'markdown', '-t', 'json'], markdown)
    expect(run.stderr).toBe('')
    const document = JSON.parse(run.stdout) as { meta: Record<string, unknown>; blocks: unknown[] }

    const forbidden = new Set([
      ...['Link', 'Image', 'Emph', 'Strong', 'Underline', 'Strikeout', 'Superscript'],
      ...['Subscript', 'SmallCaps', 'Quoted', 'Code', 'Math', 'Span', 'Header', 'Div'],
      ...['OrderedList', 'BulletList', 'DefinitionList', 'CodeBlock', 'LineBlock', 'Table'],
      'HorizontalRule',
    ])
    const nodes = pandocNodes(document)
    expect(nodes.filter((node) => forbidden.has(node.t)).map((node) => node.t)).toEqual(
      // The one heading is the essay's own.
      ['Header'],
    )
    for (const node of nodes.filter((node) => node.t === 'RawInline' || node.t === 'RawBlock')) {
      const [format, html] = node.c as [string, string]
      expect(format).toBe('html')
      expect(isOurComment(html)).toBe(true)
    }

    expect(pandocText(document.meta.title)).toBe(TITLE)
    const references = document.meta.references as { c: { c: Record<string, unknown> }[] }
    const reference = references.c.map((entry) => entry.c)[0]!
    expect(pandocText(reference.title)).toBe(TITLE)
    expect(pandocText(reference['container-title'])).toBe(source.siteName)
    expect(pandocText(reference.URL)).toBe(source.url)

    const blocks = document.blocks as { t: string; c: unknown }[]
    const paras = blocks.filter((block) => block.t === 'Para').slice(0, HOSTILE.length)
    expect(paras.map(pandocText)).toEqual(HOSTILE)
    const quotes = blocks.filter((block) => block.t === 'BlockQuote').map(pandocText)
    expect(quotes.map((quote) => quote.trimEnd())).toEqual(
      clippings.map((clipping) => clipping.target[0].exact),
    )
    const citations = nodes.filter((node) => node.t === 'Cite')
    expect(citations).toHaveLength(HOSTILE.length + 1)
    for (const cite of citations) {
      const [[citation]] = cite.c as [[{ citationId: string; citationSuffix: unknown }]]
      expect(citation.citationId).toMatch(/^[a-z0-9]+$/)
      expect(pandocText(citation.citationSuffix)).toBe(`, ${LOCATOR}`)
    }
    const notes = nodes.filter((node) => node.t === 'Note').map((node) => pandocText(node.c))
    expect(notes).toEqual(HOSTILE.map(() => COMMENT))
  })
})

describe('escaping, read back', () => {
  for (const format of ['gfm', 'pandoc'] as const) {
    it(`${format}: a hostile essay imports to the same essay, and exports to the same bytes`, async () => {
      const app = await openCommonplace(tempDir())
      const { essay } = await hostileEssay(app)
      const first = await app.exports.render(essay.id, format)
      const imported = importEssayMarkdown(first.markdown, 'fallback')
      expect(imported.title).toBe(TITLE)
      const original = (await app.essays.get(essay.id)).editorState
      expect(citationsIn(imported.editorState)).toEqual(citationsIn(original))
      const paragraphs = imported.editorState.root.children?.slice(0, HOSTILE.length)
      expect(paragraphs?.map((node) => node.children?.map((child) => child.text))).toEqual(
        HOSTILE.map((line) => [line]),
      )
      const copy = await app.essays.create(imported.title)
      await app.essays.save(copy.id, imported.editorState)
      expect((await app.exports.render(copy.id, format)).markdown).toBe(first.markdown)
    })
  }
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
