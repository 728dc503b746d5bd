// Deleting a source keeps it on disk, marked, the way a deleted clipping or essay is kept: undo
// (or `commonplace restore-source`) brings back the very same source, versions and clippings.
// The index moves its entry from `sources` to `deletedSources`, so every list, lookup and derived
// index that reads `sources` leaves it out, and its clippings with it: their citations verify as
// Missing until it comes back.
import type { SourceSummary } from '../../shared/domain'
import { notFound } from './errors'
import type { NotebookStore } from './store/notebook-store'
import type { SourceEntry } from './store/schema'

/** Marks the source deleted, in its own file and in the index; one transaction. */
export async function markSourceDeleted(
  store: NotebookStore,
  id: string,
  deletedAt: string,
): Promise<SourceSummary> {
  return store.write(async (tx) => {
    const library = await tx.library()
    const at = library.sources.findIndex((source) => source.id === id)
    if (at === -1) throw notFound(`The source "${id}"`)
    // Its own file says so too: `repair` rebuilds the index from the files.
    const file = await tx.source(id)
    file.entry.deletedAt = deletedAt
    const [listed] = library.sources.splice(at, 1) as [SourceEntry]
    library.deletedSources = [
      ...(library.deletedSources ?? []).filter((source) => source.id !== id),
      { ...listed, deletedAt },
    ]
    return summaryWithoutMark(file.entry)
  })
}

/** Brings a deleted source back to its place in the library (import order). */
export async function unmarkSourceDeleted(
  store: NotebookStore,
  id: string,
): Promise<SourceSummary> {
  return store.write(async (tx) => {
    const library = await tx.library()
    const deleted = library.deletedSources ?? []
    const at = deleted.findIndex((source) => source.id === id)
    if (at === -1) throw notFound(`The deleted source "${id}"`)
    const file = await tx.deletedSource(id)
    delete file.entry.deletedAt
    const [listed] = deleted.splice(at, 1) as [SourceEntry]
    delete listed.deletedAt
    if (deleted.length === 0) delete library.deletedSources
    const before = library.sources.findIndex((source) => source.importedAt > listed.importedAt)
    library.sources.splice(before === -1 ? library.sources.length : before, 0, listed)
    return summaryWithoutMark(file.entry)
  })
}

function summaryWithoutMark(entry: SourceEntry): SourceSummary {
  const { deletedAt: _deletedAt, ...summary } = entry
  return { ...summary }
}
