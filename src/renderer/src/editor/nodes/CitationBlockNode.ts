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
import {
  CITATION_BLOCK_TYPE,
  type CitationBlockFields,
  type CitationData,
} from '../../../../shared/essay'
import { attributionOf, copySnapshot } from '../citationData'
import { buildCitationBlock, patchCitationBlock, type CitationBlockView } from './citationBlockDom'
import { CitationNode, stringOf, type JsonFields } from './CitationNode'

export type SerializedCitationBlockNode = Spread<
  JsonFields<CitationBlockFields>,
  SerializedLexicalNode
>

/**
 * A quote in an essay that knows its clipping, its source and the passage as it read when cited.
 * Always a top-level block (the transform in plugins/citationCommands.ts lifts it out of
 * anything else). Drawn as static DOM (citationBlockDom.ts), with no React part of its own: its
 * controls are mounted only while it is in use (CitationBlockControlsPlugin).
 */
export class CitationBlockNode extends CitationNode {
  __locator: string
  __comment: string

  static getType(): string {
    return CITATION_BLOCK_TYPE
  }

  static clone(node: CitationBlockNode): CitationBlockNode {
    return new CitationBlockNode(
      {
        clippingId: node.__clippingId,
        sourceId: node.__sourceId,
        snapshot: node.__snapshot,
        keptWording: node.__keptWording,
      },
      node.__locator,
      node.__comment,
      node.__key,
    )
  }

  constructor(data?: CitationData, locator = '', comment = '', key?: NodeKey) {
    super(data, key)
    this.__locator = locator
    this.__comment = comment
  }

  static importJSON(serializedNode: SerializedCitationBlockNode): CitationBlockNode {
    return $createCitationBlockNode().updateFromJSON(serializedNode)
  }

  updateFromJSON(serializedNode: LexicalUpdateJSON<SerializedCitationBlockNode>): this {
    const raw = serializedNode as Record<string, unknown>
    const writable = super.updateFromJSON(
      serializedNode as LexicalUpdateJSON<SerializedLexicalNode>,
    )
    writable.__locator = stringOf(raw.locator)
    writable.__comment = stringOf(raw.comment)
    return writable
  }

  exportJSON(): SerializedCitationBlockNode {
    const self = this.getLatest()
    return {
      ...super.exportJSON(),
      ...this.citationJSON(),
      locator: self.__locator,
      comment: self.__comment,
    }
  }

  createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div')
    const className = config.theme.citationBlock as string | undefined
    if (className) element.className = className
    buildCitationBlock(element, this.view())
    return element
  }

  // Patched in place rather than recreated, so mounted controls keep their element.
  updateDOM(_prevNode: unknown, dom: HTMLElement): false {
    patchCitationBlock(dom, this.view())
    return false
  }

  private view(): CitationBlockView {
    return { snapshot: this.__snapshot, locator: this.__locator, comment: this.__comment }
  }

  /** For copying into other apps: a plain blockquote with its attribution. */
  exportDOM(): DOMExportOutput {
    const snapshot = this.getSnapshot()
    const element = document.createElement('blockquote')
    element.setAttribute('data-clipping-id', this.getClippingId())
    const quote = document.createElement('p')
    quote.textContent = snapshot.exact
    const cite = document.createElement('cite')
    const locator = this.getLocator()
    cite.textContent = attributionOf(snapshot) + (locator ? `, ${locator}` : '')
    element.append(quote, cite)
    const comment = this.getComment()
    if (comment) {
      const note = document.createElement('p')
      note.textContent = comment
      element.append(note)
    }
    return { element }
  }

  getTextContent(): string {
    // Plain-text copies keep the quote; the word count skips citation blocks on its own.
    return `${this.getSnapshot().exact}\n\n`
  }

  isInline(): false {
    return false
  }

  getLocator(): string {
    return this.getLatest().__locator
  }

  getComment(): string {
    return this.getLatest().__comment
  }

  setLocator(locator: string): this {
    const writable = this.getWritable()
    writable.__locator = locator
    return writable
  }

  setComment(comment: string): this {
    const writable = this.getWritable()
    writable.__comment = comment
    return writable
  }

  decorate(): null {
    return null
  }
}

export function $createCitationBlockNode(
  data?: CitationData,
  locator = '',
  comment = '',
): CitationBlockNode {
  const copy = data ? { ...data, snapshot: copySnapshot(data.snapshot) } : undefined
  return $applyNodeReplacement(new CitationBlockNode(copy, locator, comment))
}

export function $isCitationBlockNode(
  node: LexicalNode | null | undefined,
): node is CitationBlockNode {
  return node instanceof CitationBlockNode
}
