// Where a quote typed at the terminal stands in a source's text. A PDF's text is what pdf.js gave,
// spelled out (ligatures, soft hyphens, line ends): a quote copied from another PDF viewer is
// normalized the same way, and any run of white space in it matches any run in the text (a line
// end, a paragraph or a page break). `--page` and `--chapter` keep only the occurrences there.
import type { SourceKind } from '../../shared/domain'
import { occurrencesOf } from '../../shared/domain'
import { locatorAt, locatorLabel, type SourceLayout, type TextSpan } from '../../shared/layout'
import { normalizePdfText } from '../../shared/pdf-text'
import { quoted } from '../../shared/quoted'
import { ambiguousMessage, quoteNotFoundMessage } from './clipping-messages'
import { CommonplaceError } from './errors'

/** Where the writer says the passage is: a page by its label or place, a chapter by number. */
export interface QuotePlace {
  page?: string
  chapter?: number
}

/** A clipping asked for by its words (the CLI's `clip --quote`), placed under the lock. */
export interface QuoteClipRequest extends QuotePlace {
  sourceId: string
  quote: string
  /** 1-based; picks among several occurrences of the quote. */
  occurrence?: number
  note?: string
  tags?: string[]
}

/**
 * The one place of `quote` in a source's newest text: on the page or in the chapter named, the
 * `occurrence`-th (from 1) when it occurs more than once. Refuses when it is absent or ambiguous,
 * showing each candidate (with its page) so the writer can choose.
 */
export function placeQuote(
  text: string,
  quote: string,
  layout: SourceLayout | undefined,
  source: { kind: SourceKind; title: string },
  request: QuotePlace & { occurrence?: number },
): TextSpan {
  const matches = quoteMatches(text, quote, source.kind)
  if (matches.length === 0) {
    throw new CommonplaceError('not-found', quoteNotFoundMessage(text, quote))
  }
  const found = matchesAt(matches, layout, request, source.title)
  const chosen = request.occurrence
  const match =
    chosen === undefined ? (found.length === 1 ? found[0] : undefined) : found[chosen - 1]
  if (match === undefined) {
    const starts = found.map((candidate) => candidate.start)
    const placeOf = (at: number): string => {
      const label = locatorLabel(locatorAt(layout, at, at + 1))
      return label ? `${label}  ` : ''
    }
    throw new CommonplaceError(
      'invalid-argument',
      ambiguousMessage(text, quote, starts, chosen, placeOf),
    )
  }
  return match
}

/** Every place `quote` occurs in `text`, overlapping ones included, in order. */
export function quoteMatches(text: string, quote: string, kind: SourceKind): TextSpan[] {
  if (kind !== 'pdf') {
    return occurrencesOf(text, quote).map((start) => ({ start, end: start + quote.length }))
  }
  const words = normalizePdfText(quote).trim().split(' ').filter(Boolean)
  if (words.length === 0) return []
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gu')
  const found: TextSpan[] = []
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    found.push({ start: match.index, end: match.index + match[0].length })
    pattern.lastIndex = match.index + 1
  }
  return found
}

/** The syntax characters escaped, and nothing else (a needless escape is an error with `u`). */
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}

/**
 * The matches on the page or in the chapter the writer named; all of them when none was named.
 * Refuses, naming the source, when it has no such pages or the quote is not there.
 */
export function matchesAt(
  matches: TextSpan[],
  layout: SourceLayout | undefined,
  place: QuotePlace,
  title: string,
): TextSpan[] {
  let span: TextSpan | undefined
  let named = ''
  if (place.page !== undefined) {
    span = pageSpan(layout, place.page, title)
    named = `on page ${place.page}`
  } else if (place.chapter !== undefined) {
    span = chapterSpan(layout, place.chapter, title)
    named = `in chapter ${place.chapter}`
  }
  if (!span) return matches
  const within = span
  const there = matches.filter((match) => match.start >= within.start && match.start < within.end)
  if (there.length === 0) {
    const elsewhere = [
      ...new Set(matches.map((match) => locatorLabel(locatorAt(layout, match.start, match.end)))),
    ].filter(Boolean)
    const where = elsewhere.length > 0 ? ` It occurs at ${elsewhere.join(', ')}.` : ''
    throw new CommonplaceError(
      'not-found',
      `The quote does not occur ${named} of “${title}”.${where}`,
    )
  }
  return there
}

function pageSpan(layout: SourceLayout | undefined, page: string, title: string): TextSpan {
  const pages = layout?.pages ?? []
  const first = pages[0]
  const last = pages[pages.length - 1]
  if (!first || !last) {
    throw new CommonplaceError(
      'invalid-argument',
      `“${title}” has no pages (only PDFs and books that print their page numbers do); leave out --page.`,
    )
  }
  // A printed label first ("xii", "12"); else the page's place in the file, from 1.
  const byIndex = /^\d+$/.test(page) ? pages[Number(page) - 1] : undefined
  const found = pages.find((candidate) => candidate.label === page) ?? byIndex
  if (!found) {
    throw new CommonplaceError(
      'invalid-argument',
      `“${title}” has no page ${quoted(page)}: its ${pages.length} pages run from ${first.label} to ${last.label}.`,
    )
  }
  return found
}

function chapterSpan(layout: SourceLayout | undefined, chapter: number, title: string): TextSpan {
  const chapters = layout?.chapters ?? []
  if (chapters.length === 0) {
    throw new CommonplaceError(
      'invalid-argument',
      `“${title}” has no chapters (only books do); leave out --chapter.`,
    )
  }
  const found = chapters[chapter - 1]
  if (!found) {
    throw new CommonplaceError(
      'invalid-argument',
      `“${title}” has no chapter ${chapter}: it has ${chapters.length}.`,
    )
  }
  return found
}
