import { describe, expect, it } from 'vitest'
import { wordDiff } from './word-diff'

describe('word diff', () => {
  it('marks whole words, never parts of one', () => {
    expect(
      wordDiff(
        'I hate the hypocrisy in our society',
        'I really hate the hypocrisy in this society',
      ),
    ).toEqual([
      { kind: 'same', text: 'I ' },
      { kind: 'added', text: 'really ' },
      { kind: 'same', text: 'hate the hypocrisy in ' },
      { kind: 'removed', text: 'our' },
      { kind: 'added', text: 'this' },
      { kind: 'same', text: ' society' },
    ])
  })

  it('keeps words with apostrophes and accents whole, and CJK per character', () => {
    const parts = wordDiff('Baker’s naïve film', 'Bakers’ naïve films')
    expect(parts.filter((part) => part.kind === 'removed').map((part) => part.text)).toEqual([
      'Baker’s',
      'film',
    ])
    expect(parts.filter((part) => part.kind === 'added').map((part) => part.text)).toEqual([
      'Bakers’',
      'films',
    ])
    const cjk = wordDiff('我们去北京', '我们去上海')
    expect(cjk).toEqual([
      { kind: 'same', text: '我们去' },
      { kind: 'removed', text: '北京' },
      { kind: 'added', text: '上海' },
    ])
  })
})
