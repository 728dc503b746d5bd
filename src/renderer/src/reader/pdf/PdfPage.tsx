import { useEffect, useRef } from 'react'
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist'
import { applyHighlights, type Highlight } from '../highlights'
import type { PageTextContent } from './pageText'
import { fillTextLayer } from './textLayer'

export interface PageSize {
  width: number
  height: number
}

interface PdfPageProps {
  doc: PDFDocumentProxy
  index: number
  label: string
  /** CSS pixels per PDF unit. */
  scale: number
  /** The page's size at scale 1 (page 1's until this page is read). */
  size: PageSize
  /** In or near view: drawn; otherwise an empty placeholder of its size (its canvas released). */
  drawn: boolean
  /** Where the page's text is in the version's text; null when it has none to select. */
  span: { start: number; end: number } | null
  versionText: string
  /** JSON of the highlights touching this page, so equal ones do not rebuild the layer. */
  highlightKey: string
  textOf: (index: number) => Promise<PageTextContent>
  onSize: (index: number, size: PageSize) => void
  /** The layer holds its spans and marks (after every rebuild). */
  onTextLayer: (index: number, layer: HTMLElement) => void
  /** The page's text is not the stored text: its offsets cannot be trusted. */
  onMismatch: (reason: string) => void
}

/** One page: a placeholder of its size, a canvas and the selectable text layer once in view. */
export function PdfPage({
  doc,
  index,
  label,
  scale,
  size,
  drawn,
  span,
  versionText,
  highlightKey,
  textOf,
  onSize,
  onTextLayer,
  onMismatch,
}: PdfPageProps): React.JSX.Element {
  const canvasHost = useRef<HTMLDivElement>(null)
  const layerRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const host = canvasHost.current
    if (!drawn || !host) return
    let task: RenderTask | null = null
    let cancelled = false
    void (async () => {
      const page = await doc.getPage(index + 1)
      if (cancelled) return
      const natural = page.getViewport({ scale: 1 })
      if (natural.width !== size.width || natural.height !== size.height) {
        onSize(index, { width: natural.width, height: natural.height })
      }
      const viewport = page.getViewport({ scale })
      // Drawn at the screen's pixel density, shown at the page's CSS size: sharp on HiDPI.
      const density = window.devicePixelRatio || 1
      const canvas = document.createElement('canvas')
      canvas.width = Math.floor(viewport.width * density)
      canvas.height = Math.floor(viewport.height * density)
      canvas.style.width = `${viewport.width}px`
      canvas.style.height = `${viewport.height}px`
      task = page.render({
        canvas,
        viewport,
        transform: density === 1 ? undefined : [density, 0, 0, density, 0, 0],
      })
      try {
        await task.promise
      } catch {
        return // cancelled by a newer zoom or by scrolling away
      }
      if (cancelled) return
      // A new canvas replaces the old one only once drawn: zooming never shows a blank page.
      host.replaceChildren(canvas)
      host.dataset.drawn = 'true'
    })()
    return () => {
      cancelled = true
      task?.cancel()
    }
  }, [doc, index, scale, drawn, size.width, size.height, onSize])

  // Far out of view: the canvas's pixels are given back.
  useEffect(() => {
    const host = canvasHost.current
    if (drawn || !host) return
    for (const canvas of host.querySelectorAll('canvas')) {
      canvas.width = 0
      canvas.height = 0
    }
    host.replaceChildren()
    if (host.dataset.drawn) {
      // pdf.js keeps a drawn page's parsed content and images too: let them go as well.
      void doc.getPage(index + 1).then((page) => page.cleanup())
      delete host.dataset.drawn
    }
  }, [doc, index, drawn])

  useEffect(() => {
    const layer = layerRef.current
    if (!layer) return
    if (!drawn || !span) {
      layer.replaceChildren()
      return
    }
    let cancelled = false
    void (async () => {
      const [page, content] = await Promise.all([doc.getPage(index + 1), textOf(index)])
      if (cancelled) return
      // The page's span may end with the blank line or space that joins it to the next page.
      const stored = versionText.slice(span.start, span.start + content.pageText.text.length)
      const joiner = versionText.slice(span.start + stored.length, span.end)
      if (content.pageText.text !== stored || joiner.trim() !== '') {
        onMismatch(
          `page ${index + 1}: the text pdf.js gives here (${content.pageText.text.length} characters) ` +
            `is not the text stored at import (${span.end - span.start} characters)`,
        )
        return
      }
      const viewport = page.getViewport({ scale })
      fillTextLayer(layer, {
        items: content.items,
        styles: content.styles,
        ranges: content.pageText.items,
        pageStart: span.start,
        versionText,
        viewportTransform: viewport.transform,
        scale,
      })
      const highlights = JSON.parse(highlightKey) as Highlight[]
      applyHighlights(layer, highlights)
      onTextLayer(index, layer)
    })()
    return () => {
      cancelled = true
    }
  }, [doc, index, scale, drawn, span, versionText, highlightKey, textOf, onTextLayer, onMismatch])

  return (
    <div
      className="pdf-page"
      role="group"
      aria-label={label}
      data-page-index={index}
      style={{ width: `${size.width * scale}px`, height: `${size.height * scale}px` }}
    >
      <div className="pdf-page-canvas" ref={canvasHost} />
      <div className="pdf-text-layer" ref={layerRef} />
      <span className="pdf-page-label" aria-hidden="true">
        {label}
      </span>
    </div>
  )
}
