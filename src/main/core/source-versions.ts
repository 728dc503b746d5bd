// The versions list of a source: each version with what changed from the one before it, in words
// and in what became of the clippings made on earlier versions. Worked out on request (a source
// has a handful of versions); nothing is stored, since it follows from the immutable texts.
import { ANCHOR_STATES, countStates } from '../../shared/anchor'
import type { SourceVersionSummary } from '../../shared/ipc'
import { offsetMapper } from './offset-map'
import { reanchorAll } from './reanchoring'
import type { Frozen } from './store/json-store-file'
import type { SourceFile } from './store/schema'

/** A word: letters, marks and digits, an apostrophe between letters kept inside (src/shared/words.ts). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu

export function countWords(text: string): number {
  let count = 0
  for (const _word of text.matchAll(WORD)) count++
  return count
}

/** Words in the older text's changed stretches (removed) and in the newer one's (added). */
export async function wordChanges(
  oldText: string,
  newText: string,
): Promise<{ wordsAdded: number; wordsRemoved: number }> {
  const offsetMapBetween = await offsetMapper()
  let wordsAdded = 0
  let wordsRemoved = 0
  for (const change of offsetMapBetween(oldText, newText).changes()) {
    wordsRemoved += countWords(oldText.slice(change.oldStart, change.oldEnd))
    wordsAdded += countWords(newText.slice(change.newStart, change.newEnd))
  }
  return { wordsAdded, wordsRemoved }
}

/**
 * Newest first. `textOf` reads a version's text (null when it cannot be read: that version's
 * change is then left out rather than guessed).
 */
export async function versionSummaries(
  file: Frozen<SourceFile>,
  textOf: (hash: string) => Promise<string | null>,
): Promise<SourceVersionSummary[]> {
  const live = file.clippings.filter((clipping) => !clipping.deletedAt)
  const indexOf = new Map(file.versions.map((version, index) => [version.hash, index]))
  const summaries: SourceVersionSummary[] = []
  let previousText: string | null = null
  for (const [index, version] of file.versions.entries()) {
    const text = await textOf(version.hash)
    const summary: SourceVersionSummary = {
      hash: version.hash,
      importedAt: version.importedAt,
      fileName: version.fileName,
      newest: index === file.versions.length - 1,
      clippedHere: live.filter((clipping) => clipping.versionHash === version.hash).length,
    }
    if (index > 0 && text !== null && previousText !== null) {
      // The clippings that were there when this version arrived: made on an earlier one.
      const earlier = live.filter((clipping) => (indexOf.get(clipping.versionHash) ?? 0) < index)
      // Where the update that added this version placed them is kept with each clipping (for the
      // newest version): the same states the lists show, and no need to re-anchor those again.
      const recorded = earlier.flatMap((clipping) =>
        clipping.reanchored?.versionHash === version.hash ? [clipping.reanchored] : [],
      )
      const rest = earlier.filter((clipping) => clipping.reanchored?.versionHash !== version.hash)
      const anchors = await reanchorAll(rest, text, textOf)
      summary.change = {
        ...(await wordChanges(previousText, text)),
        clippings: countStates(ANCHOR_STATES, [...recorded, ...anchors.values()]),
      }
    }
    summaries.push(summary)
    previousText = text
  }
  return summaries.reverse()
}
