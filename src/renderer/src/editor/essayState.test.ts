// @vitest-environment jsdom
// What the essay editor itself saves must pass the strict saved-state schema that main holds
// every autosave to: Lexical at 0.52 with the app's nodes, driven through its own commands, a
// rich HTML paste and a Markdown import, not hand-written JSON.
import { createHeadlessEditor } from '@lexical/headless'
import { $generateNodesFromDOM } from '@lexical/html'
import { $createAutoLinkNode, $createLinkNode, $toggleLink } from '@lexical/link'
import {
  $createListItemNode,
  $createListNode,
  INSERT_ORDERED_LIST_COMMAND,
  registerList,
} from '@lexical/list'
import { $createHeadingNode, $createQuoteNode, registerRichText } from '@lexical/rich-text'
import { $patchStyleText } from '@lexical/selection'
import { mergeRegister } from '@lexical/utils'
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createRangeSelection,
  $createTabNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  FORMAT_ELEMENT_COMMAND,
  INDENT_CONTENT_COMMAND,
  TEXT_TYPE_TO_FORMAT,
  type ElementNode,
  type LexicalEditor,
  type TextFormatType,
} from 'lexical'
import { describe, expect, it } from 'vitest'
import type {
  CitationData,
  SerializedEditorStateJson,
  SerializedNodeJson,
} from '../../../shared/essay'
import { checkEditorState } from '../../../shared/essay-state/schema'
import { essayNodes } from './essayNodes'
import { $loadBlocks } from './loadBlocks'
import { $createCitationBlockNode } from './nodes/CitationBlockNode'
import { $createInlineCitationNode } from './nodes/InlineCitationNode'
import { $isUnreadableBlockNode } from './nodes/UnreadableBlockNode'
import { INSERT_CITATION_COMMAND, registerCitationCommands } from './plugins/citationCommands'
import { registerUnreadableBlockTransform } from './plugins/UnreadableBlockPlugin'

const data: CitationData = {
  clippingId: 'c_1',
  sourceId: 's_1',
  snapshot: { exact: '“It’s—as they say—a story…”', title: 'On Quotation', author: 'Ann' },
}

/** A headless editor with the app's nodes and the behaviour its plugins register. */
function newEditor(): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'commonplace-essay',
    nodes: essayNodes,
    onError: (error) => {
      throw error
    },
  })
  mergeRegister(
    registerRichText(editor),
    registerList(editor),
    registerCitationCommands(editor),
    registerUnreadableBlockTransform(editor),
  )
  return editor
}

/** What autosave sends: the state as JSON, through a copy as IPC makes one. */
function saved(editor: LexicalEditor): SerializedEditorStateJson {
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON())) as SerializedEditorStateJson
}

function expectAccepted(state: SerializedEditorStateJson): void {
  const checked = checkEditorState(state)
  expect(checked.ok ? 'accepted' : checked.problem).toBe('accepted')
}

function typesIn(state: SerializedEditorStateJson): Set<string> {
  const types = new Set<string>()
  const visit = (node: SerializedNodeJson): void => {
    types.add(node.type)
    node.children?.forEach(visit)
  }
  visit(state.root)
  return types
}

