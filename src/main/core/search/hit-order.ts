// The order of search hits: best score first, newest first within a score. Slots are numbers
// below SLOT_SPAN, so a date in seconds and a slot share one exact number, and ordering tens of
// thousands of matches is a native sort of numbers, not a comparator.

/** Slots stay below this (2^21) to share one exact number with a date in seconds. */
export const SLOT_SPAN = 2 ** 21

/** The `count` best matches in order: above the score where they run out, then the newest at it. */
export function best(
  matches: number[],
  score: Float32Array,
  count: number,
  keyOf: (slot: number) => number,
): number[] {
  // A handful of distinct scores: counted in a short list, not a map keyed by floats.
  const values: number[] = []
  const counts: number[] = []
  for (let i = 0; i < matches.length; i++) {
    const value = score[matches[i] as number] as number
    let at = values.indexOf(value)
    if (at === -1) {
      at = values.push(value) - 1
      counts.push(0)
    }
    counts[at] = (counts[at] as number) + 1
  }
  let cut = -Infinity
  let above = 0
  for (const value of [...values].sort((a, b) => b - a)) {
    const inGroup = counts[values.indexOf(value)] as number
    if (above + inGroup >= count) {
      cut = value
      break
    }
    above += inGroup
  }
  const higher: number[] = []
  const atCut: number[] = []
  for (let i = 0; i < matches.length; i++) {
    const slot = matches[i] as number
    const value = score[slot] as number
    if (value > cut) higher.push(slot)
    else if (value === cut) atCut.push(slot)
  }
  const newestAtCut = newest(atCut, count - higher.length, keyOf)
  return [...ordered(higher, score, keyOf), ...newestAtCut]
}

/** A clipping's place in "newest first": its date in seconds and its slot, as one exact number. */
export function dateKey(createdMs: number, slot: number): number {
  return Math.floor(createdMs / 1000) * SLOT_SPAN + slot
}

/**
 * Best score first, newest first within a score: slots grouped by score (a handful of values),
 * each group sorted natively as numbers (seconds since 1970 times 2^21, plus the slot), not by a
 * comparator, since a common word matches tens of thousands.
 */
export function ordered(
  matches: number[],
  score: Float32Array,
  keyOf: (slot: number) => number,
): number[] {
  const groups = new Map<number, number[]>()
  for (const slot of matches) {
    const value = score[slot] as number
    const group = groups.get(value)
    if (group) group.push(slot)
    else groups.set(value, [slot])
  }
  const out: number[] = []
  for (const value of [...groups.keys()].sort((a, b) => b - a)) {
    const slots = groups.get(value) as number[]
    const keys = new Float64Array(slots.length)
    slots.forEach((slot, i) => {
      keys[i] = keyOf(slot)
    })
    keys.sort()
    for (let i = keys.length - 1; i >= 0; i--) out.push((keys[i] as number) % SLOT_SPAN)
  }
  return out
}

/**
 * The `count` slots with the largest keys, largest first: a min-heap of `count` keys over one
 * pass, instead of sorting all of them.
 */
function newest(slots: number[], count: number, keyOf: (slot: number) => number): number[] {
  if (count <= 0) return []
  const heap = new Float64Array(count)
  let size = 0
  const down = (from: number): void => {
    let at = from
    for (;;) {
      const left = 2 * at + 1
      const right = left + 1
      let least = at
      if (left < size && (heap[left] as number) < (heap[least] as number)) least = left
      if (right < size && (heap[right] as number) < (heap[least] as number)) least = right
      if (least === at) return
      ;[heap[at], heap[least]] = [heap[least] as number, heap[at] as number]
      at = least
    }
  }
  for (const slot of slots) {
    const key = keyOf(slot)
    if (size < count) {
      let at = size++
      heap[at] = key
      while (at > 0) {
        const parent = (at - 1) >> 1
        if ((heap[parent] as number) <= key) break
        heap[at] = heap[parent] as number
        heap[parent] = key
        at = parent
      }
    } else if (key > (heap[0] as number)) {
      heap[0] = key
      down(0)
    }
  }
  return [...heap.subarray(0, size)].sort((a, b) => b - a).map((key) => key % SLOT_SPAN)
}
