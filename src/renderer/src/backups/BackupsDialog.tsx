import { useEffect, useRef, useState, type ReactElement } from 'react'
import type { BackupInfo } from '../../../shared/ipc'
import { call } from '../api'
import { useNotify } from '../ui/notices'
import { BackupList } from './BackupList'
import './backups.css'

interface BackupsDialogProps {
  onClose(): void
}

/**
 * File > Backups…: the notebook's rotating snapshots (taken when the app starts and hourly
 * while the notebook changes), one taken now on request, and any restored after confirmation.
 */
export function BackupsDialog({ onClose }: BackupsDialogProps): ReactElement {
  const notify = useNotify()
  const dialog = useRef<HTMLDialogElement>(null)
  const [backups, setBackups] = useState<BackupInfo[] | null>(null)
  const [busy, setBusy] = useState(false)

  const [listed, setListed] = useState(0)
  const load = (): void => setListed((count) => count + 1)

  useEffect(() => {
    dialog.current?.showModal()
  }, [])

  useEffect(() => {
    let current = true
    void call((api) => api.listBackups()).then((result) => {
      if (!current) return
      if (result.ok) setBackups(result.value)
      else notify.error(result.error.message)
    })
    return () => {
      current = false
    }
  }, [listed, notify])

  const backUpNow = async (): Promise<void> => {
    setBusy(true)
    const result = await call((api) => api.createBackup())
    setBusy(false)
    if (!result.ok) return notify.error(result.error.message)
    notify.info('Backed up')
    load()
  }

  return (
    <dialog
      ref={dialog}
      className="backups-dialog"
      aria-label="Backups"
      onClose={onClose}
      onCancel={onClose}
    >
      <header className="backups-header">
        <h2>Backups</h2>
        <button type="button" className="button" disabled={busy} onClick={() => void backUpNow()}>
          Back up now
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="backups-hint">
        Taken when Commonplace starts and every hour while the notebook changes; the last ten and
        one a day for a week are kept.
      </p>
      {backups === null ? (
        <p className="backups-empty">Loading…</p>
      ) : (
        <BackupList
          backups={backups}
          // Every view shows what is now on disk: start again from it.
          onRestored={() => window.location.reload()}
        />
      )}
    </dialog>
  )
}
