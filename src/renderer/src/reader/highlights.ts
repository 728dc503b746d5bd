import type { TextRange } from './offsets'

export interface Highlight extends TextRange {
  id: string
  /** A passage the newest version words differently: marked apart from the others. */
  changed?: boolean
}

interface Segment {
  node: Text
  /** Offset of the node's first character in the version's text. */
  start: number
}

/** Every text node under `root` with its offset in the version's text, in document order. */
function textSegments(root: Element): Segment[] {
  const segments: Segment[] = []
  for (const block of Array.from(root.querySelectorAll('[data-start]'))) {
    let offset = Number(block.getAttribute('data-start'))
    const walker = root.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT)
    for (
      let node = walker.nextNode() as Text | null;
      node;
      node = walker.nextNode() as Text | null
    ) {
      segments.push({ node, start: offset })
      offset += node.length
    }
  }
  return segments
}

/** The highlight id of the passage a source search opened the reader at (not a clipping). */
export const FOUND_PASSAGE = 'search-match'

function wrap(node: Text, id: string, changed: boolean): HTMLElement {
  const mark = node.ownerDocument.createElement('mark')
  mark.className =
    id === FOUND_PASSAGE ? 'found-mark' : changed ? 'clip-mark is-changed' : 'clip-mark'
  if (changed) mark.title = 'Changed in the updated source'
  mark.dataset.clippingId = id
  node.parentNode?.insertBefore(mark, node)
  mark.appendChild(node)
  return mark
}

/**
 * Wraps the text covered by each highlight in `<mark data-clipping-id>`, splitting text nodes at
 * its edges; a highlight may run across several blocks, so it can become several marks. Overlapping
 * highlights nest. Only text nodes move into marks, so text content and offsets are unchanged.
 */
export function applyHighlights(root: Element, highlights: Highlight[]): void {
  for (const { id, start, end, changed = false } of highlights) {
    if (start >= end) continue
    // Recomputed per highlight: the previous one split nodes.
    const covered: Text[] = []
    for (const segment of textSegments(root)) {
      const segmentEnd = segment.start + segment.node.length
      if (segment.node.length === 0 || segmentEnd <= start || segment.start >= end) continue
      let node = segment.node
      const to = Math.min(end, segmentEnd) - segment.start
      const from = Math.max(start, segment.start) - segment.start
      if (to < node.length) node.splitText(to)
      if (from > 0) node = node.splitText(from)
      covered.push(node)
    }
    covered.forEach((node, index) => {
      const mark = wrap(node, id, changed)
      if (index === 0) mark.dataset.clippingFirst = ''
    })
  }
}

/** The first mark of a clipping, to scroll to. */
export function firstMarkOf(root: Element, clippingId: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(
    `mark[data-clipping-id="${CSS.escape(clippingId)}"][data-clipping-first]`,
  )
}
