import type { CitationData } from '../../../shared/essay'

/**
 * What the essay pane may ask of an open editor. Kept free of Lexical so the pane (in the main
 * bundle) does not pull the editor in: the editor loads only when an essay opens.
 */
export interface EssayEditorHandle {
  /** Inserts a citation block at the caret and focuses the essay. */
  cite(data: CitationData): void
}
