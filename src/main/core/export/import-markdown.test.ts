// Formatting survives export, and an exported file imports back to the same essay: export,
// import, export again gives the same bytes.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import {
  allNodes,
  BOLD,
  CODE,
  heading,
  ITALIC,
  linebreak,
  link,
  list,
  listItem,
  paragraph,
  parseMarkdown,
  quote,
  seedEssay,
  seedLibrary,
  stateOf,
  STRIKETHROUGH,
  text,
  UNDERLINE,
  visibleText,
} from '../../../../test/essay-support'
import { noPandoc, pandocNodes, pandocText, runPandoc } from '../../../../test/pandoc'
import { useTempDir } from '../../../../test/support'
import { citationsIn, type SerializedEditorStateJson } from '../../../shared/essay'
import { openCommonplace, type Commonplace } from '../commonplace'
import type { ExportFormat } from './export-essay'
import { renderEssayMarkdown } from './export-essay'
import { importEssayMarkdown } from './import-markdown'

const tempDir = useTempDir()

const formatted = stateOf(
  heading('h1', text('Top')),
  heading('h3', text('Small and '), text('bold', BOLD)),
  paragraph(
    text('plain '),
    text('bold', BOLD),
    text(' '),
    text('italic', ITALIC),
    text(' '),
    text('under', UNDERLINE),
    text(' '),
    text('struck', STRIKETHROUGH),
    text(' '),
    text('co`de', CODE),
    text(' '),
    text('everything', BOLD | ITALIC | UNDERLINE | STRIKETHROUGH),
    text(' '),
    text('bold code', BOLD | CODE),
  ),
  // Emphasis that starts or ends with punctuation, right against a letter.
  paragraph(text('word'), text('(aside)', ITALIC), text('word'), text('“quoted”', BOLD), text('s')),
  paragraph(
    link('https://example.org/a(b)?q=1&r=2', text('web')),
    text(' '),
    link('mailto:ann@example.org', text('mail')),
    text(' '),
    link('javascript:alert(1)', text('evil')),
    text(' '),
    link('http://example.org/plain', text('plain '), text('http', BOLD)),
  ),
  paragraph(text('line one'), linebreak(), text('line two')),
  quote(text('A plain quote, '), text('emphasised', ITALIC)),
  list(
    'bullet',
    listItem(1, text('one')),
    listItem(2, list('number', listItem(1, text('nested a')), listItem(2, text('nested b')))),
    listItem(2, text('two')),
  ),
  list('number', listItem(1, text('first')), listItem(2, text('second'))),
)

async function essayWith(app: Commonplace, state: SerializedEditorStateJson, title = 'Formats') {
  const essay = await app.essays.create(title)
  await app.essays.save(essay.id, state)
  return essay
}

/** Export, import as a new essay, export that: both exports must be the same bytes. */
async function roundTrip(app: Commonplace, essayId: string, format: ExportFormat) {
  const first = await app.exports.render(essayId, format)
  const imported = importEssayMarkdown(first.markdown, 'fallback')
  const copy = await essayWith(app, imported.editorState, imported.title)
  const second = await app.exports.render(copy.id, format)
  return { first: first.markdown, second: second.markdown, imported }
}

const byType = (root: Nodes, type: Nodes['type']): Nodes[] =>
  allNodes(root).filter((node) => node.type === type)

