// What an export carries beside the Markdown a reader sees: the hidden comments that let "Import
// essay" rebuild each citation, and the marks and notes the importer knows to strip.
import type { CitationData, KeptWording } from '../../../shared/essay'

/** What the importer reads back from the comment beside each citation: enough to rebuild it. */
export interface CarriedCitation extends CitationData {
  locator?: string
  comment?: string
  /** What an in-text style wrote before the comment (" (Marsh, 2019, p. 12)"), as a reader sees it. */
  cited?: string
}

export const CITATION_MARK = 'commonplace:citation'
export const INLINE_MARK = 'commonplace:inline'
export const UNVERIFIED_MARK = 'commonplace:unverified'
export const KEPT_MARK = 'commonplace:kept'
/** The note an inline citation gets when its wording was kept; the importer strips it. */
export const KEPT_INLINE_NOTE = 'Wording kept from an earlier version of the source.'
export const REFERENCES_MARK = 'commonplace:references'
/** How an Obsidian export's block ids start: "^cite-1", "^cite-2"…; the importer skips them. */
export const OBSIDIAN_BLOCK_ID = 'cite-'
/** Where a citation that cannot be read was: its quote if it has one, and a note; not imported. */
export const UNREADABLE_MARK = 'commonplace:unreadable'
/** How the note for a citation that cannot be read starts; the importer strips Pandoc's. */
export const UNREADABLE_NOTE = 'Unreadable citation.'

/** JSON inside an HTML comment: "--" would end the comment early, so it is written escaped. */
export function commentWith(mark: string, data: unknown): string {
  return `<!-- ${mark} ${JSON.stringify(data).replace(/--/g, '-\\u002d')} -->`
}

/**
 * Which check belongs to a citation: the same clipping cited twice is checked once, unless the
 * two citations carry different quotes (one of them edited by hand, say).
 */
export function checkKey(citation: CitationData): string {
  return JSON.stringify([
    citation.clippingId,
    citation.sourceId,
    citation.snapshot.exact,
    citation.keptWording?.versionHash ?? null,
  ])
}

/** What the comment beside a citation carries: its clipping, snapshot, locator and comment. */
export function carried(node: CitationData, locator: string, comment: string): CarriedCitation {
  const data: CarriedCitation = {
    clippingId: node.clippingId,
    sourceId: node.sourceId,
    snapshot: node.snapshot,
  }
  if (node.keptWording) data.keptWording = keptWordingOf(node.keptWording)
  if (locator) data.locator = locator
  if (comment) data.comment = comment
  return data
}

function keptWordingOf(kept: KeptWording): KeptWording {
  return { versionHash: kept.versionHash, keptAt: kept.keptAt }
}
