// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest'
import { pageTextFrom, type PdfTextItem } from '../../../../shared/pdf-text'
import { applyHighlights } from '../highlights'
import { selectionOffsets } from '../offsets'
import { fillTextLayer, type PlacedItem } from './textLayer'

/** A text item of 10-unit type at (x, y), as pdf.js gives it. */
function item(str: string, x: number, y: number, hasEOL = false): PdfTextItem & PlacedItem {
  return {
    str,
    hasEOL,
    transform: [10, 0, 0, 10, x, y],
    width: str.length * 5,
    height: 10,
    fontName: 'f1',
  }
}

// Two lines of one paragraph, the first ending in a hyphenated word and a ligature in it, then a
// second paragraph; drawn as the items of a page that starts at offset 100 of the version's text.
const items = [
  item('The ﬁrst line of a hy-', 10, 100, true),
  item('phenated word', 10, 88),
  item('', 80, 88),
  item('Next', 10, 60),
  item('paragraph', 40, 60),
]
const pageText = pageTextFrom(items)
const before = 'x'.repeat(98) + '\n\n'
const versionText = `${before}${pageText.text}\n\nThe next page.`
const styles = { f1: { ascent: 0.8, descent: -0.2, fontFamily: 'serif' } }

function layer(): HTMLElement {
  const element = document.createElement('div')
  document.body.replaceChildren(element)
  fillTextLayer(element, {
    items,
    styles,
    ranges: pageText.items,
    pageStart: before.length,
    versionText,
    // A page 200 units high drawn at scale 2, y flipped as pdf.js's viewport does.
    viewportTransform: [2, 0, 0, -2, 0, 400],
    scale: 2,
  })
  return element
}

// jsdom draws nothing: text is measured as 10 px a character.
beforeAll(() => {
  const measuring = { font: '', measureText: (text: string) => ({ width: text.length * 10 }) }
  HTMLCanvasElement.prototype.getContext = (() => measuring) as never
})

describe('fillTextLayer', () => {
  it('gives each item with text a span holding exactly its stretch of the version text', () => {
    const spans = Array.from(layer().querySelectorAll<HTMLElement>('span'))
    expect(pageText.text).toBe('The first line of a hyphenated word\n\nNext paragraph')
    // The empty item gets no span.
    expect(spans).toHaveLength(4)
    for (const span of spans) {
      const start = Number(span.dataset.start)
      expect(span.textContent).toBe(
        versionText.slice(start, start + (span.textContent ?? '').length),
      )
    }
    expect(spans.map((span) => span.textContent)).toEqual([
      'The first line of a hy',
      'phenated word',
      'Next',
      ' paragraph',
    ])
  })

  it('places a span at its item, the glyph tops at the baseline less the ascent', () => {
    const first = layer().querySelector<HTMLElement>('span')
    // x 10 -> 20 px; baseline y 100 -> 400 - 200 = 200 px, less 0.8 × the 20 px font size.
    expect(first?.style.left).toBe('20px')
    expect(first?.style.top).toBe('184px')
    expect(first?.style.fontSize).toBe('20px')
  })

  it('stretches a span to the width of its item, and draws a word gap it carries left of the item', () => {
    const spans = Array.from(layer().querySelectorAll<HTMLElement>('span'))
    // "phenated word": 13 characters measured 130 px, drawn 13 × 5 units × 2 = 130 px wide.
    expect(spans[1]?.style.transform).toBe('scaleX(1)')
    // " paragraph": the item is at x 40 (80 px); its leading space (10 px) sits before it.
    expect(spans[3]?.style.left).toBe('70px')
    expect(spans[3]?.style.transform).toBe(`scaleX(${(9 * 5 * 2 + 10) / 100})`)
  })

  it('maps a selection over two spans to offsets in the version text, and marks a passage', () => {
    const root = layer()
    const [, second, third] = Array.from(root.querySelectorAll('span'))
    const range = document.createRange()
    range.setStart(second?.firstChild as Text, 0)
    range.setEnd(third?.firstChild as Text, 4)
    const selection = document.getSelection()
    selection?.removeAllRanges()
    selection?.addRange(range)
    const offsets = selectionOffsets(root, selection)
    expect(offsets && versionText.slice(offsets.start, offsets.end)).toBe('phenated word\n\nNext')

    const start = versionText.indexOf('hyphenated')
    applyHighlights(root, [{ id: 'c1', start, end: start + 'hyphenated'.length }])
    const marks = Array.from(root.querySelectorAll('mark')).map((mark) => mark.textContent)
    expect(marks).toEqual(['hy', 'phenated'])
  })
})
