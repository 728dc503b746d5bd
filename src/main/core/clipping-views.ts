import type { Anchor } from '../../shared/anchor'
import type { Clipping, ClippingView } from '../../shared/domain'
import { reanchor } from './anchoring'
import type { SourceFile } from './store/schema'

/** A clipping with its source's title and where its passage stands in the newest version. */
export function toClippingView(
  clipping: Clipping,
  file: SourceFile,
  sourceTitle: string,
): ClippingView {
  const { reanchored: _reanchored, ...rest } = clipping
  return { ...rest, sourceTitle, anchor: anchorInNewest(clipping, file) }
}

/**
 * A clipping made on the newest version is verified where it is; one made on an older version
 * was re-anchored when the newest arrived. Only a record from an older update is worked out anew.
 */
export function anchorInNewest(clipping: Clipping, file: SourceFile): Anchor {
  const newest = file.versions[file.versions.length - 1]
  const [quote, position] = clipping.target
  if (!newest || clipping.versionHash === newest.hash) {
    return {
      state: 'verified',
      start: position.start,
      end: position.end,
      exact: quote.exact,
      score: 1,
    }
  }
  const recorded = clipping.reanchored
  if (recorded?.versionHash === newest.hash) {
    const { versionHash: _versionHash, ...anchor } = recorded
    return anchor
  }
  return reanchor(quote, position, newest.text)
}

/** A source's clippings that are not deleted, in the order they appear in the text. */
export function visibleClippings(file: SourceFile): Clipping[] {
  return file.clippings
    .filter((clipping) => !clipping.deletedAt)
    .sort((a, b) => a.target[1].start - b.target[1].start)
}