describe('formatting', () => {
  it('exports headings, emphasis, links, breaks, quotes and lists as GFM', async () => {
    const app = await openCommonplace(tempDir())
    const essay = await essayWith(app, formatted)
    const tree = parseMarkdown((await app.exports.render(essay.id, 'gfm')).markdown)

    const headings = byType(tree, 'heading') as Extract<Nodes, { type: 'heading' }>[]
    expect(headings.map((node) => [node.depth, visibleText(node)])).toEqual([
      [1, 'Formats'],
      [1, 'Top'],
      [3, 'Small and bold'],
    ])
    expect(byType(tree, 'strong').map(visibleText)).toEqual([
      'bold',
      'bold',
      'everything',
      'bold code',
      '“quoted”',
      'http',
    ])
    expect(byType(tree, 'emphasis').map(visibleText)).toEqual([
      'italic',
      'everything',
      '(aside)',
      'emphasised',
    ])
    expect(byType(tree, 'delete').map(visibleText)).toEqual(['struck', 'everything'])
    expect(byType(tree, 'inlineCode').map(visibleText)).toEqual(['co`de', 'bold code'])
    const html = byType(tree, 'html').map((node) => (node as { value: string }).value)
    expect(html.filter((value) => value === '<ins>')).toHaveLength(2)
    expect(html.filter((value) => value === '</ins>')).toHaveLength(2)

    const [, , , formats, flanking, links, breaks] = tree.children
    expect(visibleText(formats!)).toBe('plain bold italic under struck co`de everything bold code')
    expect(visibleText(flanking!)).toBe('word(aside)word“quoted”s')
    expect(byType(links!, 'link').map((node) => (node as { url: string }).url)).toEqual([
      'https://example.org/a(b)?q=1&r=2',
      'mailto:ann@example.org',
      'http://example.org/plain',
    ])
    expect(visibleText(links!)).toBe('web mail evil plain http')
    expect(byType(breaks!, 'break')).toHaveLength(1)
    expect(visibleText(breaks!)).toBe('line one\nline two')

    const blockquote = tree.children.find((node) => node.type === 'blockquote')
    expect(blockquote && visibleText(blockquote)).toBe('A plain quote, emphasised')
    const lists = tree.children.filter((node) => node.type === 'list')
    expect(lists.map((node) => node.ordered)).toEqual([false, true])
    const bullets = lists[0]!
    expect(bullets.children.map((item) => visibleText(item.children[0]!))).toEqual(['one', 'two'])
    const nested = bullets.children[0]!.children[1]
    expect(nested).toMatchObject({ type: 'list', ordered: true })
    expect((nested as { children: Nodes[] }).children.map(visibleText)).toEqual([
      'nested a',
      'nested b',
    ])
  })

  it.skipIf(noPandoc)('exports the same formatting as Pandoc reads it', async () => {
    const app = await openCommonplace(tempDir())
    const essay = await essayWith(app, formatted)
    const run = runPandoc(
      ['-f', 'markdown', '-t', 'json'],
      (await app.exports.render(essay.id, 'pandoc')).markdown,
    )
    expect(run.stderr).toBe('')
    const nodes = pandocNodes(JSON.parse(run.stdout))
    const texts = (type: string) =>
      nodes.filter((node) => node.t === type).map((node) => pandocText(node.c))
    expect(texts('Underline')).toEqual(['under', 'everything'])
    expect(texts('Strikeout')).toEqual(['struck', 'everything'])
    expect(texts('Emph')).toEqual(['italic', 'everything', '(aside)', 'emphasised'])
    expect(
      nodes.filter((node) => node.t === 'Code').map((node) => (node.c as unknown[])[1]),
    ).toEqual(['co`de', 'bold code'])
    expect(
      nodes.filter((node) => node.t === 'Link').map((node) => (node.c as string[][])[2]![0]),
    ).toEqual([
      'https://example.org/a(b)?q=1&r=2',
      'mailto:ann@example.org',
      'http://example.org/plain',
    ])
    expect(nodes.filter((node) => node.t === 'OrderedList')).toHaveLength(2)
  })
})

