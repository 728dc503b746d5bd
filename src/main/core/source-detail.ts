// A source as the reader opens it: one version's text, display HTML and layout, with every
// clipping placed in that version or listed as not found there; and the file it was imported from.
import type { ClippingView, SourceSummary } from '../../shared/domain'
import type { SourceDetail, SourceFileData } from '../../shared/ipc'
import type { SourceLayout } from '../../shared/layout'
import { inNewest, onVersion } from './clipping-placement'
import { once, toClippingView, visibleClippings, type LayoutOf } from './clipping-views'
import { notFound } from './errors'
import type { Frozen } from './store/json-store-file'
import type { NotebookStore } from './store/notebook-store'
import type { SourceEntry } from './store/schema'

export function summaryOf(entry: Frozen<SourceEntry>): SourceSummary {
  return { ...entry }
}

export async function sourceDetail(
  store: NotebookStore,
  id: string,
  versionHash?: string,
): Promise<SourceDetail> {
  const entry = await store.entry(id)
  const file = await store.sourceFile(id)
  const newest = file.versions[file.versions.length - 1]
  const version = versionHash
    ? file.versions.find((candidate) => candidate.hash === versionHash)
    : newest
  if (!version || !newest) throw notFound(`That version of “${entry.title}”`)
  const { text, html, layout, file: kept } = await store.text(version.hash)
  const newestText = once(async () => (await store.text(newest.hash)).text)
  const layoutOf: LayoutOf = async (hash) => (await store.text(hash)).layout
  const clippings: ClippingView[] = []
  const unplaced: ClippingView[] = []
  for (const clipping of visibleClippings(file)) {
    const view = await toClippingView(clipping, newest.hash, entry, newestText, layoutOf)
    // An imported highlight not found in the newest text is stored on it, but has no place there.
    const placed =
      clipping.versionHash === version.hash && view.anchor.state !== 'missing'
        ? view
        : version === newest
          ? inNewest(view, text)
          : onVersion(view, { hash: version.hash, text })
    if (placed) clippings.push(placed)
    else unplaced.push(view)
  }
  // Placed where they are now, which need not be the order they were clipped in.
  clippings.sort((a, b) => a.target[1].start - b.target[1].start)
  return {
    source: summaryOf(entry),
    version: {
      hash: version.hash,
      text,
      html,
      importedAt: version.importedAt,
      ...(layout && { layout: structuredClone(layout) as SourceLayout }),
      ...(kept && { file: { mediaType: kept.mediaType, bytes: kept.bytes } }),
    },
    newestVersionHash: newest.hash,
    clippings,
    notFound: unplaced,
  }
}

/** The file a version was imported from, where one is kept (a PDF the reader draws). */
export async function keptFileOf(
  store: NotebookStore,
  id: string,
  versionHash: string,
): Promise<SourceFileData> {
  const file = await store.sourceFile(id)
  const version = file.versions.find((candidate) => candidate.hash === versionHash)
  const kept = version && (await store.text(version.hash)).file
  if (!kept) throw notFound('The imported file of that version')
  const bytes = await store.keptFile(kept.hash)
  return { mediaType: kept.mediaType, base64: bytes.toString('base64') }
}
