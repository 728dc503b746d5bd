import { describe, expect, it } from 'vitest'
import { readFixture } from '../../../test/support'
import { selectorsAt } from '../../shared/domain'
import { reanchor } from './anchoring'
import { extractPlainText } from './importing/text-formats'

const passage = 'Baker’s work does a great job at showing us that sex workers are just people'

async function bakerText(): Promise<string> {
  return extractPlainText(await readFixture('baker-red-rocket-interview.txt')).text
}

/** Clips `quote` (its `occurrence`-th appearance) in `text`, as the reader would. */
function clip(text: string, quote: string, occurrence = 1) {
  let start = -1
  for (let i = 0; i < occurrence; i++) start = text.indexOf(quote, start + 1)
  if (start === -1) throw new Error(`not in text: ${quote}`)
  return selectorsAt(text, start, start + quote.length)
}

describe('re-anchoring a clipping in a newer version (drift corpus from the fixtures)', () => {
  it('unchanged text: verified at the same place', async () => {
    const text = await bakerText()
    const [quote, position] = clip(text, passage)
    expect(reanchor(quote, position, text)).toMatchObject({
      state: 'verified',
      start: position.start,
    })
  })

  it('a paragraph inserted before the passage: moved, to the right place', async () => {
    const text = await bakerText()
    const [quote, position] = clip(text, passage)
    const inserted = `An editor’s note added later, long enough to shift every offset.\n\n${text}`
    const anchor = reanchor(quote, position, inserted)
    expect(anchor.state).toBe('moved')
    expect(inserted.slice(anchor.start, anchor.end)).toBe(passage)
  })

  it('a typo fixed inside the passage: changed, with the corrected text', async () => {
    const fixed = await bakerText()
    const original = fixed.replace('a great job', 'a graet job')
    const [quote, position] = clip(original, passage.replace('great', 'graet'))
    const anchor = reanchor(quote, position, fixed)
    expect(anchor).toMatchObject({ state: 'changed', exact: passage })
  })

  it('whitespace and quote-style changes: changed, still found', async () => {
    const original = await bakerText()
    const [quote, position] = clip(original, passage)
    const restyled = original.replace(/’/g, "'").replace('does a great', 'does  a great')
    const anchor = reanchor(quote, position, restyled)
    expect(anchor.state).toBe('changed')
    expect(anchor.exact).toBe(
      "Baker's work does  a great job at showing us that sex workers are just people",
    )
  })

  it('the passage moved to another paragraph: moved', async () => {
    const original = await bakerText()
    const [quote, position] = clip(original, passage)
    const without = original.replace(`${passage}, `, '')
    const moved = `${without}\n\nIn short: ${passage}, as the critic put it.`
    const anchor = reanchor(quote, position, moved)
    expect(anchor.state).toBe('moved')
    expect(moved.slice(anchor.start, anchor.end)).toBe(passage)
  })

  it('the passage deleted: missing', async () => {
    const original = await bakerText()
    const [quote, position] = clip(original, passage)
    const paragraphs = original.split('\n\n')
    const deleted = paragraphs.filter((paragraph) => !paragraph.includes(passage)).join('\n\n')
    expect(reanchor(quote, position, deleted)).toMatchObject({ state: 'missing' })
  })

  it('a look-alike sentence added while the original is deleted: missing, never re-pointed', async () => {
    const original = await bakerText()
    const [quote, position] = clip(original, passage)
    const paragraphs = original.split('\n\n').filter((paragraph) => !paragraph.includes(passage))
    paragraphs.splice(
      1,
      0,
      'Critics agree: Baker’s work does a great job at showing us that sex workers are real people.',
    )
    expect(reanchor(quote, position, paragraphs.join('\n\n'))).toMatchObject({ state: 'missing' })
  })

  it('a duplicated sentence: the copy whose context matches is chosen', async () => {
    const original = await bakerText()
    const [quote, position] = clip(original, passage)
    const duplicated = `Pull quote: ${passage}.\n\n${original}`
    const anchor = reanchor(quote, position, duplicated)
    expect(anchor.state).toBe('moved')
    expect(anchor.start).toBe(duplicated.indexOf(passage, 20))
  })
})

describe('the cases Hypothesis’s match-quote tests cover', () => {
  it('finds a quote with typos', () => {
    const text = 'The quick brown fox jumps over the lazy dog near the river bank today.'
    const [quote, position] = selectorsAt(text, 4, 39)
    const typo = text.replace('brown', 'brwn').replace('jumps', 'jmups')
    expect(reanchor(quote, position, typo)).toMatchObject({ state: 'changed', start: 4 })
  })

  it('picks the right occurrence by its context', () => {
    const text = 'first: the cat sat on the mat. second: the cat sat on the hat.'
    const [quote, position] = selectorsAt(
      text,
      text.lastIndexOf('the cat sat'),
      text.lastIndexOf('the cat sat') + 11,
    )
    const shifted = `Preface. ${text}`
    const anchor = reanchor(quote, position, shifted)
    expect(anchor.start).toBe(shifted.lastIndexOf('the cat sat'))
  })

  it('uses the position as a tie-breaker between identical contexts', () => {
    const unit = 'alpha beta gamma. '
    const text = unit.repeat(6)
    const start = unit.length * 4
    const [quote, position] = selectorsAt(text, start, start + 10)
    const anchor = reanchor(
      quote,
      { ...position, start: position.start + 1, end: position.end + 1 },
      text,
    )
    expect(anchor.start).toBe(start)
  })

  it('empty inputs are missing, not a crash', () => {
    const [quote, position] = selectorsAt('some text', 0, 4)
    expect(reanchor(quote, position, '').state).toBe('missing')
    expect(reanchor({ ...quote, exact: '' }, position, 'some text').state).toBe('missing')
  })
})