describe('round trip', () => {
  it('keeps any two neighbouring formats apart, whatever punctuation is at their edges', () => {
    const formats = [0, BOLD, ITALIC, BOLD | ITALIC, STRIKETHROUGH, ITALIC | STRIKETHROUGH, CODE]
    const words = ['a', '(b)', 'c.', '“d', '*e*', '!']
    const essayOf = (editorState: SerializedEditorStateJson) => ({
      id: 'e-1',
      title: 'Pairs',
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
      editorState,
    })
    const failures: string[] = []
    for (const format of ['gfm', 'pandoc'] as const)
      for (const f1 of formats)
        for (const f2 of formats.filter((f) => f !== f1))
          for (const w1 of words)
            for (const w2 of words) {
              const state = stateOf(paragraph(text(w1, f1), text(w2, f2)))
              const { markdown } = renderEssayMarkdown(essayOf(state), new Map(), [], format)
              const back = importEssayMarkdown(markdown, 'x').editorState.root.children?.[0]
              const pieces = back?.children?.map((node) => [node.text, node.format])
              if (
                JSON.stringify(pieces) !==
                JSON.stringify([
                  [w1, f1],
                  [w2, f2],
                ])
              )
                failures.push(`${format}: ${JSON.stringify(markdown.split('\n\n')[1])}`)
            }
    expect(failures).toEqual([])
  })

  for (const format of ['gfm', 'pandoc'] as const) {
    it(`${format}: export, import, export gives the same bytes, formatting and all`, async () => {
      const app = await openCommonplace(tempDir())
      const essay = await essayWith(app, formatted)
      const { first, second, imported } = await roundTrip(app, essay.id, format)
      expect(second).toBe(first)
      expect(imported.title).toBe('Formats')
    })

    it(`${format}: citations come back linked to the same clippings`, async () => {
      const app = await openCommonplace(tempDir())
      const essay = await seedEssay(app, await seedLibrary(app), 'On *Baker* & [films](x) #')
      const { first, second, imported } = await roundTrip(app, essay.id, format)
      expect(second).toBe(first)
      expect(imported.title).toBe('On *Baker* & [films](x) #')
      const original = citationsIn((await app.essays.get(essay.id)).editorState)
      expect(citationsIn(imported.editorState)).toEqual(original)
      // And the text around the inline citations is the writer's, not the citation's.
      const paragraph = imported.editorState.root.children?.[3]
      expect(paragraph?.children?.map((node) => node.text ?? node.type)).toEqual([
        'inline-citation',
        ' began in ',
        'Starlet',
        '; see',
        'inline-citation',
        '.',
      ])
    })
  }

  it('keeps an unverified export unverified, and its marks out of the essay', async () => {
    const app = await openCommonplace(tempDir())
    const library = await seedLibrary(app)
    const essay = await seedEssay(app, library)
    await app.clippings.delete(library.washedUp.id)
    await app.clippings.delete(library.sean.id)
    for (const format of ['gfm', 'pandoc'] as const) {
      const { first, second, imported } = await roundTrip(app, essay.id, format)
      expect(second).toBe(first)
      expect(JSON.stringify(imported.editorState)).not.toContain('Unverified')
    }
  })

  it('imports a file: title from its heading, else its name; unsafe links become text', async () => {
    const app = await openCommonplace(tempDir())
    const path = join(tempDir(), 'Field notes.md')
    const carried = JSON.stringify({
      clippingId: 'c-gone',
      sourceId: 's-gone',
      snapshot: { exact: 'A quote', title: 'Gone', url: 'javascript:alert(1)' },
    })
    await writeFile(
      path,
      [
        'Some [bad](javascript:alert(1)) and [good](https://example.org) links.',
        `<!-- commonplace:citation ${carried} -->`,
        '> A quote[^1]',
        '<!-- commonplace:citation {"clippingId": 7} -->',
        '> Not carried',
        '',
        '[^1]: Gone.',
      ].join('\n'),
    )
    const essay = await app.exports.importMarkdownFile(path)
    expect(essay.title).toBe('Field notes')
    expect((await app.essays.list()).map((summary) => summary.id)).toContain(essay.id)
    const [citation, ...others] = citationsIn(essay.editorState)
    expect(others).toEqual([])
    expect(citation).toMatchObject({ clippingId: 'c-gone', snapshot: { exact: 'A quote' } })

    const { markdown, problems } = await app.exports.render(essay.id, 'gfm')
    expect(problems).toEqual([expect.objectContaining({ state: 'missing', quote: 'A quote' })])
    const links = byType(parseMarkdown(markdown), 'link').map(
      (node) => (node as { url: string }).url,
    )
    expect(links).toEqual(['https://example.org'])
    expect(markdown).not.toContain('](javascript')
    expect(markdown).not.toContain('<javascript')

    const none = join(tempDir(), 'none.md')
    await expect(app.exports.importMarkdownFile(none)).rejects.toThrow(`${none}: file not found.`)
  })
})
