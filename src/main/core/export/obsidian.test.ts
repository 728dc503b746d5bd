// Obsidian-flavoured Markdown: a citation block is a quote callout with a block id, footnotes and
// text-fragment links are those of GFM, and the file reads back into the same essay.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  citationBlock,
  inlineCitation,
  paragraph,
  parseMarkdown,
  seedEssay,
  seedLibrary,
  stateOf,
  text,
  visibleText,
} from '../../../../test/essay-support'
import { createLaidOutSource } from '../../../../test/laid-out-sources'
import { useTempDir } from '../../../../test/support'
import { openCommonplace } from '../commonplace'
import { importEssayMarkdown } from './import-markdown'
import { escapeMarkdown } from './markdown-text'
import { formatDate } from './references'

const tempDir = useTempDir()

describe('Obsidian export', () => {
  it('keeps Obsidian’s own syntax in the text inert: tags, highlights, comments, block ids', () => {
    const written = 'a #tag, ==marked==, %%hidden%% and [[link]] end ^blockid'
    const escaped = escapeMarkdown(written, 'obsidian')
    expect(escaped).not.toMatch(/(?<!\\)#\w|(?<!\\)==|(?<!\\)%%|(?<!\\)\^|(?<!\\)\[\[/)
    // Any CommonMark reader (and so Obsidian, which honours the escapes) sees the same words.
    expect(visibleText(parseMarkdown(escaped))).toBe(written)
  })

  it('writes a citation block as a quote callout with its block id, and inline citations as GFM does', async () => {
    const app = await openCommonplace(join(tempDir(), 'notebook'))
    const report = await createLaidOutSource(
      app.store,
      [
        { text: 'The first page opens the report on harbour dredging.', label: '11' },
        { text: 'The second page says the silt returned within a year.', label: '12' },
      ],
      { title: 'Dredging, a report', author: 'Harbour Board' },
    )
    const silt = await app.clippings.createFromQuote({
      sourceId: report.id,
      quote: 'the silt returned within a year',
    })
    const opens = await app.clippings.createFromQuote({
      sourceId: report.id,
      quote: 'opens the report',
    })
    const essay = await app.essays.create('Harbours #1')
    await app.essays.save(
      essay.id,
      stateOf(
        paragraph(text('The board admits it '), inlineCitation(opens, report, 'p. 11'), text('.')),
        citationBlock(silt, report, 'p. 12'),
        paragraph(text('So 50% ==failed==.')),
      ),
    )
    const { markdown, problems } = await app.exports.render(essay.id, 'obsidian')
    expect(problems).toEqual([])

    const snapshot = (clipping: typeof silt): string =>
      JSON.stringify({
        exact: clipping.target[0].exact,
        title: 'Dredging, a report',
        author: 'Harbour Board',
      })
    const accessed = formatDate(report.importedAt)
    expect(markdown).toBe(
      [
        '# Harbours \\#1',
        '',
        `The board admits it [^1]<!-- commonplace:inline {"clippingId":"${opens.id}","sourceId":"${report.id}","snapshot":${snapshot(opens)},"locator":"p. 11"} -->.`,
        '',
        `<!-- commonplace:citation {"clippingId":"${silt.id}","sourceId":"${report.id}","snapshot":${snapshot(silt)},"locator":"p. 12"} -->`,
        '',
        '> [!quote] Dredging, a report (Harbour Board, p. 12)',
        '> the silt returned within a year[^2]',
        '',
        '^cite-1',
        '',
        'So 50% \\==failed\\==.',
        '',
        '<!-- commonplace:references {} -->',
        '## References',
        '',
        `- Harbour Board, *Dredging, a report*. Accessed ${accessed}.`,
        '',
        '[^1]: Harbour Board, *Dredging, a report*, p. 11.',
        '[^2]: Harbour Board, *Dredging, a report*, p. 12.',
        '',
      ].join('\n'),
    )
  })

  it('keeps GFM’s footnotes, text-fragment links and References, and imports back as the same essay', async () => {
    const app = await openCommonplace(join(tempDir(), 'notebook'))
    const library = await seedLibrary(app)
    const essay = await seedEssay(app, library)
    const gfm = (await app.exports.render(essay.id, 'gfm')).markdown
    const obsidian = (await app.exports.render(essay.id, 'obsidian')).markdown

    const tail = (markdown: string): string =>
      markdown.slice(markdown.indexOf('<!-- commonplace:references'))
    expect(tail(obsidian)).toBe(tail(gfm))
    expect(tail(obsidian)).toContain('#:~:text=')
    expect(obsidian.match(/^> \[!quote\] .+$/gm)).toHaveLength(4)
    expect(obsidian.match(/^\^cite-\d+$/gm)).toEqual(['^cite-1', '^cite-2', '^cite-3', '^cite-4'])
    // Each block id stands alone: a blank line before and after it.
    expect(obsidian).toMatch(/\n>[^\n]*\n\n\^cite-1\n\n/)

    const fromObsidian = importEssayMarkdown(obsidian, 'fallback')
    expect(fromObsidian).toEqual(importEssayMarkdown(gfm, 'fallback'))
    expect(fromObsidian.editorState.root.children?.map((node) => node.type)).toEqual(
      (await app.essays.get(essay.id)).editorState.root.children?.map((node) => node.type),
    )
  })
})
