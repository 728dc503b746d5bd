import { firstMarkOf } from '../highlights'

/** Gives the marks of `clippingId` aria-current (the passage shown on request), and no others. */
export function markCurrent(root: HTMLElement, clippingId: string | null): void {
  for (const mark of root.querySelectorAll<HTMLElement>('mark[data-clipping-id]')) {
    if (clippingId && mark.dataset.clippingId === clippingId)
      mark.setAttribute('aria-current', 'true')
    else mark.removeAttribute('aria-current')
  }
}

/**
 * Brings the clipping's first mark to the middle of the view and flashes its marks, as the
 * article reader does; false when the mark is not drawn yet (its page is still being drawn).
 */
export function flashPassage(root: HTMLElement, clippingId: string): boolean {
  const mark = firstMarkOf(root, clippingId)
  if (!mark) return false
  markCurrent(root, clippingId)
  mark.scrollIntoView({ block: 'center' })
  const marks = Array.from(root.querySelectorAll<HTMLElement>('mark[data-clipping-id]'))
  for (const part of marks) part.classList.remove('is-flashing')
  // Reading layout between removing and adding the class restarts the animation.
  void root.offsetWidth
  for (const part of marks) {
    if (part.dataset.clippingId === clippingId) part.classList.add('is-flashing')
  }
  return true
}
