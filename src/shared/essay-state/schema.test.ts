import { describe, expect, it } from 'vitest'
import { emptyEditorState, type SerializedNodeJson } from '../essay'
import { EDITOR_STATE_LIMITS } from './limits'
import { checkEditorState, savedBlockProblem, storedEditorStateSchema } from './schema'

// Saved nodes as Lexical writes them (shared code cannot reach test/essay-support). What the
// real editor writes is checked in renderer/src/editor/essayState.test.ts.
type Node = SerializedNodeJson
const element = { direction: null, format: '', indent: 0 }
const text = (value: string, format = 0): Node => ({
  type: 'text',
  version: 1,
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
})
const linebreak = (): Node => ({ type: 'linebreak', version: 1 })
const paragraph = (...children: Node[]): Node => ({
  type: 'paragraph',
  version: 1,
  children,
  ...element,
  textFormat: 0,
  textStyle: '',
})
const heading = (tag: string, ...children: Node[]): Node => ({
  type: 'heading',
  version: 1,
  tag,
  children,
  ...element,
})
const quote = (...children: Node[]): Node => ({ type: 'quote', version: 1, children, ...element })
const link = (url: string, ...children: Node[]): Node => ({
  type: 'link',
  version: 1,
  url,
  rel: 'noreferrer',
  target: null,
  title: null,
  children,
  ...element,
})
const listItem = (value: number, ...children: Node[]): Node => ({
  type: 'listitem',
  version: 1,
  value,
  children,
  ...element,
})
const list = (listType: string, ...children: Node[]): Node => ({
  type: 'list',
  version: 1,
  listType,
  start: 1,
  tag: listType === 'number' ? 'ol' : 'ul',
  children,
  ...element,
})
const stateOf = (...children: Node[]) => ({
  root: { type: 'root', version: 1, children, ...element },
})

const snapshot = { exact: 'sex workers are just people', title: 'Red Rocket', url: 'https://x.org' }

const citationBlock = (fields: Record<string, unknown> = {}): SerializedNodeJson => ({
  type: 'citation-block',
  version: 1,
  clippingId: 'c_1',
  sourceId: 's_1',
  snapshot,
  locator: 'p. 3',
  comment: '',
  ...fields,
})

const inlineCitation = (fields: Record<string, unknown> = {}): SerializedNodeJson => ({
  type: 'inline-citation',
  version: 1,
  clippingId: 'c_1',
  sourceId: 's_1',
  snapshot,
  locator: '',
  ...fields,
})

/** The refusal's message, or a failure when the state passes. */
function problemOf(value: unknown): string {
  const checked = checkEditorState(value)
  if (checked.ok) throw new Error('expected the state to be refused')
  return checked.problem
}

function expectValid(value: unknown): void {
  const checked = checkEditorState(value)
  expect(checked.ok ? 'ok' : checked.problem).toBe('ok')
}

