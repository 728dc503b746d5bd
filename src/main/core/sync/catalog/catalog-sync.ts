import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type * as Y from 'yjs'
import type { NotebookChange } from '../../../../shared/ipc'
import { replaceFile } from '../../store/durable-json-file'
import type { NotebookStore } from '../../store/notebook-store'
import { readDocSources, sourcesToStore, type Touched } from './doc-to-store'
import { essaysToStore } from './essays-to-store'
import { catalogMaps, FROM_STORE, type CatalogMaps } from './forms'
import { essaysToDoc, sourcesToDoc, type Shadow } from './store-to-doc'
import { isWaitingIn } from './waiting'

/** What the sync wrote into the store: a notebook change, with what it restored and why. */
export interface SyncedChange extends NotebookChange {
  /** Clippings deleted here but edited on another device meanwhile: brought back. */
  restoredBecauseEdited: string[]
}

export interface CatalogSyncOptions {
  /** Told of each source the sync wrote, so derived indexes (lists, search) take it in. */
  sourceChanged?: (sourceId: string) => void
  /** Where the revision of the change feed last mirrored into the document is kept. */
  statePath?: string
  /** Resolves once the document's updates so far are on disk (PersistedDoc.flushed). */
  docFlushed?: () => Promise<void>
}

/**
 * Keeps a notebook's store and its catalog document in step, both ways, field by field. A
 * `shadow` remembers, per record, the fields store and document last agreed on; each direction
 * writes only what its side changed since, so neither overwrites an edit the other has not seen
 * yet, and neither echoes the other's writes back (the store's writes of what came from the
 * document agree with the shadow; the document's writes from the store carry FROM_STORE).
 */
export class CatalogSync {
  readonly maps: CatalogMaps
  private readonly shadow: Shadow = new Map()
  private readonly fromDoc = { sources: new Map() as Touched, essays: new Set<string>() }
  private readonly waitingSources = new Set<string>()
  private storeDirty = false
  private running: Promise<void> = Promise.resolve()
  private scheduled = false
  private stopped = false
  private readonly listeners = new Set<(change: SyncedChange) => void>()
  private readonly unsubscribe: (() => void)[] = []
  /** The last error a pass met; the sync goes on (the next change tries again). */
  lastError: string | null = null

  private constructor(
    private readonly store: NotebookStore,
    readonly doc: Y.Doc,
    private readonly options: CatalogSyncOptions,
    private mirroredRevision: number | null,
  ) {
    this.maps = catalogMaps(doc)
  }

  /**
   * Starts keeping `store` and `doc` in step. First, what the store changed since it was last
   * mirrored (everything, the first time) goes into the document; then what the document holds
   * that the store does not (received before a crash, or while the sync was off) goes into the
   * store.
   */
  static async start(
    store: NotebookStore,
    doc: Y.Doc,
    options: CatalogSyncOptions = {},
  ): Promise<CatalogSync> {
    const sync = new CatalogSync(store, doc, options, await readRevision(options.statePath))
    await sync.storeToDoc()
    const maps = sync.maps
    for (const id of maps.sources.keys()) sync.fromDoc.sources.set(id, null)
    for (const id of maps.essays.keys()) sync.fromDoc.essays.add(id)
    await sync.docToStore()
    sync.listen()
    return sync
  }

