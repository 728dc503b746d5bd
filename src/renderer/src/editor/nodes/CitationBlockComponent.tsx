import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, HISTORY_PUSH_TAG, type NodeKey } from 'lexical'
import { useState, type ReactElement } from 'react'
import {
  MAX_COMMENT_LENGTH,
  MAX_LOCATOR_LENGTH,
  type CitationSnapshot,
  type KeptWording,
} from '../../../../shared/essay'
import { useCitationContext, type ClippingStatus } from '../CitationContext'
import { attributionOf } from '../citationData'
import { $answerQuoteChange } from '../plugins/citationCommands'
import { $isCitationBlockNode } from './CitationBlockNode'
import { QuoteChange } from './QuoteChange'
import { useCitationField } from './useCitationField'

export interface CitationBlockComponentProps {
  nodeKey: NodeKey
  clippingId: string
  sourceId: string
  snapshot: CitationSnapshot
  keptWording?: KeptWording
  locator: string
  comment: string
}

/** What a citation block shows: its passage's state, or the writer's decision to keep it. */
type CitationBadge = ClippingStatus | 'kept'

const badges: Partial<Record<CitationBadge, { label: string; title: string }>> = {
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
  kept: {
    label: 'Kept',
    title:
      'The source was updated and words this passage differently; you kept the wording you clipped. Exports note it.',
  },
}

export function CitationBlockComponent(props: CitationBlockComponentProps): ReactElement {
  const { nodeKey, clippingId, sourceId, snapshot, keptWording } = props
  const [editor] = useLexicalComposerContext()
  const citations = useCitationContext()
  const status = citations.clippingStatus(clippingId)
  const missing = status === 'missing'
  const change = status === 'changed' ? citations.changeOf(clippingId) : undefined
  // The writer kept the old wording against this very version; a later update asks again.
  const kept = change !== undefined && keptWording?.versionHash === change.versionHash
  const badge = badges[kept ? 'kept' : status]
  const [reviewing, setReviewing] = useState(false)

  // The clipping follows the source's new wording, and so does every citation of it here.
  const accept = async (): Promise<void> => {
    const exact = await citations.acceptChange(clippingId)
    if (exact === null) return
    editor.update(() => $answerQuoteChange(clippingId, { accept: exact }))
  }
  // Stored in the essay, so it outlasts a restart and the export gate knows it was decided.
  const keep = (): void => {
    if (!change) return
    const decision = { versionHash: change.versionHash, keptAt: new Date().toISOString() }
    editor.update(() => $answerQuoteChange(clippingId, { keep: decision }), {
      tag: HISTORY_PUSH_TAG,
    })
    setReviewing(false)
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
          <span
            className={`citation-badge citation-badge-${kept ? 'kept' : status}`}
            title={badge.title}
          >
            {badge.label}
          </span>
        )}
        {kept && !reviewing && (
          <button type="button" className="citation-link-button" onClick={() => setReviewing(true)}>
            Review change
          </button>
        )}
      </figcaption>
      {change !== undefined && (!kept || reviewing) && (
        <QuoteChange
          was={snapshot.exact}
          now={change.now}
          onAccept={() => void accept()}
          onKeep={keep}
        />
      )}
      <div className="citation-fields">
        <input
          className="citation-input citation-locator"
          aria-label="Locator"
          placeholder="Page or section"
          maxLength={MAX_LOCATOR_LENGTH}
          {...locator}
        />
        <input
          className="citation-input citation-comment"
          aria-label="Comment"
          placeholder="Comment"
          maxLength={MAX_COMMENT_LENGTH}
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
