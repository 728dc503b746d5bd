import { describe, expect, it } from 'vitest'
import { restoredNotices } from './restoredNotices'

const change = { sources: [], essays: [], all: false }

describe('what the writer is told when a sync keeps work on something deleted here', () => {
  it('says nothing for an ordinary change', () => {
    expect(restoredNotices(change)).toEqual([])
  })

  it('names clippings and essays apart, one or many', () => {
    expect(
      restoredNotices({
        ...change,
        restoredBecauseEdited: ['c-1'],
        essaysRestoredBecauseEdited: ['e-1', 'e-2'],
      }),
    ).toEqual([
      'A clipping you deleted was restored: it was edited on another device meanwhile.',
      '2 essays you deleted were restored: they were written in on another device meanwhile.',
    ])
    expect(restoredNotices({ ...change, essaysRestoredBecauseEdited: ['e-1'] })).toEqual([
      'An essay you deleted was restored: it was written in on another device meanwhile.',
    ])
  })
})
