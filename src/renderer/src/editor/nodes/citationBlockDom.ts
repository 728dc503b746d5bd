// A citation block as plain DOM: the quote, its attribution, a status mark and the comment.
// An essay may hold a thousand of these, and the browser's work per keystroke (text insertion,
// selection and layout) grows with what the page holds, so nothing here is a React tree, an
// input or a button; CitationBlockControlsPlugin mounts those for the one citation in use.
import type { CitationSnapshot } from '../../../../shared/essay'
import type { ClippingStatus } from '../CitationContext'
import { attributionOf } from '../citationData'

/** What a citation block shows: its passage's state, or the writer's decision to keep it. */
export type CitationBadge = ClippingStatus | 'kept'

export const citationBadges: Partial<Record<CitationBadge, { label: string; title: string }>> = {
  verified: { label: 'Verified', title: 'The quote matches its source.' },
  moved: { label: 'Moved', title: 'The source was updated; the same words are at another place.' },
  changed: {
    label: 'Changed',
    title: 'The source was updated and words this passage differently.',
  },
  missing: {
    label: 'Missing',
    title: 'The clipping or its passage is gone. The quote is kept as it was when cited.',
  },
  waiting: {
    label: 'Waiting for source',
    title:
      'This clipping was made on another device; its source has not arrived here yet. It is checked once it does.',
  },
  kept: {
    label: 'Kept',
    title:
      'The source was updated and words this passage differently; you kept the wording you clipped. Exports note it.',
  },
}

/** The fields of a citation block its static DOM shows. */
export interface CitationBlockView {
  snapshot: CitationSnapshot
  locator: string
  comment: string
}

/** Where the controls of a citation in use are mounted (a React portal). */
export const CONTROLS_SLOT_CLASS = 'citation-controls'
/** On the figure while its controls are mounted; the static comment then gives way to the field. */
export const ACTIVE_CLASS = 'is-active'

function part<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  element.className = className
  if (text) element.textContent = text
  return element
}

function attributionText({ snapshot, locator }: CitationBlockView): string {
  return attributionOf(snapshot) + (locator ? `, ${locator}` : '')
}

/** Builds the figure inside `host` (the node's own element). */
export function buildCitationBlock(host: HTMLElement, view: CitationBlockView): void {
  const figure = part('figure', 'citation')
  figure.setAttribute('data-citation-ui', '')
  figure.setAttribute('aria-label', `Citation: ${view.snapshot.title || 'Untitled source'}`)
  const caption = part('figcaption', 'citation-attribution')
  const dash = part('span', 'citation-dash', '— ')
  dash.setAttribute('aria-hidden', 'true')
  // The mark is drawn by the stylesheet (a check, a warning sign); the label is the words.
  const badge = part('span', 'citation-badge')
  const mark = part('span', 'citation-badge-mark')
  mark.setAttribute('aria-hidden', 'true')
  badge.append(mark, part('span', 'citation-badge-label'))
  badge.hidden = true
  caption.append(dash, part('span', 'citation-source', attributionText(view)), badge)
  const comment = part('p', 'citation-comment-text', view.comment)
  comment.hidden = view.comment === ''
  figure.append(
    part('blockquote', 'citation-quote', view.snapshot.exact),
    caption,
    comment,
    part('div', CONTROLS_SLOT_CLASS),
  )
  host.append(figure)
}

function setText(element: Element | null, text: string): void {
  if (element && element.textContent !== text) element.textContent = text
}

/** Brings the figure up to date after undo, an accepted wording or an edited field. */
export function patchCitationBlock(host: HTMLElement, view: CitationBlockView): void {
  const figure = host.querySelector('figure')
  if (!figure) return buildCitationBlock(host, view)
  figure.setAttribute('aria-label', `Citation: ${view.snapshot.title || 'Untitled source'}`)
  setText(figure.querySelector('.citation-quote'), view.snapshot.exact)
  setText(figure.querySelector('.citation-source'), attributionText(view))
  const comment = figure.querySelector<HTMLElement>('.citation-comment-text')
  setText(comment, view.comment)
  if (comment) comment.hidden = view.comment === ''
}

/**
 * Shows the passage's state (none for a state not worth one): a small muted check when the quote
 * is verified, its name in colour otherwise, and the dashed rule of a missing one.
 */
export function paintCitationBadge(host: HTMLElement, badgeKind: CitationBadge): void {
  const figure = host.querySelector('figure')
  const badge = figure?.querySelector<HTMLElement>('.citation-badge')
  if (!figure || !badge) return
  figure.classList.toggle('citation-missing', badgeKind === 'missing')
  const shown = citationBadges[badgeKind]
  badge.hidden = shown === undefined
  setText(badge.querySelector('.citation-badge-label'), shown?.label ?? '')
  badge.title = shown?.title ?? ''
  badge.className = `citation-badge citation-badge-${badgeKind}`
}
