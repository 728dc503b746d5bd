import { useEffect, useState, type ReactElement } from 'react'
import type { BackupInfo, RepairSummary } from '../../../shared/ipc'
import { call } from '../api'
import { BackupList } from './BackupList'
import './backups.css'

interface RecoveryProps {
  /** Why the notebook was not opened, as main said it. */
  message: string
  dataDir: string
  /** The notebook opens again: show it. */
  onRecovered(): void
}

/**
 * Shown instead of the notebook when its index is missing or damaged: Commonplace refuses to
 * take it for an empty notebook, says what is wrong, and offers the two ways back.
 */
export function Recovery({ message, dataDir, onRecovered }: RecoveryProps): ReactElement {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null)
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void call((api) => api.listBackups()).then((result) => {
      if (result.ok) setBackups(result.value)
      else setProblem(result.error.message)
    })
  }, [])

  const repair = async (): Promise<void> => {
    setBusy(true)
    const result = await call((api) => api.repairNotebook())
    setBusy(false)
    if (!result.ok) return setProblem(result.error.message)
    const summary: RepairSummary = result.value
    if (summary.damagedFiles.length > 0) {
      setProblem(
        `Rebuilt, but these files do not validate and are not listed: ${summary.damagedFiles.join(', ')}`,
      )
    }
    onRecovered()
  }

  return (
    <main className="recovery" aria-label="Recover the notebook">
      <h1>The notebook could not be opened</h1>
      <p className="recovery-where">{dataDir}</p>
      <p role="alert" className="recovery-message">
        {message}
      </p>
      <section aria-label="Rebuild">
        <h2>Rebuild the index</h2>
        <p>
          Lists every source and essay whose file is readable, as they are now; the notebook is
          backed up first.
        </p>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => void repair()}
        >
          Rebuild from files
        </button>
      </section>
      <section aria-label="Restore">
        <h2>Or restore a backup</h2>
        {backups === null ? (
          <p>Loading…</p>
        ) : (
          <BackupList backups={backups} onRestored={onRecovered} />
        )}
      </section>
      {problem && (
        <p role="alert" className="recovery-problem">
          {problem}
        </p>
      )}
    </main>
  )
}
