import type { ReactElement } from 'react'
import type { CitationSnapshot } from '../../../../shared/essay'
import { useCitationContext } from '../CitationContext'
import { attributionOf } from '../citationData'

export interface InlineCitationComponentProps {
  clippingId: string
  sourceId: string
  snapshot: CitationSnapshot
  locator: string
}

/** "Jane Austen" -> "Austen": enough to recognise the source without crowding the sentence. */
function shortLabel(snapshot: CitationSnapshot): string {
  const who = snapshot.author
    ?.split(/[,;&]| and /)[0]
    .trim()
    .split(/\s+/)
    .pop()
  const label = who || snapshot.siteName || snapshot.title || 'source'
  return label.length > 18 ? `${label.slice(0, 17)}…` : label
}

export function InlineCitationComponent(props: InlineCitationComponentProps): ReactElement {
  const { clippingId, sourceId, snapshot, locator } = props
  const citations = useCitationContext()
  const missing = citations.clippingStatus(clippingId) === 'missing'
  const title = snapshot.title || 'Untitled source'
  const hint = `${attributionOf(snapshot)}${locator ? `, ${locator}` : ''}: “${snapshot.exact}”`
  return (
    <sup className="inline-citation" data-citation-ui="">
      <button
        type="button"
        className={missing ? 'inline-citation-button is-missing' : 'inline-citation-button'}
        aria-label={`Inline citation: ${title}`}
        title={missing ? `Missing: ${hint}` : hint}
        onClick={() => citations.showInSource(clippingId, sourceId)}
      >
        {shortLabel(snapshot)}
      </button>
    </sup>
  )
}
