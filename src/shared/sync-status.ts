/** Where Settings > Sync (and `commonplace sync --status`) says how syncing is going. */
export interface SyncStatus {
  /** A server is configured (`sync/config.json` exists). */
  enabled: boolean
  server?: string
  notebook?: string
  connected: boolean
  /** Updates sent and not yet acknowledged by the server (or waiting for it to be reachable). */
  pendingUpdates: number
  /** When this device last had everything acknowledged by the server. */
  lastSyncAt?: string
  /** Why syncing stopped or is refused (a wrong token, an unreachable server). */
  error?: string
}

/** What Settings > Sync (or `commonplace sync --server … --token …`) sets. */
export interface SyncConfigInput {
  server: string
  token: string
  /** Defaults to the notebook folder's name, made into a valid notebook name. */
  notebook?: string
}
