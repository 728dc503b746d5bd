// Maps DOM positions in the reader body to offsets in the version's text. The display HTML built
// in main (core/importing/reader-text.ts) gives every block `data-start`, its offset in the text,
// and each block's text content is exactly its slice of the text; so a point's offset is its
// block's start plus the characters of text before it inside that block. Highlight marks only
// wrap text nodes, so they change nothing here.

export interface TextRange {
  start: number
  end: number
}

const BLOCK_SELECTOR = '[data-start]'

function blockStart(block: Element): number {
  return Number(block.getAttribute('data-start'))
}

function blockOf(root: Element, node: Node): Element | null {
  let current: Node | null = node
  while (current && current !== root) {
    if (current.nodeType === Node.ELEMENT_NODE && (current as Element).hasAttribute('data-start')) {
      return current as Element
    }
    current = current.parentNode
  }
  return null
}

/** Characters of text inside `block` before the boundary point (node, offsetInNode). */
function charactersBefore(block: Element, node: Node, offsetInNode: number): number {
  const point = block.ownerDocument.createRange()
  point.setStart(node, offsetInNode)
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT)
  let count = 0
  for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
    if (text === node) return count + offsetInNode
    // A text node cannot contain an element's boundary point: it lies wholly before or after.
    if (point.comparePoint(text, 0) >= 0) break
    count += text.length
  }
  return count
}

/**
 * A point between blocks (in the root, or in a list between its items) has no block around it:
 * it maps to the start of the next block, or the end of the text when no block follows.
 */
function offsetBetweenBlocks(root: Element, node: Node, offsetInNode: number): number | null {
  const point = root.ownerDocument.createRange()
  point.setStart(node, offsetInNode)
  const blocks = Array.from(root.querySelectorAll(BLOCK_SELECTOR))
  for (const block of blocks) {
    if (point.comparePoint(block, 0) >= 0) return blockStart(block)
  }
  const last = blocks.at(-1)
  return last ? blockStart(last) + (last.textContent ?? '').length : null
}

/**
 * The offset in the version's text of the DOM boundary point (node, offsetInNode), as a Range or
 * Selection gives it: `node` may be a text node (offset in characters) or an element (offset in
 * child nodes). Null when the point is outside `root`.
 */
export function offsetOf(root: Element, node: Node, offsetInNode: number): number | null {
  if (!root.contains(node)) return null
  const block = blockOf(root, node)
  if (!block) return offsetBetweenBlocks(root, node, offsetInNode)
  return blockStart(block) + charactersBefore(block, node, offsetInNode)
}

/** The selection's extent within `root` as text offsets; null when it is empty or elsewhere. */
export function selectionOffsets(root: Element, selection: Selection | null): TextRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!range.intersectsNode(root)) return null
  // A selection that starts or ends outside the body is clipped to it.
  const start = root.contains(range.startContainer)
    ? offsetOf(root, range.startContainer, range.startOffset)
    : offsetOf(root, root, 0)
  const end = root.contains(range.endContainer)
    ? offsetOf(root, range.endContainer, range.endOffset)
    : offsetOf(root, root, root.childNodes.length)
  if (start === null || end === null || start >= end) return null
  return { start, end }
}
