// A block the editor cannot read must not be lost by opening the essay: the editor would leave
// it out, and the next autosave would write the essay without it. So it travels wrapped, shown as
// a placeholder, and goes back to disk unwrapped: the very object that was read.
import {
  UNREADABLE_BLOCK_TYPE,
  type SerializedEditorStateJson,
  type SerializedNodeJson,
  type SerializedUnreadableBlockJson,
} from '../essay'
import { ELEMENT_FORMATS, TEXT_DIRECTIONS } from './nodes'
import { savedBlockProblem } from './schema'

export function isUnreadableBlock(node: SerializedNodeJson): node is SerializedUnreadableBlockJson {
  return node.type === UNREADABLE_BLOCK_TYPE && 'raw' in node
}

const DIRECTIONS: readonly unknown[] = [null, ...TEXT_DIRECTIONS]
const FORMATS: readonly unknown[] = ELEMENT_FORMATS

/**
 * The root's own fields as the editor can take them. They are not the writer's (Lexical writes
 * its own root on every save), so a damaged one falls back to its default instead of costing
 * the essay.
 */
function rootOf(root: SerializedNodeJson): SerializedNodeJson {
  const { direction, format, indent } = root
  return {
    type: 'root',
    version: 1,
    direction: DIRECTIONS.includes(direction) ? direction : null,
    format: FORMATS.includes(format) ? format : '',
    indent: Number.isInteger(indent) && (indent as number) >= 0 ? indent : 0,
    children: [],
  }
}

/**
 * Whether each block read can go to the editor, by block object: the store hands out the same
 * objects until a save replaces them, so exporting or verifying an essay again does not check
 * its blocks again. The verdict is all that is kept; a block is never changed in place.
 */
const readable = new WeakMap<object, boolean>()

function isReadable(block: SerializedNodeJson, index: number): boolean {
  if (typeof block !== 'object' || block === null) return savedBlockProblem(block, index) === null
  let verdict = readable.get(block)
  if (verdict === undefined) {
    verdict = savedBlockProblem(block, index) === null
    readable.set(block, verdict)
  }
  return verdict
}

/**
 * The state as read from disk, for the editor: each top-level block that fails the saved-state
 * schema becomes `{ type: 'unreadable-block', version: 1, raw: <that block> }`; readable blocks
 * are passed on as they are (not copied).
 */
export function wrapUnreadable(state: SerializedEditorStateJson): SerializedEditorStateJson {
  const blocks = Array.isArray(state.root.children) ? state.root.children : []
  const children = blocks.map((block, index): SerializedNodeJson => {
    if (isReadable(block, index)) return block
    const wrapped: SerializedUnreadableBlockJson = {
      type: UNREADABLE_BLOCK_TYPE,
      version: 1,
      raw: block,
    }
    return wrapped
  })
  return { root: { ...rootOf(state.root), children } }
}

/** Inverse of {@link wrapUnreadable}: each unreadable block's original back in its place. */
export function unwrapUnreadable(state: SerializedEditorStateJson): SerializedEditorStateJson {
  const children = (state.root.children ?? []).map((block) =>
    isUnreadableBlock(block) ? block.raw : block,
  )
  return { root: { ...state.root, children } }
}
