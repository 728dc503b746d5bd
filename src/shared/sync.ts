// Sync (issue 15) as the renderer sees it: the connection's state, turning it on or off, and an
// essay's Yjs document shared with the app's editor. Part of the contract (re-exported by ipc.ts).

/** Where sync stands, as Settings > Sync shows it (sent again as `sync:status` when it changes). */
export interface SyncStatus {
  enabled: boolean
  server?: string
  notebook?: string
  connected: boolean
  /** Changes made here the server has not acknowledged yet. */
  pendingUpdates: number
  lastSyncAt?: string
  /** Why the server refused, or why the connection failed, in the user's terms. */
  error?: string
}

/** What the user types in Settings > Sync (or passes to `commonplace sync`). */
export interface SyncConfigInput {
  server: string
  /** Defaults to the notebook folder's name, made into a valid notebook name. */
  notebook?: string
  token: string
}

/** Who is typing, as the other writers' editors show their caret. */
export interface CollaboratorIdentity {
  name: string
  /** A CSS colour. */
  color: string
}

/** An essay's document as the app's editor starts from it: the whole doc as one Yjs update. */
export interface EssayDocJoin {
  /** base64 */
  update: string
  user: CollaboratorIdentity
}

/** Sent by main on `essay:sync`: another device's change, or its cursors (base64). */
export interface EssaySyncMessage {
  essayId: string
  update?: string
  awareness?: string
}

/** A colour for a name, the same on every device: a hue from the name, dark enough for text. */
export function colorForName(name: string): string {
  let hash = 0
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0
  return `hsl(${hash % 360}, 70%, 38%)`
}
