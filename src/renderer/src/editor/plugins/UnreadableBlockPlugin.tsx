import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $getSiblingCaret,
  $insertNodeToNearestRootAtCaret,
  $isRootOrShadowRoot,
  type LexicalEditor,
} from 'lexical'
import { useEffect } from 'react'
import { UnreadableBlockNode } from '../nodes/UnreadableBlockNode'

/**
 * An unreadable block stands where it was read, at the top level; a paste could put a copy
 * inside a paragraph or list, where saving would refuse it. Lift it out, as citation blocks are.
 */
export function registerUnreadableBlockTransform(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(UnreadableBlockNode, (node) => {
    const parent = node.getParent()
    if (parent === null || $isRootOrShadowRoot(parent)) return
    $insertNodeToNearestRootAtCaret(node, $getSiblingCaret(node, 'previous'))
  })
}

export function UnreadableBlockPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    if (!editor.hasNodes([UnreadableBlockNode])) {
      throw new Error('UnreadableBlockPlugin: UnreadableBlockNode not registered')
    }
    return registerUnreadableBlockTransform(editor)
  }, [editor])
  return null
}
