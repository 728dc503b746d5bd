import { describe, expect, it } from 'vitest'
import type { SerializedEditorStateJson, SerializedNodeJson } from '../essay'
import { checkEditorState } from './schema'
import { unwrapUnreadable, wrapUnreadable } from './unreadable'

const paragraph = (text: string): SerializedNodeJson => ({
  type: 'paragraph',
  version: 1,
  children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
  direction: null,
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
})
const stateOf = (...children: SerializedNodeJson[]): SerializedEditorStateJson => ({
  root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 },
})

// Blocks Commonplace cannot read, written the way other tools and older files might: odd key
// order, text no one should normalize, numbers, nesting, a citation that lost its snapshot.
const unknownBlock = {
  version: 1,
  type: 'table',
  rows: [[{ text: 'Zoë\u00a0Pérez, e\u0301 𝔘 “quoted”' }, 1.5, 1e21, null, false]],
  nested: { deeper: { deepest: [] } },
  children: [{ type: 'tablerow', version: 1, children: [] }],
}
const snapshotless = {
  type: 'citation-block',
  version: 1,
  clippingId: 'c_gone',
  sourceId: 's_gone',
  locator: 'p. 3',
  comment: 'kept',
}

const onDisk = (): SerializedEditorStateJson =>
  JSON.parse(
    JSON.stringify(stateOf(paragraph('Before'), unknownBlock, paragraph('After'), snapshotless)),
  ) as SerializedEditorStateJson

describe('unreadable blocks', () => {
  it('wraps each block that fails the schema and passes readable ones on untouched', () => {
    const state = onDisk()
    const wrapped = wrapUnreadable(state)
    const blocks = wrapped.root.children as SerializedNodeJson[]
    expect(blocks.map((block) => block.type)).toEqual([
      'paragraph',
      'unreadable-block',
      'paragraph',
      'unreadable-block',
    ])
    expect(blocks[0]).toBe(state.root.children?.[0])
    expect(blocks[1]).toEqual({ type: 'unreadable-block', version: 1, raw: unknownBlock })
    expect(blocks[1]?.raw).toBe(state.root.children?.[1])
    // What the editor gets back is a state it may save.
    expect(checkEditorState(wrapped).ok).toBe(true)
  })

  it('round-trips verbatim: unwrapping gives back the very bytes that were read', () => {
    const state = onDisk()
    const bytes = (blocks: SerializedEditorStateJson) =>
      (blocks.root.children ?? []).map((block) => JSON.stringify(block, null, 2))
    // Through the editor and back: a copy, as IPC makes one, then checked as a save is.
    const sent = JSON.parse(JSON.stringify(wrapUnreadable(state))) as unknown
    const checked = checkEditorState(sent)
    if (!checked.ok) throw new Error(checked.problem)
    const saved = unwrapUnreadable(checked.value)
    const [, unknownRead, , snapshotlessRead] = bytes(state)
    const [, unknownSaved, , snapshotlessSaved] = bytes(saved)
    expect(unknownSaved).toBe(unknownRead)
    expect(snapshotlessSaved).toBe(snapshotlessRead)
    // Readable blocks may be written in another key order; their content is the same.
    expect(saved).toEqual(state)
  })

  it('is stable: a state wrapped twice, or with nothing unreadable, does not change', () => {
    const state = onDisk()
    const once = wrapUnreadable(state)
    expect(wrapUnreadable(unwrapUnreadable(once))).toEqual(once)
    const readable = stateOf(paragraph('All fine'))
    expect(unwrapUnreadable(wrapUnreadable(readable))).toEqual(readable)
  })

  it('gives a damaged root its defaults rather than losing the essay to it', () => {
    const state = onDisk()
    Object.assign(state.root, { direction: 'sideways', format: 7, indent: -1 })
    const wrapped = wrapUnreadable(state)
    expect(wrapped.root).toMatchObject({ type: 'root', direction: null, format: '', indent: 0 })
    expect(checkEditorState(wrapped).ok).toBe(true)
    const bare = { root: { type: 'root', version: 1 } } as SerializedEditorStateJson
    expect(wrapUnreadable(bare).root.children).toEqual([])
  })
})
