// The W3C selectors that Hypothesis and Web Annotation files both use to say which words were
// highlighted: read into a record's quote, context and position. Other selector types (XPath,
// Range, CSS) name places in a page's markup that Commonplace does not keep, so they are ignored.
import { z } from 'zod'
import type { HighlightRecord } from './highlight-record'

const quoteSelector = z.looseObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
})

const positionSelector = z.looseObject({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})

/** A selector of any type, with the selectors that refine it (W3C `refinedBy`). */
export interface AnySelector {
  type?: unknown
  refinedBy?: unknown
}

/** Every selector in `value` (one, or an array), refinements included, outermost first. */
export function flattenSelectors(value: unknown): AnySelector[] {
  const found: AnySelector[] = []
  const visit = (item: unknown): void => {
    if (Array.isArray(item)) return item.forEach(visit)
    if (typeof item !== 'object' || item === null) return
    found.push(item as AnySelector)
    visit((item as AnySelector).refinedBy)
  }
  visit(value)
  return found
}

export type SelectedWords = Pick<HighlightRecord, 'quote' | 'prefix' | 'suffix' | 'position'>

/** The highlighted words the selectors name; a message when there are none or they are bad. */
export function selectedWords(selectors: AnySelector[]): SelectedWords | string {
  const quotes = selectors.filter((selector) => selector.type === 'TextQuoteSelector')
  if (quotes.length === 0) return 'no TextQuoteSelector: no highlighted words'
  const quote = quoteSelector.safeParse(quotes[0])
  if (!quote.success) return `TextQuoteSelector: ${describeIssue(quote.error)}`
  if (quote.data.exact.trim() === '') return 'the TextQuoteSelector has no words (exact is empty)'
  const positions = selectors.filter((selector) => selector.type === 'TextPositionSelector')
  const position = positions.length > 0 ? positionSelector.safeParse(positions[0]) : null
  if (position && !position.success) return `TextPositionSelector: ${describeIssue(position.error)}`
  if (position && position.data.end < position.data.start)
    return 'TextPositionSelector: end comes before start'
  return {
    quote: quote.data.exact,
    ...(quote.data.prefix && { prefix: quote.data.prefix }),
    ...(quote.data.suffix && { suffix: quote.data.suffix }),
    ...(position && { position: { start: position.data.start, end: position.data.end } }),
  }
}

/** zod's first complaint, said with the path it is about ("target.0.source: expected string"). */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'not valid'
  const path = issue.path.join('.')
  // zod says "Invalid input: expected string, received undefined" of a field that is absent.
  const message = /received undefined$/.test(issue.message) ? 'missing' : issue.message
  return path ? `${path}: ${message}` : message
}

/** Trimmed, non-empty, each once, in order. */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))]
}
