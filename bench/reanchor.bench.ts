// Re-anchoring 1,000 clippings after an edit of a varied ~100 KB article (one word rewritten
// throughout, paragraphs deleted and inserted), ours (one diff, then windows) beside Hypothesis's
// `matchQuote` with context and position; and accuracy on the drift corpus, both ways.
import { reanchor } from '../src/main/core/anchoring'
import { reanchorAll } from '../src/main/core/reanchoring'
import { ANCHOR_STATES, countStates, type Anchor } from '../src/shared/anchor'
import { extractPlainText } from '../src/main/core/importing/text-formats'
import { offsetMapper } from '../src/main/core/offset-map'
import { selectorsAt } from '../src/shared/domain'
import { isWordBoundary, wholeWordExtent } from '../src/shared/words'
import { fixtureNames, readFixture } from '../test/fixtures'
import { articleText, vocabulary } from './articles'
import { hypothesisMatchQuote } from './hypothesis-match-quote'
import { count, ms, type BenchSection } from './report'
import { median } from './stats'

const passage = 'Baker’s work does a great job at showing us that sex workers are just people'

interface DriftCase {
  name: string
  /** The clipped words, when not the usual passage. */
  quote?: string
  /** The text the clipping was made on, and the newer one. */
  before: string
  after: string
  /** Where the passage truly is in `after`, or null when it is gone. */
  expected: [number, number] | null
}

function driftCorpus(text: string): DriftCase[] {
  const at = (t: string, q: string): [number, number] => [t.indexOf(q), t.indexOf(q) + q.length]
  const paragraphs = text.split('\n\n')
  const withoutPassage = paragraphs.filter((p) => !p.includes(passage)).join('\n\n')
  const inserted = `An editor’s note added later.\n\n${text}`
  const typo = text.replace('a great job', 'a graet job')
  const restyled = text.replace(/’/g, "'")
  const moved = `${text.replace(`${passage}, `, '')}\n\nIn short: ${passage}.`
  const lookAlike = withoutPassage.replace(
    '\n\n',
    '\n\nCritics agree: Baker’s work does a great job at showing us that sex workers are real people.\n\n',
  )
  const duplicated = `Pull quote: ${passage}.\n\n${text}`
  const hypocrisy = 'I hate the hypocrisy in our society'
  const really = text.replace(hypocrisy, 'I really hate the hypocrisy in this society')
  const endsReworded = text.replace(
    passage,
    'Bakers’ work does a great job at showing us that sex workers are just humans',
  )
  const twin = 'the cat sat on the mat'
  const rest = 'today, and nobody in the house disagreed with that at all.'
  const anna = `Anna wrote that ${twin} ${rest}`
  const emma = `Emma wrote that ${twin} ${rest}`
  const swapped = `${emma}\n\n${anna}`
  return [
    { name: 'unchanged', before: text, after: text, expected: at(text, passage) },
    {
      name: 'paragraph inserted before',
      before: text,
      after: inserted,
      expected: at(inserted, passage),
    },
    { name: 'typo fixed inside', before: typo, after: text, expected: at(text, passage) },
    {
      name: 'quote style changed',
      before: text,
      after: restyled,
      expected: at(restyled, passage.replace(/’/g, "'")),
    },
    { name: 'passage moved', before: text, after: moved, expected: at(moved, passage) },
    { name: 'passage deleted', before: text, after: withoutPassage, expected: null },
    { name: 'look-alike added, original deleted', before: text, after: lookAlike, expected: null },
    {
      name: 'sentence duplicated',
      before: text,
      after: duplicated,
      expected: [duplicated.indexOf(passage, 20), duplicated.indexOf(passage, 20) + passage.length],
    },
    {
      name: 'word inserted at the start, one reworded',
      quote: hypocrisy,
      before: text,
      after: really,
      expected: at(really, 'I really hate the hypocrisy in this society'),
    },
    {
      name: 'first and last words reworded',
      before: text,
      after: endsReworded,
      expected: at(
        endsReworded,
        'Bakers’ work does a great job at showing us that sex workers are just humans',
      ),
    },
    {
      name: 'twin paragraphs swapped (twin at the old place)',
      quote: twin,
      before: `${anna}\n\n${emma}`,
      after: swapped,
      expected: at(swapped.slice(emma.length), twin).map((offset) => offset + emma.length) as [
        number,
        number,
      ],
    },
  ]
}

function cutsAWord(text: string, found: [number, number] | null): boolean {
  return found !== null && (!isWordBoundary(text, found[0]) || !isWordBoundary(text, found[1]))
}

