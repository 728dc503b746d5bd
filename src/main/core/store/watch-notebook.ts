import { watch, type FSWatcher } from 'node:fs'
import type { NotebookChange } from '../../../shared/ipc'
import type { NotebookStore } from './notebook-store'

/**
 * Tells the app within a second what other processes wrote to the notebook. Every writer updates
 * `changes.json` (see change-feed.ts); this watches the folder for it, and also looks every
 * `pollMs` in case the file system does not report changes (network drives, some containers).
 */
export function watchNotebook(
  store: NotebookStore,
  onChange: (change: NotebookChange) => void,
  { pollMs = 1000, settleMs = 40 } = {},
): () => void {
  let timer: NodeJS.Timeout | null = null
  let checking = false
  let again = false

  const check = async (): Promise<void> => {
    if (checking) {
      again = true
      return
    }
    checking = true
    try {
      const change = await store.catchUp()
      if (change) onChange(change)
    } catch {
      // A half-written or unreadable feed: the next look will see it whole.
    } finally {
      checking = false
      if (again) {
        again = false
        void check()
      }
    }
  }
  // Several events arrive for one write (the temp file, the rename): look once they settle.
  const soon = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void check(), settleMs)
  }

  let watcher: FSWatcher | null = null
  try {
    watcher = watch(store.dataDir, (_event, name) => {
      if (name === null || String(name).startsWith('changes.json')) soon()
    })
    watcher.on('error', () => undefined)
  } catch {
    // No file-system events here: the poll below does the work.
  }
  const poll = setInterval(() => void check(), pollMs)
  poll.unref()
  return () => {
    watcher?.close()
    clearInterval(poll)
    if (timer) clearTimeout(timer)
  }
}
