import { useEffect, useRef, type ReactElement, type ReactNode } from 'react'
import { ariaShortcut, shortcutLabel, shortcuts } from './commands'
import type { PaneName, PaneState } from './usePaneLayout'

interface PaneProps {
  pane: PaneName
  /** What the pane holds, as the button names it: "sources", "clippings". */
  label: string
  state: PaneState
  onToggle(): void
  onCloseOverlay(): void
  children: ReactNode
}

const shortcutOf = {
  library: shortcuts['toggle-library'],
  clippings: shortcuts['toggle-clippings'],
} as const

/** A sidebar glyph: the panel's edge drawn on the side the pane sits. */
function PaneIcon({ side }: { side: 'left' | 'right' }): ReactElement {
  const x = side === 'left' ? 6 : 10
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1.5" y="2.5" width="13" height="11" rx="2" fill="none" stroke="currentColor" />
      <line x1={x} y1="3" x2={x} y2="13" stroke="currentColor" />
    </svg>
  )
}

/**
 * A side pane of the desk with its collapse button. Collapsed, it keeps only the button, in a
 * slim rail, and its contents stay mounted (a search typed in the clippings survives). Opened
 * over the text on a narrow window, a click elsewhere or Esc closes it again.
 */
export function Pane(props: PaneProps): ReactElement {
  const { pane, label, state, onToggle, onCloseOverlay, children } = props
  const frame = useRef<HTMLDivElement>(null)
  const open = state !== 'collapsed'
  const bodyId = `pane-${pane}`
  const shortcut = shortcutOf[pane]

  useEffect(() => {
    if (state !== 'overlay') return
    const onPointerDown = (event: PointerEvent): void => {
      if (!frame.current?.contains(event.target as Node)) onCloseOverlay()
    }
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && !event.defaultPrevented) onCloseOverlay()
    }
    document.addEventListener('pointerdown', onPointerDown)
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown)
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [state, onCloseOverlay])

  return (
    <div className={`pane-slot pane-slot-${pane}`} data-state={state}>
      <div className="pane-frame" ref={frame}>
        <button
          type="button"
          className="button button-icon pane-toggle"
          aria-label={`${open ? 'Collapse' : 'Expand'} ${label}`}
          aria-expanded={open}
          aria-controls={bodyId}
          aria-keyshortcuts={ariaShortcut(shortcut)}
          title={`${open ? 'Hide' : 'Show'} ${label} (${shortcutLabel(shortcut)})`}
          onClick={onToggle}
        >
          <PaneIcon side={pane === 'library' ? 'left' : 'right'} />
        </button>
        <div className="pane-body" id={bodyId} hidden={!open}>
          {children}
        </div>
      </div>
    </div>
  )
}
