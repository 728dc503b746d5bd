// The text layer over a drawn PDF page: one transparent span per pdf.js text item, placed over the
// item's glyphs, whose text is exactly the item's stretch of the version's text (from
// pageTextFrom, the function import ran on the same items). Each span carries `data-start`, its
// offset in that text, so the reader's offsets.ts and highlights.ts work on it as on an article's
// blocks: a selection maps to offsets, clippings are wrapped in marks.
import type { PageText } from '../../../../shared/pdf-text'

/** The parts of a pdf.js TextItem and TextStyle the layer places spans with. */
export interface PlacedItem {
  str: string
  transform: number[]
  width: number
  fontName: string
}

export interface PlacedStyle {
  ascent: number
  descent: number
  fontFamily: string
}

export interface TextLayerInput {
  items: readonly PlacedItem[]
  styles: Readonly<Record<string, PlacedStyle>>
  /** pageTextFrom(items).items: where each item's characters are in the page's text. */
  ranges: PageText['items']
  /** The page's offset in the version's text (layout.pages[i].start). */
  pageStart: number
  versionText: string
  /** The viewport's transform (PDF units to CSS pixels at the current zoom) and its scale. */
  viewportTransform: readonly number[]
  scale: number
}

/** The product of two affine matrices [a, b, c, d, e, f], `outer` applied after `inner`. */
function multiply(outer: readonly number[], inner: readonly number[]): number[] {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = outer
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = inner
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ]
}

/** Where the glyphs' top sits above the baseline, as a share of the font size. */
function ascentOf(style: PlacedStyle | undefined): number {
  if (style?.ascent) return style.ascent
  if (style?.descent) return 1 + style.descent
  return 0.8
}

let measuring: CanvasRenderingContext2D | null = null

function textWidth(text: string, fontSize: number, fontFamily: string): number {
  measuring ??= document.createElement('canvas').getContext('2d')
  if (!measuring) return 0
  measuring.font = `${fontSize}px ${fontFamily}`
  return measuring.measureText(text).width
}

/**
 * Fills `layer` with the page's spans (replacing what it held). Items that add no characters to
 * the text (an empty item, a space already counted) get no span: there is nothing to select.
 */
export function fillTextLayer(layer: HTMLElement, input: TextLayerInput): void {
  const { items, styles, ranges, pageStart, versionText, viewportTransform, scale } = input
  const spans: HTMLElement[] = []
  items.forEach((item, index) => {
    const range = ranges[index]
    if (!range || range[1] <= range[0]) return
    const start = pageStart + range[0]
    const text = versionText.slice(start, pageStart + range[1])
    const style = styles[item.fontName]
    const fontFamily = style?.fontFamily ?? 'sans-serif'
    const matrix = multiply(viewportTransform, item.transform)
    const [a = 1, b = 0, c = 0, d = 1, x = 0, y = 0] = matrix
    const fontSize = Math.hypot(c, d)
    const angle = Math.atan2(b, a)
    const rise = fontSize * ascentOf(style)
    let left = x + rise * Math.sin(angle)
    const top = y - rise * Math.cos(angle)
    let targetWidth = item.width * scale
    // A word gap the page text put before this item: drawn just left of the item's glyphs.
    if (text.startsWith(' ') && !item.str.startsWith(' ')) {
      const gap = textWidth(' ', fontSize, fontFamily)
      left -= gap
      targetWidth += gap
    }
    const span = document.createElement('span')
    span.dataset.start = String(start)
    span.textContent = text
    span.style.left = `${left}px`
    span.style.top = `${top}px`
    span.style.fontSize = `${fontSize}px`
    span.style.fontFamily = fontFamily
    const measured = fontSize > 0 ? textWidth(text, fontSize, fontFamily) : 0
    const transforms: string[] = []
    if (angle !== 0) transforms.push(`rotate(${angle}rad)`)
    if (measured > 0 && targetWidth > 0) transforms.push(`scaleX(${targetWidth / measured})`)
    if (transforms.length > 0) span.style.transform = transforms.join(' ')
    spans.push(span)
  })
  layer.replaceChildren(...spans)
}
