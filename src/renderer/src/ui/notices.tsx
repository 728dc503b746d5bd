import './notices.css'
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { Toast } from './Toast'

export interface NoticeAction {
  label: string
  run: () => void
}

export interface Notice {
  id: number
  kind: 'error' | 'info'
  message: string
  action?: NoticeAction
}

export interface Notify {
  /** Stays until dismissed: the user has to be able to read what went wrong. */
  error(message: string): void
  /** Goes away on its own after a while. */
  info(message: string, action?: NoticeAction): void
}

const NotifyContext = createContext<Notify | null>(null)

export function useNotify(): Notify {
  const notify = useContext(NotifyContext)
  if (!notify) throw new Error('useNotify needs a NoticesProvider above it')
  return notify
}

let nextId = 1

export function NoticesProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const [notices, setNotices] = useState<Notice[]>([])
  const dismiss = useCallback((id: number): void => {
    setNotices((current) => current.filter((notice) => notice.id !== id))
  }, [])
  const notify = useMemo<Notify>(() => {
    const push = (notice: Omit<Notice, 'id'>): void => {
      const id = nextId++
      // A new status replaces the previous one of its sort: statuses are news, not a log, and
      // two "Undo" buttons side by side would be ambiguous. Errors stay until read.
      setNotices((current) => [
        ...current.filter(
          (other) =>
            other.kind === 'error' || notice.kind === 'error' || !other.action !== !notice.action,
        ),
        { ...notice, id },
      ])
    }
    return {
      error: (message) => push({ kind: 'error', message }),
      info: (message, action) => push({ kind: 'info', message, action }),
    }
  }, [])

  const errors = notices.filter((notice) => notice.kind === 'error')
  const infos = notices.filter((notice) => notice.kind === 'info')
  return (
    <NotifyContext.Provider value={notify}>
      {children}
      <div className="notices">
        {errors.map((notice) => (
          <Toast key={notice.id} notice={notice} onDismiss={dismiss} />
        ))}
        {/* Always present, so screen readers announce what is added to it. */}
        <div role="status" className="notices-status">
          {infos.map((notice) => (
            <Toast key={notice.id} notice={notice} onDismiss={dismiss} />
          ))}
        </div>
      </div>
    </NotifyContext.Provider>
  )
}
