// What the search bench searches: the clippings of a seeded notebook as documents, and queries
// drawn from their own words (one word, two words, a prefix, a quoted phrase).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { foldText, wordsOf } from '../src/main/core/search/folding'
import { seededRandom } from './seed-library'

export interface Doc {
  id: string
  exact: string
  note: string
  tags: string
  title: string
  createdAt: string
}

interface RawSource {
  entry: { title: string }
  clippings: {
    id: string
    note: string
    tags: string[]
    createdAt: string
    target: [{ exact: string }]
  }[]
}

export function readDocs(dataDir: string): Doc[] {
  const docs: Doc[] = []
  for (const name of readdirSync(join(dataDir, 'sources'))) {
    const source = JSON.parse(readFileSync(join(dataDir, 'sources', name), 'utf8')) as RawSource
    for (const clipping of source.clippings) {
      docs.push({
        id: clipping.id,
        exact: clipping.target[0].exact,
        note: clipping.note,
        tags: clipping.tags.join(' '),
        title: source.entry.title,
        createdAt: clipping.createdAt,
      })
    }
  }
  return docs
}

export type QueryKind = 'one word' | 'two words' | 'prefix' | 'phrase'
export const KINDS: QueryKind[] = ['one word', 'two words', 'prefix', 'phrase']

/** `perKind` queries of each kind from random passages of `texts`: words of 3+ letters. */
export function queriesFrom(
  texts: readonly string[],
  perKind: number,
  seed = 7,
): Record<QueryKind, string[]> {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const runOf = (length: number): string[] => {
    for (;;) {
      const words = wordsOf(foldText(pick(texts))).filter((word) => word.length >= 3)
      if (words.length < length) continue
      const at = Math.floor(random() * (words.length - length + 1))
      return words.slice(at, at + length)
    }
  }
  const out: Record<QueryKind, string[]> = {
    'one word': [],
    'two words': [],
    prefix: [],
    phrase: [],
  }
  for (let i = 0; i < perKind; i++) {
    out['one word'].push(runOf(1).join(' '))
    const two = runOf(8)
    out['two words'].push(`${two[0]} ${two[5]}`)
    out.prefix.push(runOf(1)[0]?.slice(0, 4) ?? 'the')
    out.phrase.push(`"${runOf(3).join(' ')}"`)
  }
  return out
}

/** Whether a document holds the phrase (folded words, in order): the precision check. */
export function holdsPhrase(doc: Doc, phrase: string): boolean {
  const wanted = ` ${wordsOf(foldText(phrase)).join(' ')} `
  return [doc.exact, doc.note, doc.tags, doc.title].some((text) =>
    ` ${wordsOf(foldText(text)).join(' ')} `.includes(wanted),
  )
}
