import { describe, expect, it } from 'vitest'
import { quoted } from './quoted'

describe('a quote shown in a sentence', () => {
  it('gets quote marks when it has none of its own', () => {
    expect(quoted('I hate the hypocrisy in our society')).toBe(
      '“I hate the hypocrisy in our society”',
    )
  })

  it('keeps its own marks instead of doubling them', () => {
    expect(quoted('“Sean gets sex work. He just does,”')).toBe(
      '“Sean gets sex work. He just does,”',
    )
    expect(quoted('"straight quotes"')).toBe('"straight quotes"')
  })

  it('sets a mark at only one edge apart with single marks', () => {
    expect(quoted('“Sean gets sex work')).toBe('‘“Sean gets sex work’')
    expect(quoted('He just does,”')).toBe('‘He just does,”’')
  })

  it('keeps to one line', () => {
    expect(quoted('one\n\ntwo')).toBe('“one / two”')
  })
})
