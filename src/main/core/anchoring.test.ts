import { describe, expect, it } from 'vitest'
import { readFixture } from '../../../test/support'
import type { Anchor, PlacedAnchor } from '../../shared/anchor'
import { selectorsAt } from '../../shared/domain'
import { isWordBoundary } from '../../shared/words'
import { seededRandom } from '../../../test/random-text'
import { reanchor } from './anchoring'
import { extractPlainText } from './importing/text-formats'
import { offsetMapper } from './offset-map'

const offsetMapBetween = await offsetMapper()

const passage = 'Baker’s work does a great job at showing us that sex workers are just people'

async function bakerText(): Promise<string> {
  return extractPlainText(await readFixture('baker-red-rocket-interview.txt')).text
}

/** Clips `quote` (its `occurrence`-th appearance) in `text`, as the reader would. */
function clip(text: string, quote: string, occurrence = 1): ReturnType<typeof selectorsAt> {
  let start = -1
  for (let i = 0; i < occurrence; i++) start = text.indexOf(quote, start + 1)
  if (start === -1) throw new Error(`not in text: ${quote}`)
  return selectorsAt(text, start, start + quote.length)
}

/**
 * Re-anchors the clipping of `quote` in `before` against `after`, as a re-import does: through
 * one diff of the two texts. Every case must come out the same without the diff (a clipping
 * checked on its own is re-anchored that way), so each is run both ways.
 */
function follow(before: string, quote: string, after: string, occurrence = 1): Anchor {
  const [quoteSelector, position] = clip(before, quote, occurrence)
  const offsets = offsetMapBetween(before, after)
  const mapped = reanchor(quoteSelector, position, after, { offsets })
  expect(placeOf(reanchor(quoteSelector, position, after)), 'the same without the diff').toEqual(
    placeOf(mapped),
  )
  return mapped
}

/** What the writer sees of an anchor; the score differs a little (position counts from the map). */
function placeOf(anchor: Anchor): Omit<Anchor, 'score'> {
  const { score: _score, ...place } = anchor
  return place
}

