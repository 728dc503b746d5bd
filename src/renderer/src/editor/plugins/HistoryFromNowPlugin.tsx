import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  createEmptyHistoryState,
  HistoryPlugin,
  type HistoryState,
} from '@lexical/react/LexicalHistoryPlugin'
import { useState, type ReactElement } from 'react'

/**
 * Undo that starts from the editor as it is when this mounts (a long essay once it is all in).
 * Lexical's history takes its first change as the starting point, not the state before it, so
 * started late it could not undo the first thing typed; it is given the starting point instead.
 */
export function HistoryFromNowPlugin(): ReactElement {
  const [editor] = useLexicalComposerContext()
  const [history] = useState<HistoryState>(() => ({
    ...createEmptyHistoryState(),
    current: { editor, editorState: editor.getEditorState() },
  }))
  return <HistoryPlugin externalHistoryState={history} />
}
