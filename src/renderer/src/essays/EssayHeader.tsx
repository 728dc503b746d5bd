import { useEffect, useRef, useState, type ReactElement } from 'react'
import type { SaveStatus } from './useAutosave'

export interface EssayHeaderProps {
  title: string
  status: SaveStatus
  saveError: string
  /** Select the title on mount, for a new essay the writer will want to name. */
  selectTitle: boolean
  onRename(title: string): void
  onDelete(): void
}

const statusText: Record<Exclude<SaveStatus, 'error'>, string> = {
  saved: 'Saved',
  saving: 'Saving…',
}

/** The open essay's title (rename in place), its save state and the delete button. */
export function EssayHeader(props: EssayHeaderProps): ReactElement {
  const { title, status, saveError, selectTitle, onRename, onDelete } = props
  const [draft, setDraft] = useState(title)
  const [seen, setSeen] = useState(title)
  const input = useRef<HTMLInputElement>(null)
  // The title changed from outside (a rename came back cleaned up): show it.
  if (title !== seen) {
    setSeen(title)
    setDraft(title)
  }
  useEffect(() => {
    if (selectTitle) input.current?.select()
  }, [selectTitle])

  const commit = (): void => {
    const clean = draft.trim()
    if (clean === '' || clean === title) setDraft(title)
    else onRename(clean)
  }

  return (
    <header className="essay-header">
      {/* Named "Title", not "Essay title": the editor is the textbox named "Essay", and role
          queries match names by substring, so "Essay title" would make that lookup ambiguous. */}
      <input
        ref={input}
        className="essay-title"
        aria-label="Title"
        value={draft}
        maxLength={500}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            commit()
          } else if (event.key === 'Escape') {
            setDraft(title)
          }
        }}
      />
      <p className={`essay-save essay-save-${status}`} role="status">
        {status === 'error' ? `Not saved: ${saveError}` : statusText[status]}
      </p>
      <button type="button" className="essays-button essays-button-quiet" onClick={onDelete}>
        Delete essay
      </button>
    </header>
  )
}
