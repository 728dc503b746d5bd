// Re-anchoring: where is a clipping's passage in a newer version of its source? Hypothesis takes
// its best fuzzy match however poor; here a match must be close in the quote AND supported by its
// context, or the clipping is reported missing, never silently pointed at look-alike text. A
// changed passage is always whole words: a quote cut mid-word is not a phrase of the source.
import type { Anchor, PlacedAnchor } from '../../shared/anchor'
import type { TextPositionSelector, TextQuoteSelector } from '../../shared/domain'
import { FuzzyPattern } from './fuzzy-match'
import { scanningFinder, type NeedleFinder } from './needle-finder'
import type { OffsetMap } from './offset-map'
import {
  afterWordAt,
  beforeWordAt,
  boundariesOutward,
  isInsideWord,
  wholeWordExtent,
} from '../../shared/words'

/** A fuzzy match needs at least this much of the quote unchanged… */
export const MIN_QUOTE_SIMILARITY = 0.85
/** …and at least one side of its context recognisably the same. */
export const MIN_CONTEXT_SIMILARITY = 0.5

/**
 * How much each kind of agreement counts. Context outweighs position by far: a passage moved past
 * an identical twin is found by its neighbours, and position only breaks ties between equals.
 */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 }

/** How many words beyond the match an edge may grow when the context says the passage went on. */
const MAX_EDGE_WORDS = 3

interface Match {
  start: number
  end: number
  errors: number
}

/** How to re-anchor many clippings of one older text at once. */
export interface ReanchorOptions {
  /**
   * The older text's offsets mapped into the newer one, from one diff of the two: the passage is
   * looked for where the diff puts it, in a window that widens only when needed.
   */
  offsets?: OffsetMap
  /** Finds pieces of quotes in the newer text: an index of it, when many clippings share it. */
  finder?: NeedleFinder
  /** Counts the characters the fuzzy search reads (tests tell a window from the whole text). */
  probe?: { searched: number }
}

export function reanchor(
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  text: string,
  options: ReanchorOptions = {},
): Anchor {
  const { exact } = quote
  if (exact === '' || text === '') return { state: 'missing', score: 0 }
  const { offsets, probe } = options
  const finder = options.finder ?? scanningFinder(text)
  // Where the passage should be now: through the diff, else where it was.
  const expected = offsets
    ? { start: offsets.map(position.start), end: offsets.map(position.end) }
    : { start: position.start, end: position.end }

  // 0. Where the diff puts it, the same words with the same context on both sides: no copy
  //    elsewhere can score higher (quote, context and position all agree fully here).
  if (offsets && standsWithContext(quote, text, expected.start)) {
    const hit = { start: expected.start, end: expected.start + exact.length, errors: 0 }
    const best = bestOf([hit], quote, expected.start, text)
    const state = best.start === position.start ? 'verified' : 'moved'
    return { state, start: best.start, end: best.end, exact, score: best.score }
  }

  // 1. The same words: context picks among repeats, position breaks ties. The same place counts
  //    only when context does not prefer another copy (two identical paragraphs swapped). Finding
  //    every copy is one indexOf scan (or a look-up in the index), cheap over the whole text.
  const exactHits = finder.occurrences(exact, 0, text.length).map((start) => ({
    start,
    end: start + exact.length,
    errors: 0,
  }))
  if (exactHits.length > 0) {
    const best = bestOf(exactHits, quote, expected.start, text)
    const state = best.start === position.start ? 'verified' : 'moved'
    return { state, start: best.start, end: best.end, exact, score: best.score }
  }

  // 2. Close words: a typo fixed, a word replaced, quote marks or whitespace changed. With a diff,
  //    they are looked for around the mapped place first, in widening windows.
  const maxErrors = Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY))
  const pattern = new FuzzyPattern(exact)
  const searchIn = (ranges: Range[]): Scored | null => {
    const windows = ranges.flatMap((range) => likelyWindows(finder, range, exact, maxErrors))
    const candidates = windows.flatMap((range) => {
      if (probe) probe.searched += range.end - range.start
      return pattern.matchesIn(text, range.start, range.end, maxErrors)
    })
    return candidates.length === 0 ? null : bestOf(candidates, quote, expected.start, text)
  }
  const whole = [{ start: 0, end: text.length }]
  if (!offsets) return acceptedOrMissing(searchIn(whole), quote, text)
  for (const window of windowsAround(expected, exact.length, text.length)) {
    const best = searchIn([window])
    if (best && isAcceptable(best)) {
      // Context intact on both sides of the whole words found: no other place can fit better.
      // Otherwise the whole text competes, as without a diff (a reworded passage moved past its
      // reworded twin).
      const extent = wordAlignedExtent(best, quote, text)
      if (contextIntact(extent, quote, text)) return changedAt(extent, text, best.score)
      return acceptedOrMissing(searchIn(whole), quote, text)
    }
  }
  return acceptedOrMissing(searchIn(newStretches(offsets, exact.length, text.length)), quote, text)
}

