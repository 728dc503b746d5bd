// Where the reader is, as text rather than pixels: the block at the top of the scroll area (its
// `data-start`, the offset of its text) and how far into it. It survives a new text size or
// window width, which move every pixel.

export interface ReadingSpot {
  offset: number
  /** How far the top edge is into that block, 0 to 1 of its height. */
  fraction: number
}

function blocksOf(body: HTMLElement): HTMLElement[] {
  return Array.from(body.querySelectorAll<HTMLElement>('[data-start]'))
}

/** The spot at the top edge of `scroller`; null when nothing is laid out (hidden, empty). */
export function readingSpotOf(scroller: HTMLElement, body: HTMLElement): ReadingSpot | null {
  if (scroller.clientHeight === 0) return null
  const top = scroller.getBoundingClientRect().top
  const blocks = blocksOf(body)
  // Blocks are in text order, top to bottom: the first whose bottom is below the edge.
  let low = 0
  let high = blocks.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((blocks[middle] as Element).getBoundingClientRect().bottom <= top) low = middle + 1
    else high = middle
  }
  const block = blocks[low]
  if (!block) return null
  const rect = block.getBoundingClientRect()
  const fraction = rect.height > 0 ? Math.min(1, Math.max(0, (top - rect.top) / rect.height)) : 0
  return { offset: Number(block.dataset.start), fraction: Math.round(fraction * 1000) / 1000 }
}

/** Scrolls so the spot is at the top again; false when it cannot yet (nothing laid out). */
export function scrollToReadingSpot(
  scroller: HTMLElement,
  body: HTMLElement,
  spot: ReadingSpot,
): boolean {
  if (scroller.clientHeight === 0) return false
  // The last block starting at or before the offset: the text may have changed since.
  let target: HTMLElement | null = null
  for (const block of blocksOf(body)) {
    if (Number(block.dataset.start) > spot.offset) break
    target = block
  }
  if (!target) return true
  const rect = target.getBoundingClientRect()
  const within = rect.top - scroller.getBoundingClientRect().top + scroller.scrollTop
  scroller.scrollTop = within + spot.fraction * rect.height
  return true
}
