import type { Anchor } from '../../shared/anchor'
import type { Clipping, ClippingView } from '../../shared/domain'
import { reanchor } from './anchoring'
import type { Frozen } from './store/json-store-file'
import type { SourceEntry, SourceFile } from './store/schema'

/** The newest version's text, fetched only if some clipping needs re-anchoring against it. */
export type NewestText = () => Promise<string>

/** A copy of a stored clipping as the panels show it: source title, state in the newest version. */
export async function toClippingView(
  clipping: Frozen<Clipping>,
  file: Frozen<SourceFile>,
  source: Frozen<SourceEntry>,
  newestText: NewestText,
): Promise<ClippingView> {
  const [quote, position] = clipping.target
  const { reanchored: _reanchored, ...rest } = clipping
  return {
    ...rest,
    tags: [...clipping.tags],
    target: [{ ...quote }, { ...position }],
    sourceTitle: source.title,
    source: { ...source },
    anchor: await anchorInNewest(clipping, file, newestText),
  }
}

/**
 * A clipping made on the newest version is verified where it is; one made on an older version
 * was re-anchored when the newest arrived. Only a record from an older update is worked out anew.
 */
export async function anchorInNewest(
  clipping: Frozen<Clipping>,
  file: Frozen<SourceFile>,
  newestText: NewestText,
): Promise<Anchor> {
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
    return { ...anchor }
  }
  return reanchor(quote, position, await newestText())
}

/** A source's clippings that are not deleted, in the order they appear in the text. */
export function visibleClippings(file: Frozen<SourceFile>): Frozen<Clipping>[] {
  return file.clippings
    .filter((clipping) => !clipping.deletedAt)
    .sort((a, b) => a.target[1].start - b.target[1].start)
}

/** Remembers a text once fetched, so a list asks the store at most once per source. */
export function once(fetch: () => Promise<string>): NewestText {
  let text: Promise<string> | null = null
  return () => (text ??= fetch())
}