function acceptedOrMissing(best: Scored | null, quote: TextQuoteSelector, text: string): Anchor {
  if (!best || !isAcceptable(best)) return { state: 'missing', score: best?.score ?? 0 }
  return changedAt(wordAlignedExtent(best, quote, text), text, best.score)
}

interface Range {
  start: number
  end: number
}

/** The quote at `start`, with its recorded prefix and suffix around it, character for character. */
function standsWithContext(quote: TextQuoteSelector, text: string, start: number): boolean {
  const end = start + quote.exact.length
  return (
    text.startsWith(quote.exact, start) &&
    start >= quote.prefix.length &&
    text.startsWith(quote.prefix, start - quote.prefix.length) &&
    text.startsWith(quote.suffix, end)
  )
}

/** Close enough in the quote, and supported by its context. */
function isAcceptable(match: Scored): boolean {
  return (
    match.quoteSimilarity >= MIN_QUOTE_SIMILARITY &&
    match.contextSimilarity >= MIN_CONTEXT_SIMILARITY
  )
}

/** A side of the context as recorded, or nearly: the passage is where the diff put it. */
const CONFIDENT_CONTEXT = 0.9

function contextIntact(extent: Range, quote: TextQuoteSelector, text: string): boolean {
  // One side as recorded is enough: a rewritten word or a new paragraph may fall on the other.
  return (
    prefixFit(quote.prefix, text, extent.start) >= CONFIDENT_CONTEXT ||
    suffixFit(quote.suffix, text, extent.end) >= CONFIDENT_CONTEXT
  )
}

/** Around the place the diff maps the passage to: near first, then wider. */
function windowsAround(expected: Range, quoteLength: number, textLength: number): Range[] {
  const around = (margin: number): Range => ({
    start: Math.max(0, Math.min(expected.start, expected.end) - margin),
    end: Math.min(textLength, Math.max(expected.start, expected.end) + margin),
  })
  return [around(quoteLength + 64), around(4 * quoteLength + 1024)]
}

/**
 * Where a passage no longer near its old place can be: text the diff found new (inserted or
 * rewritten), at least half a quote long, since a passage moved and reworded is new text where it
 * landed (a word diff may pair a few of its common words with others). Text the diff found
 * unchanged held other words before the edit too, so a look-alike there is not taken for it.
 */
/**
 * Shorter new stretches are words rewritten in place, not a passage that landed there (a short
 * quote moved and reworded into a short new sentence is reported missing rather than searched for
 * in every rewritten word).
 */
const MIN_NEW_STRETCH = 40

function newStretches(offsets: OffsetMap, quoteLength: number, textLength: number): Range[] {
  const stretches = offsets
    .newStretches(Math.max(MIN_NEW_STRETCH, Math.ceil(quoteLength / 2)))
    .map((stretch) => ({
      start: Math.max(0, stretch.start - quoteLength),
      end: Math.min(textLength, stretch.end + quoteLength),
    }))
  return mergeRanges(stretches)
}

/** Shorter pieces would be found everywhere and rule nothing out. */
const MIN_PIECE = 4

/**
 * Where in `range` a match of the quote with at most `maxErrors` edits can be. Cut the quote into
 * maxErrors + 2 pieces: each edit touches at most one, so a match holds at least two pieces
 * unchanged, and their places agree (each where it stands in the quote, give or take maxErrors).
 * The finder finds the pieces; the fuzzy search reads only where two of them agree.
 */
function likelyWindows(
  finder: NeedleFinder,
  range: Range,
  exact: string,
  maxErrors: number,
): Range[] {
  const pieces = maxErrors + 2
  const size = Math.floor(exact.length / pieces)
  if (size < MIN_PIECE) return [range]
  // Where the quote would start, for each piece found.
  const hits: { start: number; piece: number }[] = []
  for (let piece = 0; piece < pieces; piece++) {
    const offset = piece * size
    const needle = exact.slice(offset, offset + size)
    for (const at of finder.occurrences(needle, range.start, range.end)) {
      hits.push({ start: at - offset, piece })
    }
  }
  hits.sort((a, b) => a.start - b.start)
  const windows: Range[] = []
  for (let i = 0; i < hits.length; i++) {
    const first = hits[i] as { start: number; piece: number }
    for (let j = i + 1; j < hits.length; j++) {
      const other = hits[j] as { start: number; piece: number }
      if (other.start - first.start > maxErrors) break
      if (other.piece === first.piece) continue
      windows.push({
        start: Math.max(range.start, first.start - maxErrors),
        end: Math.min(range.end, other.start + exact.length + maxErrors),
      })
      break
    }
  }
  return mergeRanges(windows)
}

/** Overlapping ranges (in order) joined, so no character is searched twice. */
function mergeRanges(ranges: Range[]): Range[] {
  const merged: Range[] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end)
    else merged.push({ ...range })
  }
  return merged
}

function changedAt(
  extent: { start: number; end: number },
  text: string,
  score: number,
): PlacedAnchor {
  return { state: 'changed', ...extent, exact: text.slice(extent.start, extent.end), score }
}

