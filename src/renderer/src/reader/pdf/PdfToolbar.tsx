import { useState } from 'react'

export const ZOOM_STEPS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 1.75, 2, 2.5, 3]

interface PdfToolbarProps {
  page: number
  pageCount: number
  scale: number
  fitting: boolean
  onZoom: (scale: number) => void
  onFitWidth: () => void
  onGoToPage: (page: number) => void
}

/** Zoom, where the reader is, and a page to jump to; it stays at the top while pages scroll. */
export function PdfToolbar({
  page,
  pageCount,
  scale,
  fitting,
  onZoom,
  onFitWidth,
  onGoToPage,
}: PdfToolbarProps): React.JSX.Element {
  const [target, setTarget] = useState('')
  const smaller = [...ZOOM_STEPS].reverse().find((step) => step < scale - 0.01)
  const larger = ZOOM_STEPS.find((step) => step > scale + 0.01)
  return (
    <div className="pdf-toolbar" role="toolbar" aria-label="PDF pages">
      <div className="pdf-toolbar-group">
        <button
          type="button"
          className="button button-small pdf-zoom-button"
          aria-label="Zoom out"
          title="Zoom out"
          disabled={smaller === undefined}
          onClick={() => smaller !== undefined && onZoom(smaller)}
        >
          −
        </button>
        <output className="pdf-zoom-level" aria-label="Zoom">
          {Math.round(scale * 100)}%
        </output>
        <button
          type="button"
          className="button button-small pdf-zoom-button"
          aria-label="Zoom in"
          title="Zoom in"
          disabled={larger === undefined}
          onClick={() => larger !== undefined && onZoom(larger)}
        >
          +
        </button>
        <button
          type="button"
          className="button button-small"
          aria-pressed={fitting}
          onClick={onFitWidth}
        >
          Fit width
        </button>
      </div>
      <div className="pdf-toolbar-group">
        <span className="pdf-page-count">
          Page {page} of {pageCount}
        </span>
        <form
          className="pdf-go-to"
          onSubmit={(event) => {
            event.preventDefault()
            const wanted = Number.parseInt(target, 10)
            if (!Number.isFinite(wanted)) return
            onGoToPage(Math.min(pageCount, Math.max(1, wanted)))
            setTarget('')
          }}
        >
          <label className="pdf-go-to-label">
            Go to page
            <input
              type="text"
              className="pdf-go-to-input"
              inputMode="numeric"
              pattern="[0-9]*"
              size={4}
              value={target}
              placeholder={String(page)}
              onChange={(event) => setTarget(event.target.value.replace(/[^0-9]/g, ''))}
            />
          </label>
        </form>
      </div>
    </div>
  )
}
