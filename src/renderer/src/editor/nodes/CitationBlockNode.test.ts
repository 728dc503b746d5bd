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
import { $answerQuoteChange, registerCitationTransforms } from '../plugins/citationCommands'
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

/** An editor holding saved JSON with these top-level nodes, as it would come from disk. */
function loaded(...children: Record<string, unknown>[]): LexicalEditor {
  const editor = newEditor()
  const root = { type: 'root', version: 1, direction: null, format: '', indent: 0, children }
  editor.setEditorState(editor.parseEditorState(JSON.stringify({ root })))
  return editor
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
    expect(block?.snapshot.exact).toBe(exact)
    second.read(() => {
      const node = $getRoot().getLastChild()
      expect($isCitationBlockNode(node) && node.getSnapshot().exact).toBe(exact)
    })
  })

  it('reads damaged JSON as empty fields rather than failing', () => {
    const editor = loaded({ type: 'citation-block', version: 1, clippingId: 7, snapshot: 'nope' })
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
      expect(before?.getTextContent()).toBe('before')
      expect(after?.getTextContent()).toBe('after')
    })
    for (const child of root.children ?? []) {
      expect(JSON.stringify(child.children ?? [])).not.toContain('citation-block')
    }
  })
})

describe('the writer’s answer to a changed passage', () => {
  const kept = { versionHash: 'a'.repeat(64), keptAt: '2026-12-02T10:00:00.000Z' }

  it('keeping the old wording marks every citation of the clipping, and survives JSON', () => {
    const editor = newEditor()
    const other: CitationData = { ...data, clippingId: 'c_2' }
    editor.update(
      () => {
        $getRoot()
          .clear()
          .append(
            $createCitationBlockNode(data),
            $createParagraphNode().append($createInlineCitationNode(data)),
            $createCitationBlockNode(other),
          )
        $answerQuoteChange('c_1', { keep: kept })
      },
      { discrete: true },
    )
    const first = json(editor)
    expect(citationsIn(first).map((citation) => citation.keptWording)).toEqual([
      kept,
      kept,
      undefined,
    ])
    const second = newEditor()
    second.setEditorState(second.parseEditorState(JSON.stringify(first)))
    expect(json(second)).toEqual(first)
  })

  it('accepting the new wording sets the quote and clears a kept wording', () => {
    const editor = newEditor()
    editor.update(
      () => {
        $getRoot()
          .clear()
          .append($createCitationBlockNode({ ...data, keptWording: kept }))
        $answerQuoteChange('c_1', { accept: 'the new words' })
      },
      { discrete: true },
    )
    const [block] = citationsIn(json(editor))
    expect(block?.snapshot.exact).toBe('the new words')
    expect(block?.keptWording).toBeUndefined()
    expect(block && 'keptWording' in block).toBe(false)
  })

  it('ignores a damaged kept wording rather than trusting half of it', () => {
    const editor = loaded({
      type: 'citation-block',
      version: 1,
      ...data,
      keptWording: { keptAt: 3 },
    })
    const [block] = citationsIn(json(editor))
    expect(block?.keptWording).toBeUndefined()
  })
})
