import { useId, useState } from 'react'
import type { SourceMetadata } from '../../../shared/domain'
import { call } from '../api'

interface PasteEntryProps {
  /** Puts the entry's details in the form's fields; answers how many it filled. */
  onFill: (metadata: SourceMetadata) => number
}

/**
 * "Paste BibTeX or CSL-JSON…" in Edit details: one entry copied from Zotero (or any reference
 * manager) fills the form, for the writer to check and save. Main parses it: the parsers live
 * there, and nothing is saved until "Save details".
 */
export function PasteEntry({ onFill }: PasteEntryProps): React.JSX.Element {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const [reading, setReading] = useState(false)

  const fill = async (): Promise<void> => {
    setReading(true)
    const result = await call((api) => api.parseBibEntry(text))
    setReading(false)
    if (!result.ok) return setMessage({ error: true, text: result.error.message })
    const count = onFill(result.value)
    setMessage({
      error: false,
      text: `Filled ${count} field${count === 1 ? '' : 's'} from the entry: check them, then save.`,
    })
    setText('')
    setOpen(false)
  }

  return (
    <div className="field field-wide paste-entry">
      {open ? (
        <>
          <label htmlFor={`${id}-entry`}>BibTeX or CSL-JSON entry</label>
          <textarea
            id={`${id}-entry`}
            rows={6}
            value={text}
            spellCheck={false}
            placeholder="@article{key, title = {…}, …}"
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              // Escape closes the paste box, not the whole form.
              if (event.key === 'Escape') {
                event.stopPropagation()
                setOpen(false)
              }
            }}
          />
          <div className="form-actions">
            <button
              type="button"
              className="button"
              disabled={reading || text.trim() === ''}
              onClick={() => void fill()}
            >
              Fill details from entry
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          Paste BibTeX or CSL-JSON…
        </button>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : ''}>
          {message.text}
        </p>
      )}
    </div>
  )
}
