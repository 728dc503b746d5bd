import { useEffect, useRef, useState } from 'react'
import type { ClippingView } from '../../../shared/domain'
import type { ClippingEdit } from '../../../shared/ipc'
import { formatDate } from '../ui/format'
import { ClippingEditor } from './ClippingEditor'

interface ClippingItemProps {
  clipping: ClippingView
  active: boolean
  onShow: (clipping: ClippingView) => void
  onSave: (edit: ClippingEdit) => Promise<string | null>
  onDelete: (clipping: ClippingView) => void
}

export function ClippingItem({
  clipping,
  active,
  onShow,
  onSave,
  onDelete,
}: ClippingItemProps): React.JSX.Element {
  const [editing, setEditing] = useState(false)
  const itemRef = useRef<HTMLLIElement>(null)
  const editRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (active) itemRef.current?.scrollIntoView({ block: 'nearest' })
  }, [active])

  return (
    <li ref={itemRef} className={active ? 'clipping is-active' : 'clipping'}>
      <button
        type="button"
        className="clipping-quote"
        title="Show in the reader"
        onClick={() => onShow(clipping)}
      >
        {clipping.target[0].exact}
      </button>
      <p className="clipping-source">
        <span className="clipping-source-title">{clipping.sourceTitle}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={clipping.createdAt}>{formatDate(clipping.createdAt)}</time>
      </p>
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
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </p>
          )}
          <div className="clipping-actions">
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
              onClick={() => onDelete(clipping)}
            >
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  )
}
