// Each format the hand-written samples in test/bib/ are in, read through citation-js; a bad
// record is refused by its line or index and the others still come through.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoDir } from '../../../../test/support'
import { metadataOf } from './bib-entry'
import { detectFormat, parseBibliography } from './parse-bibliography'

const sample = (name: string): Promise<string> =>
  readFile(join(repoDir, 'test', 'bib', name), 'utf8')

describe('parseBibliography', () => {
  it('reads CSL-JSON from Zotero, keeping the Better BibTeX key over the item’s URI id', async () => {
    const parsed = await parseBibliography(await sample('zotero.json'), 'zotero.json')
    expect(parsed.format).toBe('csl-json')
    expect(parsed.refused).toEqual([])
    expect(parsed.entries.map((entry) => entry.key)).toEqual([
      'lindqvistSeanBakerWhy2021',
      'afpSexWorkersCheer2025',
      'okaforTangerineHollywoodFringe2019',
    ])
    const [baker, anora, book] = parsed.entries
    expect(baker).toMatchObject({ where: 'item 1', date: '2021-12-10', container: 'CinemaBlend' })
    expect(anora?.authors).toEqual([{ name: 'AFP' }])
    expect(metadataOf(book!)).toEqual({
      title: 'Tangerine and the Hollywood fringe',
      author: 'Pat Okafor and Lena van den Berg',
      publishedAt: '2019',
      publisher: 'Harbour Press',
      identifier: '978-0-306-40615-7',
      citationKey: 'okaforTangerineHollywoodFringe2019',
    })
  })

  it('reads BibTeX with @string abbreviations, refusing the broken entry by its line', async () => {
    const parsed = await parseBibliography(await sample('library.bib'), 'library.bib')
    expect(parsed.format).toBe('bibtex')
    expect(parsed.entries.map((entry) => entry.key)).toEqual([
      'lindqvistSeanBakerWhy2021',
      'okafor_tangerine_2019',
      // After the broken one: still read.
      'afpSexWorkersCheer2025',
    ])
    expect(parsed.refused).toHaveLength(1)
    expect(parsed.refused[0]?.where).toBe('line 21 (@misc{broken2020)')
    expect(parsed.refused[0]?.message).toMatch(/^is not valid BibTeX: /)
    const [article, book, online] = parsed.entries
    // LaTeX braces and commands gone; the @string expanded; the DOI as given.
    expect(article).toMatchObject({
      title: 'Sean Baker on why sex work keeps returning in his films',
      container: 'CinemaBlend',
      doi: '10.5555/CB.2021.1210',
      date: '2021-12-10',
    })
    expect(book).toMatchObject({ isbn: '978-0-306-40615-7', publisher: 'Harbour Press' })
    expect(online?.title).toBe('Sex Workers Cheer Anora Ahead of the Oscars')
    expect(online?.url).toBe('https://example.org/afp/anora-sex-workers-oscars')
  })

  it('reads RIS, refusing a record without a title by its line', async () => {
    const parsed = await parseBibliography(await sample('refs.ris'), 'refs.ris')
    expect(parsed.format).toBe('ris')
    expect(parsed.entries.map((entry) => [entry.where, entry.key, entry.title])).toEqual([
      ['line 1', 'baker2021', 'Sean Baker on why sex work keeps returning in his films'],
      ['line 15', 'okafor2019', 'Tangerine and the Hollywood fringe'],
    ])
    expect(parsed.refused).toEqual([{ where: 'line 10', message: 'it has no title' }])
  })

  it('refuses CSL-JSON items by index: not an object, no title, names not a list', async () => {
    const text = JSON.stringify([
      { id: 'good', title: 'Fine' },
      'a string',
      { id: 'untitled' },
      { id: 'names', title: 'Names', author: 'Ann Jones' },
    ])
    const parsed = await parseBibliography(text, 'mixed.json')
    expect(parsed.entries.map((entry) => entry.key)).toEqual(['good'])
    expect(parsed.refused).toEqual([
      { where: 'item 2', message: 'it is not a CSL-JSON item (an object)' },
      { where: 'item 3', message: 'it has no title' },
      { where: 'item 4', message: 'its authors are not a list of names' },
    ])
  })

  it('names the file when it is no bibliography, or not JSON', async () => {
    expect(detectFormat('just some notes')).toBeUndefined()
    await expect(parseBibliography('just some notes', 'notes.txt')).rejects.toThrow(
      'notes.txt: is not a bibliography Commonplace reads (CSL-JSON, BibTeX or RIS).',
    )
    await expect(parseBibliography('[{"id": ', 'cut.json')).rejects.toThrow(
      /^cut\.json: is not valid JSON/,
    )
  })
})
