import './table-of-contents.css'
import { useEffect, useState, type RefObject } from 'react'
import type { ChapterSpan } from '../../../shared/layout'

interface TableOfContentsProps {
  chapters: ChapterSpan[]
  /** The reader body, whose `<section id="chapter-N">` each link brings into view. */
  bodyRef: RefObject<HTMLDivElement | null>
}

/**
 * A book's chapters (main wraps chapter N of the display HTML in `<section id="chapter-N">`).
 * Links scroll the reader rather than navigate: the window's address never changes. The chapter
 * being read is marked `aria-current="location"`.
 */
export function TableOfContents({ chapters, bodyRef }: TableOfContentsProps): React.JSX.Element {
  const current = useCurrentChapter(bodyRef, chapters)
  const go = (number: number): void => {
    const section = bodyRef.current?.querySelector<HTMLElement>(`#chapter-${number}`)
    if (!section) return
    section.scrollIntoView({ block: 'start' })
    // Focus follows, so keyboard and screen reader users go on reading from the chapter.
    section.tabIndex = -1
    section.focus({ preventScroll: true })
  }
  return (
    <nav aria-label="Contents" className="reader-contents">
      <details open>
        <summary>
          Contents{' '}
          <span className="reader-contents-count">
            {chapters.length} {chapters.length === 1 ? 'chapter' : 'chapters'}
          </span>
        </summary>
        <ol>
          {chapters.map((chapter, index) => (
            <li key={index}>
              <a
                href={`#chapter-${index + 1}`}
                aria-current={current === index + 1 ? 'location' : undefined}
                onClick={(event) => {
                  event.preventDefault()
                  go(index + 1)
                }}
              >
                {chapter.title}
              </a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  )
}

/** The number of the last chapter whose start has scrolled into the upper third of the reader. */
function useCurrentChapter(
  bodyRef: RefObject<HTMLDivElement | null>,
  chapters: ChapterSpan[],
): number {
  const [current, setCurrent] = useState(1)
  useEffect(() => {
    const scroller = bodyRef.current?.closest<HTMLElement>('.reader-scroll')
    if (!scroller) return
    let frame = 0
    const measure = (): void => {
      frame = 0
      const sections = bodyRef.current?.querySelectorAll<HTMLElement>('section[data-chapter]')
      // A third of the way down: below the scroll padding a chapter link brings its start to.
      const top = scroller.getBoundingClientRect().top + scroller.clientHeight / 3
      let reading = 1
      for (const section of sections ?? []) {
        if (section.getBoundingClientRect().top > top) break
        reading = Number(section.dataset.chapter)
      }
      setCurrent(reading)
    }
    const onScroll = (): void => {
      frame ||= requestAnimationFrame(measure)
    }
    scroller.addEventListener('scroll', onScroll, { passive: true })
    measure()
    return () => {
      scroller.removeEventListener('scroll', onScroll)
      cancelAnimationFrame(frame)
    }
  }, [bodyRef, chapters])
  return current
}
