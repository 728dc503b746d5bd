// Main writes and reads essays' Yjs documents with headless twins of the editor's nodes
// (main/core/sync/essay-lexical.ts). These hold the twins to the editor's own classes: what one
// writes, the other reads back to exactly the same saved JSON, citations' snapshots included.
import { createHeadlessEditor } from '@lexical/headless'
import { $createLinkNode } from '@lexical/link'
import { $createListItemNode, $createListNode } from '@lexical/list'
import { $createHeadingNode } from '@lexical/rich-text'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readEssayFromDoc, writeEssayIntoDoc } from '../../../main/core/sync/essay-lexical'
import type { CitationData, SerializedEditorStateJson } from '../../../shared/essay'
import { essayNodes } from './essayNodes'
import { $createCitationBlockNode } from './nodes/CitationBlockNode'
import { $createInlineCitationNode } from './nodes/InlineCitationNode'
import { $createUnreadableBlockNode } from './nodes/UnreadableBlockNode'

const data: CitationData = {
  clippingId: 'c-1',
  sourceId: 's-1',
  snapshot: {
    exact: '“It’s—as they say—a ‘long’ story…” said Zoë\u00a0Pérez, e\u0301 𝔘.',
    title: 'On Quotation',
    author: 'Ann O’Neil',
    publishedAt: '2021-12-10',
    url: 'https://example.org/q',
  },
}
const kept: CitationData = {
  ...data,
  clippingId: 'c-2',
  keptWording: { versionHash: 'h2', keptAt: '2026-01-02T03:04:05.000Z' },
}

/** An essay with every kind of node, as the editor saves it. */
function savedEssay(): SerializedEditorStateJson {
  const editor = createHeadlessEditor({
    nodes: essayNodes,
    onError: (e) => {
      throw e
    },
  })
  editor.update(
    () => {
      const bold = $createTextNode('bold words').toggleFormat('bold')
      $getRoot()
        .clear()
        .append(
          $createHeadingNode('h1').append($createTextNode('A title')),
          $createParagraphNode().append(
            $createTextNode('A paraphrase'),
            $createInlineCitationNode(kept, 'p. 4'),
            $createTextNode(' with '),
            bold,
            $createLinkNode('https://example.org').append($createTextNode('a link')),
          ),
          $createCitationBlockNode(data, '§ 3', 'Compare “the other” view'),
          $createCitationBlockNode(kept),
          $createListNode('bullet').append(
            $createListItemNode().append($createTextNode('one')),
            $createListItemNode().append($createTextNode('two')),
          ),
          $createUnreadableBlockNode({ type: 'table', version: 1, rows: [[1, 2]] }),
        )
    },
    { discrete: true },
  )
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON())) as SerializedEditorStateJson
}

describe('essays through Yjs', () => {
  it('main writes what the editor reads back exactly, citation snapshots included', async () => {
    const essay = savedEssay()
    const doc = new Y.Doc()
    await writeEssayIntoDoc(doc, essay)
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    expect(await readEssayFromDoc(other, essayNodes)).toEqual(essay)
  })

  it('main reads exactly what the editor wrote', async () => {
    const essay = savedEssay()
    const doc = new Y.Doc()
    await writeEssayIntoDoc(doc, essay, essayNodes)
    expect(await readEssayFromDoc(doc)).toEqual(essay)
    expect(await readEssayFromDoc(doc, essayNodes)).toEqual(essay)
  })

  it('refuses to write an essay into a doc that already holds one', async () => {
    const doc = new Y.Doc()
    await writeEssayIntoDoc(doc, savedEssay())
    await expect(writeEssayIntoDoc(doc, savedEssay())).rejects.toThrow(/already has content/)
  })
})
