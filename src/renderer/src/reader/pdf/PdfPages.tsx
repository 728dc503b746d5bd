import './pdf.css'
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type RefObject,
} from 'react'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import type { PageSpan } from '../../../../shared/layout'
import { FOUND_PASSAGE, type Highlight } from '../highlights'
import { scrollToReadingSpot, type ReadingSpot } from '../readingPosition'
import { PdfPage, type PageSize } from './PdfPage'
import { pageTextReader } from './pageText'
import { PdfToolbar } from './PdfToolbar'
import { flashPassage, markCurrent } from './focus'
import { usePagesInView } from './usePagesInView'

const MAX_FIT_SCALE = 2
/** Room the page keeps on its sides inside the reader. */
const SIDE_ROOM = 48

interface PdfPagesProps {
  doc: PDFDocumentProxy
  bodyRef: RefObject<HTMLDivElement | null>
  scrollRef: RefObject<HTMLDivElement | null>
  pages: readonly PageSpan[]
  versionText: string
  highlights: Highlight[]
  focusClippingId: string | null
  onFocused: () => void
  onMarkClick: (clippingId: string) => void
  onContextMenu: (event: MouseEvent<HTMLDivElement>) => void
  onPointerDown: () => void
  /** The stored text cannot be laid over these pages: the reader shows the text view instead. */
  onTextMismatch: (reason: string) => void
  /** Where the reader left off, to open at: its page first, then the very line once drawn. */
  restore: ReadingSpot | null
}

/** The page holding `offset` (the last one starting at or before it). */
function pageOfOffset(pages: readonly PageSpan[], offset: number): number {
  let found = 0
  pages.forEach((page, index) => {
    if (page.start <= offset && page.end > page.start) found = index
  })
  return found
}

