// Where a clipping's passage stands in the newest version of its source: one vocabulary for the
// re-anchoring service, the store, the contract, the exporter, the CLI and the UI.

export const ANCHOR_STATES = ['verified', 'moved', 'changed', 'missing'] as const

/**
 * verified: the same words at the same place; moved: the same words elsewhere; changed: close
 * words, supported by their context; missing: nothing acceptable.
 */
export type AnchorState = (typeof ANCHOR_STATES)[number]

/** A passage found in the newer text: its offsets and the words there now. */
export interface PlacedAnchor {
  state: 'verified' | 'moved' | 'changed'
  start: number
  /** Exclusive. */
  end: number
  /** The text at [start, end); differs from the quote only when changed. */
  exact: string
  /** 0..1: how well quote, context and position agree. */
  score: number
}

export interface MissingAnchor {
  state: 'missing'
  score: number
}

export type Anchor = PlacedAnchor | MissingAnchor

export type StateCounts<S extends string> = Record<S, number>

/** How many items are in each state, every state present (zero when none). */
export function countStates<S extends string>(
  states: readonly S[],
  items: Iterable<{ state: S }>,
): StateCounts<S> {
  const counts = Object.fromEntries(states.map((state) => [state, 0])) as StateCounts<S>
  for (const item of items) counts[item.state]++
  return counts
}
