import {
  $createParagraphNode,
  $getRoot,
  HISTORY_MERGE_TAG,
  SKIP_DOM_SELECTION_TAG,
  type LexicalEditor,
} from 'lexical'
import type { SerializedEditorStateJson, SerializedNodeJson } from '../../../shared/essay'
import { $appendBlocks, loadProblem } from './loadBlocks'

/** Blocks made before the first paint: more than a tall window shows at the top of an essay. */
export const FIRST_BLOCKS = 60
/** Blocks appended per idle slice afterwards: short tasks, so a key or click is not kept waiting. */
export const SLICE_BLOCKS = 40

/**
 * A slice of the essay coming in: merged into the history (not an undo step of its own), and
 * leaving the page's selection alone. Blocks appended at the end do not move the caret, and
 * Lexical would otherwise put its selection back into the page after each slice, taking the focus
 * from wherever the writer has gone meanwhile (the find bar, the clippings' search) with the
 * keys they type there.
 */
const SLICE_TAGS = [HISTORY_MERGE_TAG, SKIP_DOM_SELECTION_TAG]

/** Runs `task` when the page is idle; returns how to call it off. */
export type IdleScheduler = (task: () => void) => () => void

export const whenIdle: IdleScheduler = (task) => {
  // A timeout, so a page kept busy (lists loading beside it) still finishes the essay soon.
  const handle = window.requestIdleCallback(task, { timeout: 200 })
  return () => window.cancelIdleCallback(handle)
}

export interface EssayLoad {
  /** Inside the composer's initial state: the essay's first screen (or all of a short one). */
  $loadFirst(): void
  /** Appends the rest a slice at a time; `onComplete` once every block is in. Returns stop. */
  loadRest(editor: LexicalEditor, onComplete: () => void): () => void
  /** Whether every saved block is in the editor. */
  isComplete(): boolean
  /** Appends whatever is still to come, at once (the editor is closing with an edit to save). */
  finishNow(editor: LexicalEditor): void
}

/**
 * Opens a long essay in slices, so the writer sees and can type in its first screen while the
 * rest is still being made: creating and laying out thousands of blocks at once took over a
 * second. Until the load is complete the editor holds only part of the essay, so nothing may be
 * saved and nothing undone before then (EssayEditor holds its change and history plugins back).
 */
export function createEssayLoad(
  state: SerializedEditorStateJson,
  onProblem?: (message: string) => void,
  schedule: IdleScheduler = whenIdle,
): EssayLoad {
  const blocks: readonly SerializedNodeJson[] = state.root.children ?? []
  let next = 0
  let unread = 0
  const complete = (): boolean => next >= blocks.length

  const $appendUpTo = (count: number): void => {
    const slice = blocks.slice(next, next + count)
    next += slice.length
    unread += $appendBlocks(slice)
    if (!complete()) return
    if ($getRoot().isEmpty()) $getRoot().append($createParagraphNode())
    const unreadNow = unread
    // Told after the update (the first one runs while the composer renders).
    if (unreadNow > 0 && onProblem) queueMicrotask(() => onProblem(loadProblem(unreadNow)))
  }

  return {
    $loadFirst: () => $appendUpTo(FIRST_BLOCKS),
    isComplete: complete,
    finishNow(editor) {
      if (complete()) return
      editor.update(() => $appendUpTo(blocks.length - next), {
        tag: SLICE_TAGS,
        discrete: true,
      })
    },
    loadRest(editor, onComplete) {
      let cancel: () => void = () => undefined
      let stopped = false
      const step = (): void => {
        if (stopped) return
        if (complete()) return onComplete()
        // Appended after what the writer may already have typed: the blocks come in order at
        // the end, and a merge keeps them out of the undo history.
        editor.update(() => $appendUpTo(SLICE_BLOCKS), {
          tag: SLICE_TAGS,
          onUpdate: () => {
            if (!stopped) cancel = schedule(step)
          },
        })
      }
      cancel = schedule(step)
      return () => {
        stopped = true
        cancel()
      }
    },
  }
}
