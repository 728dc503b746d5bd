import { describe, expect, it } from 'vitest'
import { phraseTest, wordForm } from './query'

describe('a quoted phrase', () => {
  it('matches whole words only, at either end of the text or inside it', () => {
    const holds = phraseTest('in our')
    expect(holds(wordForm('In our society'))).toBe(true)
    expect(holds(wordForm('hypocrisy in our'))).toBe(true)
    expect(holds(wordForm('a fight in our time'))).toBe(true)
    // The words are there, but glued to others: the first after "with", the last before "s".
    expect(holds(wordForm('within our walls'))).toBe(false)
    expect(holds(wordForm('in ours'))).toBe(false)
    // A later place can still be whole when the first is not.
    expect(holds(wordForm('within our time, in our time'))).toBe(true)
  })

  it('in Chinese or Japanese matches the characters wherever they stand', () => {
    const holds = phraseTest('大学の')
    expect(holds(wordForm('东京大学の学生'))).toBe(true)
    expect(holds(wordForm('大学 の'))).toBe(false)
  })
})
