import { describe, expect, it } from 'vitest'
import type { SourceSummary } from '../../../shared/domain'
import { quotationWithCitation } from './quotation'

const source: SourceSummary = {
  id: 's-1',
  kind: 'html',
  importedAt: '2026-12-01T10:00:00.000Z',
  currentVersionHash: 'a'.repeat(64),
  title: 'Sex workers cheer Anora ahead of the Oscars',
  author: 'AFP',
  siteName: 'AFP',
  publishedAt: '2025-02-24',
  url: 'https://example.org/anora',
}

describe('a quotation with its citation', () => {
  it('puts the words in curly quotes, then author, title, site, date and address once each', () => {
    expect(quotationWithCitation('Sean gets sex work.', source)).toBe(
      '“Sean gets sex work.” — AFP, Sex workers cheer Anora ahead of the Oscars, 24 Feb 2025. https://example.org/anora',
    )
  })

  it('marks a paragraph break, and leaves out what the source does not say', () => {
    const bare = {
      ...source,
      author: undefined,
      siteName: undefined,
      publishedAt: undefined,
      url: undefined,
    }
    expect(quotationWithCitation('One.\n\nTwo.', bare)).toBe(
      '“One. ¶ Two.” — Sex workers cheer Anora ahead of the Oscars.',
    )
  })
})
