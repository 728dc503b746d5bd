import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureNames, readFixture, repoDir } from '../../../../test/fixtures'
import { parseKindleClippings, splitTitle } from './parse-kindle'

const added = 'Added on Tuesday, 3 March 2020 09:12:45'

/** A clippings file from [title, metadata, text] entries, with the Kindle's CRLF and BOM. */
function clippings(entries: [string, string, string][], lineEnd = '\r\n'): string {
  const body = entries
    .map(([title, meta, text]) => [title, meta, '', text, '=========='].join(lineEnd) + lineEnd)
    .join('')
  return `\uFEFF${body}`
}

function readSample(): Promise<string> {
  return readFile(join(repoDir, 'test', 'highlights', 'my-clippings.txt'), 'utf8')
}

describe('the sample My Clippings.txt', () => {
  it('reads its highlights with their books, places and dates, notes on them', async () => {
    const parsed = parseKindleClippings(await readSample())
    expect(parsed.records.map((r) => [r.document.title, r.document.author, r.location])).toEqual([
      ['Red Rocket: Interviews', 'Baker, Sean', '1406-1410'],
      ['Red Rocket: Interviews', 'Baker, Sean', '1520-1524'],
      ['Anora (Der Film)', 'Calvert, Casey', '310-312'],
      ['Anora : les travailleuses du sexe', 'Calvert, Casey', '40-44'],
      ['Anora y los Óscar', 'Cross, Eli', '88-90'],
    ])
    const [first, widened, german, french, spanish] = parsed.records
    expect(first).toMatchObject({
      format: 'kindle',
      quote: 'There is that taboo sort of mysterious thing that we want to know more about.',
      note: 'Why sex work keeps coming back in his films.',
      page: '12',
      createdAt: '2020-03-03T09:12:45',
      tags: [],
    })
    expect(widened?.quote).toBe(
      "I'm interested in tackling sex work as a whole throughout my filmography…",
    )
    expect(german?.createdAt).toBe('2020-03-05T18:30:00')
    expect(french).toMatchObject({ page: '3', createdAt: '2020-03-06T07:45:09' })
    expect(spanish).toMatchObject({
      note: 'Cross trabaja como director de fotografía.',
      createdAt: '2020-03-07T09:12:45',
    })
  })

  it('names the broken entry by number and line, and says what it skipped and why', async () => {
    const parsed = parseKindleClippings(await readSample())
    expect(parsed.refused).toEqual([
      {
        where: 'entry 9 (line 40)',
        message: expect.stringContaining('no metadata line') as string,
      },
    ])
    expect(parsed.skipped).toEqual([
      { where: 'entry 3 (line 11)', message: 'a bookmark in "Red Rocket: Interviews"' },
      {
        where: 'entry 4 (line 15)',
        message: 'replaced by entry 5 (line 20), the same highlight changed on the Kindle',
      },
    ])
  })

  it('quotes words that are in the shared fixture articles, so they can anchor', async () => {
    const articles =
      (await readFixture(fixtureNames.bakerTxt)) + (await readFixture(fixtureNames.anoraTxt))
    for (const record of parseKindleClippings(await readSample()).records)
      expect(articles).toContain(record.quote)
  })
})

