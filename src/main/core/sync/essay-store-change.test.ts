import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { emptyEditorState, type SerializedNodeJson } from '../../../shared/essay'
import { writeEssayIntoDoc } from './essay-lexical'
import { applyBlockEdit, blocksOfDoc, planStoreChange } from './essay-store-change'

const block = (text: string): SerializedNodeJson =>
  ({ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] }) as never

const [a, b, c] = [block('A'), block('B'), block('C')]

describe('a store change placed in the shared doc', () => {
  it('replaces the changed block where it now is, keeping what co-authors added', () => {
    const edited = block('B, edited by the CLI')
    expect(planStoreChange([a, b, c], [a, edited, c], [a, b, c, block('new')])).toEqual({
      at: 1,
      remove: 1,
      insert: [edited],
    })
    expect(planStoreChange([a, b, c], [a, edited, c], [block('first'), a, b, c])).toEqual({
      at: 2,
      remove: 1,
      insert: [edited],
    })
  })

  it('keeps both when a co-author changed the same block: nothing of theirs is removed', () => {
    const edited = block('B, edited by the CLI')
    const theirs = block('B, edited by a co-author')
    expect(planStoreChange([a, b, c], [a, edited, c], [a, theirs, c])).toEqual({
      at: 1,
      remove: 0,
      insert: [edited],
    })
  })

  it('adds and removes whole blocks, and does nothing when the store has not changed', () => {
    expect(planStoreChange([a, b], [a, b, c], [a, b])).toEqual({ at: 2, remove: 0, insert: [c] })
    expect(planStoreChange([a, b, c], [a, c], [a, b, c])).toEqual({ at: 1, remove: 1, insert: [] })
    expect(planStoreChange([a, b], [a, b], [b])).toBeNull()
  })

  it('is applied to the doc as the edit says, without a word to the console', async () => {
    const doc = new Y.Doc()
    const state = emptyEditorState()
    state.root.children = [a, b].map((paragraph) => ({
      ...emptyEditorState().root.children![0]!,
      children: paragraph.children,
    })) as SerializedNodeJson[]
    await writeEssayIntoDoc(doc, state)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      await applyBlockEdit(doc, { at: 1, remove: 1, insert: [state.root.children![0]!] }, null)
      expect(errors).not.toHaveBeenCalled()
    } finally {
      errors.mockRestore()
    }
    const texts = (await blocksOfDoc(doc)).map(
      (block) => JSON.stringify(block).match(/"text":"(\w+)"/)?.[1],
    )
    expect(texts).toEqual(['A', 'A'])
  })
})
