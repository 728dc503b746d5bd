import { describe, expect, it } from 'vitest'
import { joinPages, normalizePdfText, pageTextFrom, type PdfTextItem } from './pdf-text'

const SIZE = 10

/** An item as pdf.js gives one: text drawn at (x, y), `width` wide, in a 10-unit font. */
function item(str: string, x: number, y: number, options: Partial<PdfTextItem> = {}): PdfTextItem {
  const size = options.height ?? SIZE
  return {
    str,
    hasEOL: false,
    transform: [size, 0, 0, size, x, y],
    width: str.length * size * 0.5,
    height: size,
    ...options,
  }
}

/** One item per line, lines 12 units apart (a paragraph), from the top of the page down. */
function lines(texts: string[], top = 700): PdfTextItem[] {
  return texts.map((text, index) => item(text, 50, top - index * 12, { hasEOL: true }))
}

describe('pageTextFrom', () => {
  it('joins the lines of a paragraph with a space', () => {
    const page = pageTextFrom(lines(['The first line', 'and the second.']))
    expect(page.text).toBe('The first line and the second.')
    expect(page.paragraphs).toEqual([[0, page.text.length]])
  })

  it('joins a word hyphenated at a line end, and keeps a hyphen before a capital', () => {
    expect(pageTextFrom(lines(['a fasci-', 'nating look'])).text).toBe('a fascinating look')
    expect(pageTextFrom(lines(['the Franco-', 'Prussian war'])).text).toBe(
      'the Franco- Prussian war',
    )
  })

  it('joins a word broken at a soft hyphen, and a hyphen drawn as an item of its own', () => {
    expect(pageTextFrom(lines(['porno\u00AD', 'graphy'])).text).toBe('pornography')
    const items = [
      item('porno', 50, 700),
      item('-', 75, 700, { hasEOL: true }),
      item('graphy is', 50, 688, { hasEOL: true }),
    ]
    expect(pageTextFrom(items).text).toBe('pornography is')
  })

  it('spells out ligatures', () => {
    const page = pageTextFrom(lines(['\uFB01ne \uFB02ow', 'o\uFB03ce and ba\uFB04e']))
    expect(page.text).toBe('fine flow office and baffle')
    expect(normalizePdfText('e\uFB00ort')).toBe('effort')
  })

  it('keeps a space drawn as its own item once, and adds one where words are drawn apart', () => {
    const asItems = [
      item('Sean', 50, 700),
      item(' ', 70, 700, { height: 0 }),
      item(' ', 72, 700, { height: 0 }),
      item('Baker', 76, 700),
    ]
    expect(pageTextFrom(asItems).text).toBe('Sean Baker')
    // No space item: a gap wider than a sliver of the font size is a word gap.
    const byGap = [item('Red', 50, 700), item('Rocket', 70, 700)]
    expect(pageTextFrom(byGap).text).toBe('Red Rocket')
    // Touching items (a kerned word drawn in pieces) are one word.
    const touching = [item('Roc', 50, 700), item('ket', 65, 700)]
    expect(pageTextFrom(touching).text).toBe('Rocket')
  })

  it('starts a paragraph at a gap taller than a line and a half', () => {
    const items = [...lines(['One paragraph', 'ends here.']), ...lines(['Another one.'], 660)]
    const page = pageTextFrom(items)
    expect(page.text).toBe('One paragraph ends here.\n\nAnother one.')
    expect(page.paragraphs.map(([start, end]) => page.text.slice(start, end))).toEqual([
      'One paragraph ends here.',
      'Another one.',
    ])
  })

  it('sets a heading in a larger font apart from the paragraph under it', () => {
    const items = [
      item('A Heading', 50, 720, { height: 18, hasEOL: true }),
      ...lines(['Body text.']),
    ]
    expect(pageTextFrom(items).text).toBe('A Heading\n\nBody text.')
  })

  it('gives each item its place in the text', () => {
    const items = [item('ﬁrst', 50, 700), item(' ', 70, 700, { height: 0 }), item('word', 74, 700)]
    const page = pageTextFrom(items)
    expect(page.text).toBe('first word')
    expect(page.items[0]).toEqual([0, 5])
    expect(page.items[2]).toEqual([6, 10])
  })
})

describe('joinPages', () => {
  const page = (text: string): ReturnType<typeof pageTextFrom> => pageTextFrom(lines([text]))

  it('joins a sentence running onto the next page with a space, else a blank line', () => {
    const joined = joinPages([page('the sentence goes'), page('on here.'), page('New one.')])
    expect(joined.text).toBe('the sentence goes on here.\n\nNew one.')
    expect(joined.starts).toEqual([0, 18, 28])
  })

  it('joins a word hyphenated across pages, and gives an empty page an empty place', () => {
    const direct = joinPages([page('a fasci-'), page('nating end.')])
    expect(direct.text).toBe('a fascinating end.')
    expect(direct.starts).toEqual([0, 7])
    // A page without text (a full-page figure) between the two halves changes nothing.
    const across = joinPages([page('a fasci-'), pageTextFrom([]), page('nating end.')])
    expect(across.text).toBe('a fascinating end.')
    expect(across.starts).toEqual([0, 7, 7])
  })
})
