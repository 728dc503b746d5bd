import { describe, expect, it } from 'vitest'
import { laysOutWholeEssay } from './settings'

describe('screen reader support', () => {
  it('lays a long essay out whole while a screen reader runs, when left to follow it', () => {
    expect(laysOutWholeEssay('auto', true)).toBe(true)
    expect(laysOutWholeEssay('auto', false)).toBe(false)
  })

  it('does as the writer chose whatever the system reports', () => {
    expect(laysOutWholeEssay('on', false)).toBe(true)
    expect(laysOutWholeEssay('off', true)).toBe(false)
  })
})
