// A quote typed for a PDF: normalized as its text was, any white space for any white space.
import { describe, expect, it } from 'vitest'
import { quoteMatches } from './quote-placement'

const text = 'The half-life (in days) costs $5.\n\nA first-rate\nfinish. The half-life again.'

describe('quoteMatches', () => {
  it('finds a PDF quote with punctuation a pattern would treat as syntax', () => {
    const [match] = quoteMatches(text, 'half-life (in days) costs $5.', 'pdf')
    expect(match && text.slice(match.start, match.end)).toBe('half-life (in days) costs $5.')
  })

  it('lets a space in the quote stand for a line or paragraph break in the text', () => {
    const [match] = quoteMatches(text, '$5. A ﬁrst-rate finish', 'pdf')
    expect(match && text.slice(match.start, match.end)).toBe('$5.\n\nA first-rate\nfinish')
  })

  it('finds every occurrence, in order', () => {
    expect(quoteMatches(text, 'half-life', 'pdf').map((match) => match.start)).toEqual([
      4,
      text.lastIndexOf('half-life'),
    ])
  })

  it('matches an article exactly, as before', () => {
    expect(quoteMatches(text, 'A first-rate finish', 'txt')).toEqual([])
    expect(quoteMatches(text, 'A first-rate\nfinish', 'txt')).toHaveLength(1)
  })
})
