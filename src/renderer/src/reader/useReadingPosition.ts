import { useEffect, useRef, type RefObject } from 'react'
import type { ReadingSpot } from './readingPosition'
import { readingSpotOf, scrollToReadingSpot } from './readingPosition'

const SETTLE_MS = 150

/**
 * Brings the reader back to `restore` once it can be laid out (it may start hidden behind the
 * Essays view), and reports where the reader is after each scroll settles. A request to show a
 * passage (`focusing`) wins over the place to restore.
 */
export function useReadingPosition(
  scrollRef: RefObject<HTMLElement | null>,
  bodyRef: RefObject<HTMLElement | null>,
  restore: ReadingSpot | null,
  focusing: boolean,
  onPosition: ((spot: ReadingSpot) => void) | undefined,
): void {
  const pending = useRef(restore)
  const report = useRef(onPosition)
  useEffect(() => {
    report.current = onPosition
  })
  useEffect(() => {
    if (focusing) pending.current = null
  }, [focusing])

  useEffect(() => {
    const scroller = scrollRef.current
    if (!scroller) return
    // The body is looked up each time: a PDF's pages mount it only once pdf.js has loaded.
    const tryRestore = (): void => {
      const spot = pending.current
      const body = bodyRef.current
      if (spot && body && scrollToReadingSpot(scroller, body, spot)) pending.current = null
    }
    tryRestore()
    // Hidden at first (display: none) has no layout: restore when it gets one.
    const observer = new ResizeObserver(tryRestore)
    observer.observe(scroller)
    let timer: number | undefined
    const onScroll = (): void => {
      window.clearTimeout(timer)
      timer = window.setTimeout(() => {
        const body = bodyRef.current
        const spot = body && readingSpotOf(scroller, body)
        if (spot) report.current?.(spot)
      }, SETTLE_MS)
    }
    scroller.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      observer.disconnect()
      scroller.removeEventListener('scroll', onScroll)
      window.clearTimeout(timer)
    }
  }, [scrollRef, bodyRef])
}