function verdict(
  found: [number, number] | null,
  expected: [number, number] | null,
): 'right' | 'wrong' {
  if (expected === null) return found === null ? 'right' : 'wrong'
  if (found === null) return 'wrong'
  return Math.abs(found[0] - expected[0]) <= 2 && Math.abs(found[1] - expected[1]) <= 2
    ? 'right'
    : 'wrong'
}

type Extent = [number, number]

/** A clipping of the older text and where its passage truly is in the newer one (null: gone). */
interface Case {
  target: ReturnType<typeof selectorsAt>
  truth: Extent | null
}

/** The edit the issue names: a word rewritten throughout, paragraphs deleted and inserted. */
export function editedArticle(): { before: string; after: string; cases: Case[]; word: string } {
  const words = vocabulary(1)
  const before = articleText(words, 42, 100_000)
  // "rocket": about 230 times in 100 KB, as a term an article keeps using.
  const word = words[5] as string
  const rewrite = new RegExp(`(?<![\\p{L}\\p{N}’'])${word}(?![\\p{L}\\p{N}’'])`, 'gu')
  const rewritten = (part: string): string => part.replace(rewrite, 'REWRITTEN')
  const inserted = articleText(words, 43, 12_000).split('\n\n')
  const paragraphs = before.split('\n\n')
  const afterParts: string[] = []
  const oldStarts: number[] = []
  const newStarts: (number | null)[] = []
  let oldAt = 0
  let newAt = 0
  paragraphs.forEach((paragraph, index) => {
    oldStarts.push(oldAt)
    oldAt += paragraph.length + 2
    const push = (part: string): void => {
      afterParts.push(part)
      newAt += part.length + 2
    }
    if (index % 7 === 3 && inserted.length > 0) push(inserted.shift() as string)
    if (index % 9 === 5) {
      newStarts.push(null)
      return
    }
    newStarts.push(newAt)
    push(rewritten(paragraph))
  })
  const after = afterParts.join('\n\n')
  // 1,000 clippings of whole words, 40 to 240 characters, spread over the text, each in one paragraph.
  const cases: Case[] = []
  for (let i = 0; cases.length < 1000; i++) {
    const index = (i * 7) % paragraphs.length
    const paragraph = paragraphs[index] as string
    const from = Math.floor(((i * 0.618) % 1) * Math.max(1, paragraph.length - 60))
    const length = 40 + ((i * 37) % 200)
    const local = wholeWordExtent(paragraph, from, Math.min(paragraph.length, from + length))
    if (local.end - local.start < 20) continue
    const start = (oldStarts[index] as number) + local.start
    const target = selectorsAt(before, start, (oldStarts[index] as number) + local.end)
    const newStart = newStarts[index] ?? null
    const truth: Extent | null =
      newStart === null
        ? null
        : [
            newStart + rewritten(paragraph.slice(0, local.start)).length,
            newStart + rewritten(paragraph.slice(0, local.end)).length,
          ]
    cases.push({ target, truth })
  }
  return { before, after, cases, word }
}

interface Accuracy {
  exact: number
  wholeWords: number
  wrong: number
  lost: number
}

function accuracyOf(found: (Extent | null)[], cases: Case[], text: string): Accuracy {
  const tally: Accuracy = { exact: 0, wholeWords: 0, wrong: 0, lost: 0 }
  found.forEach((extent, index) => {
    const truth = (cases[index] as Case).truth
    if (extent && isWordBoundary(text, extent[0]) && isWordBoundary(text, extent[1])) {
      tally.wholeWords++
    }
    if (truth === null) {
      if (extent !== null) tally.wrong++
      return
    }
    if (extent === null) tally.lost++
    else if (extent[0] === truth[0] && extent[1] === truth[1]) tally.exact++
    else if (extent[1] <= truth[0] || extent[0] >= truth[1]) tally.wrong++
  })
  return tally
}

function extentOf(anchor: Anchor): Extent | null {
  return anchor.state === 'missing' ? null : [anchor.start, anchor.end]
}

const OUR_RUNS = 7
const PEER_RUNS = 3

