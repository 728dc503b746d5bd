import { useEffect, useRef, useState } from 'react'
import type { ClippingView } from '../../../shared/domain'
import { locatorLabel } from '../../../shared/layout'
import type { ClippingEdit } from '../../../shared/ipc'
import type { EssaySummary } from '../../../shared/essay'
import { call } from '../api'
import { formatShortDate } from '../ui/format'
import { ClippingEditor } from './ClippingEditor'
import { ClippingHealth } from './ClippingHealth'

interface ClippingItemProps {
  clipping: ClippingView
  active: boolean
  onShow: (clipping: ClippingView) => void
  onSave: (edit: ClippingEdit) => Promise<string | null>
  onDelete: (clipping: ClippingView) => void
  saveOpenEssay: () => Promise<void>
  onCite: (clipping: ClippingView) => void
  onDragCitation: (clipping: ClippingView, transfer: DataTransfer) => void
  onOpenEssay: (essayId: string) => void
  onAccept: (clipping: ClippingView) => Promise<void>
  onKeep: (clipping: ClippingView) => Promise<void>
  onShowWhereItWas: (clipping: ClippingView) => void
  /** Filters the list by this tag. */
  onTagClick: (tag: string) => void
}

export function ClippingItem({
  clipping,
  active,
  onShow,
  onSave,
  onDelete,
  saveOpenEssay,
  onCite,
  onDragCitation,
  onOpenEssay,
  onAccept,
  onKeep,
  onShowWhereItWas,
  onTagClick,
}: ClippingItemProps): React.JSX.Element {
  const [editing, setEditing] = useState(false)
  /** How many essays cite the clipping, while the writer confirms deleting it. */
  const [confirmingDelete, setConfirmingDelete] = useState<number | null>(null)
  const [checkingDelete, setCheckingDelete] = useState(false)
  const [citing, setCiting] = useState<EssaySummary[] | null>(null)
  const citedBy = clipping.citedBy ?? 0
  // "p. 12" beside the title: where to find the passage in the PDF or book.
  const locator = locatorLabel(clipping.locator)

  const showCiting = async (): Promise<void> => {
    if (citing) return setCiting(null)
    const result = await call((api) => api.essaysCitingClipping(clipping.id))
    if (result.ok) setCiting(result.value)
  }

  // A cited clipping is not deleted on one click: its citations would show "Missing". The count
  // shown may predate a citation just made in the open essay, so that is saved and main asked.
  const requestDelete = async (): Promise<void> => {
    setCheckingDelete(true)
    await saveOpenEssay()
    const result = await call((api) => api.essaysCitingClipping(clipping.id))
    setCheckingDelete(false)
    const count = result.ok ? result.value.length : citedBy
    if (count > 0) setConfirmingDelete(count)
    else onDelete(clipping)
  }
  const itemRef = useRef<HTMLDivElement>(null)
  const editRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (active) itemRef.current?.scrollIntoView({ block: 'nearest' })
  }, [active])

  return (
    <div
      ref={itemRef}
      className={active ? 'clipping is-active' : 'clipping'}
      aria-current={active ? 'true' : undefined}
      draggable={!editing}
      onDragStart={(event) => onDragCitation(clipping, event.dataTransfer)}
    >
      <button
        type="button"
        className="clipping-quote"
        title="Show in the reader"
        onClick={() => onShow(clipping)}
      >
        <MarkedText text={clipping.target[0].exact} ranges={clipping.highlight} />
      </button>
      <p className="clipping-source">
        <span className="clipping-source-title">{clipping.sourceTitle}</span>
        {locator && <span className="clipping-locator">, {locator}</span>}
        <span aria-hidden="true"> · </span>
        {/* "clipped", so that it is not taken for the date the source was published. */}
        <span className="clipping-date">
          clipped <time dateTime={clipping.createdAt}>{formatShortDate(clipping.createdAt)}</time>
        </span>
      </p>
      <ClippingHealth
        clipping={clipping}
        onAccept={onAccept}
        onKeep={onKeep}
        onShowWhereItWas={onShowWhereItWas}
      />
      {editing ? (
        <ClippingEditor
          clipping={clipping}
          onSave={onSave}
          onDone={() => {
            setEditing(false)
            // Back to where the keyboard was, not the top of the page.
            requestAnimationFrame(() => editRef.current?.focus())
          }}
        />
      ) : (
        <>
          {clipping.note && <p className="clipping-note">{clipping.note}</p>}
          {clipping.tags.length > 0 && (
            // Chips, not a nested list: each clipping stays one list item to assistive tech.
            <p className="tags">
              <span className="visually-hidden">Tags: </span>
              {clipping.tags.map((tag) => (
                <button
                  key={tag}
                  type="button"
                  className="tag tag-filter"
                  aria-label={`Filter by tag ${tag}`}
                  title={`Show only the clippings tagged “${tag}”`}
                  onClick={() => onTagClick(tag)}
                >
                  {tag}
                </button>
              ))}
            </p>
          )}
          {confirmingDelete !== null && (
            <div role="alertdialog" aria-label="Delete cited clipping" className="clipping-confirm">
              <p>
                Cited in {confirmingDelete} {confirmingDelete === 1 ? 'essay' : 'essays'}. Those
                citations keep their quote but will show “Missing”.
              </p>
              <button
                type="button"
                className="button button-small button-danger"
                onClick={() => {
                  setConfirmingDelete(null)
                  onDelete(clipping)
                }}
              >
                Delete anyway
              </button>
              <button
                type="button"
                className="button button-quiet button-small"
                onClick={() => setConfirmingDelete(null)}
              >
                Keep
              </button>
            </div>
          )}
          <div className="clipping-footer">
            {citedBy > 0 && (
              <button
                type="button"
                className="button button-quiet button-small clipping-cited"
                aria-expanded={citing !== null}
                onClick={() => void showCiting()}
              >
                Cited in {citedBy} {citedBy === 1 ? 'essay' : 'essays'}
              </button>
            )}
            <div className="clipping-actions">
              <button
                type="button"
                className="button button-small"
                aria-label="Cite in essay"
                title="Insert as a citation after the caret in the open essay"
                onClick={() => onCite(clipping)}
              >
                Cite
              </button>
              <button
                ref={editRef}
                type="button"
                className="button button-quiet button-small"
                onClick={() => setEditing(true)}
              >
                Edit
              </button>
              <button
                type="button"
                className="button button-quiet button-small button-danger"
                aria-label="Delete clipping"
                disabled={checkingDelete}
                onClick={() => void requestDelete()}
              >
                Delete
              </button>
            </div>
          </div>
          {citing && (
            <p className="clipping-citing">
              {citing.map((essay) => (
                <button
                  key={essay.id}
                  type="button"
                  className="button button-quiet button-small"
                  onClick={() => onOpenEssay(essay.id)}
                >
                  {essay.title}
                </button>
              ))}
            </p>
          )}
        </>
      )}
    </div>
  )
}

/** The quote with the ranges a search matched (offsets into the quote itself) in <mark>. */
function MarkedText({
  text,
  ranges = [],
}: {
  text: string
  ranges?: [number, number][]
}): React.JSX.Element {
  const parts: React.ReactNode[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (start < at || end > text.length) continue
    parts.push(text.slice(at, start), <mark key={start}>{text.slice(start, end)}</mark>)
    at = end
  }
  parts.push(text.slice(at))
  return <>{parts}</>
}
