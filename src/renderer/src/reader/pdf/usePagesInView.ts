import { useEffect, useState, type RefObject } from 'react'

/**
 * The pages to draw: a page is drawn once it comes within half a screen of the view, and given
 * back once it is more than two screens away, so scrolling to and fro does not redraw at the edge.
 */
export function usePagesInView(
  scrollRef: RefObject<HTMLElement | null>,
  pagesRef: RefObject<HTMLElement | null>,
  pageCount: number,
): ReadonlySet<number> {
  const [drawn, setDrawn] = useState<ReadonlySet<number>>(() => new Set())
  useEffect(() => {
    const root = scrollRef.current
    const container = pagesRef.current
    if (!root || !container || pageCount === 0) return
    const indexOf = (entry: IntersectionObserverEntry): number =>
      Number((entry.target as HTMLElement).dataset.pageIndex)
    const update = (add: number[], remove: number[]): void => {
      if (add.length === 0 && remove.length === 0) return
      setDrawn((previous) => {
        const next = new Set(previous)
        for (const index of add) next.add(index)
        for (const index of remove) next.delete(index)
        const same = next.size === previous.size && [...next].every((index) => previous.has(index))
        return same ? previous : next
      })
    }
    const near = new IntersectionObserver(
      (entries) => update(entries.filter((e) => e.isIntersecting).map(indexOf), []),
      { root, rootMargin: '50% 0px' },
    )
    const far = new IntersectionObserver(
      (entries) => update([], entries.filter((e) => !e.isIntersecting).map(indexOf)),
      { root, rootMargin: '200% 0px' },
    )
    for (const page of container.querySelectorAll('.pdf-page')) {
      near.observe(page)
      far.observe(page)
    }
    return () => {
      near.disconnect()
      far.disconnect()
    }
  }, [scrollRef, pagesRef, pageCount])
  return drawn
}
