import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, HISTORY_PUSH_TAG, type LexicalEditor, type NodeKey } from 'lexical'
import { useEffect, useState, type ReactElement } from 'react'
import {
  MAX_COMMENT_LENGTH,
  MAX_LOCATOR_LENGTH,
  type CitationSnapshot,
  type KeptWording,
} from '../../../../shared/essay'
import { useCitationContext } from '../CitationContext'
import { $answerQuoteChange } from '../plugins/citationCommands'
import { $isCitationBlockNode, type CitationBlockNode } from './CitationBlockNode'
import { QuoteChange } from './QuoteChange'
import { useCitationField } from './useCitationField'

interface CitationBlockFieldsView {
  clippingId: string
  sourceId: string
  snapshot: CitationSnapshot
  keptWording?: KeptWording
  locator: string
  comment: string
}

function readBlock(editor: LexicalEditor, nodeKey: NodeKey): CitationBlockNode | null {
  return editor.getEditorState().read(() => {
    const node = $getNodeByKey(nodeKey)
    return $isCitationBlockNode(node) ? node : null
  })
}

function viewOf(node: CitationBlockNode): CitationBlockFieldsView {
  return {
    clippingId: node.__clippingId,
    sourceId: node.__sourceId,
    snapshot: node.__snapshot,
    keptWording: node.__keptWording,
    locator: node.__locator,
    comment: node.__comment,
  }
}

/**
 * One citation block's fields as they are now: a node version is immutable, so a new object after
 * an update (typing, undo, an accepted wording) means its fields changed. Only the few mounted
 * controls listen, never the thousand citations of an essay.
 */
function useCitationBlock(nodeKey: NodeKey): CitationBlockFieldsView | null {
  const [editor] = useLexicalComposerContext()
  const [node, setNode] = useState(() => readBlock(editor, nodeKey))
  useEffect(
    () => editor.registerUpdateListener(() => setNode(readBlock(editor, nodeKey))),
    [editor, nodeKey],
  )
  return node ? viewOf(node) : null
}

/**
 * The controls of the citation block in use (hovered, focused or selected) or of one whose source
 * changed its wording: locator and comment fields, Show in source, remove, and the change to
 * review. Mounted into the block's static DOM by CitationBlockControlsPlugin.
 */
export function CitationBlockControls({ nodeKey }: { nodeKey: NodeKey }): ReactElement | null {
  const block = useCitationBlock(nodeKey)
  return block && <Controls nodeKey={nodeKey} block={block} />
}

function Controls(props: { nodeKey: NodeKey; block: CitationBlockFieldsView }): ReactElement {
  const { nodeKey, block } = props
  const { clippingId, sourceId, snapshot, keptWording } = block
  const [editor] = useLexicalComposerContext()
  const citations = useCitationContext()
  const status = citations.clippingStatus(clippingId)
  const change = status === 'changed' ? citations.changeOf(clippingId) : undefined
  // The writer kept the old wording against this very version; a later update asks again.
  const kept = change !== undefined && keptWording?.versionHash === change.versionHash
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
  const locator = useCitationField(nodeKey, block.locator, (node, next) => {
    if ($isCitationBlockNode(node)) node.setLocator(next)
  })
  const comment = useCitationField(nodeKey, block.comment, (node, next) => {
    if ($isCitationBlockNode(node)) node.setComment(next)
  })

  const remove = (): void => {
    // Its own undo step, so Ctrl+Z brings the citation back whole.
    editor.update(() => $getNodeByKey(nodeKey)?.remove(), { tag: HISTORY_PUSH_TAG })
    editor.focus()
  }

  return (
    <>
      {change !== undefined && (!kept || reviewing) && (
        <QuoteChange
          was={snapshot.exact}
          now={change.now}
          onAccept={() => void accept()}
          onKeep={keep}
        />
      )}
      <div className="citation-fields" role="group" aria-label="Citation details">
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
          placeholder="Add a comment"
          maxLength={MAX_COMMENT_LENGTH}
          {...comment}
        />
        {kept && !reviewing && (
          <button type="button" className="citation-button" onClick={() => setReviewing(true)}>
            Review change
          </button>
        )}
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
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </>
  )
}
