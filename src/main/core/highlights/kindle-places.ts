// Where a Kindle entry sits in its book, and an index of entries by place, so that finding the
// highlights a new entry overlaps (a widened highlight, the highlight a note belongs to) looks at
// a few neighbours instead of every entry of the book: a long-time reader's file holds tens of
// thousands of entries, thousands for one book.
import { locationRange, type KindleMetadata } from './kindle-metadata'

export interface Place {
  by: 'location' | 'page'
  start: number
  end: number
}

/**
 * An entry's location range, or, for documents without locations (personal PDFs), its page as a
 * one-number range; undefined when it has neither (or a roman page number).
 */
export function placeOf(meta: KindleMetadata): Place | undefined {
  const range = meta.location ? locationRange(meta.location) : undefined
  if (range) return { by: 'location', ...range }
  const page = meta.page && /^\d+$/.test(meta.page) ? Number(meta.page) : undefined
  return page === undefined ? undefined : { by: 'page', start: page, end: page }
}

export interface Placed {
  /** Title and author: entries of one book are only compared with each other. */
  book: string
  place?: Place
}

const bucketSize = 64

/** Entries by the book and the 64-wide bands of locations (or pages) their place covers. */
export class PlaceIndex<Entry extends Placed> {
  private readonly buckets = new Map<string, Set<Entry>>()

  add(entry: Entry): void {
    for (const key of keysOf(entry.book, entry.place)) {
      const bucket = this.buckets.get(key)
      if (bucket) bucket.add(entry)
      else this.buckets.set(key, new Set([entry]))
    }
  }

  remove(entry: Entry): void {
    for (const key of keysOf(entry.book, entry.place)) this.buckets.get(key)?.delete(entry)
  }

  /**
   * The entries of the book whose place overlaps this one, of the same kind (location or page);
   * for no place, the book's other entries without one.
   */
  overlapping(book: string, place: Place | undefined): Entry[] {
    const found = new Set<Entry>()
    for (const key of keysOf(book, place))
      for (const entry of this.buckets.get(key) ?? [])
        if (
          !place ||
          (entry.place && entry.place.start <= place.end && place.start <= entry.place.end)
        )
          found.add(entry)
    return [...found]
  }
}

function keysOf(book: string, place: Place | undefined): string[] {
  if (!place) return [`${book}\u0000none`]
  const keys: string[] = []
  for (
    let band = Math.floor(place.start / bucketSize);
    band <= Math.floor(place.end / bucketSize);
    band++
  )
    keys.push(`${book}\u0000${place.by}\u0000${band}`)
  return keys
}