describe('Kindle entries', () => {
  it('takes the last parenthesized group of a title line as the author', () => {
    expect(splitTitle('Anora (Der Film) (Calvert, Casey)')).toEqual({
      title: 'Anora (Der Film)',
      author: 'Calvert, Casey',
    })
    expect(splitTitle('Essays (Smith, J. (ed.))')).toEqual({
      title: 'Essays',
      author: 'Smith, J. (ed.)',
    })
    expect(splitTitle('A title with no author')).toEqual({ title: 'A title with no author' })
    expect(splitTitle('(Only parentheses)')).toEqual({ title: '(Only parentheses)' })
  })

  it('reads a BOM before every entry, LF line endings and a file without a last separator', () => {
    const text = `\uFEFFBook (A)\n- Your Highlight on Location 1-2 | ${added}\n\nOne.\n==========\n\uFEFFBook (A)\n- Your Highlight on Location 5-6 | ${added}\n\nTwo.`
    const parsed = parseKindleClippings(text)
    expect(parsed.records.map((r) => [r.document.title, r.quote])).toEqual([
      ['Book', 'One.'],
      ['Book', 'Two.'],
    ])
    expect(parsed.refused).toEqual([])
  })

  it('says so of an empty file', () => {
    expect(parseKindleClippings('\uFEFF\r\n==========\r\n')).toEqual({
      records: [],
      refused: [{ where: 'file', message: 'empty: no clippings in it' }],
      skipped: [],
    })
  })

  it('keeps a quote of several lines with its line breaks', () => {
    const parsed = parseKindleClippings(
      clippings([
        ['Book (A)', `- Your Highlight on Location 1-9 | ${added}`, 'First line.\r\nSecond line.'],
      ]),
    )
    expect(parsed.records[0]?.quote).toBe('First line.\nSecond line.')
  })

  it('refuses an entry with no text, or with a metadata line it does not read, by number and line', () => {
    const parsed = parseKindleClippings(
      clippings([
        ['Book (A)', `- Your Highlight on Location 1-2 | ${added}`, 'Kept.'],
        ['Book (A)', `- Your Highlight on Location 3-4 | ${added}`, ''],
        ['Book (A)', `- Your Clip on Location 5 | ${added}`, 'A clipped article.'],
        [`- Your Highlight on Location 7-8 | ${added}`, '', 'A title line lost.'],
      ]),
    )
    expect(parsed.records.map((r) => r.quote)).toEqual(['Kept.'])
    expect(parsed.refused).toEqual([
      { where: 'entry 2 (line 6)', message: 'the highlight in "Book" has no text' },
      {
        where: 'entry 3 (line 11)',
        message: expect.stringMatching(/^metadata line not understood/) as string,
      },
      {
        where: 'entry 4 (line 16)',
        message: expect.stringMatching(
          /^no title line \("Book Title \(Author\)"\) before/,
        ) as string,
      },
    ])
  })
})

describe('notes', () => {
  it('goes to the highlight whose last location it is at, in the same book only', () => {
    const parsed = parseKindleClippings(
      clippings([
        ['Book (A)', `- Your Highlight on Location 100-104 | ${added}`, 'Quote one.'],
        ['Other (B)', `- Your Highlight on Location 200-210 | ${added}`, 'Quote two.'],
        ['Book (A)', `- Your Highlight on Location 200-210 | ${added}`, 'Quote three.'],
        ['Book (A)', `- Your Note on Location 104 | ${added}`, 'On one.'],
        ['Book (A)', `- Your Note on Location 210 | ${added}`, 'On three.'],
      ]),
    )
    expect(parsed.records.map((r) => [r.quote, r.note])).toEqual([
      ['Quote one.', 'On one.'],
      ['Quote two.', ''],
      ['Quote three.', 'On three.'],
    ])
  })

  it('pairs a note inside a highlight, and by page when the book has no locations', () => {
    const parsed = parseKindleClippings(
      clippings([
        ['Book (A)', `- Your Highlight on Location 100-110 | ${added}`, 'Long quote.'],
        ['Book (A)', `- Your Note on Location 105 | ${added}`, 'Inside.'],
        ['Paper.pdf', `- Your Highlight on page 7 | ${added}`, 'From a PDF.'],
        ['Paper.pdf', `- Your Note on page 7 | ${added}`, 'PDF note.'],
      ]),
    )
    expect(parsed.records.map((r) => r.note)).toEqual(['Inside.', 'PDF note.'])
  })

  it('prefers the highlight it ends, over a wider one around it', () => {
    const parsed = parseKindleClippings(
      clippings([
        ['Book (A)', `- Your Highlight on Location 105-110 | ${added}`, 'Inner sentence.'],
        ['Book (A)', `- Your Highlight on Location 100-120 | ${added}`, 'A whole paragraph.'],
        ['Book (A)', `- Your Note on Location 110 | ${added}`, 'On the inner one.'],
      ]),
    )
    expect(parsed.records.map((r) => [r.quote, r.note])).toEqual([
      ['Inner sentence.', 'On the inner one.'],
      ['A whole paragraph.', ''],
    ])
  })

  it('keeps the last of notes edited at one place, and joins notes at different places', () => {
    const parsed = parseKindleClippings(
      clippings([
        ['Book (A)', `- Your Highlight on Location 100-110 | ${added}`, 'Quote.'],
        ['Book (A)', `- Your Note on Location 110 | ${added}`, 'First try.'],
        ['Book (A)', `- Your Note on Location 105 | ${added}`, 'Middle.'],
        ['Book (A)', `- Your Note on Location 110 | ${added}`, 'Edited.'],
      ]),
    )
    expect(parsed.records[0]?.note).toBe('Middle.\n\nEdited.')
  })

  it('refuses a note with no highlight, saying so', () => {
    const parsed = parseKindleClippings(
      clippings([
        ['Book (A)', `- Your Highlight on Location 100-104 | ${added}`, 'Quote.'],
        ['Book (A)', `- Your Note on Location 300 | ${added}`, 'Alone.'],
      ]),
    )
    expect(parsed.records.map((r) => r.note)).toEqual([''])
    expect(parsed.refused).toEqual([
      {
        where: 'entry 2 (line 6)',
        message:
          'a note with no highlight at location 300 in "Book": a note alone has no quote to clip',
      },
    ])
  })
})

