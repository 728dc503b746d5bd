import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical'
import { useEffect, useRef } from 'react'
import { matches } from '../../ui/commands'
import { editorShortcuts, type EditorShortcut } from '../../ui/keyboard'

export interface ShortcutsPluginProps {
  onLink(): void
  onInsertCitation(): void
}

/**
 * The editor's keys, each matched against the app's one shortcut table (ui/keyboard.ts), which
 * the shortcut sheet and the toolbar's hints read too. Handled here before Lexical's own key
 * handling, so a key in the table is the key that does the thing.
 */
export function ShortcutsPlugin(props: ShortcutsPluginProps): null {
  const [editor] = useLexicalComposerContext()
  // The latest callbacks, without re-registering the command on every render.
  const handlers = useRef(props)
  useEffect(() => {
    handlers.current = props
  })
  useEffect(() => {
    const actions: Record<EditorShortcut, (editor: LexicalEditor) => void> = {
      bold: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'),
      italic: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'),
      underline: () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline'),
      link: () => handlers.current.onLink(),
      'insert-citation': () => handlers.current.onInsertCitation(),
      undo: () => editor.dispatchCommand(UNDO_COMMAND, undefined),
      redo: () => editor.dispatchCommand(REDO_COMMAND, undefined),
    }
    const names = Object.keys(editorShortcuts) as EditorShortcut[]
    return editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        const name = names.find((candidate) => matches(event, editorShortcuts[candidate]))
        if (!name) return false
        event.preventDefault()
        actions[name](editor)
        return true
      },
      COMMAND_PRIORITY_NORMAL,
    )
  }, [editor])
  return null
}
