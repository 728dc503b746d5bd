import { useEffect, useRef } from 'react'

export interface MenuPosition {
  x: number
  y: number
}

interface ClipMenuProps {
  position: MenuPosition
  onClip: () => void
  onCopy: () => void
  /** The passage in curly quotes with its source's title, site, date and address. */
  onCopyQuotation: () => void
  onClose: () => void
}

const MENU_WIDTH = 240
const MENU_HEIGHT = 120

/** The reader's context menu on a selection: clip it, or copy it (plain, or as a quotation). */
export function ClipMenu({
  position,
  onClip,
  onCopy,
  onCopyQuotation,
  onClose,
}: ClipMenuProps): React.JSX.Element {
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
        return
      }
      // Up and down move between the items, as in a native menu.
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
      const items = Array.from(
        menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [],
      )
      const at = items.indexOf(document.activeElement as HTMLElement)
      const step = event.key === 'ArrowDown' ? 1 : -1
      event.preventDefault()
      items[(at + step + items.length) % items.length]?.focus()
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
      <button type="button" role="menuitem" className="context-menu-item" onClick={onCopy}>
        Copy
      </button>
      <button type="button" role="menuitem" className="context-menu-item" onClick={onCopyQuotation}>
        Copy as quotation with citation
      </button>
    </div>
  )
}