function placed(anchor: Anchor): PlacedAnchor {
  if (anchor.state === 'missing') throw new Error('expected the passage to be found')
  return anchor
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
    const inserted = `An editor’s note added later, long enough to shift every offset.\n\n${text}`
    const anchor = placed(follow(text, passage, inserted))
    expect(anchor).toMatchObject({ state: 'moved', exact: passage })
    expect(inserted.slice(anchor.start, anchor.end)).toBe(passage)
  })

  it('a typo fixed inside the passage: changed, with the corrected text', async () => {
    const fixed = await bakerText()
    const original = fixed.replace('a great job', 'a graet job')
    const anchor = follow(original, passage.replace('great', 'graet'), fixed)
    expect(anchor).toMatchObject({ state: 'changed', exact: passage })
  })

  it('whitespace and quote-style changes: changed, still found', async () => {
    const original = await bakerText()
    const restyled = original.replace(/’/g, "'").replace('does a great', 'does  a great')
    const anchor = follow(original, passage, restyled)
    expect(anchor).toMatchObject({
      state: 'changed',
      exact: "Baker's work does  a great job at showing us that sex workers are just people",
    })
  })

  it('the passage moved to another paragraph: moved', async () => {
    const original = await bakerText()
    const without = original.replace(`${passage}, `, '')
    const moved = `${without}\n\nIn short: ${passage}, as the critic put it.`
    const anchor = placed(follow(original, passage, moved))
    expect(anchor.state).toBe('moved')
    expect(moved.slice(anchor.start, anchor.end)).toBe(passage)
  })

  it('the passage deleted: missing', async () => {
    const original = await bakerText()
    const paragraphs = original.split('\n\n')
    const deleted = paragraphs.filter((paragraph) => !paragraph.includes(passage)).join('\n\n')
    expect(follow(original, passage, deleted)).toMatchObject({ state: 'missing' })
  })

  it('a look-alike sentence added while the original is deleted: missing, never re-pointed', async () => {
    const original = await bakerText()
    const paragraphs = original.split('\n\n').filter((paragraph) => !paragraph.includes(passage))
    paragraphs.splice(
      1,
      0,
      'Critics agree: Baker’s work does a great job at showing us that sex workers are real people.',
    )
    expect(follow(original, passage, paragraphs.join('\n\n'))).toMatchObject({ state: 'missing' })
  })

  it('a duplicated sentence: the copy whose context matches is chosen', async () => {
    const original = await bakerText()
    const duplicated = `Pull quote: ${passage}.\n\n${original}`
    const anchor = placed(follow(original, passage, duplicated))
    expect(anchor.state).toBe('moved')
    expect(anchor.start).toBe(duplicated.indexOf(passage, 20))
  })

  it('a word inserted before the passage and another reworded at its end: whole words', async () => {
    // Issue 8: the fuzzy match began inside "really" ("y hate the hypocrisy in this society").
    const original = await bakerText()
    const quote = 'I hate the hypocrisy in our society'
    const reworded = original.replace(quote, 'I really hate the hypocrisy in this society')
    expect(follow(original, quote, reworded)).toMatchObject({
      state: 'changed',
      exact: 'I really hate the hypocrisy in this society',
    })
  })

  it('the first and the last word of the passage reworded: the new words, whole', async () => {
    const original = await bakerText()
    const reworded = original.replace(
      passage,
      'Bakers’ work does a great job at showing us that sex workers are just humans',
    )
    expect(follow(original, passage, reworded)).toMatchObject({
      state: 'changed',
      exact: 'Bakers’ work does a great job at showing us that sex workers are just humans',
    })
  })

  it('words deleted at both ends: the words that remain, whole', async () => {
    const original = await bakerText()
    const quote =
      'and as Sean Baker puts it, once we’re done using them, they are discarded. Baker’s work does a great job at showing us'
    const trimmed = original.replace(
      quote,
      'as Baker puts it, once we’re done using them, they are discarded. Baker’s work does a job at showing us',
    )
    expect(follow(original, quote, trimmed)).toMatchObject({
      state: 'changed',
      exact:
        'as Baker puts it, once we’re done using them, they are discarded. Baker’s work does a job at showing us',
    })
  })

  it('a word replaced in the middle, with punctuation: the whole sentence stays whole', async () => {
    const original = await bakerText()
    const reworded = original.replace('a great job at showing', 'a fine job, at showing')
    expect(follow(original, passage, reworded)).toMatchObject({
      state: 'changed',
      exact: 'Baker’s work does a fine job, at showing us that sex workers are just people',
    })
  })

  it('a quote in curly quote marks, reworded inside: the marks stay at its edges', async () => {
    const original = (await readFixture('anora-sex-work-oscars.txt')).trim()
    const quote = '“hooker with a heart of gold”'
    const reworded = original.replace(quote, '“hooker with the heart of gold”')
    expect(follow(original, quote, reworded)).toMatchObject({
      state: 'changed',
      exact: '“hooker with the heart of gold”',
    })
  })

  it('Chinese text: each character is a word, so the edges stay where the context puts them', () => {
    const before =
      '第一段文字在这里。我们今天下午去北京的电影院看了一部很好看的电影，然后回家吃饭。最后一段。'
    const quote = '我们今天下午去北京的电影院看了一部很好看的电影'
    const after = before.replace('北京的电影院', '上海的电影院')
    expect(follow(before, quote, after)).toMatchObject({
      state: 'changed',
      exact: '我们今天下午去上海的电影院看了一部很好看的电影',
    })
  })

  it('never returns a changed extent that starts or ends inside a word', async () => {
    const text = await bakerText()
    const quotes = [
      passage,
      'I hate the hypocrisy in our society',
      'it’s a pretty wild film. Equal parts bizarre, funny, dramatic',
      'a well-known fact that a lot of people watch porn',
    ]
    // Deterministic pseudo-random edits at and around each end of each passage.
    let seed = 7
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    let changed = 0
    for (const quote of quotes) {
      const at = text.indexOf(quote)
      for (let trial = 0; trial < 60; trial++) {
        const edge = random(2) === 0 ? at : at + quote.length
        const where = edge - 4 + random(9)
        const kind = random(3)
        const letter = letters[random(26)] as string
        const edited =
          kind === 0
            ? `${text.slice(0, where)}${letter}${text.slice(where)}`
            : kind === 1
              ? `${text.slice(0, where)}${text.slice(where + 1)}`
              : `${text.slice(0, where)}${letter}${text.slice(where + 1)}`
        const anchor = follow(text, quote, edited)
        if (anchor.state !== 'changed') continue
        changed++
        expect(isWordBoundary(edited, anchor.start), `${anchor.exact}`).toBe(true)
        expect(isWordBoundary(edited, anchor.end), `${anchor.exact}`).toBe(true)
        expect(anchor.exact).toBe(edited.slice(anchor.start, anchor.end))
        expect(anchor.exact).toMatch(/^\S[\s\S]*\S$/)
      }
    }
    expect(changed).toBeGreaterThan(50)
  })
})

