/**
 * Each indexed text as its sequence of words with where each begins: a phrase is then found by
 * walking numbers, without reading or folding the text again (1,000 texts of 100 KB do not fit a
 * cache of folded texts, and reading them was most of a search's time).
 *
 * A text keeps its own vocabulary (the global ids of its distinct words, ascending) and each word
 * as its rank in it, two bytes a word for any text of under 65,536 distinct words; where a word
 * begins is the gap from the one before, two bytes too (a wider gap is kept aside).
 */
const WIDE_GAP = 0xffff

export interface PhraseAt {
  /** Where the first word begins. */
  start: number
  /** Where the last word begins. */
  lastStart: number
}

interface Sequence {
  /** Global ids of its distinct words, ascending. */
  vocabulary: Uint32Array
  /** Each word as its rank in `vocabulary`. */
  words: Uint16Array | Uint32Array
  gaps: Uint16Array
  /** Gaps of WIDE_GAP and more, by word number. */
  wide: Map<number, number>
}

interface SavedSequence {
  vocabulary: string
  words: string
  gaps: string
  wide: [number, number][]
}

export interface SavedSequences {
  names: string[]
  sequences: (SavedSequence | null)[]
}

export class WordSequences {
  private readonly idOf = new Map<string, number>()
  private names: string[] = []
  private sequences: (Sequence | null)[] = []
  /** Global ids in the order of their words, for prefixes; made again when words were added. */
  private sortedIds: Uint32Array | null = null
  private lastPrefix: { prefix: string; names: number; mask: Uint8Array } | null = null

  clear(): void {
    this.idOf.clear()
    this.names = []
    this.sequences = []
    this.sortedIds = null
    this.lastPrefix = null
  }

  /** Keeps `words` (folded, in order, each with where it begins) as slot `slot`'s sequence. */
  set(slot: number, words: readonly string[], starts: readonly number[]): void {
    const ids = words.map((word) => this.idFor(word))
    const vocabulary = Uint32Array.from(new Set(ids)).sort()
    const rankOf = new Map<number, number>()
    vocabulary.forEach((id, rank) => rankOf.set(id, rank))
    const ranks =
      vocabulary.length <= 0x10000 ? new Uint16Array(ids.length) : new Uint32Array(ids.length)
    const gaps = new Uint16Array(ids.length)
    const wide = new Map<number, number>()
    let previous = 0
    ids.forEach((id, at) => {
      ranks[at] = rankOf.get(id) as number
      const gap = (starts[at] as number) - previous
      previous = starts[at] as number
      if (gap >= WIDE_GAP) {
        gaps[at] = WIDE_GAP
        wide.set(at, gap)
      } else gaps[at] = gap
    })
    this.sequences[slot] = { vocabulary, words: ranks, gaps, wide }
  }

  drop(slot: number): void {
    if (slot < this.sequences.length) this.sequences[slot] = null
  }

  has(slot: number): boolean {
    return Boolean(this.sequences[slot])
  }

  /**
   * The first place where `words` stand one after the other in slot `slot`'s text (the last one
   * only begun when `lastIsPrefix`), or null; undefined when the slot has no sequence.
   */
  find(slot: number, words: readonly string[], lastIsPrefix: boolean): PhraseAt | null | undefined {
    const sequence = this.sequences[slot]
    if (!sequence) return undefined
    if (words.length === 0) return null
    const { vocabulary, words: ranks, gaps, wide } = sequence
    const whole = lastIsPrefix ? words.slice(0, -1) : words
    const wanted: number[] = []
    for (const word of whole) {
      const id = this.idOf.get(word)
      const rank = id === undefined ? -1 : rankIn(vocabulary, id)
      if (rank < 0) return null
      wanted.push(rank)
    }
    // Which words begin with the prefix: global, worked out once per query, not per text.
    const beginsGlobally = lastIsPrefix ? this.beginning(words[words.length - 1] as string) : null
    const begins =
      beginsGlobally &&
      ((rank: number): boolean => beginsGlobally[vocabulary[rank] as number] === 1)
    const span = words.length
    const first = wanted.length > 0 ? (wanted[0] as number) : -1
    const end = ranks.length - span
    for (let at = 0; at <= end; at++) {
      // The hot loop, until the first word is found: the typed array's own search for a whole
      // word (several times quicker than comparing in a loop here), else the prefix's mask.
      if (first >= 0) {
        at = ranks.indexOf(first, at)
        if (at < 0 || at > end) return null
      } else if (!(begins as (rank: number) => boolean)(ranks[at] as number)) continue
      let k = 1
      while (k < wanted.length && ranks[at + k] === wanted[k]) k++
      if (k < wanted.length) continue
      if (begins && wanted.length > 0 && !begins(ranks[at + span - 1] as number)) continue
      // Where it begins: the gaps summed, once, for the place found.
      let start = 0
      for (let i = 0; i <= at; i++) start += gapAt(gaps, wide, i)
      let lastStart = start
      for (let i = at + 1; i < at + span; i++) lastStart += gapAt(gaps, wide, i)
      return { start, lastStart }
    }
    return null
  }

