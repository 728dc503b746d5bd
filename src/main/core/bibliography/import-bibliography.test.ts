// Reference-manager entries onto the library's sources: matched by DOI, URL or title; empty
// details filled, typed ones kept and reported; the citation key set and used by exports.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, fixturePath, repoDir, useTempDir } from '../../../../test/support'
import type { SourceSummary } from '../../../shared/domain'
import { openCommonplace, type Commonplace } from '../commonplace'

const tempDir = useTempDir()
const sample = (name: string): string => join(repoDir, 'test', 'bib', name)

async function library(): Promise<{ app: Commonplace; bakerId: string; anoraId: string }> {
  const app = await openCommonplace(tempDir())
  const { imported, failed } = await app.sources.importFiles([
    fixturePath(fixtureNames.bakerHtml),
    fixturePath(fixtureNames.anoraHtml),
  ])
  if (failed.length > 0) throw new Error(failed[0]!.message)
  const [baker, anora] = imported as [SourceSummary, SourceSummary]
  // What the fixtures give, which the samples were written against.
  expect(baker).toMatchObject({
    title: 'Sean Baker on why sex work keeps returning in his films',
    siteName: 'CinemaBlend',
    url: 'https://example.org/cinemablend/sean-baker-red-rocket-sex-work',
  })
  expect(baker.author).toBeUndefined()
  expect(anora).toMatchObject({
    title: 'Sex workers cheer Anora ahead of the Oscars',
    author: 'AFP',
    siteName: 'AFP',
    url: 'https://example.org/afp/anora-sex-workers-oscars',
  })
  return { app, bakerId: baker.id, anoraId: anora.id }
}

