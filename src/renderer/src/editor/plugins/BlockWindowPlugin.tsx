import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  COMMAND_PRIORITY_EDITOR,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootNode,
  $setSelection,
} from 'lexical'
import { useEffect } from 'react'
import { useWholeEssayLayout } from '../../settings/useWholeEssayLayout'
import { EssayBlockWindow } from '../window/essayBlockWindow'
import { SHOW_BLOCK_COMMAND } from '../window/showBlockCommand'
import '../window/block-window.css'

/**
 * Where the browser's Ctrl+Home/End put the caret: the start of the first block, or the end of
 * the last one, that holds text (a citation block holds none).
 */
function $moveCaretTo(to: 'start' | 'end'): void {
  const blocks = $getRoot().getChildren()
  if (to === 'end') blocks.reverse()
  const block = blocks.find($isElementNode)
  if (!block) return
  if (to === 'end') block.selectEnd()
  else block.selectStart()
}

/** The keys of the top-level blocks holding the ends of the editor's selection. */
function $selectedBlocks(): { keys: string[]; collapsed: boolean } {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return { keys: [], collapsed: false }
  const keys = [selection.anchor, selection.focus].flatMap((point) => {
    const node = point.getNode()
    return $isRootNode(node) ? [] : (node.getTopLevelElement()?.getKey() ?? [])
  })
  return { keys, collapsed: selection.isCollapsed() }
}

/**
 * A long essay lays out only the blocks near the view (see EssayBlockWindow for why), unless
 * screen reader support is on: then all of it, for the screen reader to read.
 */
export function BlockWindowPlugin(): null {
  const [editor] = useLexicalComposerContext()
  const whole = useWholeEssayLayout()
  useEffect(() => {
    if (whole) return
    let stop: (() => void) | null = null
    const unregister = editor.registerRootListener((root) => {
      stop?.()
      stop = null
      const scroller = root?.closest('.essay-scroll')
      if (!root || !(scroller instanceof HTMLElement)) return
      const moveCaret = (to: 'start' | 'end'): void => editor.update(() => $moveCaretTo(to))
      const blockWindow = new EssayBlockWindow(root, scroller, moveCaret)
      const stopWindow = blockWindow.start()
      // Undo (or a collaborator) can put the selection in blocks not laid out: lay them out and
      // set the selection again, which the browser dropped.
      const stopFollowing = editor.registerUpdateListener(({ editorState }) => {
        const { keys, collapsed } = editorState.read($selectedBlocks)
        const ends = keys.flatMap((key) => editor.getElementByKey(key) ?? [])
        if (!blockWindow.reveal(ends, collapsed)) return
        editor.update(() => {
          const selection = $getSelection()
          if (selection) $setSelection(selection.clone())
        })
      })
      const stopShowing = editor.registerCommand(
        SHOW_BLOCK_COMMAND,
        (key) => {
          const block = editor.getElementByKey(key)
          if (block) blockWindow.show(block)
          return block !== null
        },
        COMMAND_PRIORITY_EDITOR,
      )
      stop = () => {
        stopShowing()
        stopFollowing()
        stopWindow()
      }
    })
    return () => {
      unregister()
      stop?.()
    }
  }, [editor, whole])
  return null
}
