// Citing PDFs and books: the page goes into the footnote and into Pandoc's locator (which Pandoc
// must read as a page, ranges included), and the bibliography types the work and names its
// publisher, ISBN or DOI.
import { describe, expect, it } from 'vitest'
import { citationBlock, inlineCitation, stateOf } from '../../../../test/essay-support'
import { createLaidOutSource } from '../../../../test/laid-out-sources'
import { noPandoc, runPandoc } from '../../../../test/pandoc'
import { useTempDir } from '../../../../test/support'
import { locatorLabel } from '../../../shared/layout'
import { openCommonplace, type Commonplace } from '../commonplace'
import {
  bibtexEntry,
  cslItem,
  identifierOf,
  referenceEntry,
  type ReferenceSource,
} from './references'

const tempDir = useTempDir()

/** An essay citing a report on page 12 (a block) and across pages 4–5 (inline). */
async function pagedEssay(app: Commonplace): Promise<string> {
  const report = await createLaidOutSource(
    app.store,
    [
      { label: '4', text: 'Dredging began in the spring and the channel was cleared' },
      { label: '5', text: 'by the summer, at twice the cost planned.' },
      { label: '12', text: 'The silt returned within a year.' },
    ],
    {
      title: 'Harbour Dredging Review',
      author: 'Ada Marsh',
      publisher: 'Port Authority',
      publishedAt: '2019-03-01',
    },
  )
  const onTwelve = await app.clippings.createFromQuote({
    sourceId: report.id,
    quote: 'The silt returned within a year.',
  })
  const across = await app.clippings.createFromQuote({
    sourceId: report.id,
    quote: 'the channel was cleared\n\nby the summer',
  })
  expect(locatorLabel(onTwelve.locator)).toBe('p. 12')
  expect(locatorLabel(across.locator)).toBe('pp. 4–5')
  const essay = await app.essays.create('Silt')
  await app.essays.save(
    essay.id,
    stateOf(citationBlock(onTwelve, report, locatorLabel(onTwelve.locator)), {
      type: 'paragraph',
      version: 1,
      children: [
        { type: 'text', version: 1, text: 'It cost twice the plan', format: 0 },
        inlineCitation(across, report, locatorLabel(across.locator)),
      ],
    }),
  )
  return essay.id
}

describe('exporting citations of a paged source', () => {
  it('GFM: the footnote names the page, the references the publisher', async () => {
    const app = await openCommonplace(tempDir())
    const essayId = await pagedEssay(app)
    const { markdown, problems } = await app.exports.render(essayId, 'gfm')
    expect(problems).toEqual([])
    expect(markdown).toMatch(
      /^\[\^1\]: Ada Marsh, \*Harbour Dredging Review\*, 1 Mar 2019, p\. 12/m,
    )
    expect(markdown).toMatch(/^\[\^2\]: .*, pp\. 4–5/m)
    expect(markdown).toMatch(
      /^- Ada Marsh, \*Harbour Dredging Review\*, 1 Mar 2019\. Port Authority\./m,
    )
  })

  it('Pandoc: [@key, p. 12], and the CSL item is a report by its publisher', async () => {
    const app = await openCommonplace(tempDir())
    const { markdown } = await app.exports.render(await pagedEssay(app), 'pandoc')
    expect(markdown).toMatch(/\[@marsh2019harbour, p\\?\. 12\]/)
    expect(markdown).toMatch(/\[@marsh2019harbour, pp\\?\. 4–5\]/)
    expect(markdown).toContain('"type":"report"')
    expect(markdown).toContain('"publisher":"Port Authority"')
  })

  it.skipIf(noPandoc)('Pandoc reads "p. 12" and "pp. 4–5" as page locators', async () => {
    const app = await openCommonplace(tempDir())
    const { markdown } = await app.exports.render(await pagedEssay(app), 'pandoc')
    const run = runPandoc(['--citeproc', '-f', 'markdown', '-t', 'plain', '--wrap=none'], markdown)
    expect(run.code).toBe(0)
    // The default style (Chicago author-date) prints a page locator as the bare number: had
    // Pandoc not taken "p." for the page term, it would print the suffix as written.
    expect(run.stdout).toMatch(/Marsh 2019, 12\)/)
    expect(run.stdout).toMatch(/Marsh 2019, 4–5\)/)
    expect(run.stdout).not.toMatch(/pp?\. (12|4–5)/)
    // The control: a term Pandoc does not know stays as written.
    const control = runPandoc(
      ['--citeproc', '-f', 'markdown', '-t', 'plain', '--wrap=none'],
      markdown.replace('p\\. 12]', 'leaf 12]'),
    )
    expect(control.stdout).toContain('leaf 12')
  })
})

describe('references of PDFs and books', () => {
  const base: ReferenceSource = { id: 's-1', title: 'Harbour Dredging Review' }

  it('types a PDF as a report when it has a publisher, else an article; an EPUB as a book', () => {
    expect(cslItem({ ...base, kind: 'pdf', publisher: 'Port Authority' }, 'k')).toMatchObject({
      type: 'report',
      publisher: 'Port Authority',
    })
    expect(cslItem({ ...base, kind: 'pdf' }, 'k').type).toBe('article')
    expect(cslItem({ ...base, kind: 'epub' }, 'k').type).toBe('book')
    expect(cslItem({ ...base, kind: 'html' }, 'k').type).toBe('webpage')
    // Without a kind (a deleted source cited from its snapshot): a web page, as before.
    expect(cslItem(base, 'k').type).toBe('webpage')
  })

  it('puts an ISBN or a DOI in its own field, by its shape, and never a page', () => {
    const book = cslItem({ ...base, kind: 'epub', identifier: 'urn:isbn:978-0-306-40615-7' }, 'k')
    expect(book).toMatchObject({ ISBN: '9780306406157' })
    expect(book).not.toHaveProperty('page')
    expect(identifierOf('ISBN 0-306-40615-X')).toEqual({ ISBN: '030640615X' })
    expect(identifierOf('https://doi.org/10.1000/xyz.123')).toEqual({ DOI: '10.1000/xyz.123' })
    expect(identifierOf('doi:10.5555/12345678')).toEqual({ DOI: '10.5555/12345678' })
    expect(identifierOf('urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427')).toBeUndefined()
    expect(identifierOf('12345')).toBeUndefined()
  })

  it('names a book’s publisher in the reference list and in BibLaTeX', () => {
    const book: ReferenceSource = {
      ...base,
      title: 'Island Notes',
      author: 'Ben Ross',
      kind: 'epub',
      publisher: 'Tide Press',
      identifier: '9780306406157',
    }
    expect(referenceEntry(book)).toBe('Ben Ross, *Island Notes*. Tide Press.')
    const entry = bibtexEntry(book, 'ross2020island')
    expect(entry).toMatch(/^@book\{ross2020island,$/m)
    expect(entry).toContain('publisher = {Tide Press}')
    expect(entry).toContain('isbn = {9780306406157}')
    const report = bibtexEntry({ ...base, kind: 'pdf', publisher: 'Port Authority' }, 'r')
    expect(report).toMatch(/^@report\{r,$/m)
    expect(report).toContain('institution = {Port Authority}')
  })
})
