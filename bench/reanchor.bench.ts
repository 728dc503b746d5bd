// Issue 5's figures: re-anchoring 1,000 clippings against an edited ~100 KB source, and accuracy
// on the drift corpus beside plain approx-string-match best match (Hypothesis's approach).
import search from 'approx-string-match'
import { reanchor } from '../src/main/core/anchoring'
import { ANCHOR_STATES, countStates } from '../src/shared/anchor'
import { extractPlainText } from '../src/main/core/importing/text-formats'
import { selectorsAt } from '../src/shared/domain'
import { isWordBoundary } from '../src/shared/words'
import { fixtureNames, readFixture } from '../test/fixtures'
import { count, ms, type BenchSection } from './report'

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

/** Hypothesis-style: the best fuzzy match, whatever its score. */
function plainBestMatch(quote: string, text: string): [number, number] | null {
  const matches = search(text, quote, Math.floor(quote.length / 2))
  if (matches.length === 0) return null
  const best = matches.reduce((a, b) => (b.errors < a.errors ? b : a))
  return [best.start, best.end]
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
    const plainAt = plainBestMatch(quote, drift.after)
    const oursVerdict = verdict(oursAt, drift.expected)
    const plainVerdict = verdict(plainAt, drift.expected)
    if (oursVerdict === 'wrong') oursWrong++
    if (plainVerdict === 'wrong') plainWrong++
    if (cutsAWord(drift.after, oursAt)) oursCut++
    if (cutsAWord(drift.after, plainAt)) plainCut++
    rows.push([drift.name, `${ours.state} (${oursVerdict})`, plainVerdict])
  }

  // Speed: ~100 KB of distinct paragraphs, 1,000 clippings, then an edited copy.
  const paragraphs = base.split('\n\n')
  const big: string[] = []
  for (let i = 0; big.join('\n\n').length < 100_000; i++)
    big.push(`${i}. ${paragraphs[i % paragraphs.length]}`)
  const text = big.join('\n\n')
  const clips = Array.from({ length: 1000 }, (_, i) => {
    const start = Math.floor((i / 1000) * (text.length - 80))
    return selectorsAt(text, start, start + 60)
  })
  const edited = `A new introduction.\n\n${text}`.replace(/sex work/g, 'sex-work')
  const t0 = performance.now()
  const states = countStates(
    ANCHOR_STATES,
    clips.map(([q, p]) => reanchor(q, p, edited)),
  )
  const elapsed = performance.now() - t0

  rows.push(['—', '—', '—'])
  rows.push([
    `re-anchor 1,000 clippings, ${(text.length / 1024).toFixed(0)} KB source`,
    ms(elapsed),
    `${states.moved} moved, ${states.changed} changed, ${states.missing} missing`,
  ])
  rows.push(['wrong matches on the drift corpus', count(oursWrong), count(plainWrong)])
  rows.push(['matches that start or end inside a word', count(oursCut), count(plainCut)])
  return {
    title: 'Re-anchoring: drift corpus accuracy (ours vs plain best match) and speed',
    columns: ['case', 'ours', 'plain approx-string-match best match'],
    rows,
    notes: [
      'right = the passage’s true place, or "missing" when it is gone; plain best match has no minimum score, so a deleted passage gets pointed at look-alike text.',
      'speed: every clipping re-anchored in an edited copy (an inserted paragraph shifts all offsets; "sex work" rewritten throughout).',
    ],
  }
}
