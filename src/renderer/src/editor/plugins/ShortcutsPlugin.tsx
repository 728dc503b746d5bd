import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical'
import { useEffect, useRef } from 'react'

export interface ShortcutsPluginProps {
  /** Ctrl/Cmd+K */
  onLink(): void
  /** Ctrl/Cmd+Shift+K */
  onInsertCitation(): void
}

/** The editor's own shortcuts; Lexical's rich text already gives B/I/U and undo/redo. */
export function ShortcutsPlugin(props: ShortcutsPluginProps): null {
  const [editor] = useLexicalComposerContext()
  // The latest callbacks, without re-registering the command on every render.
  const handlers = useRef(props)
  useEffect(() => {
    handlers.current = props
  })
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!(event.ctrlKey || event.metaKey) || event.altKey) return false
          if (event.key.toLowerCase() !== 'k') return false
          event.preventDefault()
          if (event.shiftKey) handlers.current.onInsertCitation()
          else handlers.current.onLink()
          return true
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  )
  return null
}
