import { describe, expect, it } from 'vitest'
import { rangeFor, rangeStillFits, roomAround, topOf } from './blockRange'

// 1,000 blocks of 100 px: block i spans [100 i, 100 i + 100).
const pitches = Array.from({ length: 1000 }, () => 100)
const view = (top: number, keep: number[] = []) => ({
  pitches,
  viewTop: top,
  viewBottom: top + 800,
  margin: 800,
  keep,
})

describe('the blocks a long essay lays out', () => {
  it('are those within the margin of the view', () => {
    expect(rangeFor(view(50_000))).toEqual({ first: 492, last: 515 })
    expect(rangeFor(view(0))).toEqual({ first: 0, last: 15 })
    expect(rangeFor(view(99_200))).toEqual({ first: 984, last: 999 })
  })

  it('take in the blocks holding the selection, however far', () => {
    expect(rangeFor(view(50_000, [3]))).toEqual({ first: 3, last: 515 })
    expect(rangeFor(view(50_000, [900, 2_000]))).toEqual({ first: 492, last: 900 })
  })

  it('show the end when the view is below every block', () => {
    expect(rangeFor(view(200_000))).toEqual({ first: 999, last: 999 })
  })

  it('stay put for a small scroll, and move for a long one or when far too many', () => {
    const now = rangeFor(view(50_000))
    expect(rangeStillFits(now, view(50_300))).toBe(true)
    expect(rangeStillFits(now, view(50_500))).toBe(false)
    expect(rangeStillFits({ first: 0, last: 999 }, view(50_000))).toBe(false)
  })

  it('leave the room of the others above and below', () => {
    expect(roomAround(pitches, { first: 492, last: 515 })).toEqual({
      above: 49_200,
      below: 48_400,
    })
    expect(topOf([10, 20, 30], 2)).toBe(30)
  })
})
