// The domain of Commonplace: sources, their immutable versions, and clippings that point into them.
// Pure types and pure helpers only; no node:*, electron or DOM.
import type { Anchor } from './anchor'
import type { KeptWording } from './essay'
import type { Locator, SourceLayout } from './layout'

export type SourceKind = 'html' | 'md' | 'txt' | 'pdf' | 'epub'

/** The apps and formats highlights are imported from (see main/core/highlights). */
export type HighlightFormat = 'hypothesis' | 'w3c' | 'kindle' | 'readwise'

/**
 * Where an imported clipping came from, and its note and tags as last imported: a re-import tells
 * a note changed there (incoming differs from `note`) from one edited here (the clipping's differs).
 */
export interface ClippingOrigin {
  format: HighlightFormat
  /** The highlight's id in the app it came from. */
  id: string
  note: string
  tags: string[]
  /** Where in a book, as the file printed it (Kindle, Readwise): used when the source has no pages. */
  page?: string
  location?: string
  /** The words as the file gave them, where the source's own wording at the anchor differs. */
  quote?: string
}

/** What a user may edit about a source; everything else is derived at import. */
export interface SourceMetadata {
  title: string
  author?: string
  siteName?: string
  /** ISO 8601 date or date-time, as the page gave it. */
  publishedAt?: string
  url?: string
  /** A book's or report's publisher, as its file names it. */
  publisher?: string
  /** An ISBN, DOI or other identifier the file gives (EPUB dc:identifier, PDF XMP). */
  identifier?: string
  /**
   * The key the writer's reference manager cites it by (a Better BibTeX key, kept as is): Pandoc
   * exports and bibliographies use it instead of a generated one.
   */
  citationKey?: string
}

export interface SourceVersion {
  /** sha-256 (hex) of `text`: the identity of the version. */
  hash: string
  /** The plain text every selector points into: one `\n\n` between blocks. */
  text: string
  /** Display HTML, sanitized; its blocks' text joined with `\n\n` is exactly `text`. */
  html: string
  importedAt: string
  fileName: string
  /** Pages (PDF) or chapters (EPUB) as offsets into `text`; absent for articles. */
  layout?: SourceLayout
}

export interface Source extends SourceMetadata {
  id: string
  kind: SourceKind
  importedAt: string
  /** Oldest first; the last one is what the reader shows. Versions never change once stored. */
  versions: SourceVersion[]
}

/** What the library index and the sources list carry: no text. */
export interface SourceSummary extends SourceMetadata {
  id: string
  kind: SourceKind
  importedAt: string
  currentVersionHash: string
  /** Made from imported highlights alone (its text is their quotes) until the page is imported. */
  highlightsOnly?: true
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

export interface TextPositionSelector {
  type: 'TextPositionSelector'
  /** UTF-16 code unit offset into the version's text. */
  start: number
  /** Exclusive. */
  end: number
}

export type ClippingTarget = [TextQuoteSelector, TextPositionSelector]

export interface Clipping {
  id: string
  sourceId: string
  /** The source version the selectors were made on. */
  versionHash: string
  createdAt: string
  updatedAt: string
  note: string
  tags: string[]
  target: ClippingTarget
  /** Set when deleted; kept so that undo restores the very same clipping. */
  deletedAt?: string
  /**
   * Where the passage stood in the version `versionHash` names, found when that version was
   * added; recomputed when it is no longer the newest.
   */
  reanchored?: RecordedAnchor
  /** The writer keeps the wording it was clipped with, though the newest version changed it. */
  keptWording?: KeptWording
  /** Set on a clipping imported from highlights (Hypothesis, Kindle…). */
  origin?: ClippingOrigin
}

/** A re-anchoring result, stored with the clipping it belongs to. */
export type RecordedAnchor = Anchor & { versionHash: string }

/** A clipping as the panels and the CLI show it: its source's title, its passage's state. */
export interface ClippingView extends Omit<Clipping, 'reanchored'> {
  sourceTitle: string
  /** Its source as lists name it (a citation takes its attribution from here). */
  source: SourceSummary
  /** Where the passage stands in the newest version of its source. */
  anchor: Anchor
  /** Its page(s) or chapter where the source has them, at `anchor` in the newest version. */
  locator?: Locator
  /** How many essays cite it; filled in where lists show it. */
  citedBy?: number
  /**
   * In search results: where the search matched the quote, as [start, end) offsets into
   * `target[0].exact` itself (not the folded text), sorted and not overlapping.
   */
  highlight?: [number, number][]
}

/** Characters of context kept on each side of a quote (W3C TextQuoteSelector prefix/suffix). */
export const CONTEXT_LENGTH = 32

export function quoteSelectorOf(clipping: Clipping): TextQuoteSelector {
  return clipping.target[0]
}

export function positionSelectorOf(clipping: Clipping): TextPositionSelector {
  return clipping.target[1]
}

/** Builds both selectors for `text.slice(start, end)`. */
export function selectorsAt(text: string, start: number, end: number): ClippingTarget {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ]
}

/** Narrows [start, end) so that a selection never begins or ends in whitespace. */
export function trimRange(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  while (start < end && /\s/.test(text.charAt(start))) start++
  while (end > start && /\s/.test(text.charAt(end - 1))) end--
  return { start, end }
}

/** Every start offset of `quote` in `text` (overlapping occurrences included). */
export function occurrencesOf(text: string, quote: string): number[] {
  const found: number[] = []
  if (quote.length === 0) return found
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at)
  return found
}
