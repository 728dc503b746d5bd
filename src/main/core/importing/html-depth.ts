// How deep a page's elements nest, known before jsdom builds anything. A DOM thousands of levels
// deep is slow to build (each insertion looks at its ancestors), cubic for Readability's clean-up
// and overflows the stack of every recursive walk after it (serializers, DOMPurify, the reader).
import { html, parse, type Token, type TreeAdapter, type TreeAdapterTypeMap } from 'parse5'

/** A node of the scan: the parser needs parents, names and attributes, never children or text. */
interface ScanNode {
  kind: 'document' | 'fragment' | 'element' | 'comment' | 'text' | 'doctype'
  tagName: string
  namespaceURI: html.NS
  attrs: Token.Attribute[]
  parentNode: ScanNode | null
  content?: ScanNode
  mode?: html.DOCUMENT_MODE
}

type ScanTypes = TreeAdapterTypeMap<
  ScanNode,
  ScanNode,
  ScanNode,
  ScanNode,
  ScanNode,
  ScanNode,
  ScanNode,
  ScanNode,
  ScanNode,
  ScanNode
>

class TooDeep extends Error {}

function node(kind: ScanNode['kind'], tagName = '', namespaceURI = html.NS.HTML): ScanNode {
  return { kind, tagName, namespaceURI, attrs: [], parentNode: null }
}

/**
 * The deepest nesting of elements in `page` (the <html> element is level 1), counted on the stack
 * of open elements of the HTML standard's tree construction (parse5, the parser jsdom builds its
 * DOM with), so unclosed <p>, <li> or <font> tags count as the browser would close them. No tree
 * is kept and nothing recurses; the scan stops as soon as the depth passes `stopAbove`.
 */
export function htmlNestingDepth(page: string, stopAbove: number): number {
  let depth = 0
  let deepest = 0
  const adapter: TreeAdapter<ScanTypes> = {
    createDocument: () => ({ ...node('document'), mode: html.DOCUMENT_MODE.NO_QUIRKS }),
    createDocumentFragment: () => node('fragment'),
    createElement: (tagName, namespaceURI, attrs) => ({
      ...node('element', tagName, namespaceURI),
      attrs,
    }),
    createCommentNode: () => node('comment'),
    createTextNode: () => node('text'),
    appendChild: (parent, child) => void (child.parentNode = parent),
    insertBefore: (parent, child) => void (child.parentNode = parent),
    detachNode: (child) => void (child.parentNode = null),
    insertText: () => undefined,
    insertTextBefore: () => undefined,
    adoptAttributes: () => undefined,
    setDocumentType: () => undefined,
    setDocumentMode: (document, mode) => void (document.mode = mode),
    getDocumentMode: (document) => document.mode ?? html.DOCUMENT_MODE.NO_QUIRKS,
    setTemplateContent: (template, content) => void (template.content = content),
    getTemplateContent: (template) => template.content ?? node('fragment'),
    getParentNode: (child) => child.parentNode,
    getChildNodes: () => [],
    getFirstChild: () => null,
    getAttrList: (element) => element.attrs,
    getTagName: (element) => element.tagName,
    getNamespaceURI: (element) => element.namespaceURI,
    getTextNodeContent: () => '',
    getCommentNodeContent: () => '',
    getDocumentTypeNodeName: () => '',
    getDocumentTypeNodePublicId: () => '',
    getDocumentTypeNodeSystemId: () => '',
    isElementNode: (candidate): candidate is ScanNode => candidate.kind === 'element',
    isCommentNode: (candidate): candidate is ScanNode => candidate.kind === 'comment',
    isDocumentTypeNode: (candidate): candidate is ScanNode => candidate.kind === 'doctype',
    isTextNode: (candidate): candidate is ScanNode => candidate.kind === 'text',
    getNodeSourceCodeLocation: () => null,
    setNodeSourceCodeLocation: () => undefined,
    updateNodeSourceCodeLocation: () => undefined,
    onItemPush: () => {
      depth += 1
      if (depth > deepest) deepest = depth
      if (deepest > stopAbove) throw new TooDeep()
    },
    onItemPop: () => {
      depth -= 1
    },
  }
  try {
    parse(page, { treeAdapter: adapter, scriptingEnabled: false })
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error
  }
  return deepest
}

/**
 * The same count on a built DOM, walked without recursion: the scan follows the parser's stack,
 * and a few tree-construction steps (foster parenting, misnested formatting) move nodes after
 * it, so the tree itself is checked too before anything recursive walks it.
 */
export function domNestingDepth(root: Element, stopAbove: number): number {
  let deepest = 0
  let depth = 1
  let element: Element | null = root
  while (element) {
    if (depth > deepest) deepest = depth
    if (deepest > stopAbove) break
    if (element.firstElementChild) {
      element = element.firstElementChild
      depth += 1
      continue
    }
    while (element && element !== root && !element.nextElementSibling) {
      element = element.parentElement
      depth -= 1
    }
    element = element && element !== root ? element.nextElementSibling : null
  }
  return deepest
}

const voidElements = new Set(
  'area base br col embed frame hr img input keygen link meta param source track wbr'.split(' '),
)
/** Elements whose content is text up to their end tag, as the parser reads them. */
const rawTextElements = new Set(
  'script style textarea title xmp iframe noembed noframes'.split(' '),
)
/** Elements a new one of the same name closes (`<p>a<p>b`), as the browser does. */
const selfClosingSiblings = new Set('p li dt dd option tr td th'.split(' '))

/**
 * A quick estimate of the nesting, for the common case of an ordinary page: tags are read with a
 * regular expression and matched on a simple stack, with none of tree construction's rules. The
 * exact scan above costs as much as building the page's DOM, so it runs only when this estimate
 * comes near the limit. An estimate that falls short on a crafted page is still caught: the built
 * DOM is measured before anything walks it, and the worker's time limit bounds the build.
 */
export function roughNestingDepth(page: string): number {
  const tag = /<!--|<(\/?)([a-zA-Z][^\t\n\f\r />]*)/g
  const open: string[] = []
  let deepest = 0
  for (let match = tag.exec(page); match; match = tag.exec(page)) {
    if (match[0] === '<!--') {
      const end = page.indexOf('-->', tag.lastIndex)
      if (end === -1) break
      tag.lastIndex = end + 3
      continue
    }
    const name = (match[2] as string).toLowerCase()
    if (match[1]) {
      const at = open.lastIndexOf(name)
      if (at !== -1) open.length = at
      continue
    }
    if (voidElements.has(name)) continue
    if (name === 'plaintext') break
    if (rawTextElements.has(name)) {
      const close = new RegExp(`</${name}`, 'gi')
      close.lastIndex = tag.lastIndex
      if (!close.exec(page)) break
      tag.lastIndex = close.lastIndex - name.length - 2
      continue
    }
    if (selfClosingSiblings.has(name) && open[open.length - 1] === name) open.pop()
    open.push(name)
    if (open.length > deepest) deepest = open.length
  }
  // <html>, <head>/<body> and a table's implied <tbody> are not always written.
  return deepest + 3
}

/**
 * Whether `page` nests deeper than `limit`: the quick estimate settles ordinary pages, and the
 * exact scan decides whenever the estimate reaches half the limit.
 */
export function nestsDeeperThan(page: string, limit: number): boolean {
  if (roughNestingDepth(page) <= limit / 2) return false
  return htmlNestingDepth(page, limit) > limit
}
