// Re-anchoring: where is a clipping's passage in a newer version of its source? Hypothesis takes
// its best fuzzy match however poor; here a match must be close in the quote AND supported by its
// context, or the clipping is reported missing, never silently pointed at look-alike text.
import search from 'approx-string-match'
import {
  occurrencesOf,
  type TextPositionSelector,
  type TextQuoteSelector,
} from '../../shared/domain'

export type AnchorState = 'verified' | 'moved' | 'changed' | 'missing'

export interface Anchor {
  state: AnchorState
  /** Offsets in the new text; absent when missing. */
  start?: number
  end?: number
  /** The new text at those offsets (differs from the quote only when changed). */
  exact?: string
  /** 0..1: how well quote, context and position agree. */
  score: number
}

/** A fuzzy match needs at least this much of the quote unchanged… */
export const MIN_QUOTE_SIMILARITY = 0.85
/** …and at least one side of its context recognisably the same. */
export const MIN_CONTEXT_SIMILARITY = 0.5

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 }

export function reanchor(
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  text: string,
): Anchor {
  const { exact } = quote
  if (exact === '' || text === '') return { state: 'missing', score: 0 }

  // 1. Same text at the same place.
  if (text.slice(position.start, position.end) === exact) {
    return { state: 'verified', start: position.start, end: position.end, exact, score: 1 }
  }

  // 2. The same text elsewhere: context picks among repeats, position breaks ties.
  const exactHits = occurrencesOf(text, exact).map((start) => ({
    start,
    end: start + exact.length,
    errors: 0,
  }))
  if (exactHits.length > 0) {
    const best = bestOf(exactHits, quote, position, text)
    return { state: 'moved', start: best.start, end: best.end, exact, score: best.score }
  }

  // 3. A close match: a typo fixed, quote marks or whitespace changed.
  const maxErrors = Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY))
  const candidates = search(text, exact, maxErrors)
  if (candidates.length === 0) return { state: 'missing', score: 0 }
  const best = bestOf(candidates, quote, position, text)
  if (
    best.quoteSimilarity < MIN_QUOTE_SIMILARITY ||
    best.contextSimilarity < MIN_CONTEXT_SIMILARITY
  ) {
    return { state: 'missing', score: best.score }
  }
  const found = text.slice(best.start, best.end)
  return { state: 'changed', start: best.start, end: best.end, exact: found, score: best.score }
}

interface Scored {
  start: number
  end: number
  score: number
  quoteSimilarity: number
  contextSimilarity: number
}

function bestOf(
  matches: { start: number; end: number; errors: number }[],
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  text: string,
): Scored {
  const total = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position
  let best: Scored | null = null
  for (const match of matches) {
    const quoteSimilarity = 1 - match.errors / quote.exact.length
    const before = text.slice(Math.max(0, match.start - quote.prefix.length), match.start)
    const after = text.slice(match.end, match.end + quote.suffix.length)
    const prefixSimilarity = similarity(quote.prefix, before)
    const suffixSimilarity = similarity(quote.suffix, after)
    const distance = Math.abs(match.start - position.start) / Math.max(1, text.length)
    const positionScore = 1 - Math.min(1, distance)
    const score =
      (WEIGHTS.quote * quoteSimilarity +
        WEIGHTS.prefix * prefixSimilarity +
        WEIGHTS.suffix * suffixSimilarity +
        WEIGHTS.position * positionScore) /
      total
    const contextSimilarity = Math.max(prefixSimilarity, suffixSimilarity)
    if (!best || score > best.score) {
      best = { start: match.start, end: match.end, score, quoteSimilarity, contextSimilarity }
    }
  }
  return best as Scored
}

/** 1 - edit distance / length; an empty expectation (the start or end of the text) matches. */
export function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1
  return Math.max(0, 1 - levenshtein(expected, actual) / expected.length)
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    previous = current
  }
  return previous[b.length]
}
