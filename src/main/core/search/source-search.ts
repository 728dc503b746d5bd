import { readFile } from 'node:fs/promises'
import type { SourceTextHit } from '../../../shared/ipc'
import { DerivedIndex } from '../derived/derived-index'
import { CommonplaceError } from '../errors'
import type { NotebookStore } from '../store/notebook-store'
import { foldQuery, foldText, hasCjk, queryTermsOf, wordsOf } from './folding'
import type { QueryTerm } from './query'
import { SourceTextIndex } from './source-text-index'
import { textWindowOf, type TextWindow } from './text-window'
import type { PhraseAt } from './word-sequences'

/** Characters of text shown on each side of a match. */
const SNIPPET_SIDE = 80
/** Folded texts kept between searches (UTF-16 units), for the phrases looked for in the text. */
const FOLDED_KEPT = 40_000_000

/** A source the index says holds the phrase; `at` is where, unless it keeps no word sequence. */
interface Candidate {
  sourceId: string
  hash: string
  at: PhraseAt | undefined
  title: string
}

/** What is looked for; the pattern (for texts without a word sequence) is made when first needed. */
interface Phrase {
  words: string[]
  stillTyping: boolean
  pattern: RegExp | null
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Finds a phrase in the sources' own text: the index names the sources that have every word,
 * and the phrase is then looked for in each one's word sequence, kept in the index with where
 * each word begins (folding keeps offsets, so that is a place in the original), newest source
 * first, until `limit` sources are found. Only a hit's text is read, to cut its snippet.
 * Chinese and Japanese phrases are still looked for in the folded text itself.
 */
export class SourceSearch {
  readonly index: DerivedIndex<SourceTextIndex>
  private readonly folded = new Map<string, string>()
  private foldedSize = 0

  constructor(private readonly store: NotebookStore) {
    this.index = new DerivedIndex(store, 'source-text', 4, new SourceTextIndex())
  }

  /** This process changed a source (imported, updated): take it in before the next search. */
  touch(sourceId: string): void {
    this.index.touch(sourceId)
  }

