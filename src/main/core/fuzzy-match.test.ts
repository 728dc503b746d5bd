import search from 'approx-string-match'
import { describe, expect, it } from 'vitest'
import { FuzzyPattern } from './fuzzy-match'

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

function mutated(text: string, edits: number, next: () => number, alphabet: string): string {
  let out = text
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * out.length)
    const letter = alphabet[Math.floor(next() * alphabet.length)] as string
    const kind = Math.floor(next() * 3)
    if (kind === 0) out = out.slice(0, at) + letter + out.slice(at + 1)
    else if (kind === 1) out = out.slice(0, at) + out.slice(at + 1)
    else out = out.slice(0, at) + letter + out.slice(at)
  }
  return out
}

describe('FuzzyPattern', () => {
  it('finds a reworded quote where the fewest edits put it, even mid-word', () => {
    const text = 'Before it. I really hate the hypocrisy in this society, said she.'
    const pattern = new FuzzyPattern('I hate the hypocrisy in our society')
    // "y hate … this society": 5 edits; the word edges are re-anchoring's business.
    expect(pattern.matchesIn(text, 0, text.length, 8)).toEqual([{ start: 18, end: 54, errors: 5 }])
  })

  it('finds nothing where the quote would need more edits than allowed', () => {
    const pattern = new FuzzyPattern('an entirely different sentence')
    expect(pattern.matchesIn('nothing like it at all here', 0, 27, 3)).toEqual([])
  })

  it('searches only its window, and reads the text as it is (quotes, accents, beyond Latin-1)', () => {
    const text = 'Baker’s work — “naïve” 🙂 here. Baker’s work — “naïve” 🙂 there.'
    const pattern = new FuzzyPattern('Baker’s work — “naïve” 🙂 there')
    const second = text.indexOf('Baker', 5)
    expect(pattern.matchesIn(text, second, text.length, 2)).toEqual([
      { start: second, end: text.length - 1, errors: 0 },
    ])
    expect(pattern.matchesIn(text, 0, second, 2)).toEqual([
      { start: 0, end: second - 2, errors: 1 },
    ])
  })

  it('agrees with approx-string-match on thousands of random cases, short and long quotes', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const next = random(seed)
      const alphabet = seed % 3 === 0 ? 'ab ' : 'abcdefgh ’é'
      const length = 1 + Math.floor(next() * (seed % 5 === 0 ? 150 : 40))
      const quote = Array.from(
        { length },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('')
      const noise = (n: number): string =>
        Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('')
      const text =
        noise(Math.floor(next() * 60)) +
        mutated(quote, Math.floor(next() * 6), next, alphabet) +
        noise(Math.floor(next() * 60))
      const maxErrors = Math.floor(next() * (length / 3 + 2))
      const from = Math.floor(next() * 10)
      const window = text.slice(from)
      const expected = search(window, quote, maxErrors).map((match) => ({
        ...match,
        start: match.start + from,
        end: match.end + from,
      }))
      const found = new FuzzyPattern(quote).matchesIn(text, from, text.length, maxErrors)
      expect(found, `seed ${seed}`).toEqual(expected)
    }
  })

  it('gives the same answers when one pattern searches many windows in turn', () => {
    const text = 'the cat sat on the mat; the cat sat on a hat; a dog sat on the mat'
    const pattern = new FuzzyPattern('the cat sat on the mat')
    const once = (from: number, to: number): unknown =>
      new FuzzyPattern('the cat sat on the mat').matchesIn(text, from, to, 5)
    for (const [from, to] of [
      [0, 23],
      [24, 45],
      [46, text.length],
      [0, text.length],
    ] as const) {
      expect(pattern.matchesIn(text, from, to, 5)).toEqual(once(from, to))
    }
  })
})
