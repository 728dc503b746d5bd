// Exporting an essay: the formats and citation styles, what is asked, and what came of it. Part
// of the contract (re-exported from ipc.ts).
import type { CitationCheck } from './essay'

/** GFM (footnotes), Pandoc ([@key] citations), Obsidian (GFM with callouts and block ids). */
export const EXPORT_FORMATS = ['gfm', 'pandoc', 'obsidian'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The CSL styles shipped with the app, by the names the CLI's --style takes; 'plain' is none. */
export const CITATION_STYLES = ['plain', 'chicago-notes-bibliography', 'apa', 'mla'] as const
export type CitationStyle = (typeof CITATION_STYLES)[number]

export interface ExportRequest {
  essayId: string
  format: ExportFormat
  /** The writer saw the unverified quotes and exports anyway; they are marked in the file. */
  allowUnverified: boolean
  /** GFM's footnotes and References in this style; absent or 'plain': Commonplace's own. */
  style?: CitationStyle
}

/**
 * A problem the quote-integrity gate found: one citation that is not verified, or a block it
 * could not read ('unreadable': `quote` is what words it holds or its kind; the ids are its own
 * when it has them, else empty).
 */
export type CitationProblem = Omit<CitationCheck, 'essayId'>

export type ExportOutcome =
  /** `kept`: quotes whose older wording the writer chose to keep; the file notes each. */
  | { status: 'written'; path: string; unverified: number; kept: CitationProblem[] }
  | { status: 'blocked'; problems: CitationProblem[] }
  | { status: 'cancelled' }
