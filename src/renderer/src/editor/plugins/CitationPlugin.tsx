import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from '@lexical/utils'
import {
  $createNodeSelection,
  $getNearestNodeFromDOMNode,
  $getSelection,
  $isNodeSelection,
  $setSelection,
  CLICK_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_LOW,
  COPY_COMMAND,
  CUT_COMMAND,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
} from 'lexical'
import { useEffect } from 'react'
import { $isCitationBlockNode, CitationBlockNode } from '../nodes/CitationBlockNode'
import { InlineCitationNode } from '../nodes/InlineCitationNode'
import { registerCitationCommands } from './citationCommands'

export {
  INSERT_CITATION_COMMAND,
  INSERT_INLINE_CITATION_COMMAND,
  $insertCitationBlock,
  $insertInlineCitation,
} from './citationCommands'

const SELECTED_CLASS = 'is-selected'

/** An input or button drawn by a citation node, as opposed to essay text. */
export function isCitationControl(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('input, textarea, button, select') !== null &&
    target.closest('[data-citation-ui]') !== null
  )
}

/**
 * Keys, copy and cut in a citation's own inputs and buttons belong to them: without this, Enter on
 * "Show in source" would split a paragraph and Backspace in the locator could delete the block.
 * Returning true stops Lexical's handlers but not the browser's default action.
 */
function registerControlIsolation(editor: LexicalEditor): () => void {
  const ownedByControl = (event: Event | null): boolean => isCitationControl(event?.target ?? null)
  return mergeRegister(
    editor.registerCommand(KEY_DOWN_COMMAND, ownedByControl, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(COPY_COMMAND, ownedByControl, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(CUT_COMMAND, ownedByControl, COMMAND_PRIORITY_CRITICAL),
  )
}

/**
 * Clicking a citation block (not one of its controls) selects it as a node, so Delete, copy and
 * the arrow keys act on it. One listener for all blocks, rather than one per block, keeps
 * typing fast in an essay with a thousand citations.
 */
function registerBlockSelection(editor: LexicalEditor): () => void {
  let selectedKeys: string[] = []
  return mergeRegister(
    editor.registerCommand(
      CLICK_COMMAND,
      (event) => {
        const target = event.target
        if (!(target instanceof HTMLElement) || isCitationControl(target)) return false
        if (!target.closest('[data-citation-ui]')) return false
        const node = $getNearestNodeFromDOMNode(target)
        if (!$isCitationBlockNode(node)) return false
        const current = $getSelection()
        const selection =
          event.shiftKey && $isNodeSelection(current) ? current : $createNodeSelection()
        selection.add(node.getKey())
        $setSelection(selection)
        return true
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerUpdateListener(({ editorState }) => {
      const keys = editorState.read(() => {
        const selection = $getSelection()
        return $isNodeSelection(selection)
          ? selection
              .getNodes()
              .filter($isCitationBlockNode)
              .map((node) => node.getKey())
          : []
      })
      if (keys.length === 0 && selectedKeys.length === 0) return
      for (const key of selectedKeys) editor.getElementByKey(key)?.classList.remove(SELECTED_CLASS)
      for (const key of keys) editor.getElementByKey(key)?.classList.add(SELECTED_CLASS)
      selectedKeys = keys
    }),
  )
}

/** Citation commands, the top-level invariant, and how citation nodes take clicks and keys. */
export function CitationPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    if (!editor.hasNodes([CitationBlockNode, InlineCitationNode])) {
      throw new Error('CitationPlugin: CitationBlockNode or InlineCitationNode not registered')
    }
    return mergeRegister(
      registerCitationCommands(editor),
      registerControlIsolation(editor),
      registerBlockSelection(editor),
    )
  }, [editor])
  return null
}
