import type { Frozen } from '../store/json-store-file'
import type { SourceEntry, SourceFile } from '../store/schema'
import type { SourceDerivedData } from '../derived/derived-index'
import { termsOf } from './folding'
import { Postings } from './postings'
import { best, dateKey, ordered } from './hit-order'
import { phraseTest, wordForm, type ParsedQuery } from './query'

const QUOTE = 1
const TAGS = 2
const NOTE = 4
const TITLE = 8
/** A posting is slot * 16 + the fields the term is in. */
const FIELDS = 16
const FIELD_BITS = 4
/** A prefix that begins more terms than this, beside other words, is checked on the candidates. */
const PREFIX_TERMS = 400
/** Pages within the first this many hits are picked without ordering every match. */
const TOP_PICK = 1000

/** Quote and tag hits above notes, notes above a source title alone; more fields a little more. */
function weight(mask: number): number {
  const best = mask & (QUOTE | TAGS) ? 4 : mask & NOTE ? 2 : 1
  let fields = 0
  for (let bit = mask; bit; bit &= bit - 1) fields++
  return best + 0.1 * (fields - 1)
}

/** `weight` of every mask, worked out once. */
const WEIGHTS = Float32Array.from({ length: FIELDS }, (_, mask) => weight(mask))

interface LastSearch {
  key: string
  matches: number[]
  score: Float32Array
  /** Every match in order, once a page needed it. */
  all: number[] | null
}

export interface SearchHit {
  id: string
  sourceId: string
  score: number
}

/**
 * Our own inverted index of clippings (see the README's "Search"): folded terms of the quote,
 * tags, note and source title, each with the fields it occurs in, to the clipping's slot; a
 * sorted term list for prefixes; each clipping's text as folded words, for exact phrases. It
 * is derived data (DerivedIndex): saved beside the store, taken in source by source.
 */
export class ClippingSearchIndex implements SourceDerivedData {
  private readonly postings = new Postings()
  /** Per slot; a free slot has id ''. */
  private ids: string[] = []
  private sourceIds: string[] = []
  private created: number[] = []
  /** Folded words: quote, tags, note. */
  private texts: [string, string, string][] = []
  private readonly titles = new Map<string, string>()
  private readonly bySource = new Map<string, number[]>()
  private free: number[] = []
  /** Newest first within a score: the date in seconds and the slot, as one number. */
  private readonly dateKey = (slot: number): number => dateKey(this.created[slot] as number, slot)
  /** The last search and its answer, until the index changes. */
  private last: LastSearch | null = null

  get size(): number {
    return this.ids.length - this.free.length
  }

  clear(): void {
    this.last = null
    this.postings.clear()
    this.ids = []
    this.sourceIds = []
    this.created = []
    this.texts = []
    this.titles.clear()
    this.bySource.clear()
    this.free = []
  }

  updateSource(
    sourceId: string,
    file: Frozen<SourceFile> | null,
    entry: Frozen<SourceEntry> | null,
  ): void {
    this.last = null
    const slotOf = new Map<string, number>()
    const old = this.bySource.get(sourceId) ?? []
    const oldTitle = this.titles.get(sourceId) ?? ''
    const oldTerms = new Set<string>(termsOf(oldTitle))
    for (const slot of old) {
      slotOf.set(this.ids[slot] as string, slot)
      for (const text of this.texts[slot] ?? [])
        for (const term of termsOf(text)) oldTerms.add(term)
    }
    const oldSlots = new Set(old)
    this.postings.remove(oldTerms, (posting) => oldSlots.has(Math.floor(posting / FIELDS)))
    this.bySource.delete(sourceId)
    this.titles.delete(sourceId)
    const live = file && entry ? file.clippings.filter((clipping) => !clipping.deletedAt) : []
    const kept = new Set<number>()
    if (live.length > 0 && entry) {
      const title = wordForm(entry.title)
      this.titles.set(sourceId, title)
      const slots: number[] = []
      for (const clipping of live) {
        // The same clipping keeps its slot, so a save does not leave holes behind.
        const slot = slotOf.get(clipping.id) ?? this.free.pop() ?? this.ids.length
        kept.add(slot)
        slots.push(slot)
        this.ids[slot] = clipping.id
        this.sourceIds[slot] = sourceId
        this.created[slot] = Date.parse(clipping.createdAt) || 0
        const texts: [string, string, string] = [
          wordForm(clipping.target[0].exact),
          wordForm(clipping.tags.join(' ')),
          wordForm(clipping.note),
        ]
        this.texts[slot] = texts
        this.addTerms(slot, texts, title)
      }
      this.bySource.set(sourceId, slots)
    }
    for (const slot of old) {
      if (kept.has(slot)) continue
      this.ids[slot] = ''
      this.texts[slot] = ['', '', '']
      this.free.push(slot)
    }
  }