  /** Told what the sync wrote into the store (the app forwards it as a notebook change). */
  onChange(listener: (change: SyncedChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** A clipping the document has but the store does not yet: its source or text is on its way. */
  isWaiting(clippingId: string): boolean {
    return isWaitingIn(this.maps, clippingId)
  }

  /** Resolves once everything seen so far has been written both ways. */
  async idle(): Promise<void> {
    while (!this.stopped && !this.settled) {
      this.schedule()
      await this.running
    }
    await this.running
  }

  /** Nothing is waiting to be written either way. */
  get settled(): boolean {
    return (
      !this.scheduled &&
      !this.storeDirty &&
      this.fromDoc.sources.size + this.fromDoc.essays.size === 0
    )
  }

  /** Sources whose texts have not all arrived: their clippings wait in the document. */
  get waiting(): ReadonlySet<string> {
    return this.waitingSources
  }

  async stop(): Promise<void> {
    this.stopped = true
    for (const stop of this.unsubscribe.splice(0)) stop()
    await this.running
  }

  private listen(): void {
    const storeChanged = (): void => {
      this.storeDirty = true
      this.schedule()
    }
    this.unsubscribe.push(this.store.onWrite(storeChanged), this.store.onChange(storeChanged))
    const observe = (map: Y.Map<Y.Map<unknown>>, touched: (id: string) => void): void => {
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction): void => {
        if (tr.origin === FROM_STORE) return
        for (const event of events) {
          if (event.path.length > 0) touched(String(event.path[0]))
          else for (const key of (event as Y.YMapEvent<unknown>).keysChanged) touched(key)
        }
        this.schedule()
      }
      map.observeDeep(observer)
      this.unsubscribe.push(() => map.unobserveDeep(observer))
    }
    observe(this.maps.sources, (id) => this.fromDoc.sources.set(id, null))
    observe(this.maps.essays, (id) => this.fromDoc.essays.add(id))
    observe(this.maps.clippings, (id) => {
      const sourceId = this.maps.clippings.get(id)?.get('sourceId')
      if (typeof sourceId !== 'string') return
      const clippings = this.fromDoc.sources.get(sourceId)
      if (clippings === undefined) this.fromDoc.sources.set(sourceId, new Set([id]))
      else clippings?.add(id)
    })
    const textsArrived = (_event: unknown, tr: Y.Transaction): void => {
      if (tr.origin === FROM_STORE) return
      for (const id of this.waitingSources) this.fromDoc.sources.set(id, null)
      this.schedule()
    }
    this.maps.texts.observe(textsArrived)
    this.maps.files.observe(textsArrived)
    this.unsubscribe.push(
      () => this.maps.texts.unobserve(textsArrived),
      () => this.maps.files.unobserve(textsArrived),
    )
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return
    this.scheduled = true
    this.running = this.running.then(async () => {
      this.scheduled = false
      try {
        if (this.fromDoc.sources.size + this.fromDoc.essays.size > 0) await this.docToStore()
        if (this.storeDirty) {
          this.storeDirty = false
          await this.storeToDoc()
        }
        this.lastError = null
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error)
        console.error('Sync:', error)
      }
    })
  }

  /** What every writer changed since the last mirroring goes into the document. */
  private async storeToDoc(): Promise<void> {
    const feed = this.store.feed
    const since = this.mirroredRevision === null ? null : await feed.since(this.mirroredRevision)
    let sources: Iterable<string>
    let essays: Iterable<string>
    let revision: number
    if (!since || since.all) {
      const library = await this.store.library()
      revision = await feed.latest()
      sources = [...library.sources, ...(library.deletedSources ?? [])].map(({ id }) => id)
      essays = library.essays.map(({ id }) => id)
    } else {
      ;({ sources, essays, revision } = since)
    }
    await sourcesToDoc(this.store, this.doc, this.maps, this.shadow, sources)
    await essaysToDoc(this.store, this.doc, this.maps, this.shadow, essays)
    if (revision !== this.mirroredRevision) {
      this.mirroredRevision = revision
      // Only once the document holding them is on disk are these writes mirrored for good.
      await this.options.docFlushed?.()
      await writeRevision(this.options.statePath, revision)
    }
  }

  /** What the document received from other devices goes into the store. */
  private async docToStore(): Promise<void> {
    const touched = [...this.fromDoc.sources]
    const essayIds = [...this.fromDoc.essays]
    this.fromDoc.sources.clear()
    this.fromDoc.essays.clear()
    const change: SyncedChange = { sources: [], essays: [], all: false, restoredBecauseEdited: [] }
    // In batches: one transaction per batch, not one per source, nor one holding the lock long.
    for (let at = 0; at < touched.length; at += 100) {
      const batch = new Map(touched.slice(at, at + 100))
      for (const id of batch.keys()) this.waitingSources.delete(id)
      const applied = await sourcesToStore(
        this.store,
        this.maps,
        this.shadow,
        readDocSources(this.maps, batch),
      )
      for (const id of applied.waiting) this.waitingSources.add(id)
      for (const id of applied.sources) this.options.sourceChanged?.(id)
      change.sources.push(...applied.sources)
      change.restoredBecauseEdited.push(...applied.restoredBecauseEdited)
    }
    if (essayIds.length > 0) {
      const applied = await essaysToStore(this.store, this.maps, this.shadow, essayIds)
      change.essays = applied.essays
      change.essaysRestoredBecauseEdited = applied.restoredBecauseEdited
    }
    if (change.sources.length + change.essays.length > 0) {
      for (const listener of this.listeners) listener(change)
    }
  }
}

async function readRevision(path: string | undefined): Promise<number | null> {
  if (!path) return null
  try {
    const { revision } = JSON.parse(await readFile(path, 'utf8')) as { revision?: unknown }
    return typeof revision === 'number' ? revision : null
  } catch {
    return null
  }
}

async function writeRevision(path: string | undefined, revision: number): Promise<void> {
  if (!path) return
  await replaceFile(path, JSON.stringify({ revision }))
}

/**
 * Where the revision mirrored into a notebook's catalog is kept: one per notebook name, since a
 * notebook synced under another name starts a document of its own, which must get everything.
 */
export function catalogStatePath(syncDir: string, notebook: string): string {
  return join(syncDir, `catalog-${notebook}.json`)
}
