// Where a stretch of a version's text stood in the document it came from: the pages of a PDF, the
// chapters (and printed pages) of a book. Kept with the version as offsets into its text, so a
// clipping's page is found from its place, and moves with it when a newer version re-anchors it.
// Pure: no node:*, electron or DOM.

/** [start, end) in UTF-16 code units of the version's text, like a TextPositionSelector. */
export interface TextSpan {
  start: number
  end: number
}

export interface PageSpan extends TextSpan {
  /** The page as a reader names it: its printed label where the file has one, else 1, 2, 3… */
  label: string
}

export interface ChapterSpan extends TextSpan {
  title: string
}

/** Absent for articles; a PDF has pages, a book chapters and, where it says so, printed pages. */
export interface SourceLayout {
  pages?: PageSpan[]
  chapters?: ChapterSpan[]
}

/** Where a passage is, as a citation names it. */
export interface Locator {
  /** The first and last page the passage touches (the same page for most quotes). */
  pages?: {
    first: string
    last: string
    /** The first page's place in the file, from 1. */ index: number
  }
  chapter?: { number: number; title: string }
}

/** The spans of `spans` that [start, end) touches, in order (an empty passage touches the one it is in). */
function touched<T extends TextSpan>(spans: readonly T[], start: number, end: number): T[] {
  const last = Math.max(start, end - 1)
  return spans.filter((span) => span.start <= last && span.end > start)
}

/** The page(s) and chapter of the passage [start, end); undefined when the layout names neither. */
export function locatorAt(
  layout: SourceLayout | undefined,
  start: number,
  end: number,
): Locator | undefined {
  if (!layout) return undefined
  const locator: Locator = {}
  const pages = touched(layout.pages ?? [], start, end)
  const firstPage = pages[0]
  const lastPage = pages[pages.length - 1]
  if (firstPage && lastPage) {
    const index = (layout.pages ?? []).indexOf(firstPage) + 1
    locator.pages = { first: firstPage.label, last: lastPage.label, index }
  }
  const chapters = layout.chapters ?? []
  const chapter = touched(chapters, start, end)[0]
  if (chapter) locator.chapter = { number: chapters.indexOf(chapter) + 1, title: chapter.title }
  return locator.pages || locator.chapter ? locator : undefined
}

/**
 * What a citation writes for it, in the terms Pandoc and CSL read as locators: "p. 12",
 * "pp. 4–5", or "chap. 3" for a book without printed pages. Empty when there is nothing to say.
 */
export function locatorLabel(locator: Locator | undefined): string {
  if (locator?.pages) {
    const { first, last } = locator.pages
    return first === last ? `p. ${first}` : `pp. ${first}–${last}`
  }
  if (locator?.chapter) return `chap. ${locator.chapter.number}`
  return ''
}

/**
 * The W3C Web Annotation selector that names the page, per RFC 3778 (PDF fragment identifiers,
 * which count pages from 1 in file order, whatever is printed on them): how another annotation
 * tool finds the page without our text.
 */
export function pageFragmentSelector(
  locator: Locator | undefined,
): { type: 'FragmentSelector'; conformsTo: string; value: string } | undefined {
  const page = locator?.pages?.index
  if (page === undefined) return undefined
  return {
    type: 'FragmentSelector',
    conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
    value: `page=${page}`,
  }
}
