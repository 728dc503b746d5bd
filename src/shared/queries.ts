// What the renderer asks main for and gets back about sources and clippings: queries, pages of
// results, a source's detail. Part of the contract (re-exported by ipc.ts).
import type { ClippingView, SourceSummary } from './domain'
import type { SourceLayout } from './layout'

export interface SourceDetail {
  source: SourceSummary
  /** `importedAt`: when this version was added (the reader names an older one by it). */
  version: {
    hash: string
    text: string
    html: string
    importedAt?: string
    /** Pages or chapters of `text` (PDF, EPUB); absent for articles. */
    layout?: SourceLayout
    /**
     * The imported file itself is kept (a PDF, drawn page by page from it): fetch it with
     * `getSourceFile`. Absent when the reader shows `html`.
     */
    file?: { mediaType: string; bytes: number }
  }
  /** When `version` is older than this, the reader says so. */
  newestVersionHash: string
  /** This source's clippings that have a place in `version`, in text order, at that place. */
  clippings: ClippingView[]
  /** Its clippings that have none: the reader lists them ("not found in this version"). */
  notFound: ClippingView[]
}

export interface SourceFileData {
  mediaType: string
  base64: string
}

export interface ClippingQuery {
  sourceId?: string
  search?: string
  /** Only clippings with this tag. */
  tag?: string
  /** How many at most (the app pages by 50); all of them when absent. */
  limit?: number
  /** The `next` of the page before. */
  cursor?: string
  /**
   * Each source's clippings together (newest first), the source clipped from most recently
   * first; a search ignores it (best match first).
   */
  bySource?: boolean
  /** With `bySource`: sources whose clippings are left out (their groups are collapsed). */
  collapsed?: string[]
}

/** One source's group in a list grouped by source: the counts come from main's catalog. */
export interface ClippingGroup {
  sourceId: string
  title: string
  count: number
}

/** One page of a list; `total` is how many the whole list holds. */
export interface Page<T> {
  items: T[]
  total: number
  /** Pass as `cursor` for the next page; null at the end. */
  next: string | null
}

/** A search of the sources' own text (`searchSources`). */
export interface SourceTextQuery {
  query: string
  /** How many sources at most (20 when absent). */
  limit?: number
}

/** The first place in one source's newest text where a source search matched. */
export interface SourceTextHit {
  sourceId: string
  title: string
  /** Where the match is in the newest version's text: UTF-16 offsets, end exclusive. */
  start: number
  end: number
  /** The text around it, from the original: before + match + after is what the list shows. */
  snippet: { before: string; match: string; after: string }
}

export interface SourceQuery {
  limit?: number
  cursor?: string
}

export interface NewClipping {
  sourceId: string
  /** Offsets into the current version's text; main derives the quote itself. */
  start: number
  end: number
  note?: string
  tags?: string[]
}

export interface ClippingEdit {
  id: string
  note?: string
  tags?: string[]
}

/** A file that could not be loaded: it is left untouched on disk and reported. */
export interface LoadProblem {
  file: string
  message: string
}
