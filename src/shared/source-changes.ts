// What updating a source changed, and the versions it has: part of the contract (see ipc.ts).
import type { AnchorState, StateCounts } from './anchor'
import type { SourceSummary } from './domain'

/** One version of a source, as the versions list shows it (`listSourceVersions`). */
export interface SourceVersionSummary {
  hash: string
  importedAt: string
  fileName: string
  /** The version the reader shows by default. */
  newest: boolean
  /** Clippings made on this version (and not moved to a later one). */
  clippedHere: number
  /** What changed from the version before; absent for the first version. */
  change?: {
    wordsAdded: number
    wordsRemoved: number
    /** Where the clippings of earlier versions stand in this one. */
    clippings: StateCounts<AnchorState>
  }
}

/** A clipping whose passage an update changed or lost: the update's summary names it. */
export interface AffectedClipping {
  clippingId: string
  /** The words it was clipped with. */
  quote: string
  state: 'changed' | 'missing'
}

/** What updating a source did to its clippings: how many ended in each state, and which. */
export interface ReimportSummary {
  source: SourceSummary
  counts: StateCounts<AnchorState>
  /** The changed and missing ones, in text order of the version they were clipped from. */
  affected: AffectedClipping[]
}