describe('the saved editor state schema', () => {
  it('accepts the states Commonplace makes: a new essay, every kind of block', () => {
    expectValid(emptyEditorState())
    expectValid(
      stateOf(
        heading('h1', text('Title')),
        heading('h6', text('Small')),
        paragraph(text('bold', 1), linebreak(), link('https://x.org', text('a link'))),
        quote(text('quoted')),
        list(
          'number',
          listItem(1, text('one')),
          listItem(2, list('bullet', listItem(1, text('x')))),
        ),
        citationBlock({
          keptWording: { versionHash: 'a'.repeat(64), keptAt: '2026-01-02T03:04:05Z' },
        }),
        paragraph(text('As said'), inlineCitation({ locator: 'p. 4' })),
      ),
    )
  })

  it('refuses a citation without what verification and export need, naming the place', () => {
    const withBlock = (block: SerializedNodeJson) => stateOf(paragraph(text('a')), block)
    const snapshotless = citationBlock()
    delete snapshotless.snapshot
    expect(problemOf(withBlock(snapshotless))).toBe(
      'root.children[1].snapshot: missing (an object is required)',
    )
    expect(problemOf(withBlock(citationBlock({ snapshot: { title: 'T' } })))).toBe(
      'root.children[1].snapshot.exact: missing (a string is required)',
    )
    expect(problemOf(withBlock(citationBlock({ snapshot: { ...snapshot, exact: '' } })))).toMatch(
      /^root\.children\[1\]\.snapshot\.exact: the quote must not be empty/,
    )
    expect(problemOf(withBlock(citationBlock({ clippingId: 42 })))).toBe(
      'root.children[1].clippingId: expected a string, got 42',
    )
    expect(problemOf(withBlock(citationBlock({ keptWording: { versionHash: 'v' } })))).toBe(
      'root.children[1].keptWording.keptAt: missing (a string is required)',
    )
    expect(
      problemOf(withBlock(citationBlock({ snapshot: { ...snapshot, evil: '<script>' } }))),
    ).toBe('root.children[1].snapshot: unknown field "evil"')
    expect(problemOf(stateOf(paragraph(inlineCitation({ locator: undefined }))))).toBe(
      'root.children[0].children[0].locator: missing (a string is required)',
    )
  })

  it('refuses nodes the editor does not have, and nodes where they cannot stand', () => {
    expect(problemOf(stateOf({ type: 'image', version: 1, src: 'x' }))).toMatch(
      /^root\.children\[0\]\.type: "image" is not a node that can stand here \(expected one of "paragraph", /,
    )
    // An inline citation belongs in a paragraph; a citation block at the top level only.
    expect(problemOf(stateOf(inlineCitation()))).toMatch(
      /^root\.children\[0\]\.type: "inline-citation"/,
    )
    expect(problemOf(stateOf(paragraph(citationBlock())))).toMatch(
      /^root\.children\[0\]\.children\[0\]\.type: "citation-block"/,
    )
    expect(problemOf(stateOf(list('bullet', paragraph())))).toBe(
      'root.children[0].children[0].type: expected "listitem", got "paragraph"',
    )
    expect(problemOf(stateOf(heading('h7', text('x'))))).toBe(
      'root.children[0].tag: expected "h1" or "h2" or "h3" or "h4" or "h5" or "h6", got "h7"',
    )
    expect(problemOf(stateOf(paragraph(text('x', 1 << 20))))).toBe(
      "root.children[0].children[0].format: not a combination of Lexical's text format bits",
    )
    expect(problemOf(stateOf({ ...paragraph(), onclick: 'alert(1)' }))).toBe(
      'root.children[0]: unknown field "onclick"',
    )
    expect(problemOf(stateOf({ ...paragraph(), version: 2 }))).toBe(
      'root.children[0].version: expected 1, got 2',
    )
    expect(problemOf({ root: { ...emptyEditorState().root, type: 'paragraph' } })).toBe(
      'root.type: expected "root", got "paragraph"',
    )
    expect(problemOf({ nothing: true })).toBe('root: missing (an object is required)')
    expect(problemOf(null)).toBe('expected an object, got null')
  })

  it('holds every essay to its limits, naming where each is broken', () => {
    const { maxNodes, maxDepth, maxTextLength } = EDITOR_STATE_LIMITS
    expect(problemOf(stateOf(paragraph(text('x'.repeat(maxTextLength + 1)))))).toBe(
      'root.children[0].children[0].text: longer than 1,000,000 characters',
    )
    expectValid(stateOf(paragraph(text('x'.repeat(maxTextLength)))))

    const many = Array.from({ length: maxNodes }, () => paragraph())
    expect(problemOf(stateOf(...many))).toBe('more than 100,000 nodes')

    // Lists nested in list items: two node levels each.
    let nested: SerializedNodeJson = listItem(1, text('deep'))
    for (let level = 0; level < maxDepth; level++) nested = listItem(1, list('bullet', nested))
    expect(problemOf(stateOf(list('bullet', nested)))).toMatch(
      /^root\.children\[0\]\.children\[0\]\.children\[0\].*: nested more than 64 nodes deep$/,
    )
  })

  it('refuses what JSON cannot hold, without recursing into a cycle', () => {
    const cyclic: SerializedNodeJson = paragraph()
    cyclic.children = [cyclic]
    expect(problemOf(stateOf(cyclic))).toMatch(/: nested more than 64 nodes deep$/)
    expect(problemOf(stateOf(paragraph(text('x', Number.NaN))))).toBe(
      'root.children[0].children[0].format: not a finite number',
    )
    expect(problemOf(stateOf({ ...paragraph(), indent: new Date() }))).toBe(
      'root.children[0].indent: not a plain JSON object',
    )
    expect(
      problemOf(stateOf(paragraph(text('x'), undefined as unknown as SerializedNodeJson))),
    ).toBe('root.children[0].children[1]: not JSON')
  })

  it('carries an unreadable block at the top level, if its original can be loaded again', () => {
    const raw = { version: 1, type: 'image', src: 'x.png', children: [{ type: 'x', version: 1 }] }
    expectValid(stateOf(paragraph(), { type: 'unreadable-block', version: 1, raw }))
    expect(
      problemOf(
        stateOf(quote({ type: 'unreadable-block', version: 1, raw } as SerializedNodeJson)),
      ),
    ).toMatch(/^root\.children\[0\]\.children\[0\]\.type: "unreadable-block"/)
    expect(problemOf(stateOf({ type: 'unreadable-block', version: 1, raw: { type: '' } }))).toBe(
      'root.children[0].raw.type: must not be empty',
    )
    expect(problemOf(stateOf({ type: 'unreadable-block', version: 1, raw: 'text' }))).toBe(
      'root.children[0].raw: expected an object, got "text"',
    )
  })

  it('names a block read from disk by its place in the essay; a wrapper is not a saved block', () => {
    expect(savedBlockProblem(paragraph(text('fine')), 4)).toBeNull()
    expect(savedBlockProblem(citationBlock({ snapshot: undefined }), 4)).toBe(
      'root.children[4].snapshot: missing (an object is required)',
    )
    expect(
      savedBlockProblem({ type: 'unreadable-block', version: 1, raw: paragraph() }, 0),
    ).toMatch(/^root\.children\[0\]\.type: "unreadable-block" is not a node/)
  })

  it('loads a stored state as the very object read, refusing only what has no node shape', () => {
    const stored = stateOf(paragraph(), { version: 1, type: 'table', cells: [1, 2] })
    const loaded = storedEditorStateSchema.safeParse(stored)
    // Not a copy: a copy would list each node's keys in the schema's order, not the file's.
    expect(loaded.success && loaded.data).toBe(stored)

    const typeless = storedEditorStateSchema.safeParse(stateOf({ version: 1 } as Node))
    expect(typeless.error?.issues[0]).toMatchObject({ path: ['root', 'children', 0, 'type'] })
    let deep: unknown = {}
    for (let level = 0; level < 100_000; level++) deep = { nested: deep }
    const bomb = storedEditorStateSchema.safeParse(stateOf({ type: 'x', version: 1, deep } as Node))
    expect(bomb.error?.issues[0]?.message).toMatch(/nested more than 200 levels deep$/)
  })

  it('refuses on load every shape the quick common-case walk must not let through', () => {
    const refused = (state: unknown): boolean => !storedEditorStateSchema.safeParse(state).success
    const deepBy = (levels: number): unknown => {
      let deep: unknown = []
      for (let level = 1; level < levels; level++) deep = [deep]
      return deep
    }
    expect(refused({ root: { type: 'root', version: 1, children: [] } })).toBe(false)
    expect(refused(stateOf({ type: 'x', version: 1, data: deepBy(196) } as Node))).toBe(false)
    expect(refused(stateOf({ type: 'x', version: 1, data: deepBy(197) } as Node))).toBe(true)
    expect(refused({ root: { type: 'essay', version: 1, children: [] } })).toBe(true)
    expect(refused({ root: { type: 'root', version: 1, children: {} } })).toBe(true)
    expect(refused(stateOf('a paragraph' as unknown as Node))).toBe(true)
    expect(refused(stateOf(null as unknown as Node))).toBe(true)
    expect(refused(stateOf({ type: '', version: 1 } as Node))).toBe(true)
    expect(refused(stateOf({ type: 'x', version: '1' } as unknown as Node))).toBe(true)
    expect(refused(stateOf({ type: 'x', version: 1, children: [{ type: 'y' }] } as Node))).toBe(
      true,
    )
    expect(refused(stateOf({ type: 'x', version: 1, size: NaN } as Node))).toBe(true)
    expect(refused(stateOf({ type: 'x', version: 1, made: new Date(0) } as Node))).toBe(true)
    expect(refused(stateOf({ type: 'x', version: 1, call: () => 1 } as Node))).toBe(true)
  })
})