/** A PDF's pages, drawn as they come into view, with a text layer to select and clip from. */
export function PdfPages({
  doc,
  bodyRef,
  scrollRef,
  pages,
  versionText,
  highlights,
  focusClippingId,
  onFocused,
  onMarkClick,
  onContextMenu,
  onPointerDown,
  onTextMismatch,
  restore,
}: PdfPagesProps): React.JSX.Element {
  const pageCount = doc.numPages
  const [firstSize, setFirstSize] = useState<PageSize | null>(null)
  const [sizes, setSizes] = useState<ReadonlyMap<number, PageSize>>(() => new Map())
  const [scale, setScale] = useState<number | null>(null)
  const [fitting, setFitting] = useState(true)
  const [currentPage, setCurrentPage] = useState(1)
  const textOf = useMemo(() => pageTextReader(doc), [doc])
  const drawn = usePagesInView(scrollRef, bodyRef, firstSize && scale ? pageCount : 0)
  const hasText = versionText.trim() !== ''

  // Every placeholder takes page 1's size until its own page is read: one request, not 300.
  useEffect(() => {
    let left = false
    void doc.getPage(1).then((page) => {
      const { width, height } = page.getViewport({ scale: 1 })
      if (!left) setFirstSize({ width, height })
    })
    return () => {
      left = true
    }
  }, [doc])

  const fitScale = useCallback((): number | null => {
    const room = (bodyRef.current?.clientWidth ?? 0) - SIDE_ROOM
    if (!firstSize || room <= 0) return null
    return Math.min(MAX_FIT_SCALE, room / firstSize.width)
  }, [bodyRef, firstSize])

  // Fit width follows the reader's width (a pane opened or closed) until the writer zooms.
  useEffect(() => {
    const body = bodyRef.current
    if (!body || !fitting) return
    const fit = (): void => {
      const next = fitScale()
      if (next !== null)
        setScale((previous) => (previous && Math.abs(previous - next) < 0.005 ? previous : next))
    }
    fit()
    const observer = new ResizeObserver(fit)
    observer.observe(body)
    return () => observer.disconnect()
  }, [bodyRef, fitting, fitScale])

  const onSize = useCallback((index: number, size: PageSize) => {
    setSizes((previous) => new Map(previous).set(index, size))
  }, [])

  const scrollToPage = useCallback(
    (index: number): void => {
      const page = bodyRef.current?.querySelector(`[data-page-index="${index}"]`)
      page?.scrollIntoView({ block: 'start' })
    },
    [bodyRef],
  )

  // "Page N of M": the page under the upper third of the view.
  useEffect(() => {
    const scroller = scrollRef.current
    const body = bodyRef.current
    if (!scroller || !body) return
    let frame = 0
    const follow = (): void => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => {
        const line = scroller.getBoundingClientRect().top + scroller.clientHeight / 3
        const elements = body.querySelectorAll<HTMLElement>('.pdf-page')
        let low = 0
        let high = elements.length - 1
        while (low < high) {
          const middle = (low + high) >> 1
          if ((elements[middle] as HTMLElement).getBoundingClientRect().bottom < line)
            low = middle + 1
          else high = middle
        }
        setCurrentPage(low + 1)
      })
    }
    follow()
    scroller.addEventListener('scroll', follow, { passive: true })
    return () => {
      scroller.removeEventListener('scroll', follow)
      cancelAnimationFrame(frame)
    }
  }, [scrollRef, bodyRef, scale, pageCount])

  // Zooming keeps the page the writer was on at the top.
  const zoomTo = (next: number, fit: boolean): void => {
    const page = currentPage - 1
    setFitting(fit)
    setScale(next)
    requestAnimationFrame(() => scrollToPage(page))
  }

  // Where the reader left off: its page is brought into view once the pages are laid out, and
  // the spot itself once that page's text layer is drawn (the spot is a place in the text).
  const pendingRestore = useRef(restore)
  useEffect(() => {
    if (focusClippingId) pendingRestore.current = null
  }, [focusClippingId])
  useEffect(() => {
    const spot = pendingRestore.current
    if (spot && scale && firstSize) scrollToPage(pageOfOffset(pages, spot.offset))
  }, [scale, firstSize, pages, scrollToPage])

  // The passage last shown on request keeps aria-current on its marks as pages are redrawn.
  const currentId = useRef<string | null>(null)
  const pendingFocus = useRef<string | null>(null)
  // The reader passes new callbacks on every render; a page's layer must not be rebuilt for that
  // (it would drop the selection being made in it).
  const onFocusedRef = useRef(onFocused)
  const onMismatchRef = useRef(onTextMismatch)
  useEffect(() => {
    onFocusedRef.current = onFocused
    onMismatchRef.current = onTextMismatch
  })
  const onMismatch = useCallback((reason: string) => onMismatchRef.current(reason), [])

  const finishFocus = useCallback((root: HTMLElement, clippingId: string): boolean => {
    if (!flashPassage(root, clippingId)) return false
    pendingFocus.current = null
    onFocusedRef.current()
    return true
  }, [])

  const onTextLayer = useCallback(
    (index: number, layer: HTMLElement) => {
      markCurrent(layer, currentId.current)
      const body = bodyRef.current
      const scroller = scrollRef.current
      const spot = pendingRestore.current
      if (spot && body && scroller && pageOfOffset(pages, spot.offset) === index) {
        pendingRestore.current = null
        scrollToReadingSpot(scroller, body, spot)
      }
      if (pendingFocus.current && body) finishFocus(body, pendingFocus.current)
    },
    [bodyRef, scrollRef, pages, finishFocus],
  )

  useEffect(() => {
    const body = bodyRef.current
    if (!focusClippingId || !body) return
    const passage = highlights.find((highlight) => highlight.id === focusClippingId)
    currentId.current = focusClippingId
    markCurrent(body, focusClippingId)
    if (!passage || !scale) {
      if (!passage) onFocusedRef.current()
      return
    }
    pendingFocus.current = focusClippingId
    // Already drawn: shown now; otherwise once its page's text layer is built.
    if (!finishFocus(body, focusClippingId)) scrollToPage(pageOfOffset(pages, passage.start))
  }, [focusClippingId, highlights, pages, scale, bodyRef, finishFocus, scrollToPage])

  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const mark = (event.target as Element).closest<HTMLElement>('mark[data-clipping-id]')
    const clippingId = mark?.dataset.clippingId
    if (
      clippingId &&
      clippingId !== FOUND_PASSAGE &&
      document.getSelection()?.isCollapsed !== false
    )
      onMarkClick(clippingId)
  }

  const keyOfPage = (span: PageSpan): string =>
    JSON.stringify(
      highlights
        .filter((highlight) => highlight.start < span.end && highlight.end > span.start)
        .map(({ id, start, end, changed }) => ({ id, start, end, changed })),
    )

  return (
    <div className="pdf-reader">
      {scale && firstSize && (
        <PdfToolbar
          page={currentPage}
          pageCount={pageCount}
          scale={scale}
          fitting={fitting}
          onZoom={(next) => zoomTo(next, false)}
          onFitWidth={() => {
            const next = fitScale()
            if (next !== null) zoomTo(next, true)
          }}
          onGoToPage={(page) => scrollToPage(page - 1)}
        />
      )}
      {!hasText && (
        <p className="pdf-notice" role="note">
          This PDF has no text layer: its passages cannot be clipped.
        </p>
      )}
      <div
        ref={bodyRef}
        className="pdf-pages"
        aria-label="Pages"
        onClick={onClick}
        onContextMenu={onContextMenu}
        onPointerDown={(event) => {
          if (event.button === 0) onPointerDown()
        }}
      >
        {scale && firstSize
          ? Array.from({ length: pageCount }, (_, index) => {
              const span = pages[index]
              return (
                <PdfPage
                  key={index}
                  doc={doc}
                  index={index}
                  label={`Page ${span?.label ?? index + 1}`}
                  scale={scale}
                  size={sizes.get(index) ?? firstSize}
                  drawn={drawn.has(index)}
                  span={span && hasText ? span : null}
                  versionText={versionText}
                  highlightKey={span ? keyOfPage(span) : '[]'}
                  textOf={textOf}
                  onSize={onSize}
                  onTextLayer={onTextLayer}
                  onMismatch={onMismatch}
                />
              )
            })
          : null}
      </div>
    </div>
  )
}
