import { describe, expect, it } from 'vitest'
import { formatDate, formatShortDate } from './format'

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

describe('a source’s publication date', () => {
  it('is the calendar date the page wrote, each time it is asked', () => {
    for (let round = 0; round < 2; round++) {
      expect(formatDate('2021-12-10')).toBe('10 Dec 2021')
      expect(formatDate('2021-12-10T23:30:00-05:00')).toBe('10 Dec 2021')
      expect(formatDate('in the spring')).toBe('in the spring')
      expect(formatDate('')).toBe('')
    }
  })

  it('stays right past the dates it keeps', () => {
    for (let day = 0; day < 1500; day++) {
      const date = new Date(Date.UTC(2000, 0, 1 + day))
      const iso = date.toISOString().slice(0, 10)
      expect(formatDate(iso)).toBe(
        date.toLocaleDateString('en-GB', {
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          timeZone: 'UTC',
        }),
      )
    }
  })
})