  serialize(): SavedSequences {
    return {
      names: this.names,
      sequences: this.sequences.map((sequence) =>
        sequence
          ? {
              vocabulary: base64(sequence.vocabulary),
              words: base64(sequence.words),
              gaps: base64(sequence.gaps),
              wide: [...sequence.wide],
            }
          : null,
      ),
    }
  }

  restore(data: unknown): void {
    this.clear()
    const saved = data as SavedSequences
    if (!saved || !Array.isArray(saved.names) || !Array.isArray(saved.sequences)) {
      throw new Error('not a word sequence list')
    }
    this.names = saved.names
    saved.names.forEach((name, id) => this.idOf.set(name, id))
    this.sequences = saved.sequences.map((sequence) => {
      if (!sequence) return null
      const vocabulary = new Uint32Array(bytesOf(sequence.vocabulary))
      const wordBytes = bytesOf(sequence.words)
      const gaps = new Uint16Array(bytesOf(sequence.gaps))
      const words =
        vocabulary.length <= 0x10000 ? new Uint16Array(wordBytes) : new Uint32Array(wordBytes)
      if (words.length !== gaps.length) throw new Error('a word sequence does not add up')
      return { vocabulary, words, gaps, wide: new Map(sequence.wide) }
    })
  }

  /** Per global id, 1 when that word begins with `prefix`; the last answer is kept. */
  private beginning(prefix: string): Uint8Array {
    if (this.lastPrefix?.prefix === prefix && this.lastPrefix.names === this.names.length) {
      return this.lastPrefix.mask
    }
    if (!this.sortedIds || this.sortedIds.length !== this.names.length) {
      this.sortedIds = this.withNewWordsSorted(this.sortedIds ?? new Uint32Array(0))
    }
    const sorted = this.sortedIds
    let low = 0
    let high = sorted.length
    while (low < high) {
      const middle = (low + high) >> 1
      if ((this.names[sorted[middle] as number] as string) < prefix) low = middle + 1
      else high = middle
    }
    const mask = new Uint8Array(this.names.length)
    for (let i = low; i < sorted.length; i++) {
      const id = sorted[i] as number
      if (!(this.names[id] as string).startsWith(prefix)) break
      mask[id] = 1
    }
    this.lastPrefix = { prefix, names: this.names.length, mask }
    return mask
  }

  /** `sorted` (the ids it holds in word order) with the ids added since merged in: no full sort. */
  private withNewWordsSorted(sorted: Uint32Array): Uint32Array {
    const names = this.names
    const byWord = (a: number, b: number): number =>
      (names[a] as string) < (names[b] as string) ? -1 : 1
    const added = Uint32Array.from(
      { length: names.length - sorted.length },
      (_, i) => sorted.length + i,
    ).sort(byWord)
    const out = new Uint32Array(names.length)
    let i = 0
    let j = 0
    for (let at = 0; at < out.length; at++) {
      const takeOld =
        j >= added.length ||
        (i < sorted.length && byWord(sorted[i] as number, added[j] as number) < 0)
      out[at] = takeOld ? (sorted[i++] as number) : (added[j++] as number)
    }
    return out
  }

  private idFor(word: string): number {
    let id = this.idOf.get(word)
    if (id === undefined) {
      id = this.names.length
      this.names.push(word)
      this.idOf.set(word, id)
    }
    return id
  }
}

function gapAt(gaps: Uint16Array, wide: Map<number, number>, at: number): number {
  const gap = gaps[at] as number
  return gap === WIDE_GAP ? (wide.get(at) as number) : gap
}

function rankIn(sorted: Uint32Array, id: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((sorted[middle] as number) < id) low = middle + 1
    else high = middle
  }
  return sorted[low] === id ? low : -1
}

function base64(array: Uint16Array | Uint32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64')
}

/** A copy, aligned for any typed array (a Buffer from base64 may sit at an odd offset). */
function bytesOf(text: string): ArrayBuffer {
  const buffer = Buffer.from(text, 'base64')
  const copy = new ArrayBuffer(buffer.byteLength)
  new Uint8Array(copy).set(buffer)
  return copy
}
