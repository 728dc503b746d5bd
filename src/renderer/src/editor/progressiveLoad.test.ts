import { createHeadlessEditor } from '@lexical/headless'
import { $getRoot, type LexicalEditor } from 'lexical'
import { describe, expect, it } from 'vitest'
import type { SerializedEditorStateJson, SerializedNodeJson } from '../../../shared/essay'
import { essayNodes } from './essayNodes'
import { createEssayLoad, FIRST_BLOCKS, SLICE_BLOCKS, type IdleScheduler } from './progressiveLoad'

function paragraph(text: string): SerializedNodeJson {
  return {
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
  }
}

function essayOf(blocks: SerializedNodeJson[]): SerializedEditorStateJson {
  return { root: { type: 'root', version: 1, children: blocks } }
}

/** Idle tasks run when the test says so, one at a time. */
function manualIdle(): { schedule: IdleScheduler; runNext(): boolean } {
  const tasks: (() => void)[] = []
  return {
    schedule(task) {
      tasks.push(task)
      return () => tasks.splice(tasks.indexOf(task), 1)
    },
    runNext() {
      const task = tasks.shift()
      task?.()
      return task !== undefined
    },
  }
}

function texts(editor: LexicalEditor): string[] {
  return editor.read(() =>
    $getRoot()
      .getChildren()
      .map((block) => block.getTextContent()),
  )
}

function opened(essay: SerializedEditorStateJson, idle = manualIdle()) {
  const problems: string[] = []
  const load = createEssayLoad(essay, (message) => problems.push(message), idle.schedule)
  const editor = createHeadlessEditor({
    nodes: essayNodes,
    onError: (error) => {
      throw error
    },
  })
  editor.update(() => load.$loadFirst(), { discrete: true })
  let complete = false
  const stop = load.loadRest(editor, () => (complete = true))
  const drain = (): void => {
    // Each slice's update commits before the next slice is scheduled.
    while (idle.runNext()) editor.update(() => undefined, { discrete: true })
  }
  return { editor, load, problems, isComplete: () => complete, drain, stop, idle }
}

describe('opening a long essay in slices', () => {
  const count = FIRST_BLOCKS + 2 * SLICE_BLOCKS + 7
  const blocks = Array.from({ length: count }, (_, at) => paragraph(`Block ${at + 1}`))

  it('shows the first screen at once and the rest, in order, once the page is idle', () => {
    const { editor, load, drain, isComplete } = opened(essayOf(blocks))
    expect(texts(editor)).toHaveLength(FIRST_BLOCKS)
    expect(load.isComplete()).toBe(false)
    drain()
    expect(texts(editor)).toEqual(blocks.map((_, at) => `Block ${at + 1}`))
    expect(isComplete()).toBe(true)
  })

  it('keeps what the writer typed in the first screen while the rest came in', () => {
    const { editor, drain } = opened(essayOf(blocks))
    editor.update(() => $getRoot().getFirstChildOrThrow().selectEnd().insertText(' typed'), {
      discrete: true,
    })
    drain()
    expect(texts(editor)[0]).toBe('Block 1 typed')
    expect(texts(editor)).toHaveLength(count)
  })

  it('stops appending once the editor is gone', () => {
    const { editor, stop, idle } = opened(essayOf(blocks))
    stop()
    expect(idle.runNext()).toBe(false)
    expect(texts(editor)).toHaveLength(FIRST_BLOCKS)
  })

  it('is complete at once for a short essay, and an empty one gets a paragraph to type in', () => {
    expect(opened(essayOf(blocks.slice(0, 3))).load.isComplete()).toBe(true)
    const empty = opened(essayOf([]))
    expect(texts(empty.editor)).toEqual([''])
  })

  it('counts the blocks it could not read across every slice, and says so once', async () => {
    const broken = { type: 'no-such-block', version: 1 } as SerializedNodeJson
    const withBroken = [...blocks]
    withBroken.splice(1, 0, broken)
    withBroken.push(broken)
    const { problems, drain } = opened(essayOf(withBroken))
    drain()
    await Promise.resolve()
    expect(problems).toEqual([
      '2 part(s) of this essay could not be read; they are kept as they are.',
    ])
  })
})