/** Everything the toolbar, the shortcuts and the citation commands can make, in one essay. */
function $writeEverything(): void {
  const formats = Object.keys(TEXT_TYPE_TO_FORMAT) as TextFormatType[]
  const formatted = formats.map((format) => $createTextNode(`${format} `).toggleFormat(format))
  const styled = $createTextNode('styled').setStyle('color: #a00; font-size: 18px')
  const paragraph = $createParagraphNode().append(
    ...formatted,
    styled,
    $createLineBreakNode(),
    $createTabNode(),
    $createLinkNode('https://example.org', {
      rel: 'noreferrer',
      target: '_blank',
      title: 'T',
    }).append($createTextNode('a link'), $createInlineCitationNode(data, 'p. 2')),
    $createAutoLinkNode('https://example.com').append($createTextNode('https://example.com')),
    $createInlineCitationNode({
      ...data,
      keptWording: { versionHash: 'f'.repeat(64), keptAt: 'now' },
    }),
  )
  paragraph.setFormat('center').setIndent(2).setDirection('rtl')
  // An empty block keeps the format typing would take there.
  const empty = $createParagraphNode()
    .setTextFormat(TEXT_TYPE_TO_FORMAT.bold as number)
    .setTextStyle('color: red')
  const headings = (['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((tag) =>
    $createHeadingNode(tag).append($createTextNode(tag)),
  )
  const checklist = $createListNode('check').append(
    $createListItemNode(true).append($createTextNode('done')),
    $createListItemNode(false).append($createTextNode('to do')),
  )
  const nested = $createListNode('number', 3).append(
    $createListItemNode().append($createTextNode('three')),
    $createListItemNode().append(
      $createListNode('bullet').append($createListItemNode().append($createTextNode('inner'))),
    ),
  )
  $getRoot()
    .clear()
    .append(
      paragraph,
      empty,
      ...headings,
      $createQuoteNode().append($createTextNode('quoted'), $createLineBreakNode()),
      checklist,
      nested,
      $createCitationBlockNode(
        { ...data, keptWording: { versionHash: 'a'.repeat(64), keptAt: '2026-01-01T00:00:00Z' } },
        '§ 3',
        'Compare the other view',
      ),
      $createHeadingNode('h2'),
    )
}

describe('what the essay editor saves', () => {
  it('passes the strict schema: every node, format, list kind and citation the editor makes', () => {
    const editor = newEditor()
    editor.update($writeEverything, { discrete: true })
    // Then through the commands the toolbar and shortcuts use.
    editor.update(
      () => {
        const quoted = $getRoot().getChildAtIndex<ElementNode>(8)?.getFirstDescendant()
        const selection = $createRangeSelection()
        selection.anchor.set(quoted?.getKey() ?? '', 0, 'text')
        selection.focus.set(quoted?.getKey() ?? '', 3, 'text')
        $setSelection(selection)
        $patchStyleText(selection, { 'background-color': 'yellow' })
        $toggleLink('https://example.net')
      },
      { discrete: true },
    )
    // Inside a discrete update, so that each has happened before the state is read.
    editor.update(
      () => {
        $getRoot().getLastChildOrThrow<ElementNode>().selectStart()
        editor.dispatchCommand(INDENT_CONTENT_COMMAND, undefined)
        editor.dispatchCommand(FORMAT_ELEMENT_COMMAND, 'justify')
        editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)
        editor.dispatchCommand(INSERT_CITATION_COMMAND, data)
      },
      { discrete: true },
    )

    const state = saved(editor)
    expectAccepted(state)
    // Not vacuous: the state holds every kind of node the schema knows.
    expect([...typesIn(state)].sort()).toEqual(
      [
        'autolink',
        'citation-block',
        'heading',
        'inline-citation',
        'linebreak',
        'link',
        'list',
        'listitem',
        'paragraph',
        'quote',
        'root',
        'tab',
        'text',
      ].sort(),
    )
  })

  it('passes after a paste of rich HTML from a web page', () => {
    const editor = newEditor()
    editor.update(
      () => {
        $getRoot().clear().append($createParagraphNode())
        $getRoot().selectEnd()
      },
      { discrete: true },
    )
    const html = `
      <h3 style="text-align: center">A <em>title</em></h3>
      <p dir="rtl" style="margin-left: 40px"><span style="color: rgb(200, 0, 0); font-weight: 700">red</span>
        <sub>sub</sub><sup>sup</sup><mark>marked</mark><s>struck</s><u>under</u><code>code</code>
        <a href="https://example.org" target="_blank" title="t">link</a><br>next line</p>
      <blockquote>quoted <b>words</b></blockquote>
      <ol start="4"><li>four<ul><li>nested</li></ul></li><li><p>a paragraph in an item</p></li></ol>
      <table><tr><td>a cell</td></tr></table>
      <pre>pre\ttext</pre><hr><img src="x.png" alt="an image"><div>loose text</div>`
    // As a paste does (PASTE_COMMAND needs browser events jsdom lacks): HTML to nodes, then
    // inserted at the caret.
    editor.update(
      () => {
        const dom = new DOMParser().parseFromString(html, 'text/html')
        const selection = $getSelection()
        if ($isRangeSelection(selection)) {
          selection.insertNodes($generateNodesFromDOM(editor, dom))
        }
      },
      { discrete: true },
    )
    const state = saved(editor)
    expect(JSON.stringify(state)).toContain('a paragraph in an item')
    expectAccepted(state)
  })

  it('keeps a block Lexical cannot read as an unreadable block, exported unchanged', () => {
    const image = { version: 1, type: 'image', src: 'x.png', caption: { text: 'Zoë' } }
    const wrapped = { type: 'unreadable-block', version: 1, raw: { type: 'table', version: 1 } }
    const editor = newEditor()
    editor.update(
      () =>
        $loadBlocks({
          root: { type: 'root', version: 1, children: [image, wrapped] },
        }),
      { discrete: true },
    )
    editor.update(
      () => $getRoot().append($createParagraphNode().append($createTextNode('typed'))),
      {
        discrete: true,
      },
    )
    const [first, second] = editor.read(() => $getRoot().getChildren())
    expect($isUnreadableBlockNode(first) && $isUnreadableBlockNode(second)).toBe(true)
    const state = editor.getEditorState().toJSON() as unknown as SerializedEditorStateJson
    const [imageOut, wrappedOut] = state.root.children ?? []
    expect(JSON.stringify(imageOut)).toBe(
      JSON.stringify({ type: 'unreadable-block', version: 1, raw: image }),
    )
    expect(imageOut?.raw).toBe(image)
    expect(JSON.stringify(wrappedOut)).toBe(JSON.stringify(wrapped))
    expectAccepted(JSON.parse(JSON.stringify(state)) as SerializedEditorStateJson)
  })
})
