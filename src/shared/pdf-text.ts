// The text of a PDF page as clippings point into it, made from pdf.js's text items. Import (main),
// the reader's text layer (renderer) and the CLI run this same function on the same items, so an
// offset means the same place everywhere: ligatures are spelled out (ﬁ -> fi), a word hyphenated
// at a line's end is joined again, lines of a paragraph are joined by a space and paragraphs by a
// blank line, as in every other source's text. Pure: no node:*, electron or DOM.

/** The part of a pdf.js TextItem this reads. */
export interface PdfTextItem {
  str: string
  hasEOL: boolean
  /** [scaleX, skewY, skewX, scaleY, x, y] in PDF units (y grows upwards). */
  transform: number[]
  width: number
  height: number
}

export interface PageText {
  text: string
  /** Per item, in order: where its (normalized) characters are in `text`; null when it adds none. */
  items: ([number, number] | null)[]
  /** Each paragraph's [start, end) in `text`. */
  paragraphs: [number, number][]
}

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
}

/**
 * What the reader, the store and the CLI compare: ligatures spelled out, soft hyphens dropped,
 * every run of white space one space. A quote typed in the CLI goes through it too.
 */
export function normalizePdfText(text: string): string {
  return text
    .replace(/[\uFB00-\uFB06]/g, (ligature) => LIGATURES[ligature] ?? ligature)
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
}

/** A line-end hyphen, when the next line goes on with the rest of the word. */
const TRAILING_HYPHEN = /(\p{L})[-\u2010\u00AD]$/u
const STARTS_LOWER = /^\p{Ll}/u

interface Segment {
  item: number
  text: string
}

interface Line {
  segments: Segment[]
  y: number
  height: number
}

export function pageTextFrom(items: readonly PdfTextItem[]): PageText {
  const lines = linesOf(items)
  const paragraphs = paragraphsOf(lines)
  const ranges: ([number, number] | null)[] = items.map(() => null)
  const paragraphRanges: [number, number][] = []
  let text = ''
  for (const paragraph of paragraphs) {
    if (text !== '') text += '\n\n'
    const start = text.length
    paragraph.forEach((line, index) => {
      const next = paragraph[index + 1]
      const joined = next ? dehyphenated(line, next) : false
      trimEnd(line.segments, TRAILING_SPACE_OR_SOFT_HYPHEN)
      for (const segment of line.segments) {
        if (segment.text === '') continue
        const at = text.length
        text += segment.text
        const range = ranges[segment.item]
        ranges[segment.item] = range ? [range[0], text.length] : [at, text.length]
      }
      if (next && !joined) text += ' '
    })
    paragraphRanges.push([start, text.length])
  }
  return { text, items: ranges, paragraphs: paragraphRanges }
}

/** Items grouped into lines, each segment an item's normalized text, spaces between words made. */
function linesOf(items: readonly PdfTextItem[]): Line[] {
  const lines: Line[] = []
  let line: Line | null = null
  let previous: PdfTextItem | null = null
  let breakAfterPrevious = false
  items.forEach((item, index) => {
    const y = item.transform[5] ?? 0
    const x = item.transform[4] ?? 0
    // A soft hyphen at the end of an item is where a word was broken: kept until lines are
    // joined (dehyphenated), then dropped like every other soft hyphen.
    const soft = /\u00AD\s*$/.test(item.str)
    const text = soft ? normalizePdfText(item.str).trimEnd() + '\u00AD' : normalizePdfText(item.str)
    if (text !== '' && item.height > 0) {
      const moved = line !== null && Math.abs(line.y - y) > Math.max(line.height, item.height) / 2
      if (!line || breakAfterPrevious || moved) {
        line = { segments: [], y, height: item.height }
        lines.push(line)
      } else if (previous && needsSpace(line, previous, x, text)) {
        line.segments.push({ item: index, text: ' ' })
      }
      line.height = Math.max(line.height, item.height)
      const last = line.segments[line.segments.length - 1]
      // A soft hyphen mid-line broke nothing.
      if (last) last.text = last.text.replace(/\u00AD$/, '')
      const ended = line.segments.length === 0 || (last?.text.endsWith(' ') ?? false)
      line.segments.push({ item: index, text: ended ? text.replace(/^ /, '') : text })
      previous = item
      breakAfterPrevious = false
    } else if (text === ' ' && line) {
      // A space drawn as its own item (no height): a word gap, kept once.
      const last = line.segments[line.segments.length - 1]
      if (last && !last.text.endsWith(' ')) line.segments.push({ item: index, text: ' ' })
    }
    if (item.hasEOL) breakAfterPrevious = true
  })
  return lines
}

