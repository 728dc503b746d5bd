// Where an offset of an older text stands in a newer one: the two texts are diffed once, word by
// word, and every clipping of the older text is mapped through that one diff. Inside unchanged
// runs the mapping is exact; inside a rewritten stretch it is proportional, which is near enough,
// since re-anchoring checks the mapped place and searches a window around it.
import type { diffArrays as DiffArrays } from 'diff'

/** A stretch of the older text and what stands in its place in the newer one. */
interface Segment {
  oldStart: number
  oldEnd: number
  newStart: number
  newEnd: number
  /** The same characters on both sides. */
  same: boolean
}

export interface OffsetMap {
  /** The offset in the newer text that `oldOffset` in the older one became. */
  map(oldOffset: number): number
  /**
   * The stretches of the newer text that are new (inserted or rewritten) and at least `minLength`
   * long, in order: the only places a passage moved far from where it was can now be.
   */
  newStretches(minLength: number): { start: number; end: number }[]
  /** Every stretch that differs: what the older text had there and what the newer one has. */
  changes(): { oldStart: number; oldEnd: number; newStart: number; newEnd: number }[]
}

/** Words, runs of whitespace, and single other characters: what a rewritten stretch is diffed by. */
const WORD_TOKEN = /\s+|[\p{L}\p{M}\p{N}’']+|[^\s\p{L}\p{M}\p{N}’']/gu

