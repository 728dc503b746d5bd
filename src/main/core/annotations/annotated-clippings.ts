// The clippings an annotation export writes, each with where its passage stands NOW: selectors on
// the newest version of its source, so that another tool finds the passage in the page as it is
// today, not as it was when it was clipped.
import {
  CONTEXT_LENGTH,
  type ClippingView,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../../../shared/domain'
import { keptLayouts, once, toClippingView, visibleClippings } from '../clipping-views'
import { CommonplaceError } from '../errors'
import type { Frozen } from '../store/json-store-file'
import type { NotebookStore } from '../store/notebook-store'
import type { SourceEntry } from '../store/schema'
import { isWebLink } from '../../../shared/urls'

export interface AnnotatedClipping {
  clipping: ClippingView
  /** The source as the library lists it now. */
  source: Frozen<SourceEntry>
  /** The passage's words and context in the newest version (or, when missing there, as clipped). */
  quote: TextQuoteSelector
  /** Its offsets in the newest version; absent when the passage is missing from it. */
  position?: TextPositionSelector
  /** 1-based place of the clipping in its source's text, for formats that order by it. */
  order: number
}

/**
 * Every clipping of the library (or of one source), source by source in library order, each
 * source's in text order. Deleted clippings and the clippings of deleted sources are left out: the
 * store lists neither. A source whose file cannot be read is skipped (the store reports it).
 */
export async function annotatedClippings(
  store: NotebookStore,
  sourceId?: string,
): Promise<AnnotatedClipping[]> {
  const entries = sourceId ? [await store.entry(sourceId)] : await store.sources()
  const layoutOf = keptLayouts(store)
  const annotated: AnnotatedClipping[] = []
  for (const entry of entries) {
    let file
    try {
      file = await store.sourceFile(entry.id)
    } catch (error) {
      if (error instanceof CommonplaceError && !sourceId) continue
      throw error
    }
    const newest = file.versions[file.versions.length - 1]
    const newestText = once(async () => (newest ? (await store.text(newest.hash)).text : ''))
    let order = 0
    for (const stored of visibleClippings(file)) {
      const clipping = await toClippingView(stored, newest?.hash, entry, newestText, layoutOf)
      const placed = await placeNow(clipping, newestText)
      annotated.push({ clipping, source: entry, ...placed, order: ++order })
    }
  }
  return annotated
}

async function placeNow(
  clipping: ClippingView,
  newestText: () => Promise<string>,
): Promise<Pick<AnnotatedClipping, 'quote' | 'position'>> {
  const { anchor } = clipping
  const [clipped, position] = clipping.target
  if (anchor.state === 'missing') return { quote: { ...clipped } }
  // Clipped on the newest version: its own selectors say it all, without reading the text.
  if (clipping.versionHash === clipping.source.currentVersionHash) {
    return { quote: { ...clipped }, position: { ...position } }
  }
  const text = await newestText()
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: anchor.exact,
      prefix: text.slice(Math.max(0, anchor.start - CONTEXT_LENGTH), anchor.start),
      suffix: text.slice(anchor.end, anchor.end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start: anchor.start, end: anchor.end },
  }
}

/** The source's own address when it has a web one, else an IRI naming it in this notebook. */
export function sourceIri(source: Pick<SourceEntry, 'id' | 'url'>): string {
  const url = source.url?.trim()
  return url && isWebLink(url) ? url : `urn:commonplace:source:${source.id}`
}

/** A clipping's stable IRI: the same on every export, so a tool that imported it recognises it. */
export function clippingIri(clippingId: string): string {
  return `urn:commonplace:clipping:${clippingId}`
}
