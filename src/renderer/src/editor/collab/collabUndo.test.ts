// Known @lexical/yjs questions that touch co-authoring, held here with the editor's own nodes:
// undo in a shared session takes back only one's own changes, and a citation inserted by one
// writer reaches the other whole.
import { createUndoManager, syncLexicalUpdateToYjs, syncYjsChangesToLexical } from '@lexical/yjs'
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  type LexicalEditor,
  type ParagraphNode,
} from 'lexical'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  boundEditor,
  headlessProvider,
  readEssayFromDoc,
} from '../../../../main/core/sync/essay-lexical'
import { essayNodes } from '../essayNodes'
import { $createCitationBlockNode } from '../nodes/CitationBlockNode'

/** An editor on its own doc, bound as CollaborationPlugin binds it, with its UndoManager. */
function writer() {
  const doc = new Y.Doc()
  const { editor, binding } = boundEditor(doc, essayNodes)
  editor.registerUpdateListener((u) =>
    syncLexicalUpdateToYjs(
      binding,
      headlessProvider,
      u.prevEditorState,
      u.editorState,
      u.dirtyElements,
      u.dirtyLeaves,
      u.normalizedNodes,
      u.tags,
    ),
  )
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin === binding) return
    const fromUndo = transaction.origin instanceof Y.UndoManager
    syncYjsChangesToLexical(
      binding,
      headlessProvider,
      events as Y.YEvent<Y.Text>[],
      fromUndo,
      () => undefined,
    )
  })
  const undo = createUndoManager(binding, binding.root.getSharedType())
  return { doc, editor, undo }
}

/** Two writers whose docs exchange every update, as through main and the server. */
function pair() {
  const a = writer()
  const b = writer()
  a.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(b.doc, update, 'remote')
  })
  b.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(a.doc, update, 'remote')
  })
  return { a, b }
}

/**
 * Remote and undone changes reach an editor in an update Lexical commits a moment later; a
 * writer's next keystroke is its own update after that (not merged into it), as here.
 */
const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

async function type(editor: LexicalEditor, words: string): Promise<void> {
  await settled()
  editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(words))), {
    discrete: true,
  })
}

async function text(editor: LexicalEditor): Promise<string> {
  await settled()
  return editor.read(() => $getRoot().getTextContent())
}

describe('co-authoring an essay', () => {
  it("undoes only one's own changes, leaving the co-author's", async () => {
    const { a, b } = pair()
    await type(a.editor, 'From A.')
    a.undo.stopCapturing()
    await type(b.editor, 'From B.')
    expect(await text(a.editor)).toBe('From A.\n\nFrom B.')

    a.undo.undo()
    expect(await text(a.editor)).toBe('From B.')
    expect(await text(b.editor)).toBe('From B.')
    a.undo.redo()
    expect(await text(b.editor)).toBe('From A.\n\nFrom B.')
    // And B's undo takes back only B's paragraph.
    b.undo.undo()
    expect(await text(a.editor)).toBe('From A.')
    expect(await text(b.editor)).toBe('From A.')
  })

  // facebook/lexical#6614: an undo in a shared paragraph took a character of the co-author's.
  it("undoes one's own words in a paragraph both wrote in, and the docs stay equal", async () => {
    const { a, b } = pair()
    await type(a.editor, 'Alpha')
    a.undo.stopCapturing()
    await settled()
    const appendTo = (editor: LexicalEditor, words: string): void =>
      editor.update(
        () => {
          const paragraph = $getRoot().getFirstChildOrThrow<ParagraphNode>()
          paragraph.append($createTextNode(words))
        },
        { discrete: true },
      )
    appendTo(b.editor, ' beta')
    await settled()
    appendTo(a.editor, ' gamma')
    expect(await text(b.editor)).toBe('Alpha beta gamma')

    a.undo.undo()
    expect(await text(a.editor)).toBe('Alpha beta')
    expect(await text(b.editor)).toBe('Alpha beta')
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
    expect(await readEssayFromDoc(a.doc, essayNodes)).toEqual(
      await readEssayFromDoc(b.doc, essayNodes),
    )
  })

  // facebook/lexical#6396: typing after an undo showed up twice in the co-author's editor.
  it('brings what is typed after an undo to the co-author once', async () => {
    const { a, b } = pair()
    await type(a.editor, 'Hello,')
    a.undo.stopCapturing()
    await type(a.editor, 'World!')
    a.undo.undo()
    await type(a.editor, 'Collaboration test')
    expect(await text(b.editor)).toBe('Hello,\n\nCollaboration test')
    expect(await text(a.editor)).toBe('Hello,\n\nCollaboration test')
  })

  it("brings a co-author's citation block across with its snapshot", async () => {
    const { a, b } = pair()
    const snapshot = { exact: 'A passage “as it read”.', title: 'A Source', author: 'Someone' }
    a.editor.update(
      () => {
        $getRoot().append(
          $createCitationBlockNode({ clippingId: 'c-1', sourceId: 's-1', snapshot }, 'p. 3'),
        )
      },
      { discrete: true },
    )
    const [block] = (await readEssayFromDoc(b.doc, essayNodes)).root.children ?? []
    expect(block).toMatchObject({
      type: 'citation-block',
      clippingId: 'c-1',
      snapshot,
      locator: 'p. 3',
    })
  })
})