/** Where a sentence or a line ends: the coarse pieces the whole texts are diffed by. */
const SENTENCE_END = /[.!?…]+["”’)\]]*\s+|\n+/g

/**
 * Two levels, so the diff stays cheap on long texts with many edits: sentences first (a deleted
 * paragraph is a handful of edits, not thousands of words), then words inside each rewritten
 * stretch, so offsets in a sentence with one word changed still map exactly.
 */
const MAX_WORD_DIFF_TOKENS = 4000

/** Maps offsets of one text into another (see `offsetMapper`). */
export type OffsetMapBetween = (oldText: string, newText: string) => OffsetMap

/**
 * The mapper, once the `diff` package is loaded: it is loaded here, when something is re-anchored
 * or a versions list is asked for, not with the services (it was 12 ms of every CLI command's
 * start).
 */
export async function offsetMapper(): Promise<OffsetMapBetween> {
  const { diffArrays } = await import('diff')
  return (oldText, newText) => offsetMapBetween(diffArrays, oldText, newText)
}

function offsetMapBetween(
  diffArrays: typeof DiffArrays,
  oldText: string,
  newText: string,
): OffsetMap {
  const segments: Segment[] = []
  if (oldText === newText) {
    addSame(segments, 0, oldText.length, 0)
  } else {
    let oldAt = 0
    let newAt = 0
    let removed: string[] = []
    for (const change of diffArrays(sentences(oldText), sentences(newText))) {
      if (change.removed) {
        removed = change.value
        continue
      }
      if (change.added) {
        // As many sentences out as in: each was rewritten in place, so each is diffed with its
        // counterpart (cheaper than diffing the stretch as one).
        const pairs =
          removed.length === change.value.length
            ? removed.map((sentence, index) => [sentence, change.value[index] as string])
            : [[removed.join(''), change.value.join('')]]
        for (const [out, into] of pairs as [string, string][]) {
          diffWithin(diffArrays, segments, out, into, oldAt, newAt)
          oldAt += out.length
          newAt += into.length
        }
        removed = []
        continue
      }
      const piece = change.value.join('')
      if (removed.length > 0) {
        const length = removed.join('').length
        addChange(segments, oldAt, oldAt + length, newAt, newAt)
        oldAt += length
        removed = []
      }
      addSame(segments, oldAt, oldAt + piece.length, newAt)
      oldAt += piece.length
      newAt += piece.length
    }
    if (removed.length > 0) {
      addChange(segments, oldAt, oldAt + removed.join('').length, newAt, newAt)
    }
  }
  return {
    map(oldOffset) {
      const segment = segmentAt(segments, oldOffset)
      if (!segment) return Math.min(oldOffset, newText.length)
      if (segment.same) return segment.newStart + (oldOffset - segment.oldStart)
      const oldLength = segment.oldEnd - segment.oldStart
      const share = oldLength === 0 ? 0 : (oldOffset - segment.oldStart) / oldLength
      return segment.newStart + Math.round(share * (segment.newEnd - segment.newStart))
    },
    newStretches(minLength) {
      return segments
        .filter((segment) => !segment.same && segment.newEnd - segment.newStart >= minLength)
        .map((segment) => ({ start: segment.newStart, end: segment.newEnd }))
    },
    changes() {
      return segments
        .filter((segment) => !segment.same)
        .map(({ oldStart, oldEnd, newStart, newEnd }) => ({ oldStart, oldEnd, newStart, newEnd }))
    },
  }
}

function sentences(text: string): string[] {
  const pieces: string[] = []
  let from = 0
  for (const end of text.matchAll(SENTENCE_END)) {
    const to = end.index + end[0].length
    pieces.push(text.slice(from, to))
    from = to
  }
  if (from < text.length) pieces.push(text.slice(from))
  return pieces
}

/** A rewritten stretch, diffed word by word unless it is too long to be worth it. */
function diffWithin(
  diffArrays: typeof DiffArrays,
  segments: Segment[],
  removed: string,
  added: string,
  oldAt: number,
  newAt: number,
): void {
  const oldTokens = removed.match(WORD_TOKEN) ?? []
  const newTokens = added.match(WORD_TOKEN) ?? []
  if (removed === '' || oldTokens.length + newTokens.length > MAX_WORD_DIFF_TOKENS) {
    addChange(segments, oldAt, oldAt + removed.length, newAt, newAt + added.length)
    return
  }
  for (const change of diffArrays(oldTokens, newTokens)) {
    const length = change.value.reduce((sum, token) => sum + token.length, 0)
    if (change.added) {
      addChange(segments, oldAt, oldAt, newAt, newAt + length)
      newAt += length
    } else if (change.removed) {
      addChange(segments, oldAt, oldAt + length, newAt, newAt)
      oldAt += length
    } else {
      addSame(segments, oldAt, oldAt + length, newAt)
      oldAt += length
      newAt += length
    }
  }
}

function addSame(segments: Segment[], oldStart: number, oldEnd: number, newStart: number): void {
  if (oldEnd === oldStart) return
  const last = segments[segments.length - 1]
  if (last && last.same && last.oldEnd === oldStart && last.newEnd === newStart) {
    last.oldEnd = oldEnd
    last.newEnd = newStart + (oldEnd - oldStart)
    return
  }
  segments.push({ oldStart, oldEnd, newStart, newEnd: newStart + (oldEnd - oldStart), same: true })
}

/** A removal next to an insertion is one rewritten stretch. */
function addChange(
  segments: Segment[],
  oldStart: number,
  oldEnd: number,
  newStart: number,
  newEnd: number,
): void {
  const last = segments[segments.length - 1]
  if (last && !last.same && last.oldEnd === oldStart && last.newEnd === newStart) {
    last.oldEnd = oldEnd
    last.newEnd = newEnd
    return
  }
  segments.push({ oldStart, oldEnd, newStart, newEnd, same: false })
}

/** The segment holding `offset` (the last one for the text's end), by binary search. */
function segmentAt(segments: Segment[], offset: number): Segment | undefined {
  let low = 0
  let high = segments.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const segment = segments[middle] as Segment
    if (offset < segment.oldStart) high = middle - 1
    else if (offset >= segment.oldEnd && middle < segments.length - 1) low = middle + 1
    else return segment
  }
  return segments[Math.max(0, Math.min(low, segments.length - 1))]
}
