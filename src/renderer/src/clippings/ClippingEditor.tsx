import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { ClippingView } from '../../../shared/domain'
import type { ClippingEdit } from '../../../shared/ipc'
import { matches } from '../ui/commands'
import { formShortcuts } from '../ui/keyboard'
import { formatTags, parseTags } from './tags'

interface ClippingEditorProps {
  clipping: ClippingView
  /** Resolves to an error message to show, or null once saved. */
  onSave: (edit: ClippingEdit) => Promise<string | null>
  onDone: () => void
}

export function ClippingEditor({
  clipping,
  onSave,
  onDone,
}: ClippingEditorProps): React.JSX.Element {
  const id = useId()
  const [note, setNote] = useState(clipping.note)
  const [tags, setTags] = useState(formatTags(clipping.tags))
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const save = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault()
    setSaving(true)
    const message = await onSave({ id: clipping.id, note: note.trim(), tags: parseTags(tags) })
    setSaving(false)
    if (message === null) onDone()
    else setError(message)
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onDone()
    } else if (matches(event.nativeEvent, formShortcuts.save)) {
      void save(event)
    }
  }

  return (
    <form className="clipping-editor" onSubmit={(event) => void save(event)} onKeyDown={onKeyDown}>
      <label htmlFor={`${id}-note`}>Note</label>
      <textarea
        id={`${id}-note`}
        value={note}
        rows={3}
        autoFocus
        placeholder="Why this passage matters"
        onChange={(event) => setNote(event.target.value)}
      />
      <label htmlFor={`${id}-tags`}>Tags</label>
      <input
        id={`${id}-tags`}
        type="text"
        value={tags}
        placeholder="film, interview"
        spellCheck={false}
        aria-describedby={`${id}-tags-hint`}
        onChange={(event) => setTags(event.target.value)}
      />
      <p className="field-hint" id={`${id}-tags-hint`}>
        Separate tags with commas or spaces.
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small" disabled={saving}>
          Save
        </button>
        <button type="button" className="button button-small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
