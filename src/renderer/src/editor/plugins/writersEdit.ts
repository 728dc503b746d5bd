import { COLLABORATION_TAG, HISTORY_MERGE_TAG, type EditorState } from 'lexical'

/** Tags a citation field's keystrokes: merged into one undo step, yet edits to be saved. */
export const CITATION_FIELD_TAG = 'citation-field'

/** What an editor update says of itself (Lexical's update listener payload, the parts used). */
export interface EditorUpdate {
  dirtyElements: ReadonlyMap<string, boolean>
  dirtyLeaves: ReadonlySet<string>
  prevEditorState: EditorState
  tags: ReadonlySet<string>
}

/**
 * Whether an update is this writer's edit of the essay, to be saved. Not: a selection-only
 * update, the initial load, Lexical's own reconciles (history merges, bar a citation field's
 * keystrokes), nor a co-author's change arriving through the shared document: main writes that
 * to the store itself, and a save here would stamp the essay as edited on this device (which
 * would also bring it back if its author had just deleted it; sync/catalog/conflicts.ts).
 * The writer's own undo of a shared essay (Yjs's undo manager, tagged historic) is an edit.
 */
export function isWritersEdit({
  dirtyElements,
  dirtyLeaves,
  prevEditorState,
  tags,
}: EditorUpdate): boolean {
  if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return false
  if (prevEditorState.isEmpty()) return false
  if (tags.has(COLLABORATION_TAG)) return false
  return !tags.has(HISTORY_MERGE_TAG) || tags.has(CITATION_FIELD_TAG)
}