  private addTerms(
    slot: number,
    [quote, tags, note]: [string, string, string],
    title: string,
  ): void {
    const masks = new Map<string, number>()
    const mark = (text: string, field: number): void => {
      for (const term of termsOf(text)) masks.set(term, (masks.get(term) ?? 0) | field)
    }
    mark(quote, QUOTE)
    mark(tags, TAGS)
    mark(note, NOTE)
    mark(title, TITLE)
    for (const [term, mask] of masks) this.postings.add(term, slot * FIELDS + mask)
  }

  /** Matching clippings, best first: every word, the phrases as they are; recency breaks ties. */
  search(query: ParsedQuery): SearchHit[] {
    const found = this.matched(query)
    found.all ??= ordered(found.matches, found.score, this.dateKey)
    return found.all.map((slot) => this.hitAt(slot, found.score))
  }

  /**
   * The hits from `start` to `start + limit`, and how many there are in all: what a list shows.
   * The first pages are picked from the matches without ordering all of them (a common word
   * matches tens of thousands, and ordering them was most of a search's time).
   */
  searchPage(
    query: ParsedQuery,
    start: number,
    limit: number,
  ): { hits: SearchHit[]; total: number } {
    const found = this.matched(query)
    const want = Math.min(start + limit, found.matches.length)
    let slots: number[]
    if (found.all || want > TOP_PICK) {
      found.all ??= ordered(found.matches, found.score, this.dateKey)
      slots = found.all.slice(start, want)
    } else {
      slots = best(found.matches, found.score, want, this.dateKey).slice(start)
    }
    return { hits: slots.map((slot) => this.hitAt(slot, found.score)), total: found.matches.length }
  }

  private hitAt(slot: number, score: Float32Array): SearchHit {
    return {
      id: this.ids[slot] as string,
      sourceId: this.sourceIds[slot] as string,
      score: score[slot] as number,
    }
  }

  /** The matching slots and their scores, unordered; the last query's kept for its next page. */
  private matched(query: ParsedQuery): LastSearch {
    const key = JSON.stringify([query.terms, query.phrases])
    // Paging through one search asks the same question again: answer it from the last time.
    if (this.last?.key === key) return this.last
    const found = this.match(query)
    this.last = { key, ...found, all: null }
    return this.last
  }

