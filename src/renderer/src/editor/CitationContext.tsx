import { createContext, useContext } from 'react'
import type { AnchorState } from '../../../shared/anchor'

/**
 * Where a cited clipping's passage stands: 'present' until checked against the source, then its
 * state in the newest version ('unknown' when main could not say).
 */
/** `waiting`: made on another device, its source not synced here yet (not missing). */
export type ClippingStatus = 'present' | 'unknown' | 'waiting' | AnchorState

/** A changed passage: what the updated source says, and which version says it. */
export interface QuoteChangeInfo {
  now: string
  versionHash: string
}

/**
 * What citation nodes need from outside the editor: whether their clipping still exists, and how
 * to open the passage. The essay pane provides it; the nodes only read it.
 */
export interface CitationContextValue {
  clippingStatus(clippingId: string): ClippingStatus
  showInSource(clippingId: string, sourceId: string): void
  /** For a changed passage: what the updated source says now. */
  changeOf(clippingId: string): QuoteChangeInfo | undefined
  /** Accept the new wording; resolves to it, or null when main refused (the reason is shown). */
  acceptChange(clippingId: string): Promise<string | null>
}

const fallback: CitationContextValue = {
  // Without a provider nothing is known, and "unknown" shows no badge rather than a false alarm.
  clippingStatus: () => 'unknown',
  showInSource: () => undefined,
  changeOf: () => undefined,
  acceptChange: async () => null,
}

export const CitationContext = createContext<CitationContextValue>(fallback)

export function useCitationContext(): CitationContextValue {
  return useContext(CitationContext)
}
