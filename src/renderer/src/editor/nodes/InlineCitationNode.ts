import {
  $applyNodeReplacement,
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
  type InlineCitationFields,
} from '../../../../shared/essay'
import { attributionOf, copySnapshot } from '../citationData'
import { CitationNode, stringOf, type JsonFields } from './CitationNode'
import { InlineCitationComponent } from './InlineCitationComponent'

export type SerializedInlineCitationNode = Spread<
  JsonFields<InlineCitationFields>,
  SerializedLexicalNode
>

/**
 * A paraphrase's citation: a small marker placed right after the words the writer based on a
 * clipping. It holds the same snapshot as a citation block but shows only a superscript button.
 */
export class InlineCitationNode extends CitationNode {
  __locator: string

  static getType(): string {
    return INLINE_CITATION_TYPE
  }

  static clone(node: InlineCitationNode): InlineCitationNode {
    return new InlineCitationNode(
      {
        clippingId: node.__clippingId,
        sourceId: node.__sourceId,
        snapshot: node.__snapshot,
        keptWording: node.__keptWording,
      },
      node.__locator,
      node.__key,
    )
  }

  constructor(data?: CitationData, locator = '', key?: NodeKey) {
    super(data, key)
    this.__locator = locator
  }

  static importJSON(serializedNode: SerializedInlineCitationNode): InlineCitationNode {
    return $createInlineCitationNode().updateFromJSON(serializedNode)
  }

  updateFromJSON(serializedNode: LexicalUpdateJSON<SerializedInlineCitationNode>): this {
    const raw = serializedNode as Record<string, unknown>
    const writable = super.updateFromJSON(
      serializedNode as LexicalUpdateJSON<SerializedLexicalNode>,
    )
    writable.__locator = stringOf(raw.locator)
    return writable
  }

  exportJSON(): SerializedInlineCitationNode {
    return { ...super.exportJSON(), ...this.citationJSON(), locator: this.getLatest().__locator }
  }

  createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('span')
    const className = config.theme.inlineCitation as string | undefined
    if (className) element.className = className
    return element
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

  getLocator(): string {
    return this.getLatest().__locator
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
      keptWording: this.__keptWording,
      locator: this.__locator,
    })
  }
}

export function $createInlineCitationNode(data?: CitationData, locator = ''): InlineCitationNode {
  const copy = data ? { ...data, snapshot: copySnapshot(data.snapshot) } : undefined
  return $applyNodeReplacement(new InlineCitationNode(copy, locator))
}

export function $isInlineCitationNode(
  node: LexicalNode | null | undefined,
): node is InlineCitationNode {
  return node instanceof InlineCitationNode
}
