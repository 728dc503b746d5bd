import { describe, expect, it } from 'vitest'
import { indexedFinder, scanningFinder } from './needle-finder'

describe('finding needles in a text', () => {
  const text = 'the cat sat on the mat; the cat’s hat — “thé” 🙂 the end, theend'

  it('finds every place a needle stands wholly inside the window, overlapping ones too', () => {
    for (const finder of [scanningFinder(text), indexedFinder(text)]) {
      expect(finder.occurrences('the ', 0, text.length)).toEqual([0, 15, 24, 49])
      expect(finder.occurrences('the', 20, 61)).toEqual([24, 49, 58])
      expect(finder.occurrences('the', 20, 60)).toEqual([24, 49])
      // "the " at 49 ends at 53: outside a window ending at 52.
      expect(finder.occurrences('the ', 16, 52)).toEqual([24])
      expect(finder.occurrences('aaaa', 0, text.length)).toEqual([])
      expect(finder.occurrences('“thé” 🙂', 0, text.length)).toEqual([40])
    }
    expect(indexedFinder('aaaaaa').occurrences('aaaa', 0, 6)).toEqual([0, 1, 2])
  })

  it('the index agrees with a plain scan on a long varied text, needles long and short', () => {
    const words = ['rocket', 'orbit', 'the', 'a', 'launch', 'fuel', 'crew', 'naïve', '—', 'it’s']
    let seed = 7
    const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647
    const long = Array.from(
      { length: 20_000 },
      () => words[Math.floor(next() * words.length)],
    ).join(' ')
    const scan = scanningFinder(long)
    const index = indexedFinder(long)
    for (let i = 0; i < 400; i++) {
      const at = Math.floor(next() * (long.length - 20))
      const needle = long.slice(at, at + 2 + Math.floor(next() * 12))
      const from = Math.floor(next() * long.length)
      const to = Math.min(long.length, from + Math.floor(next() * 5000))
      expect(index.occurrences(needle, from, to), needle).toEqual(
        scan.occurrences(needle, from, to),
      )
    }
  })
})
