// What importing a highlights file did, as the CLI prints it and the app's notice says it.
import type { AnchorState, StateCounts } from './anchor'
import type { HighlightFormat, SourceSummary } from './domain'

/** A note or tags changed both here and in the app it came from: the user's stay, both are kept. */
export interface HighlightConflict {
  clippingId: string
  field: 'note' | 'tags'
  /** What the clipping holds (the user's edit, kept). */
  here: string
  /** What the file says now (kept as the clipping's origin, shown here). */
  there: string
}

export interface HighlightsImportReport {
  fileName: string
  format: HighlightFormat
  /** New clippings made from highlights not imported before. */
  created: number
  /** Clippings imported before whose note or tags changed in the app they came from. */
  updated: number
  /** Highlights imported before with nothing new (a re-import of the same file: all of them). */
  unchanged: number
  conflicts: HighlightConflict[]
  /** Where the new clippings were found in their sources' text. */
  anchored: StateCounts<AnchorState>
  /** Sources made from highlights alone, because their page or book is not in the library. */
  sourcesCreated: SourceSummary[]
  /** Records the file has that could not be read, each named by its line or index. */
  refused: { where: string; message: string }[]
  /** Entries that are not highlights (page notes, bookmarks), left out on purpose. */
  skipped: { where: string; message: string }[]
}

/** "12 highlights imported: 10 verified, 1 changed, 1 missing; 1 conflict kept" */
export function describeHighlightsImport(report: HighlightsImportReport): string {
  const states = (Object.entries(report.anchored) as [AnchorState, number][])
    .filter(([, count]) => count > 0)
    .map(([state, count]) => `${count} ${state}`)
  const parts = [
    `${report.created} highlight${report.created === 1 ? '' : 's'} imported` +
      (states.length > 0 ? `: ${states.join(', ')}` : ''),
  ]
  if (report.updated > 0) parts.push(`${report.updated} updated`)
  if (report.unchanged > 0) parts.push(`${report.unchanged} unchanged`)
  if (report.conflicts.length > 0)
    parts.push(
      `${report.conflicts.length} conflict${report.conflicts.length === 1 ? '' : 's'} kept`,
    )
  if (report.refused.length > 0) parts.push(`${report.refused.length} refused`)
  if (report.skipped.length > 0) parts.push(`${report.skipped.length} skipped`)
  return parts.join('; ')
}
