import { $createParagraphNode, $getRoot, $parseSerializedNode } from 'lexical'
import type { SerializedEditorStateJson, SerializedNodeJson } from '../../../shared/essay'
import { $createUnreadableBlockNode } from './nodes/UnreadableBlockNode'

/**
 * Appends the saved blocks one by one, so one damaged block does not cost the whole essay. Main
 * already wraps what fails its schema; a block Lexical still refuses is wrapped here, so that it
 * is shown as unreadable and saved back, never dropped.
 */
export function $loadBlocks(
  state: SerializedEditorStateJson,
  onProblem?: (message: string) => void,
): void {
  const root = $getRoot()
  let unread = 0
  for (const block of state.root.children ?? []) {
    try {
      root.append($parseSerializedNode(block as SerializedNodeJson & { version: number }))
    } catch {
      unread++
      root.append($createUnreadableBlockNode(block))
    }
  }
  if (root.isEmpty()) root.append($createParagraphNode())
  if (unread > 0 && onProblem) {
    const message = `${unread} part(s) of this essay could not be read; they are kept as they are.`
    // This runs while the composer renders: tell the parent afterwards, not during its render.
    queueMicrotask(() => onProblem(message))
  }
}
