import { useEffect, useId, useRef, type ReactElement, type ReactNode } from 'react'
import './modal-dialog.css'

interface ModalDialogProps {
  title: string
  onClose(): void
  children: ReactNode
  className?: string
}

/**
 * A modal `<dialog>`: the browser keeps focus inside it, Escape closes it, and focus goes back
 * to where it was when it closes. Named by its heading, with a Close button first in its header.
 */
export function ModalDialog({
  title,
  onClose,
  children,
  className,
}: ModalDialogProps): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    const before = document.activeElement as HTMLElement | null
    element.showModal()
    return () => {
      if (element.open) element.close()
      before?.focus?.()
    }
  }, [])
  return (
    <dialog
      ref={dialog}
      className={`modal-dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <header className="modal-dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </header>
      {children}
    </dialog>
  )
}