describe('context decides among identical passages', () => {
  const twin = 'the cat sat on the mat'

  it('a passage moved past its twin is found by its context, not its old position', () => {
    const before = [
      'Opening remarks about nothing in particular.',
      `In the first story ${twin} all day.`,
      'A long middle section that separates the two stories from each other.',
      `In the second story ${twin} all night.`,
      'Closing remarks.',
    ].join('\n\n')
    // The second story moves to the front: its old offset now lies nearest the first story's copy.
    const paragraphs = before.split('\n\n')
    const after = [paragraphs[3], paragraphs[0], paragraphs[1], paragraphs[2], paragraphs[4]].join(
      '\n\n',
    )
    const anchor = placed(follow(before, twin, after, 2))
    expect(anchor.state).toBe('moved')
    expect(after.slice(anchor.start - 'second story '.length, anchor.start)).toBe('second story ')
  })

  it('two identical-length paragraphs swapped: the same place now holds the twin, so moved', () => {
    const rest = 'today, and nobody in the house disagreed with that at all.'
    const before = `Anna wrote that ${twin} ${rest}\n\nEmma wrote that ${twin} ${rest}`
    const after = `Emma wrote that ${twin} ${rest}\n\nAnna wrote that ${twin} ${rest}`
    const anchor = placed(follow(before, twin, after, 1))
    expect(anchor.state).toBe('moved')
    expect(after.slice(anchor.start - 'Anna wrote that '.length, anchor.start)).toBe(
      'Anna wrote that ',
    )
  })

  it('a reworded passage with a reworded twin: context picks which one it became', () => {
    const sentence = 'the committee approved the budget after a long debate'
    const opening = 'Minutes of the council, as recorded by the clerk.'
    const filler = 'Between the meetings the council visited several sites in town.'
    const before = [
      opening,
      `On Monday ${sentence} about roads.`,
      filler,
      `On Friday ${sentence} about schools.`,
    ].join('\n\n')
    const reworded = sentence.replace('long', 'lengthy')
    const after = [
      opening,
      `On Friday ${reworded} about schools.`,
      filler,
      `On Monday ${reworded} about roads.`,
    ].join('\n\n')
    const anchor = placed(follow(before, sentence, after, 2))
    expect(anchor).toMatchObject({ state: 'changed', exact: reworded })
    expect(after.slice(anchor.end, anchor.end + ' about schools'.length)).toBe(' about schools')
  })

  it('identical contexts too: the old position breaks the tie', () => {
    const unit = 'alpha beta gamma. '
    const text = unit.repeat(6)
    const start = unit.length * 4
    const [quote, position] = selectorsAt(text, start, start + 10)
    const anchor = reanchor(
      quote,
      { ...position, start: position.start + 1, end: position.end + 1 },
      text,
    )
    expect(placed(anchor).start).toBe(start)
  })
})

describe('the cases Hypothesis’s match-quote tests cover', () => {
  it('finds a quote with typos', () => {
    const text = 'The quick brown fox jumps over the lazy dog near the river bank today.'
    const [quote, position] = selectorsAt(text, 4, 39)
    const typo = text.replace('brown', 'brwn').replace('jumps', 'jmups')
    expect(reanchor(quote, position, typo)).toMatchObject({ state: 'changed', start: 4 })
  })

  it('empty inputs are missing, not a crash', () => {
    const [quote, position] = selectorsAt('some text', 0, 4)
    expect(reanchor(quote, position, '').state).toBe('missing')
    expect(reanchor({ ...quote, exact: '' }, position, 'some text').state).toBe('missing')
  })
})

