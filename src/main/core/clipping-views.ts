import type { Anchor } from '../../shared/anchor'
import type { Clipping, ClippingView, SourceKind } from '../../shared/domain'
import { locatorAt, type Locator, type SourceLayout } from '../../shared/layout'
import { reanchor } from './anchoring'
import { CommonplaceError } from './errors'
import type { Frozen } from './store/json-store-file'
import type { NotebookStore } from './store/notebook-store'
import type { SourceEntry, SourceFile } from './store/schema'

/** The newest version's text, fetched only if some clipping needs re-anchoring against it. */
export type NewestText = () => Promise<string>

/** A version's pages or chapters, by its hash (the store keeps them with the version's text). */
export type LayoutOf = (versionHash: string) => Promise<Frozen<SourceLayout> | undefined>

/** Versions whose layouts are kept in memory: a few kilobytes each (a span per page). */
const LAYOUTS_KEPT = 2000

/**
 * Each version's layout, kept once read: a page of clippings from many PDFs reads each text once
 * per process, not once per page (the store keeps only a few texts). None when the text cannot be
 * read: the clipping's anchor says what is wrong already.
 */
export function keptLayouts(store: Pick<NotebookStore, 'text'>): LayoutOf {
  const layouts = new Map<string, Frozen<SourceLayout> | null>()
  return async (hash) => {
    const kept = layouts.get(hash)
    if (kept !== undefined) return kept ?? undefined
    let layout: Frozen<SourceLayout> | undefined
    try {
      layout = (await store.text(hash)).layout
    } catch (error) {
      if (error instanceof CommonplaceError) return undefined
      throw error
    }
    // Versions never change, so a kept layout is never stale; the bound only caps memory.
    if (layouts.size >= LAYOUTS_KEPT) layouts.clear()
    layouts.set(hash, layout ?? null)
    return layout
  }
}

/** The store's frozen layout, for the pure functions that only read one (locatorAt). */
export function readOnly(layout: Frozen<SourceLayout> | undefined): SourceLayout | undefined {
  return layout as SourceLayout | undefined
}

/**
 * Only these kinds are imported with pages or chapters: an article's clipping never reads its
 * text for a locator, so lists of articles cost what they did.
 */
const LAID_OUT: ReadonlySet<SourceKind> = new Set(['pdf', 'epub'])

/** A copy of a stored clipping as the panels show it: source title, state in the newest version. */
export async function toClippingView(
  clipping: Frozen<Clipping>,
  newest: string | undefined,
  source: Frozen<SourceEntry>,
  newestText: NewestText,
  layoutOf?: LayoutOf,
): Promise<ClippingView> {
  const [quote, position] = clipping.target
  const { reanchored: _reanchored, origin, ...rest } = clipping
  const anchor = await anchorInNewest(clipping, newest, newestText)
  const locator =
    layoutOf && LAID_OUT.has(source.kind)
      ? await locatorOf(clipping, newest, anchor, layoutOf)
      : originLocator(clipping.origin?.page)
  return {
    ...rest,
    tags: [...clipping.tags],
    ...(origin && { origin: { ...origin, tags: [...origin.tags] } }),
    target: [{ ...quote }, { ...position }],
    sourceTitle: source.title,
    source: { ...source },
    anchor,
    ...(locator && { locator }),
  }
}

/**
 * The page(s) or chapter of the passage where it stands now, in the newest version (a reimport
 * that moved it to another page moves its page); where it is missing there, where it was clipped.
 */
export async function locatorOf(
  clipping: Frozen<Clipping>,
  newest: string | undefined,
  anchor: Anchor,
  layoutOf: LayoutOf,
): Promise<Locator | undefined> {
  if (anchor.state !== 'missing' && newest) {
    return locatorAt(readOnly(await layoutOf(newest)), anchor.start, anchor.end)
  }
  const [, position] = clipping.target
  return locatorAt(readOnly(await layoutOf(clipping.versionHash)), position.start, position.end)
}

/**
 * A clipping made on the newest version is verified where it is; one made on an older version
 * was re-anchored when the newest arrived. Only a record from an older update is worked out anew.
 */
export async function anchorInNewest(
  clipping: Frozen<Clipping>,
  newest: string | undefined,
  newestText: NewestText,
): Promise<Anchor> {
  const [quote, position] = clipping.target
  const recorded = clipping.reanchored
  // An imported highlight is stored on the newest version with the anchor it was found at
  // (it may be changed or missing there): that record, not its own place, says where it stands.
  if (newest && recorded?.versionHash === newest) {
    const { versionHash: _versionHash, ...anchor } = recorded
    return { ...anchor }
  }
  if (!newest || clipping.versionHash === newest) {
    return {
      state: 'verified',
      start: position.start,
      end: position.end,
      exact: quote.exact,
      score: 1,
    }
  }
  return reanchor(quote, position, await newestText())
}

/**
 * The page a book's highlight was imported with (Kindle, Readwise: "12" or "12-13"), where the
 * source has no pages of its own to find it from.
 */
function originLocator(page: string | undefined): Locator | undefined {
  const [first, last] = (page ?? '').split(/\s*[-–]\s*/)
  if (!first) return undefined
  return { pages: { first, last: last || first, index: Math.max(1, Number.parseInt(first) || 1) } }
}

/** The hash of a source's newest version: what its clippings are shown against. */
export function newestVersion(file: Frozen<SourceFile>): string | undefined {
  return file.versions[file.versions.length - 1]?.hash
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
