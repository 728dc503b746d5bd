import type { Clipping, ClippingView } from '../../shared/domain'
import type { SourceFile } from './store/schema'

export function toClippingView(clipping: Clipping, sourceTitle: string): ClippingView {
  return { ...clipping, sourceTitle }
}

/** A source's clippings that are not deleted, in the order they appear in the text. */
export function visibleClippings(file: SourceFile): Clipping[] {
  return file.clippings
    .filter((clipping) => !clipping.deletedAt)
    .sort((a, b) => a.target[1].start - b.target[1].start)
}