describe('highlights changed on the Kindle', () => {
  it('keeps the last of a widened, narrowed or repeated highlight', () => {
    const parsed = parseKindleClippings(
      clippings([
        ['Book (A)', `- Your Highlight on Location 10-11 | ${added}`, 'The middle'],
        [
          'Book (A)',
          `- Your Highlight on Location 10-14 | ${added}`,
          'The middle of the sentence.',
        ],
        ['Book (A)', `- Your Highlight on Location 30-31 | ${added}`, 'Repeated.'],
        ['Book (A)', `- Your Highlight on Location 30-31 | ${added}`, 'Repeated.'],
        ['Book (A)', `- Your Highlight on Location 50-52 | ${added}`, 'moved the start of it here'],
        [
          'Book (A)',
          `- Your Highlight on Location 51-53 | ${added}`,
          'the start of it here and on',
        ],
      ]),
    )
    expect(parsed.records.map((r) => r.quote)).toEqual([
      'The middle of the sentence.',
      'Repeated.',
      'the start of it here and on',
    ])
    expect(parsed.skipped.map((s) => s.where)).toEqual([
      'entry 1 (line 1)',
      'entry 3 (line 11)',
      'entry 5 (line 21)',
    ])
  })

  it('finds the earlier highlight across a widening of many locations, and its note', () => {
    const parsed = parseKindleClippings(
      clippings([
        ['Book (A)', `- Your Highlight on Location 130-135 | ${added}`, 'the end of a chapter'],
        [
          'Book (A)',
          `- Your Highlight on Location 10-140 | ${added}`,
          'All of the end of a chapter',
        ],
        ['Book (A)', `- Your Note on Location 140 | ${added}`, 'Whole chapter.'],
      ]),
    )
    expect(parsed.records.map((r) => [r.location, r.note])).toEqual([['10-140', 'Whole chapter.']])
  })

  it('keeps two different sentences at one location, and the same words in two books', () => {
    const parsed = parseKindleClippings(
      clippings([
        ['Book (A)', `- Your Highlight on Location 10-10 | ${added}`, 'One sentence.'],
        ['Book (A)', `- Your Highlight on Location 10-11 | ${added}`, 'Another one.'],
        ['Other (B)', `- Your Highlight on Location 10-10 | ${added}`, 'One sentence.'],
      ]),
    )
    expect(parsed.records).toHaveLength(3)
  })
})

describe('origin ids', () => {
  const entries: [string, string, string][] = [
    ['Book (A)', `- Your Highlight on Location 10-11 | ${added}`, 'First quote.'],
    ['Book (A)', `- Your Note on Location 11 | ${added}`, 'A note.'],
    ['Other (B)', `- Your Highlight on page 3 | ${added}`, 'Second quote.'],
  ]
  const ids = (text: string): string[] =>
    parseKindleClippings(text).records.map((record) => record.originId)

  it('are the same across two reads, line endings, and a longer file later', () => {
    const before = ids(clippings(entries))
    expect(new Set(before).size).toBe(2)
    expect(ids(clippings(entries))).toEqual(before)
    expect(ids(clippings(entries, '\n'))).toEqual(before)
    const longer = ids(
      clippings([
        ...entries,
        ['Book (A)', `- Your Highlight on Location 40-41 | ${added}`, 'New.'],
      ]),
    )
    expect(longer.slice(0, 2)).toEqual(before)
    expect(longer).toHaveLength(3)
  })

  it('do not change with the note, and do change when the highlight is widened', () => {
    const [first] = ids(clippings(entries))
    const editedNote = clippings([
      ...entries,
      ['Book (A)', `- Your Note on Location 11 | ${added}`, 'The note, edited.'],
    ])
    expect(parseKindleClippings(editedNote).records[0]).toMatchObject({
      originId: first,
      note: 'The note, edited.',
    })
    const widened = clippings([
      ...entries,
      ['Book (A)', `- Your Highlight on Location 10-12 | ${added}`, 'First quote. And more.'],
    ])
    expect(ids(widened)).not.toContain(first)
  })
})
