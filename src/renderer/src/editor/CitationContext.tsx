import { createContext, useContext } from 'react'

/** 'present' until checked against the source; then the verification state. */
export type ClippingStatus = 'present' | 'unknown' | 'verified' | 'moved' | 'changed' | 'missing'

/**
 * What citation nodes need from outside the editor: whether their clipping still exists, and how
 * to open the passage. The essay pane provides it; the nodes only read it.
 */
export interface CitationContextValue {
  clippingStatus(clippingId: string): ClippingStatus
  showInSource(clippingId: string, sourceId: string): void
  /** For a changed passage: what the updated source says now. */
  changedTo(clippingId: string): string | undefined
  /** Accept the new wording; resolves to it, or null when main refused (the reason is shown). */
  acceptChange(clippingId: string): Promise<string | null>
}

const fallback: CitationContextValue = {
  // Without a provider nothing is known, and "unknown" shows no badge rather than a false alarm.
  clippingStatus: () => 'unknown',
  showInSource: () => undefined,
  changedTo: () => undefined,
  acceptChange: async () => null,
}

export const CitationContext = createContext<CitationContextValue>(fallback)

export function useCitationContext(): CitationContextValue {
  return useContext(CitationContext)
}
