import { describe, expect, it } from 'vitest'
import { textWindowOf } from './text-window'

// Every kind of character a text file holds: plain, escaped by JSON, two, three and four bytes
// of UTF-8, and a lone surrogate (which JSON.stringify writes as an escape).
const TEXT = 'Aé "q"\\ \n\t中😀x\u0001\ud800y z'

const fileOf = (text: string, indent?: number): Buffer =>
  Buffer.from(
    JSON.stringify(
      { schemaVersion: 2, hash: 'ab'.repeat(32), text, html: `<p>${text}</p>` },
      null,
      indent,
    ),
  )

describe('a stretch of a text read from its file', () => {
  it('is the text sliced as String.slice would, for every window, compact or indented', () => {
    for (const file of [fileOf(TEXT), fileOf(TEXT, 2)]) {
      for (let from = -2; from <= TEXT.length + 1; from++) {
        for (let to = Math.max(0, from); to <= TEXT.length + 2; to++) {
          const start = Math.max(0, from)
          const end = Math.min(TEXT.length, to)
          expect({ from, to, window: textWindowOf(file, from, to) }).toEqual({
            from,
            to,
            window: {
              text: TEXT.slice(start, Math.max(start, end)),
              from: Math.min(start, TEXT.length),
              to: end,
              more: to < TEXT.length,
            },
          })
        }
      }
    }
  })

  it('finds nothing in a file laid out otherwise, or cut short', () => {
    expect(textWindowOf(Buffer.from('{"hash":"x","html":"<p>a</p>"}'), 0, 3)).toBeNull()
    expect(textWindowOf(Buffer.from('{"text": 3}'), 0, 3)).toBeNull()
    const whole = fileOf('a long enough text')
    expect(textWindowOf(whole.subarray(0, whole.indexOf('long') + 2), 0, 40)).toBeNull()
  })
})
