import type { SourceSummary } from '../../../shared/domain'
import { formatDate } from '../ui/format'

/**
 * A passage as a quotation to paste elsewhere: the words in curly quotes, then who and where
 * they come from: “…” — Author, Title, Site, 24 Feb 2025. https://…
 */
export function quotationWithCitation(exact: string, source: SourceSummary): string {
  // One line: a paragraph break inside the passage becomes a pilcrow, other runs one space.
  const quote = exact
    .trim()
    .replace(/\s*\n\s*\n\s*/g, ' ¶ ')
    .replace(/\s+/g, ' ')
  const parts = [source.author, source.title, source.siteName, formatDate(source.publishedAt)]
  const seen = new Set<string>()
  const attribution = parts
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '' && !seen.has(part) && Boolean(seen.add(part)))
    .join(', ')
  const url = source.url ? ` ${source.url}` : ''
  return `“${quote}” — ${attribution}.${url}`
}
