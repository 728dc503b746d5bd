import { describe, expect, it } from 'vitest'
import { readFixture, fixtureNames } from '../../../../test/support'
import { seededRandom } from '../../../../test/random-text'
import type { Frozen } from '../store/json-store-file'
import type { SourceEntry, SourceFile } from '../store/schema'
import { foldQuery, foldText, wordsOf } from './folding'
import { phrasePattern } from './source-search'
import { SourceTextIndex } from './source-text-index'

const fileOf = (hash: string): Frozen<SourceFile> =>
  ({ versions: [{ hash }], clippings: [] }) as unknown as Frozen<SourceFile>
const entry = {} as Frozen<SourceEntry>

/** What the search found before word sequences: the phrase pattern run over the folded text. */
function scan(folded: string, words: string[], typing: boolean): [number, number] | null {
  const pattern = phrasePattern(words, typing)
  const match = pattern.exec(folded)
  return match ? [match.index, match.index + match[0].length] : null
}

function fromIndex(
  index: SourceTextIndex,
  sourceId: string,
  words: string[],
  typing: boolean,
): [number, number] | null | undefined {
  const at = index.phraseIn(sourceId, words, typing)
  return at && [at.start, at.lastStart + (words[words.length - 1] as string).length]
}

const VOCABULARY = [
  ...['the', 'The', 'THE', 'sex', 'workers', 'work', 'worker', 'cheering', 'café', 'cafe\u0301'],
  ...['Ça', 'c’est', "l'homme", 'naïve', 'Straße', 'İstanbul', 'x2', '42', 'a', 'an', 'and'],
]
const BETWEEN = [' ', ' ', ' ', ', ', '. ', '\n\n', ' — ', '“', '” ', '\t', ' (', ') ', '-']

/** Text of the words above with blanks and punctuation between, one run of separators wide. */
function generated(random: () => number, words: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  let text = ''
  for (let i = 0; i < words; i++) {
    text += pick(VOCABULARY) + pick(BETWEEN)
    // Now and then a gap wider than two bytes can count.
    if (random() < 0.0005) text += ' '.repeat(70_000)
  }
  return text
}

/** Queries of 1 to 3 words: runs of the text's own words (some cut short), and shuffled ones. */
function queriesOf(random: () => number, text: string, count: number): string[] {
  const words = wordsOf(foldText(text))
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(random() * 3)
    const at = Math.floor(random() * Math.max(1, words.length - length))
    let run = words.slice(at, at + length)
    if (random() < 0.3) run = run.map(() => words[Math.floor(random() * words.length)] as string)
    const last = run[run.length - 1] as string
    if (random() < 0.4) run[run.length - 1] = last.slice(0, 1 + Math.floor(random() * last.length))
    out.push(run.join(' ') + (random() < 0.5 ? ' ' : ''))
  }
  return out
}

function compare(texts: string[], seed: number, perText: number): number {
  const random = seededRandom(seed)
  const index = new SourceTextIndex()
  texts.forEach((text, i) => index.updateSource(`s${i}`, fileOf(`h${i}`), entry, text))
  const restored = new SourceTextIndex()
  restored.restore(JSON.parse(JSON.stringify(index.serialize())))
  let found = 0
  texts.forEach((text, i) => {
    const folded = foldText(text)
    for (const query of queriesOf(random, text, perText)) {
      const words = wordsOf(foldQuery(query))
      const typing = !/\s$/.test(query)
      const expected = scan(folded, words, typing)
      if (expected) found++
      expect([query, fromIndex(index, `s${i}`, words, typing)]).toEqual([query, expected])
      expect([query, fromIndex(restored, `s${i}`, words, typing)]).toEqual([query, expected])
    }
  })
  return found
}

describe('word sequences in the source text index', () => {
  it('find the same phrases at the same places as a scan of the folded fixture texts', async () => {
    const texts = await Promise.all([
      readFixture(fixtureNames.bakerTxt),
      readFixture(fixtureNames.anoraTxt),
    ])
    expect(compare(texts, 7, 300)).toBeGreaterThan(300)
  })

  it('find the same phrases at the same places as a scan of generated texts, wide gaps too', () => {
    const random = seededRandom(11)
    const texts = Array.from({ length: 6 }, () => generated(random, 3000))
    expect(texts.some((text) => text.includes(' '.repeat(70_000)))).toBe(true)
    expect(compare(texts, 13, 400)).toBeGreaterThan(1000)
  })

  it('hold nothing of a source that was replaced or removed', () => {
    const index = new SourceTextIndex()
    index.updateSource('a', fileOf('h1'), entry, 'red rocket')
    expect(index.phraseIn('a', ['red', 'rocket'], false)).toEqual({ start: 0, lastStart: 4 })
    index.updateSource('a', fileOf('h2'), entry, 'a blue rocket')
    expect(index.phraseIn('a', ['red', 'rocket'], false)).toBeNull()
    expect(index.phraseIn('a', ['blue', 'ro'], true)).toEqual({ start: 2, lastStart: 7 })
    index.updateSource('a', null, null)
    expect(index.phraseIn('a', ['blue'], false)).toBeUndefined()
  })

  it('find the word being typed among words added after the last such search', () => {
    const index = new SourceTextIndex()
    index.updateSource('a', fileOf('h1'), entry, 'zebra rocket')
    expect(index.phraseIn('a', ['ro'], true)).toEqual({ start: 6, lastStart: 6 })
    index.updateSource('b', fileOf('h2'), entry, 'aardvark robot, yak roast')
    expect(index.phraseIn('b', ['yak', 'ro'], true)).toEqual({ start: 16, lastStart: 20 })
    expect(index.phraseIn('b', ['ro'], true)).toEqual({ start: 9, lastStart: 9 })
    expect(index.phraseIn('a', ['ro'], true)).toEqual({ start: 6, lastStart: 6 })
  })
})
