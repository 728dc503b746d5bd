import type { Frozen } from '../store/json-store-file'
import type { SourceEntry, SourceFile } from '../store/schema'
import type { SourceDerivedData } from '../derived/derived-index'
import { foldText, hasCjk, termsOf, wordsAndStarts } from './folding'
import { PairFilter } from './pair-filter'
import { Postings } from './postings'
import type { QueryTerm } from './query'
import { WordSequences, type PhraseAt } from './word-sequences'

/** Prefix terms taken in for the word being typed. */
const PREFIX_TERMS = 5000

/**
 * Which sources' newest text holds which words: folded terms (Chinese and Japanese as character
 * pairs) to source slots. It narrows a phrase search to the sources that have every word; the
 * phrase itself is then found in those texts (SourceSearch). Derived data (DerivedIndex): a
 * source's text is read again only when its newest version changed.
 */
export class SourceTextIndex implements SourceDerivedData {
  private readonly postings = new Postings()
  /** Per slot; '' once the slot's text was replaced or its source removed. */
  private sourceIds: string[] = []
  private hashes: string[] = []
  /** Per slot: which adjacent word pairs its text may hold. */
  private filters: (PairFilter | null)[] = []
  /** Per slot: its words in order and where each begins, so a phrase is found without the text. */
  private readonly sequences = new WordSequences()
  private readonly slotOf = new Map<string, number>()
  private dead = 0

  get size(): number {
    return this.slotOf.size
  }

  /** The version whose text is indexed for a source. */
  hashOf(sourceId: string): string | undefined {
    const slot = this.slotOf.get(sourceId)
    return slot === undefined ? undefined : this.hashes[slot]
  }

  sourceIdsIndexed(): string[] {
    return [...this.slotOf.keys()]
  }

  clear(): void {
    this.postings.clear()
    this.sourceIds = []
    this.hashes = []
    this.filters = []
    this.sequences.clear()
    this.slotOf.clear()
    this.dead = 0
  }

  textWanted(sourceId: string, file: Frozen<SourceFile>): string | null {
    const newest = file.versions[file.versions.length - 1]?.hash
    return newest && newest !== this.hashOf(sourceId) ? newest : null
  }

  updateSource(
    sourceId: string,
    file: Frozen<SourceFile> | null,
    entry: Frozen<SourceEntry> | null,
    text?: string,
  ): void {
    if (file && entry && text === undefined) return
    const old = this.slotOf.get(sourceId)
    if (old !== undefined) {
      // Its postings stay until the next save drops them; queries skip a dead slot.
      this.sourceIds[old] = ''
      this.filters[old] = null
      this.sequences.drop(old)
      this.slotOf.delete(sourceId)
      this.dead++
    }
    const newest = file?.versions[file.versions.length - 1]?.hash
    if (!file || !entry || text === undefined || !newest) return
    const slot = this.sourceIds.length
    this.sourceIds.push(sourceId)
    this.hashes.push(newest)
    this.slotOf.set(sourceId, slot)
    const folded = foldText(text)
    for (const term of new Set(termsOf(folded))) this.postings.add(term, slot)
    const { words, starts } = wordsAndStarts(folded)
    this.filters.push(PairFilter.of(words))
    this.sequences.set(slot, words, starts)
  }

  /**
   * Where `words` first stand one after the other in this source's indexed text (the last one
   * only begun when `lastIsPrefix`): null when nowhere, undefined when it has no sequence.
   */
  phraseIn(
    sourceId: string,
    words: readonly string[],
    lastIsPrefix: boolean,
  ): PhraseAt | null | undefined {
    const slot = this.slotOf.get(sourceId)
    return slot === undefined ? undefined : this.sequences.find(slot, words, lastIsPrefix)
  }

  /**
   * Sources whose text has every term (the prefix one: some term it begins) and, as far as its
   * pair filter tells, every pair of adjacent `words`; newest first.
   */
  candidates(
    terms: readonly QueryTerm[],
    words: readonly string[] = [],
    typing: string | null = null,
  ): { sourceId: string; hash: string }[] {
    if (terms.length === 0) return []
    const slots = this.sourceIds.length
    const groups = terms
      .map(({ term, prefix }) =>
        (prefix ? this.postings.withPrefix(term, PREFIX_TERMS) : [term]).map((each) =>
          this.postings.get(each),
        ),
      )
      .sort((a, b) => sizeOf(a) - sizeOf(b))
    const count = new Uint8Array(slots)
    let round = 0
    for (const lists of groups) {
      for (const list of lists) {
        for (const slot of list) if (count[slot] === round) count[slot] = round + 1
      }
      round++
    }
    const pairs: [string, string][] = []
    for (let i = 0; i + 1 < words.length; i++) {
      const [first, second] = [words[i] as string, words[i + 1] as string]
      if (!hasCjk(first) && !hasCjk(second)) pairs.push([first, second])
    }
    const found: { sourceId: string; hash: string }[] = []
    for (let slot = slots - 1; slot >= 0; slot--) {
      const sourceId = this.sourceIds[slot] as string
      const filter = this.filters[slot]
      if (filter && !pairs.every(([first, second]) => filter.mayHold(first, second))) continue
      const before = words[words.length - 1]
      if (filter && typing && before && !hasCjk(typing) && !filter.mayHoldPrefix(before, typing)) {
        continue
      }
      if (count[slot] === round && sourceId !== '') {
        found.push({ sourceId, hash: this.hashes[slot] as string })
      }
    }
    return found
  }

  serialize(): unknown {
    if (this.dead > 0) {
      const sourceIds = this.sourceIds
      this.postings.remove([...this.postings.terms()], (slot) => sourceIds[slot] === '')
      this.dead = 0
    }
    const [terms, lists] = this.postings.serialize()
    const filters = this.filters.map((filter) => filter?.toBase64() ?? '')
    const sequences = this.sequences.serialize()
    return { sources: this.sourceIds, hashes: this.hashes, filters, terms, lists, sequences }
  }

  restore(data: unknown): void {
    this.clear()
    const saved = data as {
      sources: string[]
      hashes: string[]
      filters: string[]
      terms: string[]
      lists: string[]
      sequences: unknown
    }
    if (
      !Array.isArray(saved.sources) ||
      !Array.isArray(saved.hashes) ||
      !Array.isArray(saved.filters)
    ) {
      throw new Error('not a source text index')
    }
    this.sourceIds = saved.sources
    this.hashes = saved.hashes
    this.filters = saved.filters.map((filter) => (filter ? PairFilter.fromBase64(filter) : null))
    saved.sources.forEach((sourceId, slot) => {
      if (sourceId !== '') this.slotOf.set(sourceId, slot)
    })
    this.postings.restore(saved.terms, saved.lists)
    this.sequences.restore(saved.sequences)
  }
}

function sizeOf(lists: readonly (readonly number[])[]): number {
  return lists.reduce((sum, list) => sum + list.length, 0)
}