/** Items drawn apart on one line with no space between them are separate words. */
function needsSpace(line: Line, previous: PdfTextItem, x: number, text: string): boolean {
  const last = line.segments[line.segments.length - 1]?.text ?? ''
  if (last === '' || last.endsWith(' ') || text.startsWith(' ')) return false
  const previousEnd = (previous.transform[4] ?? 0) + previous.width
  return x - previousEnd > line.height * 0.15
}

/** Lines grouped into paragraphs: a gap taller than a line and a half, or a new font size. */
function paragraphsOf(lines: Line[]): Line[][] {
  const paragraphs: Line[][] = []
  let current: Line[] = []
  let before: Line | null = null
  for (const line of lines) {
    if (before) {
      const gap = before.y - line.y
      const height = Math.max(before.height, line.height)
      const resized = Math.abs(before.height - line.height) > height * 0.2
      if (gap > height * 1.6 || gap < 0 || resized) {
        paragraphs.push(current)
        current = []
      }
    }
    current.push(line)
    before = line
  }
  if (current.length > 0) paragraphs.push(current)
  return paragraphs
}

/** Drops the hyphen at the end of `line` when `next` goes on with the word; says whether it did. */
function dehyphenated(line: Line, next: Line): boolean {
  trimEnd(line.segments)
  const last = line.segments[line.segments.length - 1]
  const first = next.segments.find((segment) => segment.text.trim() !== '')
  if (!last || !first || !STARTS_LOWER.test(first.text.trimStart())) return false
  const before = line.segments[line.segments.length - 2]
  // The hyphen may be an item of its own ("hyphen", "‐"): the letter is then the item before.
  const tail = last.text.length === 1 && before ? before.text + last.text : last.text
  if (!TRAILING_HYPHEN.test(tail)) return false
  last.text = last.text.slice(0, -1)
  return true
}

const TRAILING_SPACE = / +$/
const TRAILING_SPACE_OR_SOFT_HYPHEN = /[ \u00AD]+$/

/** A line never ends in a space (nor, once joined, a soft hyphen): the join decides what follows. */
function trimEnd(segments: Segment[], trailing: RegExp = TRAILING_SPACE): void {
  for (let index = segments.length - 1; index >= 0; index--) {
    const segment = segments[index] as Segment
    segment.text = segment.text.replace(trailing, '')
    if (segment.text !== '') return
  }
}

/**
 * Each page's text joined as the version's text, with where each page starts. A sentence that
 * runs on to the next page stays one sentence (joined by a space, or by nothing after a line-end
 * hyphen), so a quote across a page break reads as it does on paper; otherwise a blank line.
 */
export function joinPages(pages: readonly PageText[]): { text: string; starts: number[] } {
  const starts: number[] = []
  let text = ''
  for (const page of pages) {
    if (text !== '' && page.text !== '') {
      const separator = pageSeparator(text, page.text)
      // A word hyphenated across the page break is one word again: its hyphen goes.
      if (separator === '' && TRAILING_HYPHEN.test(text)) {
        text = text.slice(0, -1)
        // An empty page just before starts where this one does, not past the end.
        for (
          let index = starts.length - 1;
          index >= 0 && (starts[index] ?? 0) > text.length;
          index--
        ) {
          starts[index] = text.length
        }
      } else text += separator
    }
    starts.push(text.length)
    text += page.text
  }
  return { text, starts }
}

const ENDS_SENTENCE = /[.!?:;"”’)\]]$/u

function pageSeparator(before: string, after: string): string {
  if (!STARTS_LOWER.test(after) || ENDS_SENTENCE.test(before)) return '\n\n'
  return TRAILING_HYPHEN.test(before) ? '' : ' '
}
