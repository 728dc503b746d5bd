// Where a clipping made on another version of its source is shown in the version the reader
// has open.
import type { ClippingView } from '../../shared/domain'
import { selectorsAt } from '../../shared/domain'
import { reanchor } from './anchoring'

/**
 * A clipping of an older version, where that version has its very words (verified or moved);
 * null if nowhere: a changed or missing passage is not highlighted over other words.
 */
export function onVersion(
  view: ClippingView,
  version: { hash: string; text: string },
): ClippingView | null {
  const anchor = reanchor(view.target[0], view.target[1], version.text)
  if (anchor.state !== 'verified' && anchor.state !== 'moved') return null
  return {
    ...view,
    versionHash: version.hash,
    target: selectorsAt(version.text, anchor.start, anchor.end),
  }
}

/**
 * A clipping of an older version, where re-anchoring placed it in the newest one: a changed
 * passage too, at its new wording (its `anchor` still says what changed); null when missing.
 */
export function inNewest(view: ClippingView, newestText: string): ClippingView | null {
  const { anchor } = view
  if (anchor.state === 'missing') return null
  return {
    ...view,
    versionHash: view.source.currentVersionHash,
    target: selectorsAt(newestText, anchor.start, anchor.end),
  }
}
