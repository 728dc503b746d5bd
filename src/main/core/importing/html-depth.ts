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
