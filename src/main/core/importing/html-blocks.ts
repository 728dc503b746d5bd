// The HTML vocabulary the reader text is built from: which elements are blocks, which inline
// markup is kept, and which elements never hold article text.

export const leafBlockTags = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'PRE',
  'LI',
  'DT',
  'DD',
  'FIGCAPTION',
  'TD',
  'TH',
  'CAPTION',
])
export const containerTags = new Set([
  'HTML',
  'BODY',
  'DIV',
  'ARTICLE',
  'SECTION',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'UL',
  'OL',
  'BLOCKQUOTE',
  'FIGURE',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'DL',
  'DETAILS',
  'SUMMARY',
  'ADDRESS',
  'CENTER',
  'HGROUP',
  'FORM',
  'FIELDSET',
])
/** Inline elements worth keeping for reading; any other inline element is unwrapped. */
export const keptInlineTags = new Set([
  'A',
  'EM',
  'I',
  'STRONG',
  'B',
  'U',
  'S',
  'CODE',
  'SUB',
  'SUP',
  'SMALL',
  'ABBR',
  'CITE',
  'Q',
  'MARK',
  'DEL',
  'INS',
  'KBD',
])
/** Elements whose content is never article text. */
export const droppedTags = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'IMG',
  'PICTURE',
  'SOURCE',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'BASE',
])

/** Whether an element holds a block somewhere inside its inline wrappers, remembered per element. */
export type BlockProbe = (element: Element) => boolean

export function blockProbe(): BlockProbe {
  const known = new Map<Element, boolean>()
  const hasBlockChild = (element: Element): boolean => {
    const remembered = known.get(element)
    if (remembered !== undefined) return remembered
    let found = false
    for (let child = element.firstElementChild; child && !found; child = child.nextElementSibling) {
      const tag = child.tagName
      found =
        leafBlockTags.has(tag) ||
        containerTags.has(tag) ||
        tag === 'HR' ||
        (!keptInlineTags.has(tag) && !droppedTags.has(tag) && hasBlockChild(child))
    }
    known.set(element, found)
    return found
  }
  return hasBlockChild
}

/** Whether the reader text starts a new block at this node (dropped elements are not blocks). */
export function isBlockNode(node: Node, hasBlockChild: BlockProbe): boolean {
  if (node.nodeType !== 1) return false
  const element = node as Element
  const tag = element.tagName.toUpperCase()
  if (droppedTags.has(tag)) return false
  if (leafBlockTags.has(tag) || containerTags.has(tag) || tag === 'HR') return true
  return !keptInlineTags.has(tag) && hasBlockChild(element)
}
