import { useEffect, useId, useState, type FormEvent, type ReactElement } from 'react'
import type { SyncStatus } from '../../../shared/ipc'
import { call } from '../api'
import { useSettings } from './SettingsContext'

/** The status line: connected, offline with changes waiting, or refused with the reason. */
export function syncStatusText(status: SyncStatus): string {
  if (!status.enabled) return 'Sync is off: this notebook is kept on this computer only.'
  const where = `${status.server ?? 'the server'} as “${status.notebook ?? ''}”`
  if (status.error) return `Refused by ${where}: ${status.error}`
  if (status.connected) {
    const last = status.lastSyncAt
      ? `, last synced ${new Date(status.lastSyncAt).toLocaleString()}`
      : ''
    return `Connected to ${where}${last}.`
  }
  const waiting = status.pendingUpdates === 1 ? '1 change' : `${status.pendingUpdates} changes`
  return `Offline (${where}), with ${waiting} waiting to be sent.`
}

/**
 * Settings > Sync: the name co-authors see by this writer's cursor, and the server this
 * notebook syncs with (turned on with Connect, off with Turn off). The status follows
 * main's `sync:status` events.
 */
export function SyncSettings(): ReactElement {
  const id = useId()
  const { settings, update } = useSettings()
  const [name, setName] = useState(settings.userName)
  const [status, setStatus] = useState<SyncStatus | null>(null)
  const [unavailable, setUnavailable] = useState<string | null>(null)
  const [form, setForm] = useState({ server: '', notebook: '', token: '' })
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let current = true
    void call((api) => api.getSyncStatus()).then((result) => {
      if (!current) return
      if (!result.ok) return setUnavailable(result.error.message)
      setStatus(result.value)
      setForm((old) => ({
        ...old,
        server: result.value.server ?? old.server,
        notebook: result.value.notebook ?? old.notebook,
      }))
    })
    const stop = window.commonplace.onSyncStatus(setStatus)
    return () => {
      current = false
      stop()
    }
  }, [])

  const saveName = (): void => {
    if (name.trim() !== settings.userName) void update({ userName: name.trim() }).then(setProblem)
  }

  const configure = async (config: typeof form | null): Promise<void> => {
    setBusy(true)
    const result = await call((api) => api.configureSync(config))
    setBusy(false)
    if (!result.ok) return setProblem(result.error.message)
    setProblem(null)
    setStatus(result.value)
  }

  const connect = (event: FormEvent): void => {
    event.preventDefault()
    void configure(form)
  }

  const field = (key: keyof typeof form, label: string, type = 'text'): ReactElement => (
    <div className="settings-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        value={form[key]}
        required
        autoComplete="off"
        disabled={status?.enabled}
        onChange={(event) => setForm({ ...form, [key]: event.target.value })}
      />
    </div>
  )

  return (
    <fieldset className="settings-field settings-sync">
      <legend>Sync</legend>
      <div className="settings-field">
        <label htmlFor={`${id}-name`}>Your name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          maxLength={100}
          aria-describedby={`${id}-name-hint`}
          onChange={(event) => setName(event.target.value)}
          onBlur={saveName}
        />
        <p id={`${id}-name-hint`} className="settings-hint">
          Co-authors see it by your cursor; when empty, your computer account’s name.
        </p>
      </div>
      <p className="settings-hint" role="status">
        {unavailable ?? (status ? syncStatusText(status) : 'Asking how sync stands…')}
      </p>
      {!unavailable && (
        <form onSubmit={connect}>
          {field('server', 'Server (ws://host:port)')}
          {field('notebook', 'Notebook name')}
          {!status?.enabled && field('token', 'Token', 'password')}
          <div className="settings-actions">
            {status?.enabled ? (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void configure(null)}
              >
                Turn off
              </button>
            ) : (
              <button type="submit" className="button" disabled={busy}>
                Connect
              </button>
            )}
          </div>
        </form>
      )}
      {problem && (
        <p className="settings-problem" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  )
}
