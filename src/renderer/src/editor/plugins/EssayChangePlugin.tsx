import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { EditorState } from 'lexical'
import { useEffect, useRef } from 'react'
import type { EssayLoad } from '../progressiveLoad'
import { isWritersEdit } from './writersEdit'

/**
 * OnChangePlugin for the writer's own edits (isWritersEdit): like OnChangePlugin's defaults (no
 * selection-only updates, no history merges, not the initial load), except that a history merge
 * tagged CITATION_FIELD_TAG is a real edit, and a co-author's change is not. History merges are
 * otherwise Lexical's own reconciles (attaching the editor to the page), and saving those would
 * mark an essay edited merely because it was opened.
 */
export function EssayChangePlugin({
  onChange,
  loaded,
  load,
  settleRef,
}: {
  onChange(editorState: EditorState): void
  /**
   * False while a long essay is still being loaded: the editor holds only part of it, so a
   * change is noted and reported once the whole essay is in (saving part would lose the rest).
   */
  loaded: boolean
  /** The essay's load, finished at once when the editor closes with an edit made meanwhile. */
  load?: EssayLoad
  /** Given how to report such an edit now (the rest put in first), for the pane's saves. */
  settleRef?: { current: (() => void) | null }
}): null {
  const [editor] = useLexicalComposerContext()
  const editedWhileLoading = useRef(false)
  const latestOnChange = useRef(onChange)
  useEffect(() => {
    latestOnChange.current = onChange
  })
  // Closed (another essay opened, the window closing) before the essay was all in, with
  // something typed: the rest is put in now and the whole saved, rather than the edit lost or
  // part of the essay written.
  useEffect(() => {
    const settle = (): void => {
      if (!load || load.isComplete() || !editedWhileLoading.current) return
      editedWhileLoading.current = false
      load.finishNow(editor)
      latestOnChange.current(editor.getEditorState())
    }
    if (settleRef) settleRef.current = settle
    return () => {
      if (settleRef?.current === settle) settleRef.current = null
      settle()
    }
  }, [editor, load, settleRef])
  useEffect(
    () =>
      editor.registerUpdateListener((update) => {
        if (!isWritersEdit(update)) return
        if (!loaded) editedWhileLoading.current = true
        else onChange(update.editorState)
      }),
    [editor, onChange, loaded],
  )
  useEffect(() => {
    if (!loaded || !editedWhileLoading.current) return
    editedWhileLoading.current = false
    onChange(editor.getEditorState())
  }, [editor, onChange, loaded])
  return null
}
