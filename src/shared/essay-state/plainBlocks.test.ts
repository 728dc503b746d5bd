import { describe, expect, it } from 'vitest'
import { EDITOR_STATE_LIMITS } from './limits'
import { isPlainSavedBlock } from './plainBlocks'
import { fullBlockProblem, savedBlockProblem } from './schema'

type Fields = Record<string, unknown>

const run = (text: string, fields: Fields = {}): Fields => ({
  type: 'text',
  version: 1,
  text,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  ...fields,
})

// As the editor writes them (textFormat and textStyle only where the browser's editor adds them).
const paragraph = (...children: Fields[]): Fields => ({
  type: 'paragraph',
  version: 1,
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  children,
})

const citation = (fields: Fields = {}): Fields => ({
  type: 'citation-block',
  version: 1,
  clippingId: 'c-1',
  sourceId: 's-1',
  snapshot: {
    exact: 'the exact words',
    title: 'A title',
    author: 'An Author',
    siteName: 'A site',
    publishedAt: '2024-01-02',
    url: 'https://example.org/a',
  },
  keptWording: { versionHash: 'a'.repeat(64), keptAt: '2026-01-02T03:04:05Z' },
  locator: 'p. 3',
  comment: 'Why it matters',
  ...fields,
})

/** The block with the value at `path` replaced by `value` (or removed when `value` is REMOVE). */
const REMOVE = Symbol('remove')
function withValue(block: Fields, path: (string | number)[], value: unknown): Fields {
  const copy = structuredClone(block)
  let at: Fields | unknown[] = copy
  for (const key of path.slice(0, -1)) at = (at as Fields)[key] as Fields
  const last = path[path.length - 1]
  if (value === REMOVE) delete (at as Fields)[last as string]
  else (at as Fields)[last as string] = value
  return copy
}

const ordinary = [
  paragraph(run('Plain words, '), run('bold', { format: 1 }), { type: 'linebreak', version: 1 }),
  paragraph(),
  paragraph(run('\t', { type: 'tab' })),
  { type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'bare' }] },
  citation(),
  withValue(citation({ comment: '' }), ['keptWording'], REMOVE),
]

// Values of every kind that sit at or past an edge of some field's domain.
const long = (n: number): string => 'x'.repeat(n)
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  'ltr',
  'rtl',
  'left',
  'token',
  '\t',
  'text',
  'linebreak',
  long(100),
  long(101),
  long(500),
  long(501),
  long(1000),
  long(1001),
  long(4001),
  long(20_001),
  long(EDITOR_STATE_LIMITS.maxTextLength + 1),
  0,
  1,
  2,
  3,
  4,
  -1,
  1.5,
  128,
  129,
  2047,
  2048,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  true,
  {},
  [],
  [run('a')],
  Object.create({ inherited: 1 }),
]

/** Every path to a value inside `block`, and one new key beside each object's own. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path]
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value)
  const own = keys.flatMap((key) => pathsOf((value as Fields)[key as string], [...path, key]))
  const added = Array.isArray(value) ? [...path, value.length] : [...path, 'extra']
  return [...(path.length ? [path] : []), ...own, added]
}

describe('the hand check of plain blocks', () => {
  it('passes the blocks the editor writes, so opening an essay takes the shortcut', () => {
    for (const block of ordinary) expect(isPlainSavedBlock(block)).toBe(true)
  })

  it('passes nothing that the limits and the schema would refuse', () => {
    let variants = 0
    let passed = 0
    for (const base of ordinary) {
      for (const path of pathsOf(base)) {
        for (const value of [REMOVE, ...ODD_VALUES]) {
          const variant = withValue(base, path, value)
          variants++
          if (!isPlainSavedBlock(variant)) continue
          passed++
          expect({ path, value, problem: fullBlockProblem(variant, 0) }).toEqual({
            path,
            value,
            problem: null,
          })
        }
      }
    }
    // Both sides of the check are exercised: some variants pass it, most go to the full one.
    expect(passed).toBeGreaterThan(50)
    expect(variants - passed).toBeGreaterThan(passed)
  })

  it('leaves other blocks and refusals to the full checks, with their messages', () => {
    expect(isPlainSavedBlock({ type: 'heading', version: 1, tag: 'h1', children: [] })).toBe(false)
    const linked = paragraph(run('a'), {
      type: 'link',
      version: 1,
      url: 'https://x.org',
      children: [run('b')],
    })
    expect(isPlainSavedBlock(linked)).toBe(false)
    expect(savedBlockProblem(linked, 0)).toBeNull()
    expect(savedBlockProblem(citation({ clippingId: '' }), 4)).toBe(
      'root.children[4].clippingId: must not be empty',
    )
    expect(savedBlockProblem(paragraph(run(long(EDITOR_STATE_LIMITS.maxTextLength + 1))), 2)).toBe(
      'root.children[2].children[0].text: longer than 1,000,000 characters',
    )
  })
})
