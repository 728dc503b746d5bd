import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, readFixture, repoDir } from '../../../../test/fixtures'
import { parseReadwiseCsv, readwiseDate } from './parse-readwise'

const header =
  'Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags'

function readSample(): Promise<string> {
  return readFile(join(repoDir, 'test', 'highlights', 'readwise.csv'), 'utf8')
}

describe('the sample Readwise export', () => {
  it('reads one record per good row, with quoted commas and line breaks kept', async () => {
    const parsed = parseReadwiseCsv(await readSample())
    expect(parsed.records).toHaveLength(3)
    const [baker, anora, ordered] = parsed.records
    expect(baker).toEqual({
      format: 'readwise',
      originId: expect.stringMatching(/^readwise:[0-9a-f]{64}$/) as string,
      document: {
        title: 'Red Rocket: Interviews',
        author: 'Sean Baker',
        identifier: 'B0RRTEST01',
      },
      quote:
        "I hate the hypocrisy in our society, the fact that all, most of us probably look at porn, but we're not supporting these people who are working in it.",
      note: 'Baker, on the audience:\nhypocrisy is the word.',
      tags: ['film', 'interviews', 'cinema'],
      createdAt: '2020-03-03T09:12:45+00:00',
      location: '1406',
    })
    expect(anora?.quote).toContain('it will have done both.\n“Sean gets sex work.')
    expect(anora).toMatchObject({
      document: { title: 'Anora and the Oscars' },
      page: '3',
      tags: ['news', 'oscars'],
      createdAt: '2025-02-24T18:30:00.125+00:00',
    })
    expect(anora?.document.author).toBeUndefined()
    // "order" is Readwise's own counter: neither a page nor a location.
    expect(ordered?.page).toBeUndefined()
    expect(ordered?.location).toBeUndefined()
    expect(ordered?.createdAt).toBeUndefined()
  })

  it('refuses the bad rows by row number and the line they start on', async () => {
    const parsed = parseReadwiseCsv(await readSample())
    expect(parsed.refused).toEqual([
      {
        where: 'row 4 (line 7)',
        message: '3 fields where the header has 11 (a missing quote or comma?)',
      },
      { where: 'row 5 (line 8)', message: 'no highlighted text' },
    ])
  })

  it('quotes words that are in the shared fixture articles, so they can anchor', async () => {
    const articles =
      (await readFixture(fixtureNames.bakerTxt)) + (await readFixture(fixtureNames.anoraTxt))
    for (const record of parseReadwiseCsv(await readSample()).records)
      expect(articles).toContain(record.quote)
  })
})

describe('Readwise rows', () => {
  it('refuses a file without the Highlight and Book Title columns, whole', () => {
    const parsed = parseReadwiseCsv('Title,Author,Quote\r\nA book,Someone,Words\r\n')
    expect(parsed.records).toEqual([])
    expect(parsed.refused).toEqual([
      {
        where: 'file',
        message: expect.stringMatching(
          /^not a Readwise export: its header has no "Highlight" or "Book Title" column/,
        ) as string,
      },
    ])
    expect(parseReadwiseCsv('').refused).toEqual([
      { where: 'file', message: 'empty: no header row, so not a Readwise export' },
    ])
  })

  it('finds columns by name in any order and case, with a BOM, and reads a URL column', () => {
    const csv =
      '\uFEFFbook title,highlight,Source URL,Location Type,Location\n' +
      'An article,"He said ""yes"", twice.",https://example.org/a,offset,120\n'
    expect(parseReadwiseCsv(csv)).toEqual({
      records: [
        expect.objectContaining({
          document: { title: 'An article', url: 'https://example.org/a' },
          quote: 'He said "yes", twice.',
          note: '',
          tags: [],
        }),
      ],
      refused: [],
    })
  })

  it('merges tags and document tags without repeats or blanks', () => {
    const csv = `${header}\nWords,Book,,,,,"a, b,, c",,,,"c, d"\n`
    expect(parseReadwiseCsv(csv).records[0]?.tags).toEqual(['a', 'b', 'c', 'd'])
  })

  it('refuses a row with no book title, and a quote never closed, keeping the rows before', () => {
    const csv = `${header}\nKept,Book,,,,,,,,,\nNo title,,,,,,,,,,\n"Never closed,Book,,,,,,,,,\nLost,Book,,,,,,,,,\n`
    const parsed = parseReadwiseCsv(csv)
    expect(parsed.records.map((r) => r.quote)).toEqual(['Kept'])
    expect(parsed.refused).toEqual([
      { where: 'row 2 (line 3)', message: 'no book title' },
      {
        where: 'row 3 (line 4)',
        message: 'a quoted field is never closed, so the rest of the file is inside it',
      },
    ])
  })
})

describe('Readwise origin ids', () => {
  const rows = ['First quote,Book,,,,,,location,10,,', 'Second quote,Book,,,a note,,,page,3,,']
  const ids = (lines: string[], lineEnd = '\n'): string[] =>
    parseReadwiseCsv([header, ...lines].join(lineEnd) + lineEnd).records.map((r) => r.originId)

  it('are the same across two reads, line endings, and a longer file later', () => {
    const before = ids(rows)
    expect(new Set(before).size).toBe(2)
    expect(ids(rows)).toEqual(before)
    expect(ids(rows, '\r\n')).toEqual(before)
    expect(ids([...rows, 'Third quote,Book,,,,,,location,40,,']).slice(0, 2)).toEqual(before)
  })

  it('do not change with the note or tags, and do with the place or the words', () => {
    const [first, second] = ids(rows)
    expect(ids(['First quote,Book,,,edited note,,new tag,location,10,,'])).toEqual([first])
    expect(ids(['First quote,Book,,,,,,location,11,,'])).not.toContain(first)
    expect(ids(['"Second quote, widened",Book,,,a note,,,page,3,,'])).not.toContain(second)
  })
})

describe('Readwise dates', () => {
  it('keeps an ISO date with its offset, and a written-out one as local time', () => {
    expect(readwiseDate('2020-03-03 09:12:45+00:00')).toBe('2020-03-03T09:12:45+00:00')
    expect(readwiseDate('2020-03-03T09:12:45Z')).toBe('2020-03-03T09:12:45Z')
    expect(readwiseDate('2020-03-03 09:12')).toBe('2020-03-03T09:12:00')
    expect(readwiseDate('March 3, 2020 9:12 PM')).toBe('2020-03-03T21:12:00')
    expect(readwiseDate('')).toBeUndefined()
    expect(readwiseDate('yesterday')).toBeUndefined()
  })
})
