import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type ReactNode } from 'react'
import './windowed-list.css'

interface WindowedListProps<T> {
  /** The items loaded so far; `total` may be more (the rest load as the list nears its end). */
  items: T[]
  total: number
  keyOf: (item: T) => string
  render: (item: T) => ReactNode
  /** A first guess at an item's height; each is measured once shown. */
  estimateHeight: number
  onNearEnd: () => void
  label: string
  className: string
  /** Brought into view when it changes (the clipping chosen in the reader). */
  scrollToKey?: string | null
  /**
   * Where a row stands among the list's items (1-based), or null for a row that is not an item
   * (a group's header: still an <li>, as a list may hold nothing else, but given no place among
   * the items); each row is the item at its index when absent.
   */
  positionOf?: (item: T, index: number) => number | null
  /** How many items the whole list holds, when some rows are not items. */
  setSize?: number
}

/**
 * A list that puts in the page only the items in view (and a few around them), so 100,000
 * clippings cost what 20 do. Each item keeps its place in the whole for screen readers
 * (aria-setsize and aria-posinset), since most of the list is not in the page.
 */
export function WindowedList<T>({
  items,
  total,
  keyOf,
  render,
  estimateHeight,
  onNearEnd,
  label,
  className,
  scrollToKey,
  positionOf = (_item, index) => index + 1,
  setSize = total,
}: WindowedListProps<T>): React.JSX.Element {
  const scroller = useRef<HTMLDivElement>(null)
  // The app is not built with the React Compiler, so nothing memoizes the virtualizer's functions.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimateHeight,
    getItemKey: (index) => keyOf(items[index] as T),
    overscan: 6,
  })
  const shown = virtualizer.getVirtualItems()
  const last = shown[shown.length - 1]

  useEffect(() => {
    if (last && last.index >= items.length - 10 && items.length < total) onNearEnd()
  }, [last, items.length, total, onNearEnd])

  useEffect(() => {
    if (!scrollToKey) return
    const index = items.findIndex((item) => keyOf(item) === scrollToKey)
    if (index !== -1) virtualizer.scrollToIndex(index, { align: 'auto' })
    // Only when the wanted item changes, not on every new page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollToKey])

  return (
    <div ref={scroller} className="windowed-scroller">
      <ul
        aria-label={label}
        className={`${className} windowed-list`}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {shown.map((row) => {
          const item = items[row.index] as T
          const position = positionOf(item, row.index)
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              aria-setsize={position === null ? undefined : setSize}
              aria-posinset={position ?? undefined}
              className="windowed-item"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {render(item)}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
