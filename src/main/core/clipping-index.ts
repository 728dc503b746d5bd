import type { NotebookChange } from '../../shared/ipc'
import { ClippingSearch } from './clipping-search'
import { CommonplaceError } from './errors'
import type { NotebookStore } from './store/notebook-store'

/**
 * Where each clipping lives and the full-text index of them, built on first need (a search, a
 * clipping looked up by id) by reading every source once, then kept current: by the service after
 * its own writes, and source by source when the store reports what other processes changed.
 */
export class ClippingIndex {
  readonly search = new ClippingSearch()
  private readonly sourceOf = new Map<string, string>()
  private readonly bySource = new Map<string, Set<string>>()
  private readonly stale = new Set<string>()
  private built: Promise<void> | null = null

  constructor(private readonly store: NotebookStore) {
    store.onChange((change) => this.forget(change))
  }

  /** The source holding a clipping (deleted ones included), after catching up with the disk. */
  async sourceIdOf(clippingId: string): Promise<string | undefined> {
    await this.ready()
    return this.sourceOf.get(clippingId)
  }

  async ready(): Promise<void> {
    await this.store.catchUp()
    if (!this.built) {
      this.stale.clear()
      this.built = this.buildAll()
    }
    await this.built
    for (const sourceId of [...this.stale]) {
      this.stale.delete(sourceId)
      await this.reindex(sourceId)
    }
  }

  /** After this process changed a source: bring its clippings up to date, if the index exists. */
  async refresh(sourceId: string): Promise<void> {
    if (this.built) await this.reindex(sourceId)
  }

  private forget(change: NotebookChange): void {
    if (!this.built) return
    if (change.all) {
      this.built = null
      this.search.clear()
      this.sourceOf.clear()
      this.bySource.clear()
      return
    }
    for (const sourceId of change.sources) this.stale.add(sourceId)
  }

  private async buildAll(): Promise<void> {
    for (const { id } of await this.store.sources()) await this.reindex(id)
  }

  private async reindex(sourceId: string): Promise<void> {
    for (const clippingId of this.bySource.get(sourceId) ?? []) {
      this.search.remove(clippingId)
      this.sourceOf.delete(clippingId)
    }
    this.bySource.delete(sourceId)
    let file, title
    try {
      file = await this.store.sourceFile(sourceId)
      title = (await this.store.entry(sourceId)).title
    } catch (error) {
      // Removed, or damaged (listed in the store's problems): it has no clippings to find.
      if (error instanceof CommonplaceError) return
      throw error
    }
    const ids = new Set<string>()
    for (const clipping of file.clippings) {
      ids.add(clipping.id)
      this.sourceOf.set(clipping.id, sourceId)
      if (!clipping.deletedAt) this.search.put(clipping, title)
    }
    this.bySource.set(sourceId, ids)
  }
}
