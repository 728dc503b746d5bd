// An essay's citations formatted by a CSL style before the essay is written: a note style's "Ibid."
// and short forms depend on every citation before, so all are formatted at once, in reading
// order, and the exporter takes them one by one as it meets them.
import { citationsIn, type Essay } from '../../../../shared/essay'
import type { VerifiedCitation } from '../../verification'
import { readCitation } from '../citation-reading'
import { checkKey } from '../export-essay'
import type { CslRenderer, FormattedCitation } from './engine'

export interface StyledCitations {
  readonly isNoteStyle: boolean
  /** The next readable citation's formatted text, in the order the exporter meets them. */
  next(): FormattedCitation
  bibliography(): string[]
}

export function styledCitations(
  essay: Essay,
  checks: Map<string, VerifiedCitation>,
  renderer: CslRenderer,
): StyledCitations {
  // Every citation, read or not, has a footnote in a note style: its place is its note number.
  const cites = citationsIn(essay.editorState).flatMap((node, index) => {
    const reading = readCitation(node)
    if (!reading.readable) return []
    const check = checks.get(checkKey(reading.citation))
    if (!check) return []
    return [{ sourceId: check.source.id, locator: reading.citation.locator, noteIndex: index + 1 }]
  })
  const formatted = renderer.citations(cites)
  let at = 0
  return {
    isNoteStyle: renderer.isNoteStyle,
    next: () => formatted[at++] ?? { markdown: '', text: '' },
    bibliography: () => renderer.bibliography(),
  }
}
