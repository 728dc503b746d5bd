import { describe, expect, it } from 'vitest'
import { cleanByline, leadingBylineLength, repeatsByline } from './byline'

describe('the reader’s byline', () => {
  it('names an author who is also the site once', () => {
    expect(cleanByline(['AFP', 'AFP', '24 Feb 2025'])).toBe('AFP · 24 Feb 2025')
    expect(cleanByline(['afp', ' AFP ', undefined])).toBe('afp')
    expect(cleanByline(['By AFP', 'AFP', '24 Feb 2025'])).toBe('By AFP · 24 Feb 2025')
  })

  it('leaves out a site already named among the authors, and keeps different ones', () => {
    expect(cleanByline(['Jane Doe and John Roe, AFP', 'AFP', '1 Mar 2025'])).toBe(
      'Jane Doe and John Roe, AFP · 1 Mar 2025',
    )
    expect(cleanByline(['Jane Doe', 'The Guardian', ''])).toBe('Jane Doe · The Guardian')
    expect(cleanByline([undefined, ' ', '2 Dec 2026'])).toBe('2 Dec 2026')
  })
})

describe('a leading “By …” paragraph', () => {
  it('repeats the byline when it names only the author or the site', () => {
    expect(repeatsByline('By AFP', ['AFP', 'AFP'])).toBe(true)
    expect(repeatsByline('by  Jane Doe & AFP ', ['Jane Doe', 'AFP'])).toBe(true)
    expect(repeatsByline('By JANE DÖE', ['Jane Doe', undefined])).toBe(true)
  })

  it('does not when it names someone else, is not a by-line, or is a real paragraph', () => {
    expect(repeatsByline('By Reuters', ['AFP', 'AFP'])).toBe(false)
    expect(repeatsByline('By AFP and Reuters', ['AFP', 'AFP'])).toBe(false)
    expect(repeatsByline('AFP', ['AFP', 'AFP'])).toBe(false)
    expect(repeatsByline('By', ['AFP'])).toBe(false)
    expect(repeatsByline('By AFP', [undefined, undefined])).toBe(false)
    const long = `By AFP ${'and AFP '.repeat(40)}`
    expect(repeatsByline(long, ['AFP'])).toBe(false)
  })

  it('is measured in the text, so the reader hides exactly that block', () => {
    const text = 'By AFP\n\nFor a film about sex work to win an Oscar is rare.'
    expect(leadingBylineLength(text, ['AFP', 'AFP'])).toBe('By AFP'.length)
    expect(leadingBylineLength('For a film.\n\nBy AFP', ['AFP'])).toBe(0)
    expect(leadingBylineLength('By AFP', ['AFP'])).toBe(6)
  })
})