export async function run(): Promise<BenchSection> {
  const base = extractPlainText(await readFixture(fixtureNames.bakerTxt)).text
  const rows: BenchSection['rows'] = []
  let oursWrong = 0
  let plainWrong = 0
  let oursCut = 0
  let plainCut = 0
  for (const drift of driftCorpus(base)) {
    const quote =
      drift.quote ?? (drift.before.includes(passage) ? passage : passage.replace('great', 'graet'))
    const start = drift.before.indexOf(quote)
    const [q, p] = selectorsAt(drift.before, start, start + quote.length)
    const ours = reanchor(q, p, drift.after)
    const oursAt: [number, number] | null = ours.state === 'missing' ? null : [ours.start, ours.end]
    const peer = hypothesisMatchQuote(drift.after, quote, {
      prefix: q.prefix,
      suffix: q.suffix,
      hint: p.start,
    })
    const plainAt: [number, number] | null = peer ? [peer.start, peer.end] : null
    const oursVerdict = verdict(oursAt, drift.expected)
    const plainVerdict = verdict(plainAt, drift.expected)
    if (oursVerdict === 'wrong') oursWrong++
    if (plainVerdict === 'wrong') plainWrong++
    if (cutsAWord(drift.after, oursAt)) oursCut++
    if (cutsAWord(drift.after, plainAt)) plainCut++
    rows.push([drift.name, `${ours.state} (${oursVerdict})`, plainVerdict])
  }

  rows.push(['wrong matches on the drift corpus', count(oursWrong), count(plainWrong)])
  rows.push(['matches that start or end inside a word', count(oursCut), count(plainCut)])

  // Speed and accuracy: a varied ~100 KB article, 1,000 clippings, the edit; the diff is part of
  // ours (done once per re-import, as SourcesService.reimport does).
  const { before, after, cases, word } = editedArticle()
  const clippings = cases.map((c, index) => ({
    id: String(index),
    versionHash: 'old',
    target: c.target,
  }))
  const ours = async (): Promise<Map<string, Anchor>> =>
    reanchorAll(clippings, after, async () => before)
  const peer = (): (Extent | null)[] =>
    cases.map(({ target: [q, p] }) => {
      const found = hypothesisMatchQuote(after, q.exact, {
        prefix: q.prefix,
        suffix: q.suffix,
        hint: p.start,
      })
      return found ? [found.start, found.end] : null
    })
  await ours() // warm-up, not counted
  const ourSamples: number[] = []
  let anchors = new Map<string, Anchor>()
  for (let i = 0; i < OUR_RUNS; i++) {
    const t0 = performance.now()
    anchors = await ours()
    ourSamples.push(performance.now() - t0)
  }
  const offsetMapBetween = await offsetMapper()
  const diffSamples: number[] = []
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now()
    offsetMapBetween(before, after)
    diffSamples.push(performance.now() - t0)
  }
  peer() // warm-up, not counted
  const peerSamples: number[] = []
  let peerFound: (Extent | null)[] = []
  for (let i = 0; i < PEER_RUNS; i++) {
    const t0 = performance.now()
    peerFound = peer()
    peerSamples.push(performance.now() - t0)
  }
  const ourFound = cases.map((_c, index) => extentOf(anchors.get(String(index)) as Anchor))
  const ourAccuracy = accuracyOf(ourFound, cases, after)
  const peerAccuracy = accuracyOf(peerFound, cases, after)
  const states = countStates(ANCHOR_STATES, anchors.values())
  const gone = cases.filter((c) => c.truth === null).length
  const reanchorMedian = median(ourSamples)

  rows.push(['—', '—', '—'])
  rows.push([
    `re-anchor 1,000 clippings, ${(before.length / 1024).toFixed(0)} KB article (median)`,
    ms(reanchorMedian),
    ms(median(peerSamples)),
  ])
  rows.push(['  of which the one diff', ms(median(diffSamples)), '—'])
  rows.push([
    '  exact extent / whole words / wrong / lost',
    `${ourAccuracy.exact} / ${ourAccuracy.wholeWords} / ${ourAccuracy.wrong} / ${ourAccuracy.lost}`,
    `${peerAccuracy.exact} / ${peerAccuracy.wholeWords} / ${peerAccuracy.wrong} / ${peerAccuracy.lost}`,
  ])
  rows.push([
    '  states',
    `${states.verified} verified, ${states.moved} moved, ${states.changed} changed, ${states.missing} missing`,
    `(${gone} passages truly gone)`,
  ])
  return {
    title:
      'Re-anchoring: ours vs Hypothesis’s matchQuote (context and position), accuracy and speed',
    columns: ['case', 'ours', 'Hypothesis matchQuote'],
    rows,
    notes: [
      'drift corpus: right = the passage’s true place, or "missing" when it is gone; matchQuote has no minimum score, so a deleted passage gets pointed at look-alike text.',
      `speed: a generated article (bench/articles.ts), "${word}" rewritten throughout, every 9th paragraph deleted, a new paragraph before every 7th; 1,000 clippings of whole words (40-240 characters) made on the old text. Ours includes the one diff. Medians of ${OUR_RUNS} runs (ours) and ${PEER_RUNS} (peer), one warm-up run each not counted.`,
      'exact = the true new extent; whole words = starts and ends on word boundaries; wrong = placed where the passage is not (or placed when it is gone); lost = reported missing though present.',
    ],
    figures: { reanchor_1000: reanchorMedian },
  }
}