  async search(query: string, limit = 20): Promise<SourceTextHit[]> {
    const words = wordsOf(foldQuery(query.replaceAll('"', ' ')))
    if (words.length === 0) return []
    const stillTyping = !/[\s"]$/.test(query)
    const index = await this.current()
    const terms: QueryTerm[] = words.flatMap((word, at) =>
      queryTermsOf(word).map((term) => ({
        term,
        prefix: stillTyping && at === words.length - 1 && !hasCjk(word),
      })),
    )
    // The last word, still being typed, is not yet a word of any pair.
    const whole = stillTyping ? words.slice(0, -1) : words
    const typing = stillTyping ? (words[words.length - 1] as string) : null
    // Chinese and Japanese words are not kept as word sequences: their phrases are found in the text.
    const fromSequences = !words.some(hasCjk)
    const phrase: Phrase = { words, stillTyping, pattern: null }
    // The index looked at once for the titles, not once a hit.
    const listed = await this.store.sourcesById()
    const candidates = index.candidates(terms, whole, typing)
    const hits: SourceTextHit[] = []
    let next = 0
    while (hits.length < limit && next < candidates.length) {
      // The next sources holding the phrase, as many as hits are still wanted: their files are
      // read together, and a source whose text is gone makes room for the one after.
      const batch: Candidate[] = []
      while (batch.length < limit - hits.length && next < candidates.length) {
        const { sourceId, hash } = candidates[next++] as { sourceId: string; hash: string }
        const at = fromSequences ? index.phraseIn(sourceId, words, stillTyping) : undefined
        if (at === null) continue
        batch.push({ sourceId, hash, at, title: listed.get(sourceId)?.title ?? '' })
      }
      const made = await Promise.all(batch.map((candidate) => this.hitIn(candidate, phrase)))
      for (const hit of made) if (hit) hits.push(hit)
    }
    return hits
  }

  /** The hit in a source that holds the phrase, or null when its text cannot be read. */
  private async hitIn(candidate: Candidate, phrase: Phrase): Promise<SourceTextHit | null> {
    const { sourceId, hash, at, title } = candidate
    try {
      if (at) {
        // The folded word is as long as the text it came from (folding keeps every unit).
        const end = at.lastStart + (phrase.words[phrase.words.length - 1] as string).length
        const around = await this.windowOf(hash, at.start - SNIPPET_SIDE, end + SNIPPET_SIDE + 1)
        return { sourceId, title, start: at.start, end, snippet: snippetIn(around, at.start, end) }
      }
      const { text } = await this.store.text(hash)
      phrase.pattern ??= phrasePattern(phrase.words, phrase.stillTyping)
      phrase.pattern.lastIndex = 0
      const match = phrase.pattern.exec(this.foldedOf(hash, text))
      if (!match) return null
      const [start, end] = [match.index, match.index + match[0].length]
      const all = { text, from: 0, to: text.length, more: false }
      return { sourceId, title, start, end, snippet: snippetIn(all, start, end) }
    } catch (error) {
      if (error instanceof CommonplaceError) return null
      throw error
    }
  }

  /** The index, with sources whose newest version the library names differently taken in. */
  private async current(): Promise<SourceTextIndex> {
    const index = await this.index.ready()
    const listed = await this.store.sources()
    const names = new Set<string>()
    let behind = false
    for (const entry of listed) {
      names.add(entry.id)
      if (index.hashOf(entry.id) !== entry.currentVersionHash) {
        this.index.touch(entry.id)
        behind = true
      }
    }
    for (const sourceId of index.sourceIdsIndexed()) {
      if (names.has(sourceId)) continue
      this.index.touch(sourceId)
      behind = true
    }
    return behind ? this.index.ready() : index
  }

  /** The stretch [from, to) of a version's text, read from its file's bytes where they allow. */
  private async windowOf(hash: string, from: number, to: number): Promise<TextWindow> {
    const bytes = await readFile(this.store.textPath(hash)).catch(() => null)
    const window = bytes && textWindowOf(bytes, from, to)
    if (window) return window
    // Missing, damaged or written otherwise: the store reads it (and reports what is wrong).
    const { text } = await this.store.text(hash)
    const [start, end] = [Math.max(0, from), Math.min(text.length, to)]
    return { text: text.slice(start, end), from: start, to: end, more: end < text.length }
  }

  private foldedOf(hash: string, text: string): string {
    const kept = this.folded.get(hash)
    if (kept !== undefined) {
      this.folded.delete(hash)
      this.folded.set(hash, kept)
      return kept
    }
    const folded = foldText(text)
    this.folded.set(hash, folded)
    this.foldedSize += folded.length
    for (const [oldest, value] of this.folded) {
      if (this.foldedSize <= FOLDED_KEPT) break
      this.folded.delete(oldest)
      this.foldedSize -= value.length
    }
    return folded
  }
}

/** The words in order, anything but letters and digits between them; the last may be unfinished. */
export function phrasePattern(words: string[], stillTyping: boolean): RegExp {
  const cjk = words.some(hasCjk)
  const body = words.map(escape).join(cjk ? '[^\\p{L}\\p{N}]*' : '[^\\p{L}\\p{N}]+')
  const before = cjk ? '' : '(?<![\\p{L}\\p{N}])'
  const after = cjk || stillTyping ? '' : '(?![\\p{L}\\p{N}])'
  return new RegExp(before + body + after, 'gu')
}

/**
 * The match with up to SNIPPET_SIDE characters each side, from `around` (a window of the text
 * holding them and one character more): cut after a space before the match and at a space after
 * it, when one is near.
 */
function snippetIn(around: TextWindow, start: number, end: number): SourceTextHit['snippet'] {
  const unit = (at: number): string => around.text.slice(at - around.from, at + 1 - around.from)
  const slice = (from: number, to: number): string =>
    around.text.slice(from - around.from, to - around.from)
  let from = Math.max(around.from, start - SNIPPET_SIDE)
  let to = Math.min(around.to, end + SNIPPET_SIDE)
  const cutBefore = from > 0
  const cutAfter = to < around.to || around.more
  if (cutBefore) {
    const space = slice(from, start).indexOf(' ')
    if (space >= 0) from += space + 1
  }
  if (cutAfter) {
    let space = to
    while (space > end && unit(space) !== ' ') space--
    if (space > end) to = space
  }
  return {
    before: (cutBefore ? '…' : '') + slice(from, start).replace(/\s+/g, ' '),
    match: slice(start, end),
    after: slice(end, to).replace(/\s+/g, ' ') + (cutAfter ? '…' : ''),
  }
}
