import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { TextRange } from './offsets'
import './selection-popover.css'

interface SelectionPopoverProps {
  range: TextRange
  /** The note form is open: it stays, though typing in it moves the document's selection. */
  noteOpen: boolean
  onOpenNote: () => void
  /** Resolves true once the clipping is stored. */
  onClip: (range: TextRange, note?: string) => Promise<boolean>
  /** Esc, a scroll of the reader, or a click elsewhere. */
  onClose: () => void
}

const GAP = 8
const MARGIN = 8

/**
 * "Clip" and "Clip with note…" next to the reader's selection: below its last line, or above its
 * first when there is no room below, never over the selected words. It sits right after the
 * reader's text in the page, so Tab from the selection reaches it.
 */
export function SelectionPopover({
  range,
  noteOpen,
  onOpenNote,
  onClip,
  onClose,
}: SelectionPopoverProps): React.JSX.Element {
  const boxRef = useRef<HTMLDivElement>(null)
  const noteRef = useRef<HTMLTextAreaElement>(null)
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null)
  const [note, setNote] = useState('')
  const [saving, setSaving] = useState(false)

  useLayoutEffect(() => {
    if (noteOpen) return
    const selection = document.getSelection()
    const box = boxRef.current
    if (!selection || selection.rangeCount === 0 || !box) return
    const rects = Array.from(selection.getRangeAt(0).getClientRects()).filter(
      (rect) => rect.width > 0 || rect.height > 0,
    )
    const first = rects[0]
    const last = rects[rects.length - 1]
    if (!first || !last) return
    const { offsetWidth: width, offsetHeight: height } = box
    const below = last.bottom + GAP
    const top =
      below + height + MARGIN <= window.innerHeight
        ? below
        : Math.max(MARGIN, first.top - GAP - height)
    const left = Math.min(
      Math.max(MARGIN, last.right - width / 2),
      window.innerWidth - width - MARGIN,
    )
    setPlace({ left, top })
  }, [range.start, range.end, noteOpen])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      // Tab from the selected words (the focus still on the page) goes to Clip first.
      const onPage = document.activeElement === null || document.activeElement === document.body
      if (event.key === 'Tab' && !event.shiftKey && !noteOpen && onPage) {
        const first = boxRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')
        if (first) {
          event.preventDefault()
          first.focus()
        }
        return
      }
      if (event.key !== 'Escape') return
      event.preventDefault()
      onClose()
    }
    // The popover stays by the words only while they stay put.
    const onMove = (): void => {
      if (!noteOpen) onClose()
    }
    // The element the selected words scroll with.
    const scroller = boxRef.current?.closest('.reader-scroll')
    document.addEventListener('keydown', onKeyDown)
    scroller?.addEventListener('scroll', onMove, { passive: true })
    window.addEventListener('resize', onMove)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      scroller?.removeEventListener('scroll', onMove)
      window.removeEventListener('resize', onMove)
    }
  }, [onClose, noteOpen])

  useEffect(() => {
    if (noteOpen) noteRef.current?.focus()
  }, [noteOpen])

  const clip = async (withNote?: string): Promise<void> => {
    setSaving(true)
    const stored = await onClip(range, withNote)
    setSaving(false)
    if (stored) onClose()
  }

  return (
    <div
      ref={boxRef}
      className={noteOpen ? 'selection-popover is-note' : 'selection-popover'}
      role="group"
      aria-label="Clip the selection"
      style={place ? { left: place.left, top: place.top } : { visibility: 'hidden' }}
      // Pressing a button must not drop the selection it acts on.
      onMouseDown={(event) => {
        if (!(event.target instanceof HTMLTextAreaElement)) event.preventDefault()
      }}
    >
      {noteOpen ? (
        <form
          className="selection-popover-form"
          onSubmit={(event) => {
            event.preventDefault()
            void clip(note)
          }}
        >
          <label className="visually-hidden" htmlFor="selection-note">
            Note
          </label>
          <textarea
            id="selection-note"
            ref={noteRef}
            rows={3}
            placeholder="Why this passage matters…"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault()
                void clip(note)
              }
            }}
          />
          <div className="selection-popover-actions">
            <button type="button" className="button button-quiet button-small" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button button-primary button-small" disabled={saving}>
              Clip
            </button>
          </div>
        </form>
      ) : (
        <>
          <button
            type="button"
            className="button button-primary button-small"
            disabled={saving}
            onClick={() => void clip()}
          >
            Clip
          </button>
          <button type="button" className="button button-quiet button-small" onClick={onOpenNote}>
            Clip with note…
          </button>
        </>
      )}
    </div>
  )
}
