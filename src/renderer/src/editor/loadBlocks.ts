import { $createParagraphNode, $getRoot, $parseSerializedNode, type LexicalNode } from 'lexical'
import type { SerializedEditorStateJson, SerializedNodeJson } from '../../../shared/essay'
import { $createUnreadableBlockNode } from './nodes/UnreadableBlockNode'

/**
 * One saved block as a node. Main already wraps what fails its schema; a block Lexical still
 * refuses is wrapped here, so that it is shown as unreadable and saved back, never dropped.
 */
function $readBlock(block: SerializedNodeJson): { node: LexicalNode; readable: boolean } {
  try {
    return {
      node: $parseSerializedNode(block as SerializedNodeJson & { version: number }),
      readable: true,
    }
  } catch {
    return { node: $createUnreadableBlockNode(block), readable: false }
  }
}

/** Appends `blocks` to the root one by one, so one damaged block does not cost the whole essay. */
export function $appendBlocks(blocks: readonly SerializedNodeJson[]): number {
  const root = $getRoot()
  let unread = 0
  for (const block of blocks) {
    const { node, readable } = $readBlock(block)
    root.append(node)
    if (!readable) unread++
  }
  return unread
}

export function loadProblem(unread: number): string {
  return `${unread} part(s) of this essay could not be read; they are kept as they are.`
}

/** Loads the whole saved essay at once (tests, and essays short enough to need no more). */
export function $loadBlocks(
  state: SerializedEditorStateJson,
  onProblem?: (message: string) => void,
): void {
  const unread = $appendBlocks(state.root.children ?? [])
  if ($getRoot().isEmpty()) $getRoot().append($createParagraphNode())
  if (unread > 0 && onProblem) {
    // This runs while the composer renders: tell the parent afterwards, not during its render.
    queueMicrotask(() => onProblem(loadProblem(unread)))
  }
}
