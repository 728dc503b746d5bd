import { describe, expect, it } from 'vitest'
import { readableDiff } from './readableDiff'

const shown = (was: string, now: string): string =>
  readableDiff(was, now)
    .map((part) =>
      part.kind === 'removed'
        ? `[-${part.text}]`
        : part.kind === 'added'
          ? `{+${part.text}}`
          : part.text,
    )
    .join('')

describe('a readable word diff', () => {
  it('puts a space between a removed word and its replacement', () => {
    expect(shown('a great job at showing', 'a fine job of showing')).toBe(
      'a [-great] {+fine} job [-at] {+of} showing',
    )
    // Words alone, no space, in the parts a test or a screen reader reads.
    const parts = readableDiff('a great job', 'a fine job')
    expect(parts.filter((part) => part.kind !== 'same').map((part) => part.text)).toEqual([
      'great',
      'fine',
    ])
  })

  it('adds nothing where whitespace already separates them, or nothing was replaced', () => {
    expect(shown('I hate our society', 'I really hate this society')).toBe(
      'I {+really }hate [-our] {+this} society',
    )
    expect(shown('same words', 'same words')).toBe('same words')
  })
})
