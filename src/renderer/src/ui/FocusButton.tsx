import type { ReactElement } from 'react'
import { ariaShortcut, shortcutLabel, shortcuts } from './commands'

interface FocusButtonProps {
  focus: boolean
  onToggle(): void
}

/** Enters focus mode (only the essay shows) or leaves it; Esc leaves it too. */
export function FocusButton({ focus, onToggle }: FocusButtonProps): ReactElement {
  const shortcut = shortcuts['focus-mode']
  return (
    <button
      type="button"
      className="button button-quiet button-small focus-button"
      aria-pressed={focus}
      aria-keyshortcuts={ariaShortcut(shortcut)}
      title={
        focus ? 'Leave focus mode (Esc)' : `Focus mode: only the essay (${shortcutLabel(shortcut)})`
      }
      onClick={onToggle}
    >
      Focus mode
      {focus && (
        <kbd className="button-kbd" aria-hidden="true">
          Esc
        </kbd>
      )}
    </button>
  )
}
