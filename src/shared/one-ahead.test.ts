import { describe, expect, it } from 'vitest'
import { eachOneAhead } from './one-ahead'

describe('eachOneAhead', () => {
  it('keeps the next item started while this one finishes, and reports in order', async () => {
    const events: string[] = []
    const finish = new Map<number, () => void>()
    const work = (item: number): Promise<number> => {
      events.push(`start ${item}`)
      return new Promise((resolve) => finish.set(item, () => resolve(item * 10)))
    }
    const running = eachOneAhead([1, 2, 3], work, (result, index) =>
      events.push(`done ${index}: ${result}`),
    )
    await Promise.resolve()
    // Two at once, never more.
    expect(events).toEqual(['start 1', 'start 2'])
    // The second finishing first is still reported after the first.
    finish.get(2)!()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(events).toEqual(['start 1', 'start 2'])
    finish.get(1)!()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(events).toEqual(['start 1', 'start 2', 'done 0: 10', 'start 3', 'done 1: 20'])
    finish.get(3)!()
    await running
    expect(events.at(-1)).toBe('done 2: 30')
  })

  it('does nothing for no items', async () => {
    const seen: number[] = []
    await eachOneAhead(
      [],
      async (item: number) => item,
      (result) => seen.push(result),
    )
    expect(seen).toEqual([])
  })
})
