import { describe, expect, it } from 'vitest'
import { followsPandocReference } from './import-pandoc'

describe('a Pandoc citation read back', () => {
  it('takes in the exporter’s note of every unverified state, a waiting one too', () => {
    for (const state of ['moved', 'changed', 'missing', 'waiting']) {
      const text = `As she wrote [@marsh2019]^[Unverified quote (${state}).]`
      expect(followsPandocReference(text, text.length), state).toBe(true)
    }
    const other = 'As she wrote [@marsh2019]^[Unverified quote (lost).]'
    expect(followsPandocReference(other, other.length)).toBe(false)
  })
})
