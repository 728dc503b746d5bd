import { $isLinkNode } from '@lexical/link'
import { $isListNode, ListNode } from '@lexical/list'
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text'
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils'
import {
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalEditor,
} from 'lexical'
import { useEffect, useState } from 'react'

export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number' | 'other'

export interface FormatState {
  block: BlockType
  bold: boolean
  italic: boolean
  underline: boolean
  code: boolean
  /** The URL of the link the caret is in, if any. */
  link: string | null
  canUndo: boolean
  canRedo: boolean
}

const initial: FormatState = {
  block: 'paragraph',
  bold: false,
  italic: false,
  underline: false,
  code: false,
  link: null,
  canUndo: false,
  canRedo: false,
}

function $readFormat(): Omit<FormatState, 'canUndo' | 'canRedo'> | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return null
  const anchor = selection.anchor.getNode()
  const top = $isRootOrShadowRoot(anchor) ? null : anchor.getTopLevelElement()
  let block: BlockType = 'other'
  if ($isListNode(top)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? top
    block = list.getListType() === 'number' ? 'number' : 'bullet'
  } else if ($isHeadingNode(top)) {
    const tag = top.getTag()
    block = tag === 'h1' || tag === 'h2' || tag === 'h3' ? tag : 'other'
  } else if ($isQuoteNode(top)) block = 'quote'
  else if (top === null || top.getType() === 'paragraph') block = 'paragraph'
  const link = $findMatchingParent(anchor, $isLinkNode)
  return {
    block,
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    code: selection.hasFormat('code'),
    link: $isLinkNode(link) ? link.getURL() : null,
  }
}

function same(a: FormatState, b: FormatState): boolean {
  return (Object.keys(a) as (keyof FormatState)[]).every((key) => a[key] === b[key])
}

/** What the toolbar shows as pressed, kept current from the editor's selection. */
export function useFormatState(editor: LexicalEditor): FormatState {
  const [state, setState] = useState<FormatState>(initial)
  useEffect(() => {
    const merge = (patch: Partial<FormatState>): void =>
      setState((previous) => {
        const next = { ...previous, ...patch }
        return same(previous, next) ? previous : next
      })
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => {
        const format = editorState.read($readFormat)
        if (format) merge(format)
      }),
      editor.registerCommand(
        CAN_UNDO_COMMAND,
        (canUndo) => {
          merge({ canUndo })
          return false
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        CAN_REDO_COMMAND,
        (canRedo) => {
          merge({ canRedo })
          return false
        },
        COMMAND_PRIORITY_LOW,
      ),
    )
  }, [editor])
  return state
}
