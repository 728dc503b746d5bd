// The peer for re-anchoring: Hypothesis's client anchors a quote with `matchQuote`, which scores
// every fuzzy match of the quote (up to half its length in errors, by approx-string-match) on four
// weighted agreements: the quote itself (50), the prefix (20) and suffix (20) next to the match,
// and nearness to the recorded position (2), and takes the best, however poor. Written here from
// that documented scoring, not copied.
import search from 'approx-string-match'

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 }

export interface PeerContext {
  prefix: string
  suffix: string
  /** The recorded start offset. */
  hint: number
}

/** 1 - (fewest errors of `expected` found anywhere in `actual`) / its length. */
function contextScore(expected: string, actual: string): number {
  if (expected.length === 0 || actual.length === 0) return 0
  const matches = search(actual, expected, expected.length)
  if (matches.length === 0) return 0
  const errors = Math.min(...matches.map((match) => match.errors))
  return 1 - errors / expected.length
}

export function hypothesisMatchQuote(
  text: string,
  quote: string,
  context: PeerContext,
): { start: number; end: number; score: number } | null {
  if (quote.length === 0) return null
  const maxErrors = Math.min(256, Math.floor(quote.length / 2))
  const matches = search(text, quote, maxErrors)
  let best: { start: number; end: number; score: number } | null = null
  const total = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position
  for (const match of matches) {
    const quoteScore = 1 - match.errors / quote.length
    const prefixScore = context.prefix
      ? contextScore(
          context.prefix,
          text.slice(Math.max(0, match.start - context.prefix.length), match.start),
        )
      : 1
    const suffixScore = context.suffix
      ? contextScore(context.suffix, text.slice(match.end, match.end + context.suffix.length))
      : 1
    const positionScore = 1 - Math.abs(match.start - context.hint) / Math.max(1, text.length)
    const score =
      (WEIGHTS.quote * quoteScore +
        WEIGHTS.prefix * prefixScore +
        WEIGHTS.suffix * suffixScore +
        WEIGHTS.position * positionScore) /
      total
    if (!best || score > best.score) best = { start: match.start, end: match.end, score }
  }
  return best
}
