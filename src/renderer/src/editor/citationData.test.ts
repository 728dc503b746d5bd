// A citation of a clipping with a page starts with that page in its locator field; the writer's
// own locator is theirs from then on.
import { createHeadlessEditor } from '@lexical/headless'
import { $createParagraphNode, $getRoot, type LexicalEditor } from 'lexical'
import { describe, expect, it } from 'vitest'
import type { ClippingView, SourceSummary } from '../../../shared/domain'
import type { Locator } from '../../../shared/layout'
import { citationDataFrom, parseCitationData } from './citationData'
import { CitationBlockNode, $isCitationBlockNode } from './nodes/CitationBlockNode'
import { InlineCitationNode } from './nodes/InlineCitationNode'
import {
  $answerQuoteChange,
  $insertCitationBlock,
  $insertInlineCitation,
} from './plugins/citationCommands'

const source: SourceSummary = {
  id: 's-report',
  kind: 'pdf',
  title: 'Harbour Report',
  publisher: 'Port Authority',
  importedAt: '2026-12-01T10:00:00Z',
  currentVersionHash: 'a'.repeat(64),
}

function clippingOn(locator?: Locator): ClippingView {
  return {
    id: 'c-silt',
    sourceId: source.id,
    versionHash: source.currentVersionHash,
    createdAt: '2026-12-01T10:05:00Z',
    updatedAt: '2026-12-01T10:05:00Z',
    note: '',
    tags: [],
    target: [
      { type: 'TextQuoteSelector', exact: 'the silt returned', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 70, end: 87 },
    ],
    sourceTitle: source.title,
    source,
    anchor: { state: 'verified', start: 70, end: 87, exact: 'the silt returned', score: 1 },
    ...(locator && { locator }),
  }
}

const onPage12 = clippingOn({ pages: { first: '12', last: '12', index: 3 } })

function newEditor(): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'test',
    nodes: [CitationBlockNode, InlineCitationNode],
    onError: (error) => {
      throw error
    },
  })
  // A caret in an empty paragraph, as when the writer cites from the picker.
  editor.update(
    () => {
      const paragraph = $createParagraphNode()
      $getRoot().append(paragraph)
      paragraph.select()
    },
    { discrete: true },
  )
  return editor
}

describe('citation data from a clipping', () => {
  it('starts with the page, the page range or the chapter as the locator', () => {
    expect(citationDataFrom(onPage12, source).locator).toBe('p. 12')
    const across = clippingOn({ pages: { first: '4', last: '5', index: 4 } })
    expect(citationDataFrom(across, source).locator).toBe('pp. 4–5')
    const chapter = clippingOn({ chapter: { number: 3, title: 'Silt' } })
    expect(citationDataFrom(chapter, source).locator).toBe('chap. 3')
  })

  it('gives an article no locator at all, not an empty one', () => {
    expect(citationDataFrom(clippingOn(), source)).not.toHaveProperty('locator')
  })

  it('carries the locator through a drag, and only a string one', () => {
    const dragged = JSON.parse(JSON.stringify(citationDataFrom(onPage12, source))) as unknown
    expect(parseCitationData(dragged)?.locator).toBe('p. 12')
    const odd = { ...(dragged as object), locator: 12 }
    expect(parseCitationData(odd)).not.toHaveProperty('locator')
  })
})

describe('inserting a citation of a paged clipping', () => {
  it('fills the locator field of a block and of an inline citation', () => {
    const editor = newEditor()
    const data = citationDataFrom(onPage12, source)
    let block = ''
    let inline = ''
    editor.update(
      () => {
        block = $insertCitationBlock(data).getLocator()
        inline = $insertInlineCitation(data)?.getLocator() ?? 'no selection'
      },
      { discrete: true },
    )
    expect(block).toBe('p. 12')
    expect(inline).toBe('p. 12')
  })

  it('never overwrites the locator the writer typed', () => {
    const editor = newEditor()
    const data = citationDataFrom(onPage12, source)
    editor.update(() => void $insertCitationBlock(data).setLocator('p. 12, n. 3'), {
      discrete: true,
    })
    // Citing the clipping again, and answering a change of its wording, leave the first alone.
    editor.update(
      () => {
        $insertCitationBlock(data)
        $answerQuoteChange(data.clippingId, { accept: 'the silt came back' })
      },
      { discrete: true },
    )
    const locators = editor
      .getEditorState()
      .read(() => $getRoot().getChildren().filter($isCitationBlockNode))
      .map((node) => editor.getEditorState().read(() => node.getLocator()))
    expect(locators).toEqual(['p. 12, n. 3', 'p. 12'])
  })
})
