import { useId, useState, type FormEvent } from 'react'
import type { SourceMetadata, SourceSummary } from '../../../shared/domain'
import { PasteEntry } from './PasteEntry'
import './details-form.css'

interface DetailsFormProps {
  source: SourceSummary
  /** Resolves to an error message to show, or null once saved. */
  onSave: (metadata: SourceMetadata) => Promise<string | null>
  onCancel: () => void
}

type Field = keyof SourceMetadata

const fields: { name: Field; label: string; placeholder?: string; wide?: boolean }[] = [
  { name: 'title', label: 'Title', wide: true },
  { name: 'author', label: 'Author' },
  { name: 'siteName', label: 'Site name' },
  { name: 'publishedAt', label: 'Published', placeholder: 'YYYY-MM-DD' },
  { name: 'publisher', label: 'Publisher' },
  { name: 'identifier', label: 'ISBN or DOI' },
  { name: 'citationKey', label: 'Citation key', placeholder: 'as in Zotero: smithHistory2020' },
  { name: 'url', label: 'URL', placeholder: 'https://', wide: true },
]

export function DetailsForm({ source, onSave, onCancel }: DetailsFormProps): React.JSX.Element {
  const idPrefix = useId()
  const [values, setValues] = useState<Record<Field, string>>({
    title: source.title,
    author: source.author ?? '',
    siteName: source.siteName ?? '',
    publishedAt: source.publishedAt ?? '',
    publisher: source.publisher ?? '',
    identifier: source.identifier ?? '',
    url: source.url ?? '',
    citationKey: source.citationKey ?? '',
  })
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setSaving(true)
    // Empty fields are sent as empty strings: main reads that as "clear this detail".
    const message = await onSave({
      title: values.title.trim(),
      author: values.author.trim(),
      siteName: values.siteName.trim(),
      publishedAt: values.publishedAt.trim(),
      publisher: values.publisher.trim(),
      identifier: values.identifier.trim(),
      url: values.url.trim(),
      citationKey: values.citationKey.trim(),
    })
    setSaving(false)
    setError(message)
  }

  return (
    <form
      className="details-form"
      aria-label="Source details"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel()
      }}
    >
      {fields.map(({ name, label, placeholder, wide }) => (
        <div key={name} className={wide ? 'field field-wide' : 'field'}>
          <label htmlFor={`${idPrefix}-${name}`}>{label}</label>
          <input
            id={`${idPrefix}-${name}`}
            type="text"
            inputMode={name === 'url' ? 'url' : undefined}
            value={values[name]}
            placeholder={placeholder}
            autoFocus={name === 'title'}
            spellCheck={name === 'title' || name === 'author'}
            autoCapitalize={name === 'citationKey' ? 'off' : undefined}
            onChange={(event) => setValues({ ...values, [name]: event.target.value })}
          />
        </div>
      ))}
      <PasteEntry
        onFill={(metadata) => {
          const known = new Set<string>(fields.map(({ name }) => name))
          const filled = Object.fromEntries(
            Object.entries(metadata).filter(([name, value]) => known.has(name) && value),
          )
          // The entry is the writer's choice: its details replace what the fields held.
          setValues((current) => ({ ...current, ...filled }))
          return Object.keys(filled).length
        }}
      />
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          Save details
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
