import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../../../test/random-text'
import { regexOnlyTextDirective } from '../../../../test/text-fragment-reference'
import { encodeDirectiveText, fragmentText, textDirective, withTextFragment } from './text-fragment'

/** The directive for the `occurrence`-th (1-based) `quote` in `text`. */
function directiveFor(text: string, quote: string, occurrence = 1): string {
  let start = -1
  for (let n = 0; n < occurrence; n++) start = text.indexOf(quote, start + 1)
  expect(start).toBeGreaterThanOrEqual(0)
  return textDirective(text, start, start + quote.length)
}

describe('text fragments', () => {
  it('percent-encodes the characters the spec reserves, and nothing it needs', () => {
    expect(encodeDirectiveText('Fish & chips, well-done')).toBe(
      'Fish%20%26%20chips%2C%20well%2Ddone',
    )
    const text = 'Intro.\n\nFish & chips, well-done today.\n\nOutro.'
    expect(directiveFor(text, 'Fish & chips, well-done today.')).toBe(
      '#:~:text=Fish%20%26%20chips%2C%20well%2Ddone%20today.',
    )
    expect(decodeURIComponent(encodeDirectiveText('“Sean’s” — é'))).toBe('“Sean’s” — é')
  })

  it('adds the words around a quote that occurs more than once, whichever occurrence it is', () => {
    const text = 'The red rocket flew. Later a Red Rocket landed, and another red rocket waited.'
    expect(directiveFor(text, 'Red Rocket')).toBe(
      '#:~:text=flew.%20Later%20a-,Red%20Rocket,-landed%2C%20and%20another',
    )
    expect(directiveFor(text, 'red rocket', 1)).toBe(
      '#:~:text=The-,red%20rocket,-flew.%20Later%20a',
    )
    // Matching is by whole words: "Rockets" is not another "Rocket".
    expect(directiveFor('One Rocket among Rockets.', 'Rocket')).toBe('#:~:text=Rocket')
  })

  it('addresses a long quote by its first and last words, with context when those recur', () => {
    const long =
      'it was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness'
    expect(directiveFor(`Dickens wrote that ${long}.`, long)).toBe(
      '#:~:text=it%20was%20the%20best,the%20age%20of%20foolishness',
    )
    // "it was the best" occurs before the quote too: the first match would start there.
    const text = `Before: it was the best day. Then ${long}.`
    expect(directiveFor(text, long)).toBe(
      '#:~:text=best%20day.%20Then-,it%20was%20the%20best,the%20age%20of%20foolishness,-.',
    )
  })

  it('addresses a quote across paragraphs by words inside its first and last paragraph', () => {
    const text = 'First para ends here.\n\nSecond para starts and goes on.'
    expect(directiveFor(text, 'ends here.\n\nSecond para')).toBe(
      '#:~:text=ends%20here.,Second%20para',
    )
  })

  it('replaces a URL’s own fragment', () => {
    expect(withTextFragment('https://example.org/a#top', '#:~:text=x')).toBe(
      'https://example.org/a#:~:text=x',
    )
  })
})

describe('text fragments found with indexOf first, then the pattern where a word starts', () => {
  /** Every whole-word range of up to `most` words in `text`, as [start, end). */
  function wordRanges(text: string, most: number): [number, number][] {
    const words = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length])
    const ranges: [number, number][] = []
    for (let i = 0; i < words.length; i++) {
      for (let j = i; j < Math.min(words.length, i + most); j++) {
        ranges.push([words[i]?.[0] as number, words[j]?.[1] as number])
      }
    }
    return ranges
  }

  const tricky = [
    // Repeated words, in other cases, inside longer words and across lines.
    'The red rocket flew. Later a Red Rocket landed; another red rocket, and RED ROCKETS waited.\nred\nrocket red rocket.',
    // A word inside longer words, before and after: not another match.
    'A rocket, a skyrocket, rockets and an antirocket. Then rocket.',
    // Letters outside ASCII at the edges of words: "café" is not inside "cafés" or "décafé".
    'Café culture. A café, two cafés, décafé and CAFÉ; the café again. Éclair éclair ÉCLAIR.',
    // Letters whose lowercase and case folding differ: long s, Kelvin sign, dotted I, final sigma.
    'The ſun and the sun. 5 K and 5 k. İstanbul and istanbul. ΟΔΟΣ οδος οδός, σοφός ΣΟΦΟΣ.',
    // Curly quotes, apostrophes, hyphens, emoji and text with no spaces.
    '“Sean gets sex work.” Sean’s film; sean’s film. well-done, well done. 🎬 film 🎬 film. 我们看电影。我们看电影。',
    // A long quote whose first and last words recur.
    'it was the best day. it was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness. it was the age of foolishness.',
  ]

  it('gives the same directive as the whole-text regex for every range of tricky texts', () => {
    let compared = 0
    for (const text of tricky) {
      for (const [start, end] of wordRanges(text, 24)) {
        expect(textDirective(text, start, end), text.slice(start, end)).toBe(
          regexOnlyTextDirective(text, start, end),
        )
        compared++
      }
    }
    expect(compared).toBeGreaterThan(1000)
  })

  it('gives the same directive as the whole-text regex on repetitive text, any range', () => {
    const random = seededRandom(5)
    const vocabulary = ['a', 'an', 'ab', 'rocket', 'rockets', 'Rocket', 'the', 'é', 'Éa', 'a-b']
    const text = Array.from({ length: 900 }, (_, i) => {
      const word = vocabulary[Math.floor(random() * vocabulary.length)] as string
      return i % 40 === 39 ? `${word}.\n\n` : random() < 0.1 ? `${word},  ` : `${word} `
    }).join('')
    for (let n = 0; n < 400; n++) {
      // Not only whole words: clippings made before word edges were enforced start mid-word.
      const start = Math.floor(random() * (text.length - 60))
      const end = start + 1 + Math.floor(random() * 120)
      expect(textDirective(text, start, end), text.slice(start, end)).toBe(
        regexOnlyTextDirective(text, start, end),
      )
    }
  })

  it('gives the same directive on prepared (lowercased once) text as on a plain string', () => {
    const text = tricky.join('\n\n')
    const prepared = fragmentText(text)
    for (const [start, end] of wordRanges(text, 6)) {
      expect(textDirective(prepared, start, end)).toBe(textDirective(text, start, end))
    }
  })
})
