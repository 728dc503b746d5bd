// What every highlights importer (Hypothesis, W3C Web Annotation, Kindle, Readwise) turns its
// file into: one record per highlight, in the file's own terms, before anything is matched to a
// source or stored. Parsers produce these; the highlights import service (import-highlights.ts)
// matches, anchors and stores them, the same way for every format.

import type { HighlightFormat } from '../../../shared/domain'

// Declared once in the domain (a clipping's origin names it too).
export type { HighlightFormat }

/** Where the highlight was made: the page or book it belongs to, as the file names it. */
export interface HighlightDocument {
  title: string
  author?: string
  /** The page's address (Hypothesis, W3C, Readwise articles). */
  url?: string
  /** A book's identifier where the file gives one (Readwise's Amazon Book ID, an ASIN). */
  identifier?: string
}

export interface HighlightRecord {
  format: HighlightFormat
  /**
   * The highlight's identity in the app it came from (Hypothesis's id, the annotation's IRI, a
   * hash of a Kindle entry's book, location and text): a re-import finds the clipping it made.
   */
  originId: string
  document: HighlightDocument
  /** The highlighted words, exactly as the file gives them. */
  quote: string
  /** Context around the quote, where the file has it (W3C TextQuoteSelector prefix/suffix). */
  prefix?: string
  suffix?: string
  /** Offsets in the page's text, where the file has them (W3C TextPositionSelector). */
  position?: { start: number; end: number }
  note: string
  tags: string[]
  /** ISO 8601, when the file says when the highlight was made. */
  createdAt?: string
  /** Where in a book: its page and Kindle location, as printed ("12", "1406-1410"). */
  page?: string
  location?: string
}

/** A file's records, and the records it could not read, each named by its line or index. */
export interface ParsedHighlights {
  records: HighlightRecord[]
  /** "line 14: no highlighted text", "annotation 3: target has no selector" */
  refused: { where: string; message: string }[]
  /** Entries that are not highlights and are left out on purpose (a page note, a bookmark). */
  skipped?: { where: string; message: string }[]
}
