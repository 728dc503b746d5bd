import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import {
  $getNearestNodeFromDOMNode,
  $isRootOrShadowRoot,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  HISTORY_PUSH_TAG,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical'
import { useEffect } from 'react'
import { CITATION_MIME, parseCitationData } from '../citationData'
import { $insertCitationBlockBeside } from './citationCommands'

function carriesCitation(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes(CITATION_MIME) ?? false
}

function domPointAt(x: number, y: number): Node | null {
  if (typeof document.caretRangeFromPoint === 'function') {
    return document.caretRangeFromPoint(x, y)?.startContainer ?? null
  }
  return document.caretPositionFromPoint?.(x, y)?.offsetNode ?? null
}

/** The top-level block under the pointer, and whether the drop is in its upper half. */
function $dropTarget(
  editor: LexicalEditor,
  event: DragEvent,
): { block: LexicalNode | null; placement: 'before' | 'after' } {
  const domNode = domPointAt(event.clientX, event.clientY)
  const root = editor.getRootElement()
  const node = domNode && root?.contains(domNode) ? $getNearestNodeFromDOMNode(domNode) : null
  const block = node && !$isRootOrShadowRoot(node) ? node.getTopLevelElement() : null
  // Below the last block (or outside any) the quote goes at the end.
  if (block === null) return { block: null, placement: 'after' }
  const rect = editor.getElementByKey(block.getKey())?.getBoundingClientRect()
  const upperHalf = rect !== undefined && event.clientY < rect.top + rect.height / 2
  return { block, placement: upperHalf ? 'before' : 'after' }
}

/** A clipping dragged from the clippings list becomes a citation block where it is dropped. */
export function DropPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!carriesCitation(event)) return false
            // Without preventDefault the browser refuses the drop and DROP never fires.
            event.preventDefault()
            if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            if (!carriesCitation(event)) return false
            event.preventDefault()
            let data = null
            try {
              data = parseCitationData(JSON.parse(event.dataTransfer?.getData(CITATION_MIME) ?? ''))
            } catch {
              // Not JSON: someone else's data under our type. Swallow the drop rather than paste it.
            }
            if (data === null) return true
            const citation = data
            editor.update(
              () => {
                const { block, placement } = $dropTarget(editor, event)
                $insertCitationBlockBeside(block, citation, placement)
              },
              { tag: HISTORY_PUSH_TAG },
            )
            editor.focus()
            return true
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  )
  return null
}
