import './table-of-contents.css'
import type { RefObject } from 'react'
import type { ChapterSpan } from '../../../shared/layout'

interface TableOfContentsProps {
  chapters: ChapterSpan[]
  /** The reader body, whose `<section id="chapter-N">` each link brings into view. */
  bodyRef: RefObject<HTMLDivElement | null>
}

/**
 * A book's chapters (main wraps chapter N of the display HTML in `<section id="chapter-N">`).
 * Links scroll the reader rather than navigate: the window's address never changes.
 */
export function TableOfContents({ chapters, bodyRef }: TableOfContentsProps): React.JSX.Element {
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
