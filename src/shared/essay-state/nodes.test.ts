import { IS_ALL_FORMATTING } from 'lexical'
import { expect, it } from 'vitest'
import { ALL_TEXT_FORMAT_BITS } from './nodes'

it("spells out exactly Lexical's text format bits, so main can check essays without loading Lexical", () => {
  expect(ALL_TEXT_FORMAT_BITS).toBe(IS_ALL_FORMATTING)
})
