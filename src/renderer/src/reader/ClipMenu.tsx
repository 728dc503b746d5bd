import { useEffect, useRef } from 'react'

export interface MenuPosition {
  x: number
  y: number
}

interface ClipMenuProps {
  position: MenuPosition
  onClip: () => void
  onClose: () => void
}

const MENU_WIDTH = 180
const MENU_HEIGHT = 48

/** The reader's context menu: one command for now, shaped as a menu so more can join it. */
export function ClipMenu({ position, onClip, onClose }: ClipMenuProps): React.JSX.Element {
  const menuRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const onPointerDown = (event: PointerEvent): void => {
      if (!menuRef.current?.contains(event.target as Node)) onClose()
    }
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault()
        onClose()
      }
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    document.addEventListener('keydown', onKeyDown)
    window.addEventListener('blur', onClose)
    window.addEventListener('resize', onClose)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true)
      document.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('blur', onClose)
      window.removeEventListener('resize', onClose)
    }
  }, [onClose])

  // Kept inside the window when the click was near its right or bottom edge.
  const left = Math.min(position.x, window.innerWidth - MENU_WIDTH - 8)
  const top = Math.min(position.y, window.innerHeight - MENU_HEIGHT - 8)
  return (
    <div
      ref={menuRef}
      role="menu"
      aria-label="Reader"
      className="context-menu"
      style={{ left, top, minWidth: MENU_WIDTH }}
      // Pressing inside the menu must not drop the reader's selection.
      onMouseDown={(event) => event.preventDefault()}
      onContextMenu={(event) => event.preventDefault()}
    >
      <button type="button" role="menuitem" className="context-menu-item" onClick={onClip}>
        Clip selection
      </button>
    </div>
  )
}
