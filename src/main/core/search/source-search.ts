import type { SourceTextHit } from '../../../shared/ipc'
import { DerivedIndex } from '../derived/derived-index'
import { CommonplaceError } from '../errors'
import type { NotebookStore } from '../store/notebook-store'
import { foldQuery, foldText, hasCjk, queryTermsOf, wordsOf } from './folding'
import type { QueryTerm } from './query'
import { SourceTextIndex } from './source-text-index'

/** Characters of text shown on each side of a match. */
const SNIPPET_SIDE = 80
/** Folded texts kept between searches (UTF-16 units), for the phrases looked for in the text. */
const FOLDED_KEPT = 40_000_000

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
    const pattern = phrasePattern(words, stillTyping)
    const hits: SourceTextHit[] = []
    // The last word, still being typed, is not yet a word of any pair.
    const whole = stillTyping ? words.slice(0, -1) : words
    const typing = stillTyping ? (words[words.length - 1] as string) : null
    // Chinese and Japanese words are not kept as word sequences: their phrases are found in the text.
    const fromSequences = !words.some(hasCjk)
    const last = words[words.length - 1] as string
    // The index looked at once for the titles, not once a hit.
    const listed = await this.store.sourcesById()
    for (const { sourceId, hash } of index.candidates(terms, whole, typing)) {
      if (hits.length >= limit) break
      const at = fromSequences ? index.phraseIn(sourceId, words, stillTyping) : undefined
      if (at === null) continue
      let text: string
      try {
        text = (await this.store.text(hash)).text
      } catch (error) {
        if (error instanceof CommonplaceError) continue
        throw error
      }
      let start: number
      let end: number
      if (at) {
        // The folded word is as long as the text it came from (folding keeps every unit).
        start = at.start
        end = at.lastStart + last.length
      } else {
        pattern.lastIndex = 0
        const match = pattern.exec(this.foldedOf(hash, text))
        if (!match) continue
        start = match.index
        end = start + match[0].length
      }
      const title = listed.get(sourceId)?.title ?? ''
      hits.push({ sourceId, title, start, end, snippet: snippetAt(text, start, end) })
    }
    return hits
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

function snippetAt(text: string, start: number, end: number): SourceTextHit['snippet'] {
  let from = Math.max(0, start - SNIPPET_SIDE)
  let to = Math.min(text.length, end + SNIPPET_SIDE)
  // Whole words at the edges, when a space is near.
  if (from > 0) from = Math.min(start, text.indexOf(' ', from) + 1 || from)
  if (to < text.length) to = Math.max(end, text.lastIndexOf(' ', to) || to)
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start).replace(/\s+/g, ' '),
    match: text.slice(start, end),
    after: text.slice(end, to).replace(/\s+/g, ' ') + (to < text.length ? '…' : ''),
  }
}
