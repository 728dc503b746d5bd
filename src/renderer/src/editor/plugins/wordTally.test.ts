import { describe, expect, it } from 'vitest'
import { countWords, WordTally } from './wordTally'

const paragraphs = Array.from(
  { length: 200 },
  (_, i) => `Paragraph ${i}: the writer's own words, some of them repeated, and a number ${i * 7}.`,
)

/** A tally whose counting is watched: which texts it had to segment. */
function watchedTally(): { tally: WordTally; segmented: string[] } {
  const segmented: string[] = []
  const tally = new WordTally((text) => {
    segmented.push(text)
    return countWords(text)
  })
  return { tally, segmented }
}

describe('the word count of an essay', () => {
  it('adds up the words of every block, a repeated block each time it appears', () => {
    const { tally } = watchedTally()
    expect(countWords('The quick, brown fox — it jumped.')).toBe(6)
    expect(tally.total(['One two.', '', 'Three four five.', 'One two.'])).toBe(7)
  })

  it('after an edit, segments only the block that changed and still counts them all', () => {
    const { tally, segmented } = watchedTally()
    const whole = tally.total(paragraphs)
    expect(whole).toBe(paragraphs.reduce((sum, text) => sum + countWords(text), 0))
    segmented.length = 0

    const edited = paragraphs.with(120, `${paragraphs[120]} Two more`)
    expect(tally.total(edited)).toBe(whole + 2)
    expect(segmented).toEqual([edited[120]])
  })

  it('forgets the texts an essay no longer has', () => {
    const { tally, segmented } = watchedTally()
    tally.total(['An old sentence.'])
    tally.total(['A new sentence.'])
    segmented.length = 0
    expect(tally.total(['An old sentence.'])).toBe(3)
    expect(segmented).toEqual(['An old sentence.'])
  })
})
