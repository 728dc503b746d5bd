/**
 * Posting lists of an inverted index: each term's entries (numbers, ascending), kept in memory
 * as arrays and saved as delta-encoded base-36 text, which is decoded only when a query first
 * asks for that term, so loading a saved index parses strings and nothing more.
 */
export class Postings {
  private readonly lists = new Map<string, number[] | string>()
  /** Every term, sorted: prefixes are ranges found by binary search. */
  private sortedTerms: string[] = []
  /** New terms not yet in `sortedTerms`: a build adds thousands, sorted once at the end. */
  private added: string[] = []

  private get sorted(): string[] {
    if (this.added.length > 64) {
      this.sortedTerms = this.sortedTerms.concat(this.added).sort()
    } else {
      for (const term of this.added) {
        this.sortedTerms.splice(lowerBound(this.sortedTerms, term), 0, term)
      }
    }
    this.added = []
    return this.sortedTerms
  }

  clear(): void {
    this.lists.clear()
    this.sortedTerms = []
    this.added = []
  }

  /** Every term, sorted (do not change it). */
  terms(): readonly string[] {
    return this.sorted
  }

  get(term: string): readonly number[] {
    const list = this.lists.get(term)
    if (list === undefined) return []
    if (typeof list !== 'string') return list
    const decoded = decode(list)
    this.lists.set(term, decoded)
    return decoded
  }

  /** Terms that begin with `prefix`, at most `max` of them (shortest first is not promised). */
  withPrefix(prefix: string, max: number): string[] {
    const out: string[] = []
    const sorted = this.sorted
    for (let i = lowerBound(sorted, prefix); i < sorted.length && out.length < max; i++) {
      const term = sorted[i] as string
      if (!term.startsWith(prefix)) break
      out.push(term)
    }
    return out
  }

  /** Adds an entry to a term's list, in order. */
  add(term: string, entry: number): void {
    if (!this.lists.has(term)) {
      this.lists.set(term, [entry])
      this.added.push(term)
      return
    }
    const list = this.get(term) as number[]
    const last = list[list.length - 1] as number
    if (entry > last) list.push(entry)
    else list.splice(lowerBoundNumber(list, entry), 0, entry)
  }

  /** Drops the entries `drop` says to from these terms' lists; a list left empty goes. */
  remove(terms: Iterable<string>, drop: (entry: number) => boolean): void {
    for (const term of terms) {
      const kept = this.get(term).filter((entry) => !drop(entry))
      if (kept.length > 0) {
        this.lists.set(term, kept)
        continue
      }
      if (!this.lists.delete(term)) continue
      const sorted = this.sorted
      const at = lowerBound(sorted, term)
      if (sorted[at] === term) sorted.splice(at, 1)
    }
  }

  /** [terms, lists]: parallel arrays, terms sorted. */
  serialize(): [string[], string[]] {
    const sorted = this.sorted
    return [
      sorted,
      sorted.map((term) => {
        const list = this.lists.get(term) as number[] | string
        return typeof list === 'string' ? list : encode(list)
      }),
    ]
  }

  restore(terms: unknown, lists: unknown): void {
    this.clear()
    if (!Array.isArray(terms) || !Array.isArray(lists) || terms.length !== lists.length) {
      throw new Error('not a posting list')
    }
    for (let i = 0; i < terms.length; i++) this.lists.set(terms[i] as string, lists[i] as string)
    this.sortedTerms = terms as string[]
  }
}

function encode(list: readonly number[]): string {
  let previous = 0
  const parts: string[] = []
  for (const entry of list) {
    parts.push((entry - previous).toString(36))
    previous = entry
  }
  return parts.join(',')
}

function decode(text: string): number[] {
  const out: number[] = []
  let previous = 0
  for (const part of text.split(',')) {
    previous += parseInt(part, 36)
    out.push(previous)
  }
  return out
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((sorted[middle] as string) < value) low = middle + 1
    else high = middle
  }
  return low
}

function lowerBoundNumber(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((sorted[middle] as number) < value) low = middle + 1
    else high = middle
  }
  return low
}