describe('import-bib', () => {
  it('CSL-JSON: matches by URL and by title, fills what is empty, keeps what is typed', async () => {
    const { app, bakerId, anoraId } = await library()
    const report = await app.bibliography.importFile(sample('zotero.json'))

    expect(report.matched.map((match) => [match.where, match.source.id, match.by])).toEqual([
      // Upper-case host, trailing slash, utm_* parameters and fragment do not matter.
      ['item 1', bakerId, 'url'],
      // Case, curly quotes and "!" do not matter.
      ['item 2', anoraId, 'title'],
    ])
    expect(report.unmatched).toEqual([
      {
        where: 'item 3',
        title: 'Tangerine and the Hollywood fringe',
        key: 'okaforTangerineHollywoodFringe2019',
      },
    ])
    const [baker, anora] = report.matched
    expect(baker?.filled).toEqual(['author'])
    expect(baker?.citationKey).toBe('lindqvistSeanBakerWhy2021')
    // The page's date-time and the entry's day are the same date; the URLs the same page.
    expect(baker?.differing).toEqual([])
    expect(anora?.filled).toEqual([])
    expect(anora?.differing).toEqual([
      { field: 'siteName', ours: 'AFP', theirs: 'Agence France-Presse' },
    ])

    const sources = await app.sources.list()
    const stored = (id: string) => sources.find((source) => source.id === id)
    expect(stored(bakerId)).toMatchObject({
      author: 'Mara Lindqvist',
      citationKey: 'lindqvistSeanBakerWhy2021',
      url: 'https://example.org/cinemablend/sean-baker-red-rocket-sex-work',
    })
    expect(stored(anoraId)).toMatchObject({
      siteName: 'AFP',
      citationKey: 'afpSexWorkersCheer2025',
    })

    // On disk, for the next process: the key and the filled author.
    const reopened = await openCommonplace(app.store.dataDir)
    expect((await reopened.sources.list()).find((s) => s.id === bakerId)).toMatchObject({
      author: 'Mara Lindqvist',
      citationKey: 'lindqvistSeanBakerWhy2021',
    })

    // The key is what the bibliography names it by; searching finds the filled author.
    const csl = JSON.parse(await app.exports.bibliography('csl-json')) as { id: string }[]
    expect(csl.map((item) => item.id).sort()).toEqual([
      'afpSexWorkersCheer2025',
      'lindqvistSeanBakerWhy2021',
    ])
  })

  it('BibTeX: matches by DOI, reports a replaced key, refuses the broken entry', async () => {
    const { app, bakerId, anoraId } = await library()
    const baker = (await app.sources.list()).find((source) => source.id === bakerId)
    if (!baker) throw new Error('no baker')
    // The writer typed a DOI (as a resolver link), another title and their own key.
    await app.sources.updateMetadata(bakerId, {
      ...baker,
      title: 'Baker interview',
      identifier: 'https://doi.org/10.5555/cb.2021.1210',
      citationKey: 'baker-interview',
    })

    const report = await app.bibliography.importFile(sample('library.bib'))
    expect(report.format).toBe('bibtex')
    expect(report.entries).toBe(3)
    expect(report.refused.map((refused) => refused.where)).toEqual(['line 21 (@misc{broken2020)'])
    expect(report.matched.map((match) => [match.source.id, match.by])).toEqual([
      [bakerId, 'doi'],
      [anoraId, 'url'],
    ])
    const [byDoi] = report.matched
    expect(byDoi?.replacedKey).toBe('baker-interview')
    expect(byDoi?.citationKey).toBe('lindqvistSeanBakerWhy2021')
    expect(byDoi?.differing).toContainEqual({
      field: 'title',
      ours: 'Baker interview',
      theirs: 'Sean Baker on why sex work keeps returning in his films',
    })
    expect(byDoi?.filled).toEqual(['author'])
    expect(report.unmatched.map((entry) => entry.key)).toEqual(['okafor_tangerine_2019'])
    const stored = (await app.sources.list()).find((source) => source.id === bakerId)
    expect(stored).toMatchObject({ title: 'Baker interview', author: 'Mara Lindqvist' })
  })

  it('RIS: a second import changes nothing and reports the same matches', async () => {
    const { app, bakerId } = await library()
    const first = await app.bibliography.importFile(sample('refs.ris'))
    expect(first.matched.map((match) => [match.source.id, match.by, match.filled])).toEqual([
      [bakerId, 'url', ['author']],
    ])
    expect(first.refused).toEqual([{ where: 'line 10', message: 'it has no title' }])
    const before = await app.sources.list()
    const again = await app.bibliography.importFile(sample('refs.ris'))
    expect(again.matched[0]).toMatchObject({ filled: [], differing: [] })
    expect(again.matched[0]!.citationKey).toBeUndefined()
    expect(await app.sources.list()).toEqual(before)
  })

  it('title matches need the same first author when both name one', async () => {
    const { app } = await library()
    const path = join(tempDir(), 'other-author.json')
    const { writeFile } = await import('node:fs/promises')
    await writeFile(
      path,
      JSON.stringify([
        {
          id: 'x',
          title: 'Sex workers cheer Anora ahead of the Oscars',
          author: [{ family: 'Someone', given: 'Else' }],
        },
      ]),
    )
    const report = await app.bibliography.importFile(path)
    expect(report.matched).toEqual([])
    expect(report.unmatched.map((entry) => entry.key)).toEqual(['x'])
  })

  it('names the file when it cannot be read or nothing in it parses', async () => {
    const { app } = await library()
    const missing = join(tempDir(), 'none.bib')
    await expect(app.bibliography.importFile(missing)).rejects.toThrow(
      `${missing}: file not found.`,
    )
    const path = join(tempDir(), 'bad.bib')
    const { writeFile } = await import('node:fs/promises')
    await writeFile(path, '@article{oops,\n  title = {never closed,\n')
    await expect(app.bibliography.importFile(path)).rejects.toThrow(
      /^bad\.bib: no entry could be read \(1 refused; line 1 \(@article\{oops\): is not valid BibTeX/,
    )
  })
})

describe('a pasted entry', () => {
  it('BibTeX or CSL-JSON becomes the details to fill the form with', async () => {
    const { app } = await library()
    expect(
      await app.bibliography.parseEntry(
        '@book{okafor2019, title={Tangerine}, author={Okafor, Pat}, year=2019, isbn={9780306406157}, url={https://example.org/t}}',
      ),
    ).toEqual({
      title: 'Tangerine',
      author: 'Pat Okafor',
      publishedAt: '2019',
      identifier: '9780306406157',
      url: 'https://example.org/t',
      citationKey: 'okafor2019',
    })
    expect(
      await app.bibliography.parseEntry(
        '{"id": "doeX2020", "title": "X", "DOI": "https://doi.org/10.1234/x"}',
      ),
    ).toEqual({ title: 'X', identifier: '10.1234/x', citationKey: 'doeX2020' })
    await expect(
      app.bibliography.parseEntry('@misc{a, title={A}}\n@misc{b, title={B}}'),
    ).rejects.toThrow('The pasted entry holds 2 entries: paste one.')
    await expect(app.bibliography.parseEntry('hello')).rejects.toThrow(/not a bibliography/)
  })
})
