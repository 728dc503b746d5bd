// The citation commands and the invariant that citation blocks are top level, free of React so
// that a headless editor (the unit test, an exporter) registers exactly what the app does.
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $getSiblingCaret,
  $insertNodeToNearestRootAtCaret,
  $isElementNode,
  $isNodeSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $isTextNode,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  HISTORY_PUSH_TAG,
  type LexicalCommand,
  type LexicalEditor,
  type LexicalNode,
  type RangeSelection,
} from 'lexical'
import { $dfs, mergeRegister } from '@lexical/utils'
import type { CitationData, KeptWording } from '../../../../shared/essay'
import { $createCitationBlockNode, CitationBlockNode } from '../nodes/CitationBlockNode'
import { CitationNode } from '../nodes/CitationNode'
import { $createInlineCitationNode, type InlineCitationNode } from '../nodes/InlineCitationNode'

/** Inserts a citation block after the top-level block holding the caret (at the end if none). */
export const INSERT_CITATION_COMMAND: LexicalCommand<CitationData> =
  createCommand('INSERT_CITATION_COMMAND')

/** Marks the selected words as a paraphrase of a clipping: a marker at the selection's end. */
export const INSERT_INLINE_CITATION_COMMAND: LexicalCommand<CitationData> = createCommand(
  'INSERT_INLINE_CITATION_COMMAND',
)

/** The top-level block a node sits in (itself if it is one); null for the root. */
function $topLevelOf(node: LexicalNode): LexicalNode | null {
  if ($isRootOrShadowRoot(node)) return null
  return node.getTopLevelElement()
}

/** The top-level block holding the caret, or null when there is no selection in this essay. */
export function $caretBlock(): LexicalNode | null {
  const selection = $getSelection()
  if ($isRangeSelection(selection)) {
    const { focus } = selection
    const node = focus.getNode()
    if ($isRootOrShadowRoot(node)) {
      // A caret between top-level blocks: the block before it holds it.
      return node.getChildAtIndex(Math.max(0, focus.offset - 1))
    }
    return $topLevelOf(node)
  }
  if ($isNodeSelection(selection)) {
    const nodes = selection.getNodes()
    const last = nodes[nodes.length - 1]
    return last ? $topLevelOf(last) : null
  }
  return null
}

function $isEmptyParagraph(node: LexicalNode): boolean {
  return $isParagraphNode(node) && node.getChildrenSize() === 0
}

/**
 * Places a new citation block beside `target` (a top-level block; null means the end), keeps a
 * paragraph after it so the writer can go on typing, and puts the caret there.
 */
export function $insertCitationBlockBeside(
  target: LexicalNode | null,
  data: CitationData,
  placement: 'before' | 'after' = 'after',
): CitationBlockNode {
  // A new citation names the clipping's page where it has one; the writer edits it from there.
  const block = $createCitationBlockNode(data, data.locator ?? '')
  const last = $getRoot().getLastChild()
  if (target === null && last !== null && $isEmptyParagraph(last)) last.replace(block)
  else if (target === null) $getRoot().append(block)
  // An empty paragraph under the caret is room the writer made for the quote: fill it.
  else if (placement === 'after' && $isEmptyParagraph(target)) target.replace(block)
  else if (placement === 'before') target.insertBefore(block)
  else target.insertAfter(block)
  let next = block.getNextSibling()
  if (next === null) {
    next = $createParagraphNode()
    block.insertAfter(next)
  }
  if ($isElementNode(next)) next.selectStart()
  return block
}

export function $insertCitationBlock(data: CitationData): CitationBlockNode {
  return $insertCitationBlockBeside($caretBlock(), data)
}

/** Where the selected words end: never the start of the following block (a triple click). */
function $collapseToSelectedEnd(selection: RangeSelection): void {
  const end = selection.isBackward() ? selection.anchor : selection.focus
  const texts = selection.getNodes().filter($isTextNode)
  for (const node of texts.reverse()) {
    const isEndNode = end.type === 'text' && end.key === node.getKey()
    if (isEndNode && end.offset === 0) continue
    const offset = isEndNode ? end.offset : node.getTextContentSize()
    selection.setTextNodeRange(node, offset, node, offset)
    return
  }
  const { key, offset, type } = end
  selection.anchor.set(key, offset, type)
  selection.focus.set(key, offset, type)
}

/** Inserts the marker right after the selected text; null when there is no range selection. */
export function $insertInlineCitation(data: CitationData): InlineCitationNode | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return null
  if (!selection.isCollapsed()) $collapseToSelectedEnd(selection)
  const marker = $createInlineCitationNode(data, data.locator ?? '')
  selection.insertNodes([marker])
  return marker
}

/**
 * A citation block is a block of the essay, never inside a paragraph, list or quote (a paste or a
 * drop could put it there): split what holds it and lift it to the top level at that point.
 */
export function $liftCitationBlock(node: CitationBlockNode): void {
  const parent = node.getParent()
  if (parent === null || $isRootOrShadowRoot(parent)) return
  $insertNodeToNearestRootAtCaret(node, $getSiblingCaret(node, 'previous'))
}

export function registerCitationTransforms(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(CitationBlockNode, $liftCitationBlock)
}

/**
 * The two insert commands and the top-level invariant. Each insertion is its own update tagged
 * history-push, so the history never merges it with typing and one undo removes it.
 */
export function registerCitationCommands(editor: LexicalEditor): () => void {
  return mergeRegister(
    registerCitationTransforms(editor),
    editor.registerCommand(
      INSERT_CITATION_COMMAND,
      (data) => {
        editor.update(() => void $insertCitationBlock(data), { tag: HISTORY_PUSH_TAG })
        return true
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      INSERT_INLINE_CITATION_COMMAND,
      (data) => {
        editor.update(() => void $insertInlineCitation(data), { tag: HISTORY_PUSH_TAG })
        return true
      },
      COMMAND_PRIORITY_EDITOR,
    ),
  )
}

/** Every citation (block or inline) of one clipping in this essay. */
export function $citationsOfClipping(clippingId: string): CitationNode[] {
  return $dfs()
    .map(({ node }) => node)
    .filter((node): node is CitationNode => node instanceof CitationNode)
    .filter((node) => node.getClippingId() === clippingId)
}

/**
 * The writer's answer to a changed passage, for every citation of the clipping in this essay:
 * quote the source's new wording, or keep the wording it was clipped with.
 */
export function $answerQuoteChange(
  clippingId: string,
  answer: { accept: string } | { keep: KeptWording },
): void {
  for (const citation of $citationsOfClipping(clippingId)) {
    if ('accept' in answer) citation.setQuote(answer.accept)
    else citation.setKeptWording(answer.keep)
  }
}
