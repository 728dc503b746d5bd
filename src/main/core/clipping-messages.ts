// What the CLI says when a quote cannot be clipped as given: it names the problem and shows the
// text around each candidate, so the user can pick or correct without opening the source.
import { quoted } from '../../shared/quoted'

const CONTEXT_SHOWN = 40

export function normalizeTags(tags: readonly string[]): string[] {
  const clean = tags.map((tag) => tag.trim().replace(/^#+/, '').trim()).filter(Boolean)
  return [...new Set(clean)]
}

function excerptAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - CONTEXT_SHOWN), start).replace(/\s+/g, ' ')
  const after = text.slice(end, end + CONTEXT_SHOWN).replace(/\s+/g, ' ')
  return `…${before}[${text.slice(start, end)}]${after}…`
}

export function ambiguousMessage(
  text: string,
  quote: string,
  found: number[],
  chosen?: number,
  /** Where an occurrence is ("p. 12 "), for sources with pages or chapters. */
  placeOf: (at: number) => string = () => '',
): string {
  const lines = found.map(
    (at, index) => `  ${index + 1}: ${placeOf(at)}${excerptAround(text, at, at + quote.length)}`,
  )
  const lead =
    chosen === undefined
      ? `The quote occurs ${found.length} times in this source; pick one with --occurrence N:`
      : `--occurrence ${chosen} is out of range: the quote occurs ${found.length} times:`
  return [lead, ...lines].join('\n')
}

/** Straight and typographic quotes look alike in a terminal; say so when that is the mismatch. */
export function quoteNotFoundMessage(text: string, quote: string): string {
  const plain = (value: string): string =>
    value
      .replace(/[‘’‛′]/g, "'")
      .replace(/[“”‟″]/g, '"')
      .replace(/[–—]/g, '-')
  const at = plain(text).indexOf(plain(quote))
  const base = `The quote does not occur in this source: ${quoted(quote)}.`
  if (at === -1 || quote.length === 0) return base
  return `${base} A passage differing only in quote marks or dashes does: ${quoted(text.slice(at, at + quote.length))}. Quotes are matched exactly; copy it as it is.`
}
