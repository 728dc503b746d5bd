import { useEffect, useState } from 'react'
import type { Notice } from './notices'

const SHORT_MS = 4000
const WITH_ACTION_MS = 10000

interface ToastProps {
  notice: Notice
  onDismiss: (id: number) => void
}

export function Toast({ notice, onDismiss }: ToastProps): React.JSX.Element {
  // A toast the pointer or keyboard is on stays put, so "Undo" cannot vanish under the cursor.
  const [held, setHeld] = useState(false)
  const { id, kind, action } = notice

  useEffect(() => {
    if (kind === 'error' || held) return
    const timer = window.setTimeout(() => onDismiss(id), action ? WITH_ACTION_MS : SHORT_MS)
    return () => window.clearTimeout(timer)
  }, [id, kind, action, held, onDismiss])

  return (
    <div
      className={`toast toast-${kind}`}
      role={kind === 'error' ? 'alert' : undefined}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <p className="toast-message">{notice.message}</p>
      {action && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            action.run()
            onDismiss(id)
          }}
        >
          {action.label}
        </button>
      )}
      <button
        type="button"
        className="button button-icon"
        aria-label="Dismiss"
        title="Dismiss"
        onClick={() => onDismiss(id)}
      >
        ×
      </button>
    </div>
  )
}
