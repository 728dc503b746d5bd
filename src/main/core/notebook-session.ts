import type {
  BackupInfo,
  ImportProgress,
  NotebookChange,
  NotebookStatus,
  RepairSummary,
  SyncConfigInput,
  SyncStatus,
} from '../../shared/ipc'
import {
  flushDerived,
  openCommonplace,
  type Commonplace,
  type CommonplaceOptions,
} from './commonplace'
import { CommonplaceError } from './errors'
import { createBackup, listBackups, restoreBackup } from './store/backups'
import { NotebookLock } from './store/notebook-lock'
import { repairNotebook } from './store/repair'
import { watchNotebook } from './store/watch-notebook'
import { NotebookSync } from './sync/notebook-sync'
import { readSyncConfig, syncConfigOf, writeSyncConfig } from './sync/sync-config'
import type { SyncLink } from './sync/sync-client'
import type { EssayDocs, EssaySyncEvent } from './sync/essay-docs'
import { EssaySync } from './sync/essay-sync'

export interface SessionOptions extends CommonplaceOptions {
  watch?: boolean
  /** Start the sync when the notebook has sync/config.json (default true). */
  sync?: boolean
  /**
   * Gives the EssayDocs class when sync starts (by default a dynamic import, so an app that never
   * syncs never loads Lexical and Yjs in main; the e2e harness, run as CommonJS, hands it over).
   */
  loadEssayDocs?: () => Promise<{ EssayDocs: typeof EssayDocs }>
}

/**
 * The notebook as the app holds it: open, or refused (its index damaged or missing) with the
 * reason, in which case only the ways back work (backups, restore, repair). Restoring or
 * repairing opens it afresh, so every service starts from what is now on disk.
 */
export class NotebookSession {
  private current: Commonplace | null = null
  private refusal: string | null = null
  private stopWatching: () => void = () => undefined
  private readonly changeListeners = new Set<(change: NotebookChange) => void>()
  private readonly progressListeners = new Set<(progress: ImportProgress) => void>()
  private readonly syncListeners = new Set<(status: SyncStatus) => void>()
  private sync: NotebookSync | null = null
  /** Why the sync could not start (another process syncs, a damaged sync/config.json). */
  private syncProblem: string | null = null
  private syncing: Promise<void> = Promise.resolve()
  /** The essays' shared documents while the notebook syncs. */
  private readonly essaySync: EssaySync
  /** Used when no store is open; the open store has its own. */
  private readonly spareLock: NotebookLock

  private constructor(
    readonly dataDir: string,
    private readonly options: SessionOptions,
  ) {
    this.spareLock = new NotebookLock(dataDir, options.lock)
    this.essaySync = new EssaySync(options.loadEssayDocs)
  }

  static async open(dataDir: string, options: SessionOptions = {}): Promise<NotebookSession> {
    const session = new NotebookSession(dataDir, options)
    await session.reopen()
    return session
  }

  /** The open notebook; a refused one answers every request with why it is refused. */
  get commonplace(): Commonplace {
    if (!this.current)
      throw new CommonplaceError('damaged', this.refusal ?? 'The notebook is not open.')
    return this.current
  }

  status(): NotebookStatus {
    return this.current
      ? { state: 'open', dataDir: this.dataDir }
      : { state: 'refused', dataDir: this.dataDir, message: this.refusal ?? '' }
  }

  /** What another process changed, as the watcher finds it (the app forwards it to the page). */
  onChange(listener: (change: NotebookChange) => void): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  /** How far an import has got reading a long file (the app forwards it to the page). */
  onImportProgress(listener: (progress: ImportProgress) => void): () => void {
    this.progressListeners.add(listener)
    return () => this.progressListeners.delete(listener)
  }

  /** Where essays attach their documents while the notebook syncs (null: it does not). */
  get syncLink(): SyncLink | null {
    return this.sync?.link ?? null
  }

  /** The essays' shared documents while the notebook syncs; null while it does not. */
  essayDocs(): EssayDocs | null {
    return this.essaySync.current()
  }

  /** Another device changed an essay the page has joined, or moved a cursor in it. */
  onEssaySync(listener: (event: EssaySyncEvent) => void): () => void {
    return this.essaySync.onEvent(listener)
  }

  /** The sync's status changed (the app forwards it to the page). */
  onSyncStatus(listener: (status: SyncStatus) => void): () => void {
    this.syncListeners.add(listener)
    return () => this.syncListeners.delete(listener)
  }

