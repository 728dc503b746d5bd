// Where an imported highlight goes in a source's text: found there with the same re-anchoring a
// new version of a source gets (anchoring.ts), or, for a source made from highlights alone, at
// its own quote in the text those quotes make.
import type { Anchor } from '../../../shared/anchor'
import {
  selectorsAt,
  type Clipping,
  type ClippingTarget,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../../../shared/domain'
import { reanchor } from '../anchoring'
import type { HighlightRecord } from './highlight-record'

/** What a new clipping takes from where its highlight was found. */
export interface Placement {
  target: ClippingTarget
  anchor: Anchor
  /** Recorded with the clipping when the passage is not simply there (changed, missing). */
  reanchored?: Clipping['reanchored']
  /** The file's own words, kept where the text at the anchor words them otherwise. */
  quote?: string
}

/** The words as the file gives them, trimmed the way a clipping's quote is. */
export function quoteOf(record: HighlightRecord): string {
  return record.quote.trim()
}

/**
 * Finds the highlight in `text` (the newest version, named `versionHash`). A position from the
 * file counts in the other app's text, not this one, so it only breaks ties: the words found with
 * their context are verified, not "moved" from a place they never had here.
 */
export function placeRecord(record: HighlightRecord, text: string, versionHash: string): Placement {
  const exact = quoteOf(record)
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact,
    prefix: record.prefix ?? '',
    suffix: record.suffix ?? '',
  }
  const guess = record.position?.start ?? Math.max(0, text.indexOf(exact))
  const position: TextPositionSelector = {
    type: 'TextPositionSelector',
    start: guess,
    end: guess + exact.length,
  }
  const found = reanchor(quote, position, text)
  if (found.state === 'missing') {
    return {
      target: [quote, { type: 'TextPositionSelector', start: 0, end: 0 }],
      anchor: found,
      reanchored: { ...found, versionHash },
    }
  }
  const anchor: Anchor = found.state === 'moved' ? { ...found, state: 'verified' } : found
  const target = selectorsAt(text, anchor.start, anchor.end)
  if (anchor.state === 'verified') return { target, anchor }
  return { target, anchor, reanchored: { ...anchor, versionHash }, quote: exact }
}

/**
 * The text of a source made from highlights: each distinct quote once, in the file's order, one
 * `\n\n` between them (the reader's block separator), so each clipping verifies against it.
 * `before` is the text it had (new quotes are added after it, so earlier clippings keep their place).
 */
export function highlightsText(before: string, records: readonly HighlightRecord[]): string {
  const blocks = before === '' ? [] : [before]
  for (const record of records) {
    const quote = quoteOf(record)
    if (!before.includes(quote) && !blocks.includes(quote)) blocks.push(quote)
  }
  return blocks.join('\n\n')
}

/** Display HTML whose blocks' text, joined with `\n\n`, is exactly `text`. */
export function highlightsHtml(text: string): string {
  return text
    .split('\n\n')
    .map((block) => `<p>${escapeHtml(block)}</p>`)
    .join('\n')
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`)
}
