// A re-import re-anchors every clipping of a source: each older version the clippings were made
// on is diffed against the new text once, and every clipping of it is mapped through that diff.
import type { Anchor } from '../../shared/anchor'
import type { TextPositionSelector, TextQuoteSelector } from '../../shared/domain'
import { reanchor } from './anchoring'
import { indexedFinder } from './needle-finder'
import { offsetMapper, type OffsetMap } from './offset-map'

interface Anchorable {
  id: string
  versionHash: string
  target: readonly [TextQuoteSelector, TextPositionSelector]
}

/**
 * Each clipping's place in `newText`. `textOf` reads an older version's text (null when it cannot
 * be read: those clippings are re-anchored by search alone, as before).
 */
export async function reanchorAll(
  clippings: readonly Anchorable[],
  newText: string,
  textOf: (versionHash: string) => Promise<string | null>,
): Promise<Map<string, Anchor>> {
  const offsetMapBetween = await offsetMapper()
  const maps = new Map<string, OffsetMap | undefined>()
  const anchors = new Map<string, Anchor>()
  // Built once: every clipping looks for pieces of its quote in the same new text.
  const finder = indexedFinder(newText)
  for (const clipping of clippings) {
    if (!maps.has(clipping.versionHash)) {
      const oldText = await textOf(clipping.versionHash)
      maps.set(
        clipping.versionHash,
        oldText === null ? undefined : offsetMapBetween(oldText, newText),
      )
    }
    const [quote, position] = clipping.target
    const offsets = maps.get(clipping.versionHash)
    anchors.set(clipping.id, reanchor(quote, position, newText, { offsets, finder }))
  }
  return anchors
}
