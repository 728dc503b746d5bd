import {
  Children,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
} from 'react'
import './overflow-row.css'

interface OverflowRowProps {
  className: string
  /** The row's accessible name; its role is toolbar. */
  label: string
  /** Groups of controls, most used first: the last ones move into "More" when the row is full. */
  children: ReactNode
  /** Always in the row, at its end (e.g. the one action the row is known for). */
  end?: ReactNode
}

// Opening the menu keeps the editor's selection, as the toolbar's own buttons do.
const keepSelection = (event: MouseEvent): void => event.preventDefault()

/** How many of the groups fit beside the end part, leaving room for "More" when some do not. */
function countFitting(widths: number[], room: number, gap: number, moreWidth: number): number {
  const total = widths.reduce((sum, width) => sum + width + gap, 0)
  if (total <= room) return widths.length
  let used = moreWidth + gap
  let fit = 0
  for (const width of widths) {
    if (used + width + gap > room) break
    used += width + gap
    fit += 1
  }
  return fit
}

/**
 * A toolbar that stays one row: the groups that do not fit go, in order, into a "More" menu at
 * the row's end. The groups are measured while shown; a hidden one keeps its last width.
 */
export function OverflowRow({ className, label, children, end }: OverflowRowProps): ReactElement {
  const groups = Children.toArray(children)
  const row = useRef<HTMLDivElement>(null)
  const more = useRef<HTMLDivElement>(null)
  const widths = useRef<number[]>([])
  const [fit, setFit] = useState(groups.length)
  const [open, setOpen] = useState(false)
  const count = groups.length

  useLayoutEffect(() => {
    const element = row.current
    if (!element) return
    const measure = (): void => {
      const items = element.querySelectorAll<HTMLElement>(':scope > .overflow-item')
      items.forEach((item, index) => {
        if (!item.hidden) widths.current[index] = item.offsetWidth
      })
      const style = getComputedStyle(element)
      const gap = parseFloat(style.columnGap) || 0
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight)
      const endPart = element.querySelector<HTMLElement>(':scope > .overflow-end')
      const endWidth = endPart ? endPart.offsetWidth + gap : 0
      const room = element.clientWidth - padding - endWidth
      const moreWidth = more.current?.offsetWidth || 32
      setFit(countFitting(widths.current.slice(0, count), room, gap, moreWidth))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [count])

  const overflowing = fit < count
  useEffect(() => {
    if (!open) return
    const close = (event: Event): void => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return
        event.preventDefault()
      } else if (more.current?.contains(event.target as Node)) return
      setOpen(false)
    }
    document.addEventListener('pointerdown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('pointerdown', close)
      document.removeEventListener('keydown', close)
    }
  }, [open])

  return (
    <div className={`${className} overflow-row`} role="toolbar" aria-label={label} ref={row}>
      {groups.map((group, index) => (
        <div className="overflow-item" key={index} hidden={index >= fit}>
          {group}
        </div>
      ))}
      <div className="overflow-more" ref={more} hidden={!overflowing}>
        <button
          type="button"
          className="tool-button"
          aria-label={`More ${label.toLowerCase()}`}
          aria-expanded={open && overflowing}
          title="More"
          onMouseDown={keepSelection}
          onClick={() => setOpen((was) => !was)}
        >
          ⋯
        </button>
        {open && overflowing && (
          <div className="overflow-menu" role="group" aria-label={`More ${label.toLowerCase()}`}>
            {groups.slice(fit)}
          </div>
        )}
      </div>
      {end !== undefined && <div className="overflow-end">{end}</div>}
    </div>
  )
}
