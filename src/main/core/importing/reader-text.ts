// Turns sanitized article HTML into the two things a source version keeps: the plain text that
// selectors point into, and display HTML whose blocks hold exactly that text. Each display block
// carries `data-start`, its offset in the text, so the reader maps a DOM selection to offsets by
// counting characters inside one block (see the renderer's reader/offsets.ts).

export const BLOCK_SEPARATOR = '\n\n'

const leafBlockTags = new Set([
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
const containerTags = new Set([
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
const keptInlineTags = new Set([
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
const droppedTags = new Set([
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

type BlockKind = 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'pre' | 'li' | 'blockquote'

interface Block {
  kind: BlockKind
  /** The inline nodes of the block, in order (detached copies). */
  nodes: Node[]
  listTag?: 'UL' | 'OL'
}

export interface ReaderText {
  text: string
  html: string
}

/** `body` must be a sanitized DOM subtree; `doc` creates the output nodes. */
export function readerTextFrom(body: Node, doc: Document): ReaderText {
  const blocks: Block[] = []
  collectBlocks(body, blocks, { inQuote: false })
  const parts: string[] = []
  const output = doc.createElement('div')
  let offset = 0
  let openList: HTMLElement | null = null
  for (const block of blocks) {
    const element = doc.createElement(block.kind === 'li' ? 'li' : block.kind)
    const text = fillNormalized(element, block.nodes, block.kind === 'pre', doc)
    if (text === '') continue
    if (parts.length > 0) offset += BLOCK_SEPARATOR.length
    element.setAttribute('data-start', String(offset))
    parts.push(text)
    offset += text.length
    if (block.kind === 'li') {
      const listTag = block.listTag ?? 'UL'
      if (!openList || openList.tagName !== listTag) {
        openList = doc.createElement(listTag.toLowerCase())
        output.appendChild(openList)
      }
      openList.appendChild(element)
    } else {
      openList = null
      output.appendChild(element)
    }
  }
  return { text: parts.join(BLOCK_SEPARATOR), html: output.innerHTML }
}

interface Context {
  inQuote: boolean
  listTag?: 'UL' | 'OL'
}

function hasBlockChild(element: Element): boolean {
  for (const child of Array.from(element.children)) {
    if (
      leafBlockTags.has(child.tagName) ||
      containerTags.has(child.tagName) ||
      child.tagName === 'HR'
    )
      return true
    if (
      !keptInlineTags.has(child.tagName) &&
      !droppedTags.has(child.tagName) &&
      hasBlockChild(child)
    )
      return true
  }
  return false
}

function collectBlocks(parent: Node, blocks: Block[], context: Context): void {
  let loose: Node[] = []
  const flushLoose = (): void => {
    if (loose.length > 0) blocks.push({ kind: context.inQuote ? 'blockquote' : 'p', nodes: loose })
    loose = []
  }
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === 3) {
      loose.push(child.cloneNode())
      continue
    }
    if (child.nodeType !== 1) continue
    const element = child as Element
    const tag = element.tagName.toUpperCase()
    if (droppedTags.has(tag) || tag === 'HR') {
      if (tag === 'HR') flushLoose()
      continue
    }
    const isLeaf = leafBlockTags.has(tag)
    const isContainer = containerTags.has(tag)
    if (!isLeaf && !isContainer && !hasBlockChild(element)) {
      loose.push(element)
      continue
    }
    flushLoose()
    const inner: Context = {
      inQuote: context.inQuote || tag === 'BLOCKQUOTE',
      listTag: tag === 'UL' || tag === 'OL' ? tag : context.listTag,
    }
    if (isLeaf && !hasBlockChild(element)) {
      blocks.push({
        kind: leafKind(tag, inner),
        nodes: Array.from(element.childNodes),
        listTag: inner.listTag,
      })
    } else {
      collectBlocks(element, blocks, inner)
    }
  }
  flushLoose()
}

function leafKind(tag: string, context: Context): BlockKind {
  if (/^H[1-6]$/.test(tag)) return tag.toLowerCase() as BlockKind
  if (tag === 'PRE') return 'pre'
  if (tag === 'LI') return 'li'
  return context.inQuote ? 'blockquote' : 'p'
}

/**
 * Copies `nodes` into `target`, keeping only safe inline markup and collapsing whitespace the way a
 * browser shows it (runs of ASCII whitespace become one space; `<br>` becomes a line break). Returns
 * the block's text, which equals `target.textContent`.
 */
function fillNormalized(
  target: Element,
  nodes: Node[],
  preformatted: boolean,
  doc: Document,
): string {
  const textNodes: Text[] = []
  const lineBreaks = new Set<Text>()
  const copy = (source: Node, into: Node): void => {
    if (source.nodeType === 3) {
      const text = doc.createTextNode(source.textContent ?? '')
      into.appendChild(text)
      textNodes.push(text)
      return
    }
    if (source.nodeType !== 1) return
    const element = source as Element
    const tag = element.tagName.toUpperCase()
    if (droppedTags.has(tag)) return
    if (tag === 'BR') {
      const text = doc.createTextNode('\n')
      into.appendChild(text)
      textNodes.push(text)
      lineBreaks.add(text)
      return
    }
    let container: Node = into
    if (keptInlineTags.has(tag)) {
      const kept = doc.createElement(tag.toLowerCase())
      if (tag === 'A') {
        const href = element.getAttribute('href') ?? ''
        if (/^(https?:|mailto:)/i.test(href.trim())) kept.setAttribute('href', href.trim())
      }
      into.appendChild(kept)
      container = kept
    }
    for (const child of Array.from(element.childNodes)) copy(child, container)
  }
  for (const node of nodes) copy(node, target)

  if (preformatted) {
    // The HTML parser drops a newline right after <pre>, so a block never starts with one.
    trimEdges(textNodes, /^\n+/, /\s+$/)
  } else {
    let previousWasSpace = true
    for (const node of textNodes) {
      if (lineBreaks.has(node)) {
        previousWasSpace = true
        continue
      }
      const collapsed = node.data.replace(/[ \t\n\r\f]+/g, ' ')
      node.data = previousWasSpace ? collapsed.replace(/^ /, '') : collapsed
      if (node.data.length > 0) previousWasSpace = node.data.endsWith(' ')
    }
    trimEdges(textNodes, /^[ \n]+/, /[ \n]+$/)
  }
  for (const node of textNodes) if (node.data === '') node.remove()
  return target.textContent ?? ''
}

function trimEdges(nodes: Text[], leading: RegExp, trailing: RegExp): void {
  for (const node of nodes) {
    node.data = node.data.replace(leading, '')
    if (node.data !== '') break
  }
  for (const node of [...nodes].reverse()) {
    node.data = node.data.replace(trailing, '')
    if (node.data !== '') break
  }
}