  private match(query: ParsedQuery): { matches: number[]; score: Float32Array } {
    if (query.terms.length === 0) return { matches: [], score: new Float32Array(0) }
    const slots = this.ids.length
    // A word twice ("film by film") is one condition: its list is read once.
    const distinct = query.terms.filter(
      (each, at) =>
        query.terms.findIndex(
          (other) => other.term === each.term && other.prefix === each.prefix,
        ) === at,
    )
    const groups = distinct.map(({ term, prefix }) => {
      const terms = prefix ? this.postings.withPrefix(term, PREFIX_TERMS + 1) : [term]
      const lists = terms.map((each) => ({ list: this.postings.get(each), exact: each === term }))
      const size = lists.reduce((sum, { list }) => sum + list.length, 0)
      return { term, prefix, lists, size, tooWide: terms.length > PREFIX_TERMS }
    })
    // A very short prefix beside other words filters their candidates instead of being expanded.
    const checked = groups.length > 1 ? groups.filter((group) => group.tooWide) : []
    const scanned = groups
      .filter((group) => !checked.includes(group))
      .sort((a, b) => a.size - b.size)
    if (checked.length === 0 && scanned.some((group) => group.tooWide)) {
      const wide = scanned.find((group) => group.tooWide)
      if (wide)
        wide.lists = this.postings
          .withPrefix(wide.term, 5000)
          .map((each) => ({ list: this.postings.get(each), exact: each === wide.term }))
    }
    const count = new Uint8Array(slots)
    const score = new Float32Array(slots)
    const mask = new Uint8Array(slots)
    // The whole word typed, not only a longer word it begins, ranks a little higher.
    const whole = new Uint8Array(slots)
    let touched: number[] = []
    // Plain loops over typed arrays: a common word's list holds nearly every clipping.
    for (let round = 0; round < scanned.length; round++) {
      const seen: number[] = []
      for (const { list, exact } of (scanned[round] as (typeof scanned)[number]).lists) {
        for (let i = 0; i < list.length; i++) {
          const posting = list[i] as number
          // Integer arithmetic: a posting is below 2^25 (SLOT_SPAN times FIELDS).
          const slot = posting >>> FIELD_BITS
          if (count[slot] !== round) continue
          if (mask[slot] === 0) seen.push(slot)
          mask[slot] = (mask[slot] as number) | (posting & (FIELDS - 1))
          if (exact) whole[slot] = 1
        }
      }
      for (let i = 0; i < seen.length; i++) {
        const slot = seen[i] as number
        count[slot] = round + 1
        score[slot] =
          (score[slot] as number) +
          (WEIGHTS[mask[slot] as number] as number) +
          0.01 * (whole[slot] as number)
        mask[slot] = 0
        whole[slot] = 0
      }
      if (round === 0) touched = seen
    }
    const rounds = scanned.length
    let matches = touched.filter((slot) => count[slot] === rounds && this.ids[slot] !== '')
    for (const group of checked) {
      const start = ` ${group.term}`
      matches = matches.filter((slot) => {
        const [quote, tags, note] = this.texts[slot] as [string, string, string]
        const title = this.titles.get(this.sourceIds[slot] as string) ?? ''
        return [quote, tags, note, title].some((text) => ` ${text}`.includes(start))
      })
    }
    for (const phrase of query.phrases) {
      const holdsPhrase = phraseTest(phrase)
      matches = matches.filter((slot) => {
        const [quote, tags, note] = this.texts[slot] as [string, string, string]
        if (holdsPhrase(quote) || holdsPhrase(tags) || holdsPhrase(note)) return true
        return holdsPhrase(this.titles.get(this.sourceIds[slot] as string) ?? '')
      })
    }
    return { matches, score }
  }

  serialize(): unknown {
    const [terms, lists] = this.postings.serialize()
    const docs = this.ids.map((id, slot) =>
      id === ''
        ? null
        : [id, this.sourceIds[slot], this.created[slot], ...(this.texts[slot] as string[])],
    )
    return { docs, titles: [...this.titles], terms, lists }
  }

  restore(data: unknown): void {
    this.clear()
    const saved = data as {
      docs: ([string, string, number, string, string, string] | null)[]
      titles: [string, string][]
      terms: string[]
      lists: string[]
    }
    if (!Array.isArray(saved.docs) || !Array.isArray(saved.titles))
      throw new Error('not a search index')
    saved.docs.forEach((doc, slot) => {
      if (!doc) {
        this.ids[slot] = ''
        this.sourceIds[slot] = ''
        this.created[slot] = 0
        this.texts[slot] = ['', '', '']
        this.free.push(slot)
        return
      }
      const [id, sourceId, created, quote, tags, note] = doc
      this.ids[slot] = id
      this.sourceIds[slot] = sourceId
      this.created[slot] = created
      this.texts[slot] = [quote, tags, note]
      const slots = this.bySource.get(sourceId)
      if (slots) slots.push(slot)
      else this.bySource.set(sourceId, [slot])
    })
    for (const [sourceId, title] of saved.titles) this.titles.set(sourceId, title)
    this.postings.restore(saved.terms, saved.lists)
  }
}
