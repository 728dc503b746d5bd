import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  COLLABORATION_TAG,
  createEditor,
  HISTORIC_TAG,
  HISTORY_MERGE_TAG,
  type EditorState,
} from 'lexical'
import { describe, expect, it } from 'vitest'
import { CITATION_FIELD_TAG, isWritersEdit, type EditorUpdate } from './writersEdit'

/** A state with one paragraph, as an essay the editor has loaded. */
function loadedState(): EditorState {
  const editor = createEditor({
    onError: (error) => {
      throw error
    },
  })
  editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode('Words.'))), {
    discrete: true,
  })
  return editor.getEditorState()
}

const typed = (tags: string[] = []): EditorUpdate => ({
  dirtyElements: new Map([['root', true]]),
  dirtyLeaves: new Set(['1']),
  prevEditorState: loadedState(),
  tags: new Set(tags),
})

describe('which editor updates are the writer’s edits, to be saved', () => {
  it('saves typing, the writer’s own undo of a shared essay, and a citation field’s keystrokes', () => {
    expect(isWritersEdit(typed())).toBe(true)
    expect(isWritersEdit(typed([HISTORIC_TAG]))).toBe(true)
    expect(isWritersEdit(typed([HISTORY_MERGE_TAG, CITATION_FIELD_TAG]))).toBe(true)
  })

  it('does not save a co-author’s change, Lexical’s own reconciles, a bare selection or the first load', () => {
    expect(isWritersEdit(typed([COLLABORATION_TAG]))).toBe(false)
    expect(isWritersEdit(typed([HISTORY_MERGE_TAG]))).toBe(false)
    expect(isWritersEdit({ ...typed(), dirtyElements: new Map(), dirtyLeaves: new Set() })).toBe(
      false,
    )
    expect(isWritersEdit({ ...typed(), prevEditorState: createEditor().getEditorState() })).toBe(
      false,
    )
  })
})
