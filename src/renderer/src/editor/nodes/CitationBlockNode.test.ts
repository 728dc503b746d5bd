import { createHeadlessEditor } from '@lexical/headless'
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical'
import { describe, expect, it } from 'vitest'
import {
  citationsIn,
  type CitationData,
  type SerializedEditorStateJson,
} from '../../../../shared/essay'
import { registerCitationTransforms } from '../plugins/citationCommands'
import {
  $createCitationBlockNode,
  $isCitationBlockNode,
  CitationBlockNode,
} from './CitationBlockNode'
import { $createInlineCitationNode, InlineCitationNode } from './InlineCitationNode'

// Typographic characters a quote must keep byte for byte: curly quotes, dashes, ellipsis, a
// non-breaking space, an accent written as a combining mark, and a character outside the BMP.
const exact = '“It’s—as they say—a ‘long’ story…” said Zoë\u00a0Pérez, e\u0301 𝔘.'

const data: CitationData = {
  clippingId: 'c_1',
  sourceId: 's_1',
  snapshot: {
    exact,
    title: 'On Quotation – A Study',
    author: 'Ann O’Neil',
    siteName: 'The Review',
    publishedAt: '2021-12-10',
    url: 'https://example.org/quotation',
  },
}

function newEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'test',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, CitationBlockNode, InlineCitationNode],
    onError: (error) => {
      throw error
    },
  })
}

function json(editor: LexicalEditor): SerializedEditorStateJson {
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON())) as SerializedEditorStateJson
}

describe('citation nodes', () => {
  it('round-trips through JSON with every field, typographic characters included', () => {
    const editor = newEditor()
    editor.update(
      () => {
        const paragraph = $createParagraphNode().append(
          $createTextNode('A paraphrase'),
          $createInlineCitationNode(data, 'p. 4'),
          $createTextNode(' and more.'),
        )
        $getRoot()
          .clear()
          .append(paragraph, $createCitationBlockNode(data, '§ 3 ¶ 2', 'Compare “the other” view'))
      },
      { discrete: true },
    )
    const first = json(editor)

    const second = newEditor()
    second.setEditorState(second.parseEditorState(JSON.stringify(first)))
    expect(json(second)).toEqual(first)

    const [inline, block] = citationsIn(first)
    expect(block).toEqual({
      type: 'citation-block',
      version: 1,
      ...data,
      locator: '§ 3 ¶ 2',
      comment: 'Compare “the other” view',
    })
    expect(inline).toEqual({ type: 'inline-citation', version: 1, ...data, locator: 'p. 4' })
    expect(block.snapshot.exact).toBe(exact)
    second.read(() => {
      const node = $getRoot().getLastChild()
      expect($isCitationBlockNode(node) && node.getSnapshot().exact).toBe(exact)
    })
  })

  it('reads damaged JSON as empty fields rather than failing', () => {
    const editor = newEditor()
    const state = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [{ type: 'citation-block', version: 1, clippingId: 7, snapshot: 'nope' }],
      },
    }
    editor.setEditorState(editor.parseEditorState(JSON.stringify(state)))
    const [block] = citationsIn(json(editor))
    expect(block).toMatchObject({ clippingId: '', snapshot: { exact: '', title: '' }, locator: '' })
  })

  it('lifts a citation block nested in a paragraph or list to the top level', () => {
    const editor = newEditor()
    registerCitationTransforms(editor)
    editor.update(
      () => {
        const paragraph = $createParagraphNode().append(
          $createTextNode('before'),
          $createCitationBlockNode(data),
          $createTextNode('after'),
        )
        const list = $createListNode('bullet').append(
          $createListItemNode().append($createCitationBlockNode(data)),
        )
        $getRoot().clear().append(paragraph, list)
      },
      { discrete: true },
    )
    const root = json(editor).root
    const types = root.children?.map((child) => child.type)
    expect(types?.filter((type) => type === 'citation-block')).toHaveLength(2)
    expect(types?.slice(0, 3)).toEqual(['paragraph', 'citation-block', 'paragraph'])
    editor.read(() => {
      const [before, , after] = $getRoot().getChildren()
      expect(before.getTextContent()).toBe('before')
      expect(after.getTextContent()).toBe('after')
    })
    for (const child of root.children ?? []) {
      expect(JSON.stringify(child.children ?? [])).not.toContain('citation-block')
    }
  })
})
