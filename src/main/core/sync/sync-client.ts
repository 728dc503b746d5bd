import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  HocuspocusProvider,
  HocuspocusProviderWebsocket,
  WebSocketStatus,
} from '@hocuspocus/provider'
import WebSocket from 'ws'
import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'
import type { SyncStatus } from '../../../shared/sync'
import { replaceFile } from '../store/durable-json-file'
import { PersistedDoc } from './persisted-doc'
import type { SyncConfig } from './sync-config'
import { syncDir, syncDocsDir } from './sync-config'
import { takeSyncLock } from './sync-lock'

/**
 * Ends a connection. A WebSocket still connecting reports being closed as an error event after
 * the provider has stopped listening to it: heard here, or it is an uncaught exception, and the
 * app's main process would go down when sync is turned off while the server has not answered.
 */
export function closeSocket(socket: HocuspocusProviderWebsocket): void {
  socket.webSocket?.addEventListener('error', () => undefined)
  socket.destroy()
}
/** What a document attached to the server may ask besides syncing. */
export interface AttachOptions {
  /** Called each time the server's copy has been merged in (essays seed only after the first). */
  onSynced?: () => void
  /** Cursors and names shared with the others in this document (the app's essay editor). */
  awareness?: Awareness
  /** The document is kept on disk by its owner already: not written a second time here. */
  persisted?: PersistedDoc
}

/** What essays are written against: keeps one document in sync with the server's. */
export interface SyncLink {
  /** Keeps `doc` in sync with the server's document `name` while connected; returns detach. */
  attach(name: string, doc: Y.Doc, options?: AttachOptions): () => void
}

export interface SyncClientOptions {
  /** Who syncs, as the sync lock tells another process ("the app", "commonplace sync"). */
  who?: string
  now?: () => Date
}

interface Attached {
  persisted: PersistedDoc
  /** Closed here on detach (false: its owner closes it). */
  owned: boolean
  provider: HocuspocusProvider
}

/**
 * One connection to the sync server for a notebook, multiplexing a provider per document over
 * one WebSocket. Every document is kept on disk (`sync/docs/`) as it changes, so edits made offline
 * survive and are sent once the server is reachable again; the provider reconnects by itself. The
 * status (connected, updates not yet acknowledged, last full sync, a refused token) goes to
 * listeners and to `sync/status.json`, where `commonplace sync --status` reads it.
 */
export class SyncClient implements SyncLink {
  private readonly socket: HocuspocusProviderWebsocket
  private readonly attached = new Map<string, Attached>()
  private readonly opened = new Map<string, PersistedDoc>()
  private readonly closed = new WeakSet<PersistedDoc>()
  private readonly listeners = new Set<(status: SyncStatus) => void>()
  private connected = false
  private error: string | undefined
  private statusTimer: NodeJS.Timeout | null = null
  private stopped = false
  private readonly now: () => Date

  private constructor(
    private readonly dataDir: string,
    readonly config: SyncConfig,
    private lastSyncAt: string | undefined,
    private readonly releaseLock: () => Promise<void>,
    options: SyncClientOptions,
  ) {
    this.now = options.now ?? (() => new Date())
    this.socket = new HocuspocusProviderWebsocket({
      url: config.server,
      WebSocketPolyfill: WebSocket,
      delay: 1000,
      minDelay: 500,
      factor: 2,
      maxDelay: 10_000,
    })
    this.socket.on('status', ({ status }: { status: WebSocketStatus }) => {
      this.connected = status === WebSocketStatus.Connected
      this.changed()
    })
  }

  /** Connects `dataDir`'s notebook; refused when another process already syncs it. */
  static async start(
    dataDir: string,
    config: SyncConfig,
    options: SyncClientOptions = {},
  ): Promise<SyncClient> {
    const release = await takeSyncLock(syncDir(dataDir), options.who ?? 'another process')
    const previous = await readSyncStatusFile(dataDir)
    return new SyncClient(dataDir, config, previous?.lastSyncAt, release, options)
  }

  get docsDir(): string {
    return syncDocsDir(this.dataDir)
  }

  /** Loads a document's log from disk; attach it with `attach(name, persisted.doc)`. */
  async openDoc(name: string): Promise<PersistedDoc> {
    const persisted = await PersistedDoc.open(this.docsDir, name)
    this.opened.set(name, persisted)
    return persisted
  }

  attach(name: string, doc: Y.Doc, options: AttachOptions = {}): () => void {
    let detached = false
    const opened = this.opened.get(name)
    const owned = options.persisted === undefined
    const ready = options.persisted
      ? Promise.resolve(options.persisted)
      : opened?.doc === doc
        ? Promise.resolve(opened)
        : PersistedDoc.open(this.docsDir, name, doc)
    void ready.then((persisted) => {
      if (detached || this.stopped) return void (owned && persisted.close())
      this.attached.set(name, { persisted, owned, provider: this.provide(name, doc, options) })
      this.changed()
    })
    return () => {
      detached = true
      void ready.then((persisted) => this.detach(name, persisted))
    }
  }