describe('re-anchoring through one diff of the old and new text', () => {
  /** A long text of made-up words, so a passage can only be found by searching for it. */
  function longText(): string {
    const random = seededRandom(11)
    const syllables = ['ka', 'ro', 'mi', 'tes', 'ul', 'var', 'en', 'do', 'li', 'ne', 'sha', 'gor']
    const word = (): string =>
      Array.from({ length: 2 + Math.floor(random() * 3) }, () => {
        return syllables[Math.floor(random() * syllables.length)] as string
      }).join('')
    const sentence = (): string => `${Array.from({ length: 10 }, word).join(' ')}.`
    return Array.from({ length: 300 }, () => Array.from({ length: 5 }, sentence).join(' ')).join(
      '\n\n',
    )
  }

  it('a passage shifted and reworded is searched for only around where the diff puts it', () => {
    const before = longText()
    const paragraphs = before.split('\n\n')
    const quote = (paragraphs[240] as string).split('. ')[2] as string
    const reworded = quote.replace(' ', ' thing ')
    const after = `An inserted introduction of some length.\n\n${before}`.replace(quote, reworded)
    const [quoteSelector, position] = clip(before, quote)
    const probe = { searched: 0 }
    const offsets = offsetMapBetween(before, after)
    const anchor = reanchor(quoteSelector, position, after, { offsets, probe })
    expect(anchor).toMatchObject({ state: 'changed', exact: reworded })
    // The window around the mapped place, not the 90 KB text.
    expect(after.length).toBeGreaterThan(80_000)
    expect(probe.searched).toBeLessThan(1000)
    // Without the diff the whole text is searched (where pieces of the quote occur in it).
    const unmapped = { searched: 0 }
    reanchor(quoteSelector, position, after, { probe: unmapped })
    expect(unmapped.searched).toBeGreaterThan(10 * probe.searched)
  })

  it('a passage deleted is looked for only in new text, and reported missing', () => {
    const before = longText()
    const paragraphs = before.split('\n\n')
    const quote = paragraphs[100] as string
    const after = [
      ...paragraphs.slice(0, 100),
      ...paragraphs.slice(101),
      'A new closing paragraph.',
    ].join('\n\n')
    const [quoteSelector, position] = clip(before, quote)
    const probe = { searched: 0 }
    const offsets = offsetMapBetween(before, after)
    expect(reanchor(quoteSelector, position, after, { offsets, probe }).state).toBe('missing')
    expect(probe.searched).toBeLessThan(after.length / 10)
  })

  it('a passage moved far and reworded is still found in the new text where it landed', () => {
    const before = longText()
    const paragraphs = before.split('\n\n')
    // Two paragraphs move to the end; a sentence inside them is reworded, its neighbours kept.
    const quote = (paragraphs[10] as string).split('. ')[2] as string
    const reworded = quote.replace(' ', ' thing ')
    const movedParagraphs = paragraphs.slice(10, 12).map((p) => p.replace(quote, reworded))
    const after = [...paragraphs.slice(0, 10), ...paragraphs.slice(12), ...movedParagraphs].join(
      '\n\n',
    )
    expect(follow(before, quote, after)).toMatchObject({ state: 'changed', exact: reworded })
  })

  it('maps offsets exactly through unchanged text and into rewritten words', () => {
    const before = 'One two three. Four five six.\n\nSeven eight nine.'
    const after = 'Zero. One two three. Four FIVE six.\n\nSeven eight nine.'
    const offsets = offsetMapBetween(before, after)
    expect(offsets.map(before.indexOf('two'))).toBe(after.indexOf('two'))
    expect(offsets.map(before.indexOf('five'))).toBe(after.indexOf('FIVE'))
    expect(offsets.map(before.indexOf('Seven'))).toBe(after.indexOf('Seven'))
    expect(offsets.map(before.length)).toBe(after.length)
  })
})
