import { describe, expect, it } from 'vitest'
import { sameAuthors } from './author-names'

describe('author lines that name the same people', () => {
  it('match whichever way round the names are written', () => {
    expect(sameAuthors('Woolf, Virginia', 'Virginia Woolf')).toBe(true)
    expect(sameAuthors('Smith, John; Doe, Jane', 'John Smith and Jane Doe')).toBe(true)
    expect(sameAuthors('García Márquez, Gabriel', 'Gabriel Garcia Marquez')).toBe(true)
  })

  it('do not match other people', () => {
    expect(sameAuthors('Woolf, Virginia', 'Leonard Woolf')).toBe(false)
    expect(sameAuthors('John Smith', 'John Smith and Jane Doe')).toBe(false)
  })
})
