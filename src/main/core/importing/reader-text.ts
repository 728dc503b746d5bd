// Turns sanitized article HTML into the two things a source version keeps: the plain text that
// selectors point into, and display HTML whose blocks hold exactly that text. Each display block
// carries `data-start`, its offset in the text, so the reader maps a DOM selection to offsets by
// counting characters inside one block (see the renderer's reader/offsets.ts).

import {
  blockProbe,
  droppedTags,
  keptInlineTags,
  leafBlockTags,
  containerTags,
  type BlockProbe,
} from './html-blocks'

export const BLOCK_SEPARATOR = '\n\n'

type BlockKind = 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'pre' | 'li' | 'blockquote'

interface Block {
  kind: BlockKind
  /** The inline nodes of the block, in order. */
  nodes: Node[]
  listTag?: 'UL' | 'OL'
}

export interface ReaderText {
  text: string
  html: string
}

/**
 * `body` must be a sanitized DOM subtree. Written for big pages: children are walked through
 * sibling links (jsdom's `Array.from` over `children` looks each index up anew, which made a 2 MB
 * paragraph quadratic), "does it hold a block?" is answered once per element, and the display HTML
 * is written as a string, not built as a second DOM (which doubled the memory a page takes).
 */
export function readerTextFrom(body: Node): ReaderText {
  const blocks: Block[] = []
  collectBlocks(body, blocks, { inQuote: false }, blockProbe())
  const parts: string[] = []
  const html: string[] = []
  let offset = 0
  let openList: string | null = null
  for (const block of blocks) {
    const { text, content } = normalizedInline(block.nodes, block.kind === 'pre')
    if (text === '') continue
    if (parts.length > 0) offset += BLOCK_SEPARATOR.length
    const listTag = block.kind === 'li' ? (block.listTag ?? 'UL').toLowerCase() : null
    if (listTag !== openList) {
      if (openList) html.push(`</${openList}>`)
      if (listTag) html.push(`<${listTag}>`)
      openList = listTag
    }
    html.push(`<${block.kind} data-start="${offset}">`)
    writeInline(content, html)
    html.push(`</${block.kind}>`)
    parts.push(text)
    offset += text.length
  }
  if (openList) html.push(`</${openList}>`)
  return { text: parts.join(BLOCK_SEPARATOR), html: html.join('') }
}

interface Context {
  inQuote: boolean
  listTag?: 'UL' | 'OL'
}

function childrenOf(parent: Node): Node[] {
  const children: Node[] = []
  for (let child = parent.firstChild; child; child = child.nextSibling) children.push(child)
  return children
}

function collectBlocks(
  parent: Node,
  blocks: Block[],
  context: Context,
  hasBlockChild: BlockProbe,
): void {
  let loose: Node[] = []
  const flushLoose = (): void => {
    if (loose.length > 0) blocks.push({ kind: context.inQuote ? 'blockquote' : 'p', nodes: loose })
    loose = []
  }
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      loose.push(child)
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
        nodes: childrenOf(element),
        listTag: inner.listTag,
      })
    } else {
      collectBlocks(element, blocks, inner, hasBlockChild)
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

/** A block's inline content, read out of the page before any whitespace is collapsed. */
interface InlineElement {
  tag: string
  href?: string
  children: InlineNode[]
}
/** A run of text; `lineBreak` marks the `\n` a `<br>` stands for, which never collapses. */
interface InlineText {
  text: string
  lineBreak: boolean
}
type InlineNode = InlineElement | InlineText

/**
 * Reads `nodes` keeping only safe inline markup, and collapses whitespace the way a browser shows
 * it (runs of ASCII whitespace become one space; `<br>` becomes a line break). Returns the block's
 * text and its inline content, whose text pieces make up exactly that text.
 */
function normalizedInline(
  nodes: Node[],
  preformatted: boolean,
): { text: string; content: InlineNode[] } {
  const texts: InlineText[] = []
  const read = (source: Node, into: InlineNode[]): void => {
    if (source.nodeType === 3) {
      const text = { text: source.textContent ?? '', lineBreak: false }
      into.push(text)
      texts.push(text)
      return
    }
    if (source.nodeType !== 1) return
    const element = source as Element
    const tag = element.tagName.toUpperCase()
    if (droppedTags.has(tag)) return
    if (tag === 'BR') {
      const text = { text: '\n', lineBreak: true }
      into.push(text)
      texts.push(text)
      return
    }
    let children = into
    if (keptInlineTags.has(tag)) {
      const kept: InlineElement = { tag: tag.toLowerCase(), children: [] }
      if (tag === 'A') {
        const href = (element.getAttribute('href') ?? '').trim()
        if (/^(https?:|mailto:)/i.test(href)) kept.href = href
      }
      into.push(kept)
      children = kept.children
    }
    for (let child = element.firstChild; child; child = child.nextSibling) read(child, children)
  }
  const content: InlineNode[] = []
  for (const node of nodes) read(node, content)

  if (preformatted) {
    // One line ending in stored text, whatever the page wrote (`&#13;` included): see
    // shared/line-endings.ts.
    for (const piece of texts) piece.text = piece.text.replace(/\r\n?/g, '\n')
    // The HTML parser drops a newline right after <pre>, so a block never starts with one.
    trimEdges(texts, /^\n+/, /\s+$/)
  } else {
    let previousWasSpace = true
    for (const piece of texts) {
      if (piece.lineBreak) {
        previousWasSpace = true
        continue
      }
      const collapsed = piece.text.replace(/[ \t\n\r\f]+/g, ' ')
      piece.text = previousWasSpace ? collapsed.replace(/^ /, '') : collapsed
      if (piece.text.length > 0) previousWasSpace = piece.text.endsWith(' ')
    }
    trimEdges(texts, /^[ \n]+/, /[ \n]+$/)
  }
  return { text: texts.map((piece) => piece.text).join(''), content }
}

/** Serializes inline content the way the DOM's `innerHTML` would. */
function writeInline(nodes: InlineNode[], html: string[]): void {
  for (const node of nodes) {
    if ('text' in node) {
      html.push(escapeText(node.text))
      continue
    }
    html.push(
      node.href === undefined ? `<${node.tag}>` : `<a href="${escapeAttribute(node.href)}">`,
    )
    writeInline(node.children, html)
    html.push(`</${node.tag}>`)
  }
}

const textEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\u00a0': '&nbsp;',
}
const attributeEscapes: Record<string, string> = { '&': '&amp;', '"': '&quot;', '\u00a0': '&nbsp;' }

// Each pattern matches only its table's keys.
function escapeText(text: string): string {
  return text.replace(/[&<>\u00a0]/g, (character) => textEscapes[character] as string)
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"\u00a0]/g, (character) => attributeEscapes[character] as string)
}

function trimEdges(pieces: InlineText[], leading: RegExp, trailing: RegExp): void {
  for (const piece of pieces) {
    piece.text = piece.text.replace(leading, '')
    if (piece.text !== '') break
  }
  for (let index = pieces.length - 1; index >= 0; index--) {
    const piece = pieces[index] as InlineText
    piece.text = piece.text.replace(trailing, '')
    if (piece.text !== '') break
  }
}
