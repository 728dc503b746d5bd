import { $findMatchingParent } from '@lexical/utils'
import {
  $createRangeSelection,
  $getRoot,
  $isElementNode,
  $setSelection,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical'
import { findInBlocks, type EssayMatch, type TextRun } from './essayMatches'

/** The block a text node's line belongs to: its paragraph, heading, quote or list item. */
function lineOf(node: LexicalNode): string {
  const line = $findMatchingParent(node, (parent) => $isElementNode(parent) && !parent.isInline())
  return line?.getKey() ?? ''
}

/** Every place `query` is in the essay's text, in order. */
export function $findInEssay(query: string): EssayMatch[] {
  const blocks = $getRoot()
    .getChildren()
    .filter($isElementNode)
    .map((block) => ({
      key: block.getKey(),
      runs: block.getAllTextNodes().map((node): TextRun => ({
        key: node.getKey(),
        text: node.getTextContent(),
        parent: lineOf(node),
      })),
    }))
  return findInBlocks(blocks, query)
}

/** Makes the match the editor's selection: when the writer leaves the find bar for the text. */
export function $selectMatch(match: EssayMatch): void {
  const selection = $createRangeSelection()
  selection.anchor.set(match.start.key, match.start.offset, 'text')
  selection.focus.set(match.end.key, match.end.offset, 'text')
  $setSelection(selection)
}

/** The match in the page, when its block is laid out. */
export function domRangeOf(editor: LexicalEditor, match: EssayMatch): Range | null {
  const point = (key: string): Text | null => {
    const text = editor.getElementByKey(key)?.firstChild
    return text instanceof Text ? text : null
  }
  const start = point(match.start.key)
  const end = point(match.end.key)
  if (!start || !end || !start.isConnected || !end.isConnected) return null
  const range = document.createRange()
  try {
    range.setStart(start, Math.min(match.start.offset, start.length))
    range.setEnd(end, Math.min(match.end.offset, end.length))
  } catch {
    // The text changed under the match since it was found: it is found again on the update.
    return null
  }
  return range
}

const ALL = 'essay-find'
const CURRENT = 'essay-find-current'

/**
 * Marks the matches with the CSS Custom Highlight API: no element is added to the essay, so
 * neither Lexical nor the saved essay sees them. Returns how to take the marks away.
 */
export function highlightMatches(editor: LexicalEditor, matches: EssayMatch[], current: number) {
  const ranges = matches.map((match) => domRangeOf(editor, match))
  const others = ranges.filter(
    (range, index): range is Range => range !== null && index !== current,
  )
  const chosen = ranges[current]
  CSS.highlights.set(ALL, new Highlight(...others))
  CSS.highlights.set(CURRENT, chosen ? new Highlight(chosen) : new Highlight())
  return (): void => {
    CSS.highlights.delete(ALL)
    CSS.highlights.delete(CURRENT)
  }
}
