import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react'
import type { ClippingView } from '../../../shared/domain'
import type { CitationData } from '../../../shared/essay'
import { call } from '../api'
import { citationDataFrom, withLocator } from './citationData'

export type CitationMode = 'block' | 'inline'

export interface CitationPickerProps {
  /** Text was selected when the picker opened, so it can be cited inline instead of as a block. */
  inlineAvailable: boolean
  onCite(data: CitationData, mode: CitationMode): void
  /** Closed without citing (Escape, Cancel, a click outside). */
  onClose(): void
}

const SEARCH_DELAY_MS = 150

/** A clipping's citation data; its source supplies the attribution the snapshot keeps. */
async function citationFor(clipping: ClippingView): Promise<CitationData> {
  const detail = await call((api) => api.getSource(clipping.sourceId))
  if (detail.ok) return citationDataFrom(clipping, detail.value.source)
  // The source could not be read: cite with what the clipping knows rather than not at all.
  return withLocator(
    {
      clippingId: clipping.id,
      sourceId: clipping.sourceId,
      snapshot: { exact: clipping.target[0].exact, title: clipping.sourceTitle },
    },
    clipping,
  )
}

/** "Insert citation": search clippings by text, source or tag and cite one. */
export function CitationPicker(props: CitationPickerProps): ReactElement {
  const { inlineAvailable, onCite, onClose } = props
  const [search, setSearch] = useState('')
  const [results, setResults] = useState<ClippingView[] | null>(null)
  const [error, setError] = useState('')
  const [active, setActive] = useState(0)
  const [inline, setInline] = useState(false)
  const [busy, setBusy] = useState(false)
  const dialog = useRef<HTMLDivElement>(null)
  const listId = useId()

  useEffect(() => {
    let current = true
    const timer = window.setTimeout(async () => {
      // The first page is what a picker shows: newest first, or the best matches.
      const found = await call((api) => api.listClippings({ search: search.trim(), limit: 50 }))
      // A slower answer to an older search must not replace a newer one.
      if (!current) return
      if (found.ok) {
        setResults(found.value.items)
        setError('')
      } else setError(found.error.message)
      setActive(0)
    }, SEARCH_DELAY_MS)
    return () => {
      current = false
      window.clearTimeout(timer)
    }
  }, [search])

  const choose = async (clipping: ClippingView | undefined): Promise<void> => {
    if (!clipping || busy) return
    setBusy(true)
    onCite(await citationFor(clipping), inline ? 'inline' : 'block')
  }

  // Focus stays inside the modal dialog: Tab from the last control returns to the first.
  const trapTab = (event: KeyboardEvent): void => {
    const focusable = dialog.current?.querySelectorAll<HTMLElement>('input, button:not(:disabled)')
    const first = focusable?.[0]
    const last = focusable?.[focusable.length - 1]
    if (!first || !last) return
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first.focus()
    }
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    const count = results?.length ?? 0
    if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
    } else if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault()
      setActive((index) => (index + 1) % count)
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault()
      setActive((index) => (index - 1 + count) % count)
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault()
      void choose(results?.[active])
    } else if (event.key === 'Tab') {
      trapTab(event)
    }
  }

  const activeId = results?.[active] ? `${listId}-${active}` : undefined
  return (
    <div
      className="picker-backdrop"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        ref={dialog}
        className="picker"
        role="dialog"
        aria-modal="true"
        aria-label="Insert citation"
        onKeyDown={onKeyDown}
      >
        <div className="picker-head">
          <input
            type="search"
            className="picker-search"
            aria-label="Search clippings to cite"
            placeholder="Search clippings by text, source or tag"
            value={search}
            autoFocus
            aria-controls={listId}
            aria-activedescendant={activeId}
            onChange={(event) => setSearch(event.target.value)}
          />
          {inlineAvailable && (
            <button
              type="button"
              className="tool-button tool-button-text picker-mode"
              aria-pressed={inline}
              title="Mark the selected words as a paraphrase of the clipping you choose"
              onClick={() => setInline((value) => !value)}
            >
              Cite selection inline
            </button>
          )}
        </div>
        {error && (
          <p className="picker-message" role="alert">
            {error}
          </p>
        )}
        {results !== null && results.length === 0 && !error && (
          <p className="picker-message">
            {search.trim()
              ? 'No clippings match.'
              : 'No clippings yet: clip a passage in a source.'}
          </p>
        )}
        <ul id={listId} className="picker-results" role="listbox" aria-label="Clippings">
          {results?.map((clipping, index) => (
            <li
              key={clipping.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="picker-result"
              onMouseEnter={() => setActive(index)}
              onClick={() => void choose(clipping)}
            >
              <span className="picker-quote">{clipping.target[0].exact}</span>
              <span className="picker-meta">
                <span className="picker-source">{clipping.sourceTitle}</span>
                {clipping.tags.map((tag) => (
                  <span key={tag} className="picker-tag">
                    #{tag}
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ul>
        <p className="picker-hint" aria-hidden="true">
          ↑↓ to choose · Enter to {inline ? 'cite the selection inline' : 'insert'} · Esc to close
        </p>
      </div>
    </div>
  )
}
