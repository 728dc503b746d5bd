import { useEffect, useRef, type ReactElement, type ReactNode } from 'react'

interface ModalDialogProps {
  label: string
  /** 'alertdialog' for a question that interrupts (the export gate, a deletion). */
  role?: 'dialog' | 'alertdialog'
  className?: string
  /** Escape, or the dialog closed by the browser: the owner stops rendering it. */
  onClose(): void
  children: ReactNode
}

/**
 * A native modal dialog: over the essay rather than pushing it down, the rest of the window inert
 * while it is open, Escape to close, focus back where it was after.
 */
export function ModalDialog(props: ModalDialogProps): ReactElement {
  const { label, role, className, onClose, children } = props
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])
  return (
    <dialog
      ref={dialog}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-label={label}
      className={`essay-dialog ${className ?? ''}`}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      {children}
    </dialog>
  )
}
