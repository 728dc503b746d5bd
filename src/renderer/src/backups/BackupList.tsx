import { useState, type ReactElement } from 'react'
import type { BackupInfo, RestoreReport } from '../../../shared/ipc'
import { call } from '../api'
import { formatDateTime } from '../ui/format'

const reasons: Record<BackupInfo['reason'], string> = {
  start: 'when Commonplace started',
  hourly: 'hourly',
  manual: 'taken by hand',
  'before-restore': 'before a restore',
  'before-repair': 'before a repair',
  'before-upgrade': 'before an upgrade',
}

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

function contents(backup: BackupInfo): string {
  if (!backup.verified)
    return 'a plain copy of a damaged notebook (kept for rescue, not restorable)'
  const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`
  return `${plural(backup.sources, 'source')}, ${plural(backup.clippings, 'clipping')}, ${plural(backup.essays, 'essay')}`
}

interface BackupListProps {
  backups: BackupInfo[]
  /** After a restore: the app reloads everything from the notebook now on disk. */
  onRestored(report: RestoreReport): void
}

/**
 * The notebook's backups, newest first, each restorable after a confirmation that says what
 * happens to the notebook as it is now (it is backed up first, so a restore can be undone).
 */
export function BackupList({ backups, onRestored }: BackupListProps): ReactElement {
  const [confirming, setConfirming] = useState<BackupInfo | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')

  const restore = async (backup: BackupInfo): Promise<void> => {
    setBusy(true)
    const result = await call((api) => api.restoreBackup(backup.name))
    setBusy(false)
    setConfirming(null)
    if (!result.ok) return setProblem(result.error.message)
    onRestored(result.value)
  }

  if (backups.length === 0) return <p className="backups-empty">No backups yet.</p>
  return (
    <>
      <ul className="backups-list" aria-label="Backups">
        {backups.map((backup) => (
          <li key={backup.name} className="backups-item">
            <div>
              <p className="backups-when">
                <time dateTime={backup.createdAt}>{formatDateTime(backup.createdAt)}</time>
                <span className="backups-reason"> · {reasons[backup.reason]}</span>
              </p>
              <p className="backups-contents">
                {contents(backup)} · {size(backup.bytes)}
              </p>
            </div>
            {backup.verified && (
              <button
                type="button"
                className="button"
                disabled={busy}
                aria-label={`Restore the backup of ${formatDateTime(backup.createdAt)}`}
                onClick={() => setConfirming(backup)}
              >
                Restore…
              </button>
            )}
          </li>
        ))}
      </ul>
      {problem && (
        <p className="backups-problem" role="alert">
          {problem}
        </p>
      )}
      {confirming && (
        <div className="backups-confirm" role="alertdialog" aria-label="Restore backup">
          <p>
            Put the backup of {formatDateTime(confirming.createdAt)} ({contents(confirming)}) in
            place of the notebook? The notebook as it is now is backed up first, so you can come
            back to it.
          </p>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void restore(confirming)}
          >
            Restore
          </button>
          <button type="button" className="button" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      )}
    </>
  )
}
