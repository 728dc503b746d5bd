// GFM export in the three shipped CSL styles, checked against what each style prescribes: the
// Baker interview as imported (a web page with no author, CinemaBlend, 10 Dec 2021) and a PDF
// report with an author and a publisher, each cited at "p. 12".
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  citationBlock,
  inlineCitation,
  paragraph,
  seedEssay,
  seedLibrary,
  stateOf,
  text,
  type Library,
} from '../../../../../test/essay-support'
import { createLaidOutSource } from '../../../../../test/laid-out-sources'
import { useTempDir } from '../../../../../test/support'
import { openCommonplace, type Commonplace } from '../../commonplace'
import { importEssayMarkdown } from '../import-markdown'
import { stylesDirectory } from './styles'

const tempDir = useTempDir()

const BAKER_URL = 'https://example.org/cinemablend/sean-baker-red-rocket-sex-work'

/** Baker at p. 12 (a block), the report at p. 12 (a block), then the report again, inline. */
async function styledEssay(app: Commonplace): Promise<{ essayId: string; library: Library }> {
  const library = await seedLibrary(app)
  const report = await createLaidOutSource(
    app.store,
    [{ label: '12', text: 'The silt returned within a year.' }],
    {
      title: 'Harbour Dredging Review',
      author: 'Ada Marsh',
      publisher: 'Port Authority',
      publishedAt: '2019-03-01',
    },
  )
  const silt = await app.clippings.createFromQuote({
    sourceId: report.id,
    quote: 'The silt returned within a year.',
  })
  const essay = await app.essays.create('Styles')
  await app.essays.save(
    essay.id,
    stateOf(
      citationBlock(library.people, library.baker, 'p. 12'),
      citationBlock(silt, report, 'p. 12'),
      paragraph(text('It came back'), inlineCitation(silt, report, 'p. 12'), text('.')),
    ),
  )
  return { essayId: essay.id, library }
}

/** The footnote definitions, by number. */
const footnotes = (markdown: string): string[] =>
  [...markdown.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((match) => match[2] as string)

/** The References list's entries. */
const references = (markdown: string): string[] =>
  (markdown.split('## References\n\n')[1] ?? '')
    .split('\n\n')[0]!
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2))

