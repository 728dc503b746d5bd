import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { NotebookChange } from '../../../shared/ipc'
import { CommonplaceError } from '../errors'
import { replaceFile } from '../store/durable-json-file'
import type { Frozen } from '../store/json-store-file'
import type { NotebookStore } from '../store/notebook-store'
import type { SourceEntry, SourceFile } from '../store/schema'

/**
 * What a derived index keeps about sources: rebuilt source by source from the store's files, and
 * written out whole. The store of record stays the lowdb files; this is a cache that loads fast.
 */
export interface SourceDerivedData {
  /**
   * Replaces what it keeps of one source (null: the source is gone or unreadable); `text` is
   * the version text `textWanted` asked for.
   */
  updateSource(
    sourceId: string,
    file: Frozen<SourceFile> | null,
    entry: Frozen<SourceEntry> | null,
    text?: string,
  ): void
  /** The hash of the version text it needs to take this source in, if any (read only then). */
  textWanted?(sourceId: string, file: Frozen<SourceFile>): string | null
  clear(): void
  /** Plain JSON data, written into the file as it is (not a string in a string: one parse). */
  serialize(): unknown
  /** Throws when `data` is not something this version wrote. */
  restore(data: unknown): void
}

interface Saved {
  format: number
  /** The change-feed revision it reflects: every write up to it is in. */
  revision: number
  data: unknown
}

/**
 * Keeps a derived index current for every writer's changes and persists it beside the store,
 * in `derived/<name>.json`, stamped with the feed revision it reflects. On first use it loads that
 * file and takes in what was written since (re-reading only the sources touched), or rebuilds it
 * from every source file when the file is missing, damaged or older than the feed reaches. Then
 * every use first takes in what changed: other processes' writes (told by the store) and this
 * process's own (told by `touch`).
 */
export class DerivedIndex<T extends SourceDerivedData> {
  private loading: Promise<void> | null = null
  private catchingUp: Promise<void> = Promise.resolve()
  private readonly pending = new Set<string>()
  private pendingAll = false
  private dirty = false
  private saveTimer: NodeJS.Timeout | null = null
  private saving: Promise<void> = Promise.resolve()
  /** How many sources a rebuild or a catch-up read: for the bench and the tests. */
  lastRead = 0

  constructor(
    private readonly store: NotebookStore,
    private readonly name: string,
    private readonly format: number,
    readonly index: T,
    private readonly saveAfterMs = 2000,
  ) {
    store.onChange((change) => this.forget(change))
  }

  private get path(): string {
    return join(this.store.dataDir, 'derived', `${this.name}.json`)
  }

  /** The index with every write taken in. */
  async ready(): Promise<T> {
    await this.store.catchUp()
    this.loading ??= this.load()
    await this.loading
    // One catch-up at a time, and every reader waits for the one under way: a source leaves
    // `pending` before it is read again, so a reader that only looked at `pending` would be
    // answered from an index that does not have it yet (a list of 0 right after 5 clippings).
    const caughtUp = this.catchingUp.then(() => this.takeInPending())
    this.catchingUp = caughtUp.catch(() => undefined)
    await caughtUp
    return this.index
  }

  private async takeInPending(): Promise<void> {
    if (this.pendingAll) await this.rebuild()
    else if (this.pending.size > 0) await this.takeIn([...this.pending])
  }

  /** Builds it again from every source file and saves it (`commonplace reindex`). */
  async rebuildNow(): Promise<T> {
    await this.store.catchUp()
    // Not read from its file first: it is being replaced.
    this.loading = Promise.resolve()
    await this.rebuild()
    this.dirty = true
    await this.flush()
    return this.index
  }

  /** This process changed a source: take it in before the next use. */
  touch(sourceId: string): void {
    this.pending.add(sourceId)
  }

  /** Writes the index now if it changed (the app on quitting, the CLI after a rebuild). */
  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = null
    if (!this.dirty || !this.loading) return
    this.dirty = false
    const saved: Saved = {
      format: this.format,
      revision: this.store.feed.revision,
      data: this.index.serialize(),
    }
    const text = JSON.stringify(saved)
    // One write at a time, so the newest lands last; derived and rebuildable, so no fsync.
    const write = this.saving.then(async () => {
      await mkdir(join(this.store.dataDir, 'derived'), { recursive: true })
      await replaceFile(this.path, text)
    })
    this.saving = write.catch(() => undefined)
    await write
  }

  private forget(change: NotebookChange): void {
    if (change.all) this.pendingAll = true
    for (const sourceId of change.sources) this.pending.add(sourceId)
  }

  private async load(): Promise<void> {
    const saved = await this.read()
    const since = saved ? await this.store.feed.since(saved.revision) : null
    if (!saved || !since || since.all) {
      await this.rebuild()
      await this.flush()
      return
    }
    for (const sourceId of since.sources) this.pending.add(sourceId)
    await this.takeIn([...this.pending])
    if (since.sources.length > 50) await this.flush()
  }

  /** The saved index, restored; null when missing, damaged or of another format. */
  private async read(): Promise<Saved | null> {
    try {
      const saved = JSON.parse(await readFile(this.path, 'utf8')) as Saved
      if (saved.format !== this.format) return null
      this.index.restore(saved.data)
      return saved
    } catch {
      this.index.clear()
      return null
    }
  }

  private async rebuild(): Promise<void> {
    this.pendingAll = false
    this.pending.clear()
    this.index.clear()
    const sources = await this.store.sources()
    await this.takeIn(sources.map((source) => source.id))
  }

  private async takeIn(sourceIds: string[]): Promise<void> {
    this.lastRead = sourceIds.length
    for (const sourceId of sourceIds) {
      this.pending.delete(sourceId)
      let file: Frozen<SourceFile> | null = null
      let entry: Frozen<SourceEntry> | null = null
      try {
        entry = await this.store.entry(sourceId)
        file = await this.store.sourceFile(sourceId)
      } catch (error) {
        // Removed, or damaged (listed in the store's problems): nothing of it to show.
        if (!(error instanceof CommonplaceError)) throw error
      }
      const hash = file && this.index.textWanted?.(sourceId, file)
      let text: string | undefined
      if (hash) {
        try {
          text = (await this.store.text(hash)).text
        } catch (error) {
          if (!(error instanceof CommonplaceError)) throw error
          file = null
        }
      }
      this.index.updateSource(sourceId, file, file ? entry : null, text)
    }
    if (sourceIds.length > 0) this.changed()
  }

  private changed(): void {
    this.dirty = true
    if (this.saveTimer) return
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null
      void this.flush().catch(() => undefined)
    }, this.saveAfterMs)
    this.saveTimer.unref()
  }
}
