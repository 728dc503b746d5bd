// An essay changed in the store by something else than an editor (the CLI, a clipping's
// decision) written into its shared doc as an edit of the top-level blocks that changed, so that
// co-authors keep what they are typing elsewhere and the next write-back does not undo it.
import { syncYjsChangesToLexical } from '@lexical/yjs'
import { $getRoot, $parseSerializedNode } from 'lexical'
import * as Y from 'yjs'
import type { SerializedNodeJson } from '../../../shared/essay'
import {
  boundEditor,
  headlessEssayNodes,
  headlessProvider,
  shareEditorChanges,
} from './essay-lexical'

/** Equal as JSON whatever the order of keys (the store's schema writes them in its own). */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, field]) => field !== undefined)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** An edit of the doc's top-level blocks: `remove` of them from `at`, then `insert` there. */
export interface BlockEdit {
  at: number
  remove: number
  insert: SerializedNodeJson[]
}

/**
 * What the store changed since `base` (the essay as the store and the doc last both held it),
 * placed in the doc as it is now: the changed run of blocks, found in the doc after the same
 * block as in `base`. When the doc changed those very blocks too, nothing is removed: the
 * store's version is put beside them, so neither side's words are lost. Null: nothing to do.
 */
export function planStoreChange(
  base: readonly SerializedNodeJson[],
  store: readonly SerializedNodeJson[],
  doc: readonly SerializedNodeJson[],
): BlockEdit | null {
  let from = 0
  while (from < base.length && from < store.length && same(base[from], store[from])) from++
  let tail = 0
  while (
    tail < base.length - from &&
    tail < store.length - from &&
    same(base[base.length - 1 - tail], store[store.length - 1 - tail])
  ) {
    tail++
  }
  const removed = base.slice(from, base.length - tail)
  const insert = store.slice(from, store.length - tail)
  if (removed.length === 0 && insert.length === 0) return null
  const matchesAt = (at: number): boolean =>
    (from === 0 ? at === 0 : at > 0 && same(doc[at - 1], base[from - 1])) &&
    removed.every((block, i) => same(doc[at + i], block))
  const places = doc
    .map((_, at) => at)
    .concat(doc.length)
    .filter(matchesAt)
  if (places.length === 1) return { at: places[0] as number, remove: removed.length, insert }
  // The doc moved on there too: the store's blocks go after the anchor (or at the end).
  const anchor = from === 0 ? 0 : doc.findIndex((block) => same(block, base[from - 1])) + 1
  return { at: anchor > 0 || from === 0 ? anchor : doc.length, remove: 0, insert }
}

/** The doc's top-level blocks, as the editor would save them. */
export async function blocksOfDoc(doc: Y.Doc): Promise<SerializedNodeJson[]> {
  const { readEssayFromDoc } = await import('./essay-lexical')
  return (await readEssayFromDoc(doc)).root.children ?? []
}

/** Applies `edit` to the essay in `doc`, as one update with `origin`. */
export async function applyBlockEdit(doc: Y.Doc, edit: BlockEdit, origin: unknown): Promise<void> {
  // Lexical's own copy of Yjs (see lexicalYjs in essay-lexical.ts).
  const L = await import('yjs')
  const scratch = new L.Doc()
  const { editor, binding } = boundEditor(scratch, headlessEssayNodes)
  const root = binding.root.getSharedType()
  const load = (events: Y.YEvent<Y.Text>[], transaction: Y.Transaction): void => {
    if (transaction.origin !== binding) {
      syncYjsChangesToLexical(binding, headlessProvider, events, false, () => undefined)
    }
  }
  root.observeDeep(load)
  let loading = true
  // Loading stops before the edit (the edit is the editor's own), and for good if it throws.
  const stopLoading = (): void => {
    if (loading) root.unobserveDeep(load)
    loading = false
  }
  try {
    L.applyUpdate(scratch, Y.encodeStateAsUpdate(doc))
    editor.read(() => undefined)
    stopLoading()
    shareEditorChanges(editor, binding)
    const known = L.encodeStateVector(scratch)
    editor.update(
      () => {
        const blocks = $getRoot().getChildren()
        const added = edit.insert.map((json) =>
          $parseSerializedNode(json as Parameters<typeof $parseSerializedNode>[0]),
        )
        const after = blocks[edit.at + edit.remove]
        for (const node of added) {
          if (after) after.insertBefore(node)
          else $getRoot().append(node)
        }
        for (const node of blocks.slice(edit.at, edit.at + edit.remove)) node.remove()
      },
      { discrete: true },
    )
    Y.applyUpdate(doc, L.encodeStateAsUpdate(scratch, known), origin)
  } finally {
    stopLoading()
    binding.root.destroy(binding)
    scratch.destroy()
  }
}
