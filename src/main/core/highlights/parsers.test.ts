import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoDir } from '../../../../test/support'
import { detectHighlightFormat, parseHighlightsFile } from './detect-format'
import { canonicalUrl } from './canonical-url'
import { parseHypothesis } from './parse-hypothesis'
import { parseW3c } from './parse-w3c'

const sample = (name: string): Promise<string> =>
  readFile(join(repoDir, 'test', 'highlights', name), 'utf8')

describe('Hypothesis export', () => {
  it('reads highlights with quote, context, note and tags; skips a page note; refuses a bad one by index', async () => {
    const parsed = parseHypothesis(JSON.parse(await sample('hypothesis.json')))
    expect(parsed.records.map((record) => record.originId)).toEqual([
      'hyp-baker-hypocrisy',
      'hyp-baker-wild-film',
    ])
    const [first] = parsed.records
    expect(first).toMatchObject({
      format: 'hypothesis',
      quote: 'I hate the hypocrisy in our society',
      prefix: 'g sex work as a whole throughout my filmography… ',
      suffix: ', the fact that all, most of us ',
      position: { start: 1402, end: 1437 },
      note: 'Why Baker keeps coming back to the subject.',
      tags: ['stigma', 'sex work'],
      createdAt: '2026-11-02T09:14:00.000000+00:00',
      document: { title: 'Sean Baker on why sex work keeps returning in his films' },
    })
    expect(parsed.skipped).toEqual([
      { where: 'annotation 3', message: 'a page note (hyp-baker-page-note), not a highlight' },
    ])
    expect(parsed.refused).toHaveLength(1)
    expect(parsed.refused[0]?.where).toBe('annotation 4')
    expect(parsed.refused[0]?.message).toBe('uri: missing')
  })

  it('takes a bare array as well as { rows }, and refuses what is neither', () => {
    const annotation = {
      id: 'a1',
      uri: 'https://example.org/a',
      target: [{ selector: [{ type: 'TextQuoteSelector', exact: 'words' }] }],
    }
    expect(parseHypothesis([annotation]).records).toHaveLength(1)
    expect(parseHypothesis({ total: 0 }).refused[0]?.message).toMatch(/not a Hypothesis export/)
    const empty = {
      ...annotation,
      target: [{ selector: [{ type: 'TextQuoteSelector', exact: ' ' }] }],
    }
    expect(parseHypothesis([empty]).refused[0]).toEqual({
      where: 'annotation 1',
      message: 'a1: the TextQuoteSelector has no words (exact is empty)',
    })
  })
})

describe('W3C Web Annotation JSON-LD', () => {
  it('reads a collection: bodies as note and tags, a target array, a refinedBy quote; refuses a target without a selector', async () => {
    const parsed = parseW3c(JSON.parse(await sample('w3c.jsonld')))
    expect(parsed.records.map((record) => [record.quote, record.note, record.tags])).toEqual([
      [
        'But for it to earn the respect of sex workers, that’s even rarer.',
        'The thesis of the piece.',
        ['representation'],
      ],
      ['Sean gets sex work. He just does,', 'Calvert on Baker.', []],
    ])
    expect(parsed.records[0]?.document.url).toBe('https://example.org/afp/anora-sex-workers-oscars')
    expect(parsed.refused).toEqual([
      {
        where: 'annotation 3',
        message:
          'https://notes.example.net/annotations/3: its target has no source with a selector',
      },
    ])
  })

  it('reads a single annotation with a position and a title', async () => {
    const parsed = parseW3c(JSON.parse(await sample('w3c-single.jsonld')))
    expect(parsed.refused).toEqual([])
    expect(parsed.records[0]).toMatchObject({
      originId: 'https://notes.example.net/annotations/single',
      quote: 'We’ve come a long way,',
      position: { start: 4100, end: 4122 },
      document: { title: 'Sex workers cheer Anora ahead of the Oscars' },
    })
  })

  it('refuses an object that is not an annotation, by index', () => {
    const parsed = parseW3c([{ type: 'Note', target: 'https://example.org' }])
    expect(parsed.refused).toEqual([
      { where: 'annotation 1', message: 'type: type is not "Annotation"' },
    ])
  })
})

describe('format detection', () => {
  it('tells each format from its contents', async () => {
    expect(detectHighlightFormat(await sample('hypothesis.json'))).toBe('hypothesis')
    expect(detectHighlightFormat(await sample('w3c.jsonld'))).toBe('w3c')
    expect(detectHighlightFormat(await sample('w3c-single.jsonld'))).toBe('w3c')
    const kindle =
      'A Book (An Author)\n- Your Highlight on page 3 | Location 40-41\n\nWords.\n==========\n'
    expect(detectHighlightFormat(kindle)).toBe('kindle')
    expect(detectHighlightFormat('Highlight,Book Title,Book Author\n"a","b","c"\n')).toBe(
      'readwise',
    )
    expect(detectHighlightFormat('just some notes')).toBeNull()
  })

  it('names the file when it reads none of them, and hands Kindle and Readwise to their parsers', () => {
    expect(() => parseHighlightsFile('just some notes', undefined, 'notes.txt')).toThrow(
      /^notes\.txt: not a highlights file/,
    )
    expect(() => parseHighlightsFile('{"rows": [', undefined, 'export.json')).toThrow(
      /^export\.json: is not valid JSON \(/,
    )
    expect(parseHighlightsFile('x\n==========\n', undefined, 'My Clippings.txt').format).toBe(
      'kindle',
    )
    expect(
      parseHighlightsFile('Highlight,Book Title\n"Words.","A Book"\n', undefined, 'r.csv'),
    ).toMatchObject({ format: 'readwise', records: [{ quote: 'Words.' }] })
    // The Hypothesis app's own export file: { export_date, annotations }.
    expect(parseHighlightsFile('{"annotations": []}', undefined, 'h.json').format).toBe(
      'hypothesis',
    )
  })
})

describe('canonical URLs', () => {
  it('drop the fragment, utm_* parameters and a trailing slash, and lowercase the host', () => {
    expect(canonicalUrl('HTTPS://Example.ORG/a/b/?utm_source=x&id=3#top')).toBe(
      'https://example.org/a/b?id=3',
    )
    expect(canonicalUrl('urn:isbn:123')).toBeNull()
  })
})
