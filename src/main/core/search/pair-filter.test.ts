import { describe, expect, it } from 'vitest'
import { PairFilter } from './pair-filter'

describe('the word pair filter', () => {
  const words = Array.from({ length: 5000 }, (_, i) => `w${(i * 7919) % 1000}`)
  const filter = PairFilter.fromBase64(PairFilter.of(words).toBase64())

  it('never says no to a pair the text holds, or to the first letters of the next word', () => {
    for (let i = 0; i + 1 < words.length; i++) {
      expect(filter.mayHold(words[i] as string, words[i + 1] as string)).toBe(true)
      expect(filter.mayHoldPrefix(words[i] as string, (words[i + 1] as string).slice(0, 3))).toBe(
        true,
      )
    }
  })

  it('says no to almost every pair it does not hold', () => {
    let wrong = 0
    for (let i = 0; i < 2000; i++) if (filter.mayHold(`x${i}`, `y${i}`)) wrong++
    expect(wrong).toBeLessThan(60)
  })
})
