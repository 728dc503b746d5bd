import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, HISTORY_PUSH_TAG, type NodeKey } from 'lexical'
import { useState, type ReactElement } from 'react'
import type { CitationSnapshot } from '../../../../shared/essay'
import { useCitationContext, type ClippingStatus } from '../CitationContext'
import { QuoteChange } from './QuoteChange'
import { attributionOf } from '../citationData'
import { $isCitationBlockNode } from './CitationBlockNode'
import { useCitationField } from './useCitationField'

export interface CitationBlockComponentProps {
  nodeKey: NodeKey
  clippingId: string
  sourceId: string
  snapshot: CitationSnapshot
  locator: string
  comment: string
}

const badges: Partial<Record<ClippingStatus, { label: string; title: string }>> = {
  verified: { label: 'Verified', title: 'The quote matches its source.' },
  moved: { label: 'Moved', title: 'The source was updated; the same words are at another place.' },
  changed: {
    label: 'Changed',
    title: 'The source was updated and words this passage differently.',
  },
  missing: {
    label: 'Missing',
    title: 'The clipping or its passage is gone. The quote is kept as it was when cited.',
  },
}

export function CitationBlockComponent(props: CitationBlockComponentProps): ReactElement {
  const { nodeKey, clippingId, sourceId, snapshot } = props
  const [editor] = useLexicalComposerContext()
  const citations = useCitationContext()
  const status = citations.clippingStatus(clippingId)
  const missing = status === 'missing'
  const badge = badges[status]
  const changedTo = citations.changedTo(clippingId)
  // Rejected for now: the quote keeps pointing at the version it was clipped from.
  const [kept, setKept] = useState(false)

  // The clipping follows the source's new wording, and so does this citation's quote.
  const accept = async (): Promise<void> => {
    const exact = await citations.acceptChange(clippingId)
    if (exact === null) return
    editor.update(() => {
      const node = $getNodeByKey(nodeKey)
      if ($isCitationBlockNode(node)) node.setQuote(exact)
    })
  }
  const locator = useCitationField(nodeKey, props.locator, (node, next) => {
    if ($isCitationBlockNode(node)) node.setLocator(next)
  })
  const comment = useCitationField(nodeKey, props.comment, (node, next) => {
    if ($isCitationBlockNode(node)) node.setComment(next)
  })

  const remove = (): void => {
    // Its own undo step, so Ctrl+Z brings the citation back whole.
    editor.update(() => $getNodeByKey(nodeKey)?.remove(), { tag: HISTORY_PUSH_TAG })
    editor.focus()
  }

  return (
    <figure
      className={missing ? 'citation citation-missing' : 'citation'}
      aria-label={`Citation: ${snapshot.title || 'Untitled source'}`}
      data-citation-ui=""
    >
      <blockquote className="citation-quote">{snapshot.exact}</blockquote>
      <figcaption className="citation-attribution">
        <span className="citation-dash" aria-hidden="true">
          —{' '}
        </span>
        {attributionOf(snapshot)}
        {props.locator ? `, ${props.locator}` : ''}
        {badge && (
          <span className={`citation-badge citation-badge-${status}`} title={badge.title}>
            {badge.label}
          </span>
        )}
      </figcaption>
      {status === 'changed' && changedTo !== undefined && !kept && (
        <QuoteChange
          was={snapshot.exact}
          now={changedTo}
          onAccept={() => void accept()}
          onReject={() => setKept(true)}
        />
      )}
      <div className="citation-fields">
        <input
          className="citation-input citation-locator"
          aria-label="Locator"
          placeholder="Page or section"
          {...locator}
        />
        <input
          className="citation-input citation-comment"
          aria-label="Comment"
          placeholder="Comment"
          {...comment}
        />
      </div>
      <div className="citation-actions">
        <button
          type="button"
          className="citation-button"
          onClick={() => citations.showInSource(clippingId, sourceId)}
        >
          Show in source
        </button>
        <button
          type="button"
          className="citation-button citation-remove"
          aria-label="Remove citation"
          title="Remove citation"
          onClick={remove}
        >
          ×
        </button>
      </div>
    </figure>
  )
}
