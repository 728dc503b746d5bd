// Finding short needles in one text many times over. Re-anchoring a source's clippings looks for
// tens of pieces of each quote in windows of the new text; with indexOf every piece reads its
// whole window, so 1,000 clippings read ~60 million characters. An index of every four-character
// run of the text, built once (a millisecond per 100 KB), reads only the places a piece can be.

export interface NeedleFinder {
  /** Where `needle` stands wholly inside text[from, to), in order. */
  occurrences(needle: string, from: number, to: number): number[]
}

/** The plain way, for one quote in one text: nothing to build. */
export function scanningFinder(text: string): NeedleFinder {
  return {
    occurrences(needle, from, to) {
      // A slice, so a needle absent from the window does not send indexOf to the text's end.
      const window = from === 0 && to === text.length ? text : text.slice(from, to)
      const found: number[] = []
      for (let at = window.indexOf(needle); at !== -1; at = window.indexOf(needle, at + 1)) {
        found.push(from + at)
      }
      return found
    },
  }
}

const GRAM = 4

/**
 * The index: every place of every four-character run, bucketed by a hash of the run. It is built
 * when a piece is first looked for: a re-import whose clippings all stand where the diff puts
 * them never needs it.
 */
export function indexedFinder(text: string): NeedleFinder {
  const places = Math.max(0, text.length - GRAM + 1)
  // About one bucket per place, so a bucket holds one run's places, rarely two runs'.
  const bits = Math.min(22, Math.max(8, Math.ceil(Math.log2(places + 1))))
  const hashAt = (s: string, at: number): number => {
    let h = Math.imul(s.charCodeAt(at) ^ 0x9e3779b9, 0x85ebca6b)
    h = Math.imul(h ^ s.charCodeAt(at + 1), 0xc2b2ae35)
    h = Math.imul(h ^ s.charCodeAt(at + 2), 0x27d4eb2f)
    h = Math.imul(h ^ s.charCodeAt(at + 3), 0x165667b1)
    return (h ^ (h >>> 15)) >>> (32 - bits)
  }
  let index: { first: Int32Array; sorted: Int32Array } | null = null
  const scanning = scanningFinder(text)

  return {
    occurrences(needle, from, to) {
      if (needle.length < GRAM) return scanning.occurrences(needle, from, to)
      index ??= bucketed(text, places, bits, hashAt)
      const { first, sorted } = index
      const bucket = hashAt(needle, 0)
      const end = first[bucket + 1] as number
      // The bucket's first place at or after `from`.
      let low = first[bucket] as number
      let high = end
      while (low < high) {
        const middle = (low + high) >>> 1
        if ((sorted[middle] as number) < from) low = middle + 1
        else high = middle
      }
      const found: number[] = []
      const last = to - needle.length
      for (let i = low; i < end; i++) {
        const at = sorted[i] as number
        if (at > last) break
        if (text.startsWith(needle, at)) found.push(at)
      }
      return found
    },
  }
}

/**
 * Counting sort of the places by bucket: `first[b]` is where bucket b's places begin in
 * `sorted`, and each bucket's places are in text order.
 */
function bucketed(
  text: string,
  places: number,
  bits: number,
  hashAt: (s: string, at: number) => number,
): { first: Int32Array; sorted: Int32Array } {
  const first = new Int32Array((1 << bits) + 1)
  const hashes = new Int32Array(places)
  for (let at = 0; at < places; at++) {
    const bucket = hashAt(text, at)
    hashes[at] = bucket
    first[bucket + 1] = (first[bucket + 1] as number) + 1
  }
  for (let b = 1; b < first.length; b++) first[b] = (first[b] as number) + (first[b - 1] as number)
  const sorted = new Int32Array(places)
  const fill = first.slice(0, -1)
  for (let at = 0; at < places; at++) {
    const bucket = hashes[at] as number
    const slot = fill[bucket] as number
    fill[bucket] = slot + 1
    sorted[slot] = at
  }
  return { first, sorted }
}
