import { useLayoutEffect, useRef, type MouseEvent, type RefObject } from 'react'
import { applyHighlights, firstMarkOf, FOUND_PASSAGE, type Highlight } from './highlights'
import { isWebLink } from '../../../shared/urls'

interface ReaderBodyProps {
  bodyRef: RefObject<HTMLDivElement | null>
  html: string
  highlights: Highlight[]
  /** Hide the text's first block (a "By …" line the byline already says); its text stays. */
  hideLeadingBlock: boolean
  /** A clipping to bring into view once its marks are in place. */
  focusClippingId: string | null
  onFocused: () => void
  onOpenLink: (url: string) => void
  onMarkClick: (clippingId: string) => void
  onContextMenu: (event: MouseEvent<HTMLDivElement>) => void
  onPointerDown: () => void
}

export function ReaderBody({
  bodyRef,
  html,
  highlights,
  hideLeadingBlock,
  focusClippingId,
  onFocused,
  onOpenLink,
  onMarkClick,
  onContextMenu,
  onPointerDown,
}: ReaderBodyProps): React.JSX.Element {
  // Compared by value: a refetched source brings equal highlights in a new array, and rebuilding
  // the body for those would throw away the reader's selection and scroll anchoring.
  const highlightKey = JSON.stringify(
    highlights.map(({ id, start, end, changed }) => [id, start, end, Boolean(changed)]),
  )
  // The passage last shown on request ("Show in source"): its marks carry aria-current until
  // another one is, even when the marks are redrawn.
  const currentId = useRef<string | null>(null)

  // The HTML is main's sanitized display copy. It goes in as a string, not React children, so the
  // DOM keeps exactly the text nodes the offsets count, and marks are rewrapped from scratch.
  useLayoutEffect(() => {
    const body = bodyRef.current
    if (!body) return
    body.innerHTML = html
    const parsed = JSON.parse(highlightKey) as [string, number, number, boolean][]
    applyHighlights(
      body,
      parsed.map(([id, start, end, changed]) => ({ id, start, end, changed })),
    )
    markCurrent(body, currentId.current)
    // Hidden, not removed: offsets count every block's text, shown or not.
    if (hideLeadingBlock) body.querySelector('[data-start="0"]')?.setAttribute('hidden', '')
  }, [bodyRef, html, highlightKey, hideLeadingBlock])

  useLayoutEffect(() => {
    const body = bodyRef.current
    if (!body || !focusClippingId) return
    const mark = firstMarkOf(body, focusClippingId)
    currentId.current = focusClippingId
    markCurrent(body, focusClippingId)
    if (mark) {
      mark.scrollIntoView({ block: 'center' })
      const marks = Array.from(body.querySelectorAll<HTMLElement>('mark[data-clipping-id]'))
      for (const part of marks) part.classList.remove('is-flashing')
      // Reading layout between removing and adding the class restarts the animation.
      void body.offsetWidth
      for (const part of marks) {
        if (part.dataset.clippingId === focusClippingId) part.classList.add('is-flashing')
      }
    }
    onFocused()
  }, [bodyRef, focusClippingId, highlightKey, onFocused])

  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const target = event.target as Element
    const link = target.closest('a')
    if (link) {
      // The page never navigates: a web link goes to the user's browser, anything else nowhere.
      event.preventDefault()
      const href = link.getAttribute('href') ?? ''
      if (isWebLink(href)) onOpenLink(href)
      return
    }
    const mark = target.closest<HTMLElement>('mark[data-clipping-id]')
    const clippingId = mark?.dataset.clippingId
    if (
      clippingId &&
      clippingId !== FOUND_PASSAGE &&
      document.getSelection()?.isCollapsed !== false
    ) {
      onMarkClick(clippingId)
    }
  }

  return (
    <div
      ref={bodyRef}
      className="reader-body"
      onClick={onClick}
      onContextMenu={onContextMenu}
      onPointerDown={(event) => {
        if (event.button === 0) onPointerDown()
      }}
    />
  )
}

function markCurrent(body: HTMLElement, clippingId: string | null): void {
  for (const mark of body.querySelectorAll<HTMLElement>('mark[data-clipping-id]')) {
    if (clippingId && mark.dataset.clippingId === clippingId)
      mark.setAttribute('aria-current', 'true')
    else mark.removeAttribute('aria-current')
  }
}
