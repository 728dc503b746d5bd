import type { Clipping } from '../../shared/domain'
import { newestVersion } from './clipping-views'
import type { ClippingCatalog } from './derived/clipping-catalog'
import { inParallel } from './in-parallel'
import { readClippingRecords, type BytePlace } from './store/clipping-records'
import type { Frozen } from './store/json-store-file'
import type { NotebookStore } from './store/notebook-store'
import type { SourceEntry } from './store/schema'

/** A clipping of a page, with what its view is made against. */
export interface PageRecord {
  clipping: Frozen<Clipping>
  /** Its source's newest version. */
  newest: string | undefined
  source: Frozen<SourceEntry>
}

type Found = Map<string, Omit<PageRecord, 'source'>>

/**
 * The records of a page of clippings, in the page's order, without deleted ones or ones whose
 * source is no longer listed. Each is read from its own bytes where the catalog knows them: a
 * page of search results spans fifty sources, and reading their whole files was most of its
 * time. A source whose bytes do not check out is read whole, as the store reads it.
 */
export async function pageRecords(
  store: NotebookStore,
  catalog: ClippingCatalog,
  ids: readonly string[],
): Promise<PageRecord[]> {
  const listed = await store.sourcesById()
  const bySource = new Map<string, string[]>()
  for (const id of ids) {
    const sourceId = catalog.sourceOf(id)
    if (!sourceId || !listed.has(sourceId)) continue
    const wanted = bySource.get(sourceId)
    if (wanted) wanted.push(id)
    else bySource.set(sourceId, [id])
  }
  const found: Found = new Map()
  // In parallel, a few at a time: each is an open, a small read per clipping and a close.
  await inParallel([...bySource], 8, async ([sourceId, wanted]) => {
    const records =
      (await fromOwnBytes(store, catalog, sourceId, wanted)) ??
      (await fromFile(store, sourceId, wanted))
    for (const [id, record] of records) found.set(id, record)
  })
  return ids.flatMap((id) => {
    const record = found.get(id)
    const source = record && listed.get(record.clipping.sourceId)
    return record && source && !record.clipping.deletedAt ? [{ ...record, source }] : []
  })
}

/** Null unless every one of them was found where the catalog places it. */
async function fromOwnBytes(
  store: NotebookStore,
  catalog: ClippingCatalog,
  sourceId: string,
  ids: readonly string[],
): Promise<Found | null> {
  const newest = catalog.newestVersionOf(sourceId)
  const places: [string, BytePlace][] = []
  for (const id of ids) {
    const place = catalog.entry(id)?.place
    if (!newest || !place) return null
    places.push([id, place])
  }
  const read = await readClippingRecords(store.sourcePath(sourceId), sourceId, places)
  const found: Found = new Map()
  for (const [id, clipping] of read) {
    if (!clipping) return null
    found.set(id, { clipping, newest })
  }
  return found
}

async function fromFile(
  store: NotebookStore,
  sourceId: string,
  ids: readonly string[],
): Promise<Found> {
  const found: Found = new Map()
  const file = (await store.sourceFiles([sourceId])).get(sourceId)
  if (!file) return found
  const wanted = new Set(ids)
  const newest = newestVersion(file)
  for (const clipping of file.clippings) {
    if (wanted.has(clipping.id)) found.set(clipping.id, { clipping, newest })
  }
  return found
}
