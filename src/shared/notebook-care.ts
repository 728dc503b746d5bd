// What the contract says of keeping a notebook safe: backups, restoring one, repairing the index.

/** Why a backup was taken. */
export type BackupReason =
  'start' | 'hourly' | 'manual' | 'before-restore' | 'before-repair' | 'before-upgrade'

/** A snapshot of the notebook in `backups/<name>/`. */
export interface BackupInfo {
  name: string
  createdAt: string
  reason: BackupReason
  /** It loaded and validated when taken; only such a backup can be restored. */
  verified: boolean
  sources: number
  clippings: number
  essays: number
  bytes: number
  files: number
  /** The change-feed revision it captured: no new backup is needed while the notebook is there. */
  revision?: number
}

/** A restore: the backup put in place, and the backup of what was there before it. */
export interface RestoreReport {
  restored: BackupInfo
  before: BackupInfo
}

/** What `repair` did: the index rebuilt from the files it lists. */
export interface RepairSummary {
  /** The backup taken first. */
  backup: string
  /** Where a damaged index was kept, if there was one. */
  keptAside: string | null
  adoptedSources: number
  adoptedEssays: number
  droppedEntries: number
  /** Files that do not validate: left in place, not listed. */
  damagedFiles: string[]
  removedTemporaryFiles: number
}

/** Whether the notebook could be opened; a refused one offers only the ways back. */
export type NotebookStatus =
  { state: 'open'; dataDir: string } | { state: 'refused'; dataDir: string; message: string }
