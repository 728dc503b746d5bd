import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical'
import { createElement, type ReactElement } from 'react'
import {
  INLINE_CITATION_TYPE,
  type CitationData,
  type CitationSnapshot,
  type SerializedInlineCitationJson,
} from '../../../../shared/essay'
import { attributionOf, copySnapshot, parseSnapshot } from '../citationData'
import { InlineCitationComponent } from './InlineCitationComponent'

export type SerializedInlineCitationNode = Spread<
  {
    clippingId: string
    sourceId: string
    snapshot: CitationSnapshot
    locator: string
  },
  SerializedLexicalNode
>

const emptySnapshot: CitationSnapshot = { exact: '', title: '' }

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/**
 * A paraphrase's citation: a small marker placed right after the words the writer based on a
 * clipping. It holds the same snapshot as a citation block but shows only a superscript button.
 */
export class InlineCitationNode extends DecoratorNode<ReactElement> {
  __clippingId: string
  __sourceId: string
  __snapshot: CitationSnapshot
  __locator: string

  static getType(): string {
    return INLINE_CITATION_TYPE
  }

  static clone(node: InlineCitationNode): InlineCitationNode {
    return new InlineCitationNode(
      { clippingId: node.__clippingId, sourceId: node.__sourceId, snapshot: node.__snapshot },
      node.__locator,
      node.__key,
    )
  }

  // Lexical constructs nodes with no arguments when it clones or imports, so every one is optional.
  constructor(data?: CitationData, locator = '', key?: NodeKey) {
    super(key)
    this.__clippingId = data?.clippingId ?? ''
    this.__sourceId = data?.sourceId ?? ''
    this.__snapshot = data?.snapshot ?? emptySnapshot
    this.__locator = locator
  }

  static importJSON(serializedNode: SerializedInlineCitationNode): InlineCitationNode {
    return $createInlineCitationNode().updateFromJSON(serializedNode)
  }

  updateFromJSON(serializedNode: LexicalUpdateJSON<SerializedInlineCitationNode>): this {
    // Saved essays and pasted Lexical JSON are not trusted to have the right types.
    const raw = serializedNode as Record<string, unknown>
    const writable = super.updateFromJSON(serializedNode).getWritable()
    writable.__clippingId = stringOf(raw.clippingId)
    writable.__sourceId = stringOf(raw.sourceId)
    writable.__snapshot = parseSnapshot(raw.snapshot)
    writable.__locator = stringOf(raw.locator)
    return writable
  }

  exportJSON(): SerializedInlineCitationNode {
    const self = this.getLatest()
    const json: SerializedInlineCitationJson & SerializedInlineCitationNode = {
      type: INLINE_CITATION_TYPE,
      version: 1,
      clippingId: self.__clippingId,
      sourceId: self.__sourceId,
      snapshot: copySnapshot(self.__snapshot),
      locator: self.__locator,
    }
    return json
  }

  createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('span')
    const className = config.theme.inlineCitation as string | undefined
    if (className) element.className = className
    return element
  }

  updateDOM(): false {
    return false
  }

  /** For copying into other apps: a superscript naming the source. */
  exportDOM(): DOMExportOutput {
    const element = document.createElement('sup')
    element.setAttribute('data-clipping-id', this.getClippingId())
    const cite = document.createElement('cite')
    const locator = this.getLocator()
    cite.textContent = `[${attributionOf(this.getSnapshot())}${locator ? `, ${locator}` : ''}]`
    element.append(cite)
    return { element }
  }

  isInline(): true {
    return true
  }

  isKeyboardSelectable(): boolean {
    return true
  }

  getClippingId(): string {
    return this.getLatest().__clippingId
  }

  getSourceId(): string {
    return this.getLatest().__sourceId
  }

  getSnapshot(): CitationSnapshot {
    return this.getLatest().__snapshot
  }

  getLocator(): string {
    return this.getLatest().__locator
  }

  getCitationData(): CitationData {
    const self = this.getLatest()
    return { clippingId: self.__clippingId, sourceId: self.__sourceId, snapshot: self.__snapshot }
  }

  setLocator(locator: string): this {
    const writable = this.getWritable()
    writable.__locator = locator
    return writable
  }

  decorate(): ReactElement {
    return createElement(InlineCitationComponent, {
      clippingId: this.__clippingId,
      sourceId: this.__sourceId,
      snapshot: this.__snapshot,
      locator: this.__locator,
    })
  }
}

export function $createInlineCitationNode(data?: CitationData, locator = ''): InlineCitationNode {
  const snapshot = data ? copySnapshot(data.snapshot) : undefined
  return $applyNodeReplacement(
    new InlineCitationNode(data && snapshot ? { ...data, snapshot } : undefined, locator),
  )
}

export function $isInlineCitationNode(
  node: LexicalNode | null | undefined,
): node is InlineCitationNode {
  return node instanceof InlineCitationNode
}
