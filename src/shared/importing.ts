// Importing files as sources: what came of a batch, and how far a long file has got. Part of the
// contract (re-exported from ipc.ts).
import type { SourceSummary } from './domain'

export interface ImportFailure {
  fileName: string
  message: string
}

/** A file that imported, with something the user should know (a PDF without a text layer). */
export interface ImportNotice {
  fileName: string
  message: string
}

export interface ImportReport {
  imported: SourceSummary[]
  failed: ImportFailure[]
  notices?: ImportNotice[]
}

/** How far main has got reading a long file being imported (the pages of a PDF). */
export interface ImportProgress {
  fileName: string
  done: number
  total: number
}