  async syncStatus(): Promise<SyncStatus> {
    await this.syncing
    if (this.sync) {
      const status = this.sync.status()
      return this.syncProblem ? { ...status, error: this.syncProblem } : status
    }
    const config = await readSyncConfig(this.dataDir).catch(() => null)
    return {
      enabled: config !== null,
      ...(config && { server: config.server, notebook: config.notebook }),
      connected: false,
      pendingUpdates: 0,
      ...(this.syncProblem && { error: this.syncProblem }),
    }
  }

  /** Saves the sync settings (null: sync off) and restarts the sync with them. */
  async configureSync(input: SyncConfigInput | null): Promise<SyncStatus> {
    const config = input === null ? null : syncConfigOf(this.dataDir, input)
    await this.stopSync()
    await writeSyncConfig(this.dataDir, config)
    await this.startSync()
    const status = await this.syncStatus()
    this.tellSync(status)
    return status
  }

  listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.dataDir)
  }

  backup(reason: BackupInfo['reason'] = 'manual'): Promise<BackupInfo> {
    return createBackup(this.dataDir, this.lock, reason)
  }

  async restore(name: string): Promise<{ restored: BackupInfo; before: BackupInfo }> {
    await this.stopSync()
    const result = await restoreBackup(this.dataDir, this.lock, name)
    await this.reopen()
    this.announce({ sources: [], essays: [], all: true })
    return result
  }

  async repair(): Promise<RepairSummary> {
    await this.stopSync()
    const report = await repairNotebook(this.dataDir, this.lock)
    await this.reopen()
    this.announce({ sources: [], essays: [], all: true })
    return {
      backup: report.backup.name,
      keptAside: report.keptAside,
      adoptedSources: report.adopted.sources.length,
      adoptedEssays: report.adopted.essays.length,
      droppedEntries: report.dropped.sources.length + report.dropped.essays.length,
      damagedFiles: report.damaged.map((problem) => problem.file),
      removedTemporaryFiles: report.removedTemporaryFiles,
    }
  }

  /** Stops watching; the sync stops too (its documents are on disk: nothing is lost). */
  close(): Promise<void> {
    this.stopWatching()
    return this.stopSync()
  }

  /** Derived indexes that changed are written now, not when their save timers fire. */
  async flush(): Promise<void> {
    if (this.current) await flushDerived(this.current)
  }

  private get lock(): NotebookLock {
    return this.current?.store.lock ?? this.spareLock
  }

  private async reopen(): Promise<void> {
    this.stopWatching()
    try {
      this.current = await openCommonplace(this.dataDir, {
        ...this.options,
        readProgress: (progress) => {
          for (const listener of this.progressListeners) listener(progress)
        },
      })
      this.refusal = null
    } catch (error) {
      if (!(error instanceof CommonplaceError)) throw error
      this.current = null
      this.refusal = error.message
      return
    }
    if (this.options.watch) {
      this.stopWatching = watchNotebook(this.current.store, (change) => {
        this.announce(change)
        // What another process (the CLI) wrote to essays goes into their docs.
        void this.essaySync.current()?.absorb(change.essays)
      })
    }
    // Not waited for: a large notebook's first mirroring takes seconds, and the window need not.
    if (this.options.sync !== false) void this.startSync()
  }

  /** Starts the sync when `sync/config.json` says to; a refusal is kept for the status. */
  private async startSync(): Promise<void> {
    const app = this.current
    if (!app || this.options.sync === false) return
    this.syncing = (async () => {
      this.syncProblem = null
      try {
        this.sync = await NotebookSync.start(app, { who: 'the Commonplace app' })
      } catch (error) {
        // The notebook opens all the same: sync is a layer over it, and says why it stopped.
        this.syncProblem = error instanceof Error ? error.message : String(error)
        return
      }
      const sync = this.sync
      if (!sync) return
      sync.onChange((change) => {
        this.announce(change)
        // Only essays' records come this way: an essay new here gets its doc, and no text moves.
        void this.essaySync.current()?.adopt(change.essays)
      })
      sync.onStatus((status) => this.tellSync(status))
      this.tellSync(sync.status())
      // Essays attach their documents to the same link, once the catalog's changes are heard.
      try {
        await this.essaySync.start({
          dataDir: this.dataDir,
          notebook: sync.client.config.notebook,
          link: sync.link,
          essays: app.essays,
        })
      } catch (error) {
        this.syncProblem = `Essays are not syncing: ${error instanceof Error ? error.message : String(error)}`
      }
    })()
    await this.syncing
  }

  private async stopSync(): Promise<void> {
    await this.syncing
    const sync = this.sync
    this.sync = null
    await this.essaySync.stop()
    await sync?.stop()
  }

  private tellSync(status: SyncStatus): void {
    for (const listener of this.syncListeners) listener(status)
  }

  private announce(change: NotebookChange): void {
    for (const listener of this.changeListeners) listener(change)
  }
}
