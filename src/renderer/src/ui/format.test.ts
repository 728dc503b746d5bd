import { describe, expect, it } from 'vitest'
import { formatShortDate } from './format'

describe('a clipping’s date', () => {
  const now = new Date(2026, 11, 2, 15, 0)
  it('is day and month this year, with the year otherwise', () => {
    expect(formatShortDate(new Date(2026, 11, 2, 9, 30).toISOString(), now)).toBe('2 Dec')
    expect(formatShortDate(new Date(2025, 11, 2, 9, 30).toISOString(), now)).toBe('2 Dec 2025')
  })
  it('shows what it cannot read as it is', () => {
    expect(formatShortDate('yesterday', now)).toBe('yesterday')
  })
})
