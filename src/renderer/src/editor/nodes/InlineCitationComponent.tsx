import type { ReactElement } from 'react'
import type { CitationSnapshot, KeptWording } from '../../../../shared/essay'
import { useCitationContext } from '../CitationContext'
import { quoted } from '../../../../shared/quoted'
import { attributionOf } from '../citationData'

export interface InlineCitationComponentProps {
  clippingId: string
  sourceId: string
  snapshot: CitationSnapshot
  keptWording?: KeptWording
  locator: string
}

/** "Jane Austen" -> "Austen": enough to recognise the source without crowding the sentence. */
function shortLabel(snapshot: CitationSnapshot): string {
  const who = snapshot.author
    ?.split(/[,;&]| and /)[0]
    ?.trim()
    .split(/\s+/)
    .pop()
  const label = who || snapshot.siteName || snapshot.title || 'source'
  return label.length > 18 ? `${label.slice(0, 17)}…` : label
}

export function InlineCitationComponent(props: InlineCitationComponentProps): ReactElement {
  const { clippingId, sourceId, snapshot, keptWording, locator } = props
  const citations = useCitationContext()
  const status = citations.clippingStatus(clippingId)
  const missing = status === 'missing'
  const change = status === 'changed' ? citations.changeOf(clippingId) : undefined
  const title = snapshot.title || 'Untitled source'
  const quote = `${attributionOf(snapshot)}${locator ? `, ${locator}` : ''}: ${quoted(snapshot.exact)}`
  const hint = missing
    ? `Missing: ${quote}`
    : status === 'waiting'
      ? `Waiting for source: ${quote}`
      : change === undefined
        ? quote
        : keptWording?.versionHash === change.versionHash
          ? `Kept as clipped: ${quote}`
          : `Changed in the source, which now reads ${quoted(change.now)}: ${quote}`
  return (
    <sup className="inline-citation" data-citation-ui="">
      <button
        type="button"
        className={missing ? 'inline-citation-button is-missing' : 'inline-citation-button'}
        aria-label={`Inline citation: ${title}`}
        title={hint}
        onClick={() => citations.showInSource(clippingId, sourceId)}
      >
        {shortLabel(snapshot)}
      </button>
    </sup>
  )
}
