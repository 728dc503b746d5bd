// Which of a long essay's blocks are laid out: those within a margin of the view, and the ones
// holding the selection. Pure arithmetic over each block's pitch (its height with the gap to the
// next), so it is tested without a browser; essayBlockWindow.ts applies it to the page.

/** The blocks laid out, first to last inclusive; the rest take only their room. */
export interface BlockRange {
  first: number
  last: number
}

export interface WindowQuery {
  /** Per block, in order: how far its top is from the next block's (measured or estimated). */
  pitches: readonly number[]
  /** The visible stretch, in the same coordinates: 0 is the top of the first block. */
  viewTop: number
  viewBottom: number
  /** How much more than the view to lay out above and below. */
  margin: number
  /** Blocks that must be laid out whatever the view (the selection's ends). */
  keep: readonly number[]
}

/** The blocks within `margin` of the view, widened to take in every block in `keep`. */
export function rangeFor({ pitches, viewTop, viewBottom, margin, keep }: WindowQuery): BlockRange {
  const count = pitches.length
  const from = viewTop - margin
  const to = viewBottom + margin
  let first = -1
  let last = count - 1
  let top = 0
  for (let index = 0; index < count; index++) {
    const bottom = top + (pitches[index] ?? 0)
    if (first === -1 && bottom > from) first = index
    if (top >= to) {
      last = index - 1
      break
    }
    top = bottom
  }
  // A view below every block (the essay got shorter) shows its end.
  if (first === -1) first = count - 1
  last = Math.max(last, first)
  for (const index of keep) {
    if (index < 0 || index >= count) continue
    first = Math.min(first, index)
    last = Math.max(last, index)
  }
  return { first, last }
}

/**
 * Whether the blocks laid out now will do: they take in what half the margin asks for (so a
 * small scroll changes nothing), and are not far more than the full margin asks for (a selection
 * of everything, once let go, or a jump, shrinks back).
 */
export function rangeStillFits(current: BlockRange, query: WindowQuery): boolean {
  const needed = rangeFor({ ...query, margin: query.margin / 2 })
  if (current.first > needed.first || current.last < needed.last) return false
  const wanted = rangeFor(query)
  const span = (range: BlockRange): number => range.last - range.first + 1
  return span(current) <= span(wanted) * 3
}

/** The room the blocks before and after `range` take, laid out or not. */
export function roomAround(
  pitches: readonly number[],
  range: BlockRange,
): { above: number; below: number } {
  let above = 0
  let below = 0
  for (let index = 0; index < pitches.length; index++) {
    if (index < range.first) above += pitches[index] ?? 0
    else if (index > range.last) below += pitches[index] ?? 0
  }
  return { above, below }
}

/** The top of block `index`, in the coordinates of `WindowQuery`. */
export function topOf(pitches: readonly number[], index: number): number {
  let top = 0
  for (let at = 0; at < index; at++) top += pitches[at] ?? 0
  return top
}