  status(): SyncStatus {
    let pendingUpdates = 0
    for (const { provider } of this.attached.values()) pendingUpdates += provider.unsyncedChanges
    return {
      enabled: true,
      server: this.config.server,
      notebook: this.config.notebook,
      connected: this.connected,
      pendingUpdates,
      ...(this.lastSyncAt && { lastSyncAt: this.lastSyncAt }),
      ...(this.error && { error: this.error }),
    }
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Every attached document has been exchanged with the server and all it was sent acknowledged. */
  get synced(): boolean {
    if (!this.connected) return false
    for (const { provider } of this.attached.values()) {
      if (!provider.isSynced || provider.unsyncedChanges > 0) return false
    }
    return this.attached.size > 0
  }

  /**
   * Resolves once `synced`; rejects when the server refuses, or when it has not been reached
   * within `timeoutMs`.
   */
  waitUntilSynced(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.error) return finish(this.error)
        if (this.synced) finish()
      }
      const timer = setTimeout(
        () =>
          finish(
            this.connected
              ? `${this.config.server} did not acknowledge everything within ${Math.round(timeoutMs / 1000)} s`
              : `could not reach ${this.config.server}`,
          ),
        timeoutMs,
      )
      const stop = this.onStatus(check)
      const finish = (error?: string): void => {
        clearTimeout(timer)
        stop()
        if (error) reject(new Error(error))
        else resolve()
      }
      check()
    })
  }

  /**
   * Asks the server again for what it lacks and has (a sync step 1 per document): what this
   * device answered to the server's own request is then known to have arrived, as the server
   * handles a connection's messages in order.
   */
  confirm(): void {
    for (const { provider } of this.attached.values()) provider.forceSync()
  }

  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    for (const [name, { persisted }] of [...this.attached]) await this.detach(name, persisted)
    for (const [name, persisted] of [...this.opened]) await this.detach(name, persisted)
    closeSocket(this.socket)
    this.connected = false
    if (this.statusTimer) clearTimeout(this.statusTimer)
    await this.writeStatus()
    await this.releaseLock()
  }

  private provide(name: string, doc: Y.Doc, options: AttachOptions): HocuspocusProvider {
    const provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: doc,
      ...(options.awareness && { awareness: options.awareness }),
      token: this.config.token,
      onAuthenticationFailed: ({ reason }) => {
        this.error = `The server refused notebook "${this.config.notebook}": ${reason || 'wrong token'}.`
        this.changed()
      },
      onAuthenticated: () => {
        this.error = undefined
        this.changed()
      },
      onSynced: () => {
        this.changed()
        options.onSynced?.()
      },
      onUnsyncedChanges: () => this.changed(),
    })
    provider.attach()
    return provider
  }

  private async detach(name: string, persisted: PersistedDoc): Promise<void> {
    // Detached by its owner and by `stop`, whichever comes first: closed once.
    if (this.closed.has(persisted)) return
    this.closed.add(persisted)
    const attached = this.attached.get(name)
    const owned = attached?.persisted === persisted ? attached.owned : true
    if (attached?.persisted === persisted) {
      attached.provider.destroy()
      this.attached.delete(name)
    }
    if (this.opened.get(name) === persisted) this.opened.delete(name)
    if (owned) await persisted.close()
    this.changed()
  }

  private changed(): void {
    if (this.synced) this.lastSyncAt = this.now().toISOString()
    const status = this.status()
    for (const listener of this.listeners) listener(status)
    if (this.stopped || this.statusTimer) return
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null
      void this.writeStatus()
    }, 200)
  }

  private async writeStatus(): Promise<void> {
    const path = syncStatusPath(this.dataDir)
    const { connected, pendingUpdates, lastSyncAt, error } = this.status()
    try {
      await replaceFile(path, JSON.stringify({ connected, pendingUpdates, lastSyncAt, error }))
    } catch {
      // The status file is a courtesy for `sync --status`; the sync itself goes on.
    }
  }
}

export function syncStatusPath(dataDir: string): string {
  return join(syncDir(dataDir), 'status.json')
}

/** What the last (or the running) sync client wrote; null when none ever ran here. */
export async function readSyncStatusFile(
  dataDir: string,
): Promise<Pick<SyncStatus, 'connected' | 'pendingUpdates' | 'lastSyncAt' | 'error'> | null> {
  try {
    const raw = JSON.parse(await readFile(syncStatusPath(dataDir), 'utf8')) as Partial<SyncStatus>
    return {
      connected: raw.connected === true,
      pendingUpdates: typeof raw.pendingUpdates === 'number' ? raw.pendingUpdates : 0,
      ...(typeof raw.lastSyncAt === 'string' && { lastSyncAt: raw.lastSyncAt }),
      ...(typeof raw.error === 'string' && { error: raw.error }),
    }
  } catch {
    return null
  }
}
