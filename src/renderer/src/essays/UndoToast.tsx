import { useEffect, useId, useState, type ReactElement } from 'react'

export interface ToastMessage {
  id: number
  message: string
  /** Offered as an "Undo" button; the toast closes when it is chosen. */
  undo?: () => void
}

const SHOW_MS = 10_000

/** A small toast that waits while the pointer or keyboard is on it, so "Undo" does not vanish. */
export function UndoToast({
  toast,
  onDismiss,
}: {
  toast: ToastMessage
  onDismiss(): void
}): ReactElement {
  const [held, setHeld] = useState(false)
  const messageId = useId()
  useEffect(() => {
    if (held) return
    const timer = window.setTimeout(onDismiss, SHOW_MS)
    return () => window.clearTimeout(timer)
  }, [toast.id, held, onDismiss])

  return (
    <div
      className="essays-toast"
      // A group named by its message, so its "Undo" can be told from the editor toolbar's.
      role="group"
      aria-labelledby={messageId}
      aria-live="polite"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span id={messageId}>{toast.message}</span>
      {toast.undo && (
        <button
          type="button"
          className="essays-button"
          onClick={() => {
            toast.undo?.()
            onDismiss()
          }}
        >
          Undo
        </button>
      )}
      <button type="button" className="essays-button-icon" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  )
}