describe('GFM export in a CSL style', { timeout: 90_000 }, () => {
  it('Chicago notes: each footnote the style’s note, the short form for a source cited again', async () => {
    const app = await openCommonplace(tempDir())
    const { essayId } = await styledEssay(app)
    const { markdown, problems } = await app.exports.render(
      essayId,
      'gfm',
      'chicago-notes-bibliography',
    )
    expect(problems).toEqual([])
    const notes = footnotes(markdown)
    // The style's note, then (as in the plain format) the link to the passage itself.
    expect(notes[0]).toMatch(
      new RegExp(
        `^“Sean Baker on Why Sex Work Keeps Returning in His Films,” CinemaBlend, December 10, 2021, 12, <${BAKER_URL}>\\. <${BAKER_URL}#:~:text=`,
      ),
    )
    expect(notes[1]).toBe('Ada Marsh, *Harbour Dredging Review* (Port Authority, 2019), 12.')
    // Chicago 18th edition: a shortened note (author's family name, short title), no "Ibid.".
    expect(notes[2]).toBe('Marsh, *Harbour Dredging Review*, 12.')
    expect(references(markdown)).toEqual([
      `CinemaBlend. “Sean Baker on Why Sex Work Keeps Returning in His Films.” December 10, 2021. <${BAKER_URL}>.`,
      'Marsh, Ada. *Harbour Dredging Review*. Port Authority, 2019.',
    ])
  })

  it('the issue’s name chicago-note-bibliography is the same style', async () => {
    const app = await openCommonplace(tempDir())
    const { essayId } = await styledEssay(app)
    const aliased = await app.exports.render(essayId, 'gfm', 'chicago-note-bibliography')
    const named = await app.exports.render(essayId, 'gfm', 'chicago-notes-bibliography')
    expect(aliased.markdown).toBe(named.markdown)
  })

  it('APA: the in-text citation in the sentence, linked to the passage; the reference list', async () => {
    const app = await openCommonplace(tempDir())
    const { essayId } = await styledEssay(app)
    const { markdown } = await app.exports.render(essayId, 'gfm', 'apa')
    // No author: APA cites by the title, italic for a stand-alone web page.
    expect(markdown).toContain(
      `sex workers are just people [(*Sean Baker on Why Sex Work Keeps Returning in His Films*, 2021, p. 12)](<${BAKER_URL}#:~:text=`,
    )
    expect(markdown).toContain('> The silt returned within a year. (Marsh, 2019, p. 12)\n')
    expect(markdown).toContain('It came back (Marsh, 2019, p. 12)<!-- commonplace:inline')
    expect(footnotes(markdown)).toEqual([])
    expect(references(markdown)).toEqual([
      'Marsh, A. (2019). *Harbour Dredging Review*. Port Authority.',
      `*Sean Baker on why sex work keeps returning in his films*. (2021, December 10). CinemaBlend. <${BAKER_URL}>`,
    ])
  })

  it('MLA: (Author page) in the text, works cited with the container in italics', async () => {
    const app = await openCommonplace(tempDir())
    const { essayId } = await styledEssay(app)
    const { markdown } = await app.exports.render(essayId, 'gfm', 'mla')
    expect(markdown).toContain(
      `sex workers are just people [(“Sean Baker on Why Sex Work Keeps Returning in His Films” 12)](<${BAKER_URL}#:~:text=`,
    )
    expect(markdown).toContain('> The silt returned within a year. (Marsh 12)\n')
    expect(references(markdown)).toEqual([
      'Marsh, Ada. *Harbour Dredging Review*. Port Authority, 1 Mar. 2019.',
      `“Sean Baker on Why Sex Work Keeps Returning in His Films.” *CinemaBlend*, 10 Dec. 2021, <${BAKER_URL}>.`,
    ])
  })

  it('an in-text export reads back as the same essay: the formatted citation is not kept as text', async () => {
    const app = await openCommonplace(tempDir())
    const library = await seedLibrary(app)
    const essay = await seedEssay(app, library)
    const plain = importEssayMarkdown((await app.exports.render(essay.id, 'gfm')).markdown, 'x')
    for (const style of ['apa', 'mla', 'chicago-notes-bibliography']) {
      const { markdown } = await app.exports.render(essay.id, 'gfm', style)
      expect(importEssayMarkdown(markdown, 'x')).toEqual(plain)
    }
  })

  it('an unverified quote is still marked, in a note style and an in-text one', async () => {
    const app = await openCommonplace(tempDir())
    const library = await seedLibrary(app)
    const essay = await seedEssay(app, library)
    await app.clippings.delete(library.sean.id)
    const chicago = await app.exports.render(essay.id, 'gfm', 'chicago-notes-bibliography')
    expect(chicago.problems.map((problem) => problem.state)).toEqual(['missing'])
    expect(footnotes(chicago.markdown)).toContainEqual(
      expect.stringMatching(
        /^\*\*Unverified quote \(missing\)\.\*\* AFP, “Sex Workers Cheer Anora/,
      ),
    )
    const apa = await app.exports.render(essay.id, 'gfm', 'apa')
    expect(apa.markdown).toMatch(
      /“Sean gets sex work\. He just does,” \[\(AFP, 2025\)\]\([^)]*\)\[\^(\d+)\]/,
    )
    expect(footnotes(apa.markdown)).toContain('**Unverified quote (missing).**')
    expect(apa.markdown).toContain('*Unverified quote (missing):')
  })

  it('a page range and a chapter go through as the style writes them', async () => {
    const app = await openCommonplace(tempDir())
    const { library } = await styledEssay(app)
    const essay = await app.essays.create('Ranges')
    await app.essays.save(
      essay.id,
      stateOf(
        citationBlock(library.people, library.baker, 'pp. 4–5'),
        citationBlock(library.washedUp, library.baker, 'chap. 3'),
      ),
    )
    const chicago = await app.exports.render(essay.id, 'gfm', 'chicago-notes-bibliography')
    expect(footnotes(chicago.markdown)[0]).toContain('December 10, 2021, 4–5, <')
    expect(footnotes(chicago.markdown)[1]).toMatch(
      /^CinemaBlend, “Sean Baker on Why Sex Work Keeps Returning in His Films,” chap\. 3\. </,
    )
    const apa = await app.exports.render(essay.id, 'gfm', 'apa')
    expect(apa.markdown).toContain('2021, pp. 4–5)](')
    expect(apa.markdown).toContain('2021, Chapter 3)](')
  })

  it('a .csl file by its path; a missing file, a file that is not XML, and XML that is not a style are refused', async () => {
    const app = await openCommonplace(tempDir())
    const { essayId } = await styledEssay(app)
    const byPath = await app.exports.render(essayId, 'gfm', join(stylesDirectory(), 'apa.csl'))
    expect(byPath.markdown).toBe((await app.exports.render(essayId, 'gfm', 'apa')).markdown)

    const dir = tempDir()
    const missing = join(dir, 'nowhere.csl')
    await expect(app.exports.render(essayId, 'gfm', missing)).rejects.toThrow(
      `${missing} could not be read as a citation style: no such file.`,
    )
    const notXml = join(dir, 'notes.csl')
    await writeFile(notXml, 'just some notes')
    await expect(app.exports.render(essayId, 'gfm', notXml)).rejects.toThrow(
      `${notXml} is not a CSL style: it is not XML.`,
    )
    const notStyle = join(dir, 'feed.csl')
    await writeFile(notStyle, '<?xml version="1.0"?>\n<rss version="2.0"></rss>')
    await expect(app.exports.render(essayId, 'gfm', notStyle)).rejects.toThrow(
      `${notStyle} is not a CSL style: its root element is <rss>, not <style>.`,
    )
    await expect(app.exports.render(essayId, 'gfm', 'harvard')).rejects.toThrow(
      'Unknown citation style “harvard”',
    )
    await expect(app.exports.render(essayId, 'pandoc', 'apa')).rejects.toThrow(
      'Pandoc applies styles itself',
    )
  })

  it('without a style (or "plain") the export is Commonplace’s own format, byte for byte', async () => {
    const app = await openCommonplace(tempDir())
    const { essayId } = await styledEssay(app)
    const plain = await app.exports.render(essayId, 'gfm')
    expect((await app.exports.render(essayId, 'gfm', 'plain')).markdown).toBe(plain.markdown)
    expect(footnotes(plain.markdown)[1]).toBe(
      'Ada Marsh, *Harbour Dredging Review*, 1 Mar 2019, p. 12.',
    )
  })
})
