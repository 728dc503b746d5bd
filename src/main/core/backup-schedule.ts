import type { BackupInfo } from '../../shared/ipc'
import type { NotebookSession } from './notebook-session'
import { ChangeFeed } from './store/change-feed'

const HOUR = 3_600_000

/**
 * The app's backups: one soon after it starts, then at most one an hour while the notebook changes.
 * The first waits a minute: a snapshot reads and checks every source file, which in a notebook of
 * 100,000 clippings would compete with showing the first page and answering the first search.
 * A backup is skipped when the notebook is empty or unchanged since the newest one, so idle
 * hours and restarts do not push older snapshots out of the rotation.
 */
export function scheduleBackups(
  session: NotebookSession,
  { everyMs = HOUR, checkMs = 5 * 60_000, startAfterMs = 60_000 } = {},
  report: (error: unknown) => void = () => undefined,
): () => void {
  const feed = new ChangeFeed(session.dataDir)
  const due = async (reason: BackupInfo['reason']): Promise<void> => {
    if (session.status().state !== 'open') return
    const library = await session.commonplace.store.library()
    if (library.sources.length === 0 && library.essays.length === 0) return
    const [newest] = await session.listBackups()
    const revision = await feed.latest()
    if (newest && newest.revision === revision) return
    if (reason === 'hourly' && newest && Date.now() - Date.parse(newest.createdAt) < everyMs) return
    await session.backup(reason)
  }
  const first = setTimeout(() => void due('start').catch(report), startAfterMs)
  first.unref()
  const timer = setInterval(() => void due('hourly').catch(report), checkMs)
  timer.unref()
  return () => {
    clearTimeout(first)
    clearInterval(timer)
  }
}