/**
 * A fuzzy match's edges fall wherever the fewest edits put them, often inside a word ("y hate"
 * for "I really hate"). Each edge moves to a word boundary: outward, so a cut word is kept whole,
 * unless the recorded context shows the cut word lies outside the passage (the match borrowed
 * "an," from "than," to stand for "and"); then the fragment is left out whole instead. Beyond
 * that, the edge may grow a few more words to where the context says the passage begins or ends.
 * Either way the passage holds whole words only, never part of one.
 */
export function wordAlignedExtent(
  match: { start: number; end: number },
  quote: TextQuoteSelector,
  text: string,
): { start: number; end: number } {
  const whole = wholeWordExtent(text, match.start, match.end)
  if (whole.start >= whole.end) return whole
  const startCut = isInsideWord(text, match.start)
  const endCut = isInsideWord(text, match.end)
  const start = bestEdge(
    [
      whole.start,
      ...boundariesOutward(text, whole.start, 'before', MAX_EDGE_WORDS),
      ...(startCut ? [afterWordAt(text, match.start)] : []),
    ],
    (at) => prefixFit(quote.prefix, text, at),
  )
  const end = bestEdge(
    [
      whole.end,
      ...boundariesOutward(text, whole.end, 'after', MAX_EDGE_WORDS),
      ...(endCut ? [beforeWordAt(text, match.end)] : []),
    ],
    (at) => suffixFit(quote.suffix, text, at),
  )
  return start < end ? { start, end } : whole
}

/** The nearest outward edge unless another fits the context strictly better. */
function bestEdge(edges: number[], fit: (at: number) => number): number {
  let best = edges[0] as number
  let bestFit = fit(best)
  for (const edge of edges.slice(1)) {
    const edgeFit = fit(edge)
    if (edgeFit > bestFit && edgeFit >= MIN_CONTEXT_SIMILARITY) {
      best = edge
      bestFit = edgeFit
    }
  }
  return best
}

interface Scored {
  start: number
  end: number
  score: number
  quoteSimilarity: number
  contextSimilarity: number
}

/** The best-scoring match; `expectedStart` is where the passage should be now. */
function bestOf(
  matches: Match[],
  quote: TextQuoteSelector,
  expectedStart: number,
  text: string,
): Scored {
  const total = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position
  let best: Scored | null = null
  for (const match of matches) {
    const quoteSimilarity = 1 - match.errors / quote.exact.length
    const prefixSimilarity = prefixFit(quote.prefix, text, match.start)
    const suffixSimilarity = suffixFit(quote.suffix, text, match.end)
    const distance = Math.abs(match.start - expectedStart) / Math.max(1, text.length)
    const positionScore = 1 - Math.min(1, distance)
    const score =
      (WEIGHTS.quote * quoteSimilarity +
        WEIGHTS.prefix * prefixSimilarity +
        WEIGHTS.suffix * suffixSimilarity +
        WEIGHTS.position * positionScore) /
      total
    const contextSimilarity = Math.max(prefixSimilarity, suffixSimilarity)
    if (!best || score > best.score) {
      best = {
        start: match.start,
        end: match.end,
        score,
        quoteSimilarity,
        contextSimilarity,
      }
    }
  }
  if (!best) throw new Error('bestOf needs at least one match')
  return best
}

/**
 * How well the text before `at` fits the recorded prefix. The characters next to the passage say
 * most about where it is, so the nearest 8, 16 and all 32 are compared and averaged: a near
 * neighbour counts three times, one 30 characters away once.
 */
function prefixFit(prefix: string, text: string, at: number): number {
  return averageOverScales(prefix.length, (n) =>
    similarity(prefix.slice(prefix.length - n), text.slice(Math.max(0, at - n), at)),
  )
}

/** The same for the text after `at` and the recorded suffix. */
function suffixFit(suffix: string, text: string, at: number): number {
  return averageOverScales(suffix.length, (n) =>
    similarity(suffix.slice(0, n), text.slice(at, at + n)),
  )
}

const CONTEXT_SCALES = [8, 16, 32]

function averageOverScales(length: number, fit: (n: number) => number): number {
  if (length === 0) return 1
  const scales = [...new Set(CONTEXT_SCALES.map((n) => Math.min(n, length)))]
  return scales.reduce((sum, n) => sum + fit(n), 0) / scales.length
}

/** 1 - edit distance / length; an empty expectation (the start or end of the text) matches. */
export function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1
  return Math.max(0, 1 - levenshtein(expected, actual) / expected.length)
}

/** One row of the edit-distance table, reused: the fits run thousands of times per re-import. */
let row = new Uint32Array(64)

function levenshtein(a: string, b: string): number {
  if (row.length <= b.length) row = new Uint32Array(b.length * 2 + 1)
  for (let j = 0; j <= b.length; j++) row[j] = j
  for (let i = 1; i <= a.length; i++) {
    const code = a.charCodeAt(i - 1)
    // `diagonal` is the row above's value one column left, before this row overwrote it.
    let diagonal = row[0] as number
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number
      const substitution = diagonal + (code === b.charCodeAt(j - 1) ? 0 : 1)
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, substitution)
      diagonal = above
    }
  }
  return row[b.length] as number
}
