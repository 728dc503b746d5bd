import type * as Y from 'yjs'
import type { SyncStatus } from '../../../shared/sync'
import type { Commonplace } from '../commonplace'
import { CatalogSync, catalogStatePath, type SyncedChange } from './catalog/catalog-sync'
import { catalogDocName } from './doc-names'
import { readSyncConfig, syncDir, type SyncConfig } from './sync-config'
import { SyncClient, type SyncClientOptions, type SyncLink } from './sync-client'

/** What one `sync --once` did. */
export interface SyncRoundReport {
  /** Updates this device sent, and received, for the catalog. */
  sent: number
  received: number
  /** Sources and essays the store took in from other devices. */
  sources: number
  essays: number
  restoredBecauseEdited: number
  essaysRestoredBecauseEdited: number
  /** Sources still waiting for their text (it had not arrived). */
  waiting: number
}

/**
 * A notebook's sync: the connection (SyncClient) and its catalog kept in step with the store
 * (CatalogSync). Essays attach their own documents through `link`.
 */
export class NotebookSync {
  private readonly taken = {
    sources: new Set<string>(),
    essays: new Set<string>(),
    restored: 0,
    restoredEssays: 0,
  }

  private constructor(
    private readonly app: Commonplace,
    readonly client: SyncClient,
    readonly catalog: CatalogSync,
    private readonly detachCatalog: () => void,
    private readonly counted: { sent: number; received: number },
  ) {
    catalog.onChange((change) => {
      for (const id of change.sources) this.taken.sources.add(id)
      for (const id of change.essays) this.taken.essays.add(id)
      this.taken.restored += change.restoredBecauseEdited.length
      this.taken.restoredEssays += change.essaysRestoredBecauseEdited?.length ?? 0
    })
  }

  /** Starts syncing the notebook `app` holds, when `sync/config.json` says to; else null. */
  static async start(
    app: Commonplace,
    options: SyncClientOptions & { config?: SyncConfig } = {},
  ): Promise<NotebookSync | null> {
    const dataDir = app.store.dataDir
    const config = options.config ?? (await readSyncConfig(dataDir))
    if (!config) return null
    const client = await SyncClient.start(dataDir, config, options)
    try {
      const name = catalogDocName(config.notebook)
      const persisted = await client.openDoc(name)
      const counted = NotebookSync.counter(persisted.doc)
      const catalog = await CatalogSync.start(app.store, persisted.doc, {
        statePath: catalogStatePath(syncDir(dataDir), config.notebook),
        docFlushed: () => persisted.flushed(),
        sourceChanged: (id) => {
          app.clippings.touched(id)
          app.sourceSearch.touch(id)
        },
      })
      app.clippings.waitingFor = (id) => catalog.isWaiting(id)
      const detach = client.attach(name, persisted.doc)
      return new NotebookSync(app, client, catalog, detach, counted)
    } catch (error) {
      await client.stop()
      throw error
    }
  }

  /** Where essays attach their documents. */
  get link(): SyncLink {
    return this.client
  }

  status(): SyncStatus {
    const status = this.client.status()
    const problem = this.catalog.lastError
    return problem && !status.error ? { ...status, error: `Sync: ${problem}` } : status
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    return this.client.onStatus(() => listener(this.status()))
  }

  /** Told what the sync wrote into the store. */
  onChange(listener: (change: SyncedChange) => void): () => void {
    return this.catalog.onChange(listener)
  }

  /**
   * Pushes and pulls until the server has acknowledged everything and the store holds everything
   * received; rejects when the server cannot be reached or refuses within `timeoutMs`.
   */
  async round(timeoutMs = 10_000): Promise<SyncRoundReport> {
    const deadline = Date.now() + timeoutMs
    const left = (): number => Math.max(1, deadline - Date.now())
    await this.client.waitUntilSynced(left())
    for (;;) {
      await this.catalog.idle()
      this.client.confirm()
      await this.client.waitUntilSynced(left())
      // Nothing new arrived meanwhile for the store to take in: all is done.
      if (this.catalog.settled) break
    }
    return {
      sent: this.counted.sent,
      received: this.counted.received,
      sources: this.taken.sources.size,
      essays: this.taken.essays.size,
      restoredBecauseEdited: this.taken.restored,
      essaysRestoredBecauseEdited: this.taken.restoredEssays,
      waiting: this.catalog.waiting.size,
    }
  }

  async stop(): Promise<void> {
    this.app.clippings.waitingFor = null
    await this.catalog.stop()
    this.detachCatalog()
    await this.client.stop()
  }

  /** Counts the document's updates: those the provider applied came from the server. */
  private static counter(doc: Y.Doc): { sent: number; received: number } {
    const counted = { sent: 0, received: 0 }
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin && typeof origin === 'object' && 'configuration' in origin) counted.received++
      else counted.sent++
    })
    return counted
  }
}
