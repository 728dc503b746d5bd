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
  CITATION_BLOCK_TYPE,
  type CitationData,
  type CitationSnapshot,
  type SerializedCitationBlockJson,
} from '../../../../shared/essay'
import { attributionOf, copySnapshot, parseSnapshot } from '../citationData'
import { CitationBlockComponent } from './CitationBlockComponent'

export type SerializedCitationBlockNode = Spread<
  {
    clippingId: string
    sourceId: string
    snapshot: CitationSnapshot
    locator: string
    comment: string
  },
  SerializedLexicalNode
>

const emptySnapshot: CitationSnapshot = { exact: '', title: '' }

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/**
 * A quote in an essay that knows its clipping, its source and the passage as it read when cited.
 * Always a top-level block (see citationTransforms.ts); the React part is CitationBlockComponent.
 */
export class CitationBlockNode extends DecoratorNode<ReactElement> {
  __clippingId: string
  __sourceId: string
  __snapshot: CitationSnapshot
  __locator: string
  __comment: string

  static getType(): string {
    return CITATION_BLOCK_TYPE
  }

  static clone(node: CitationBlockNode): CitationBlockNode {
    return new CitationBlockNode(
      { clippingId: node.__clippingId, sourceId: node.__sourceId, snapshot: node.__snapshot },
      node.__locator,
      node.__comment,
      node.__key,
    )
  }

  // Lexical constructs nodes with no arguments when it clones or imports, so every one is optional.
  constructor(data?: CitationData, locator = '', comment = '', key?: NodeKey) {
    super(key)
    this.__clippingId = data?.clippingId ?? ''
    this.__sourceId = data?.sourceId ?? ''
    // The snapshot is never mutated in place, so clones may share it.
    this.__snapshot = data?.snapshot ?? emptySnapshot
    this.__locator = locator
    this.__comment = comment
  }

  static importJSON(serializedNode: SerializedCitationBlockNode): CitationBlockNode {
    return $createCitationBlockNode().updateFromJSON(serializedNode)
  }

  updateFromJSON(serializedNode: LexicalUpdateJSON<SerializedCitationBlockNode>): this {
    // Saved essays and pasted Lexical JSON are not trusted to have the right types.
    const raw = serializedNode as Record<string, unknown>
    const writable = super.updateFromJSON(serializedNode).getWritable()
    writable.__clippingId = stringOf(raw.clippingId)
    writable.__sourceId = stringOf(raw.sourceId)
    writable.__snapshot = parseSnapshot(raw.snapshot)
    writable.__locator = stringOf(raw.locator)
    writable.__comment = stringOf(raw.comment)
    return writable
  }

  exportJSON(): SerializedCitationBlockNode {
    const self = this.getLatest()
    const json: SerializedCitationBlockJson & SerializedCitationBlockNode = {
      type: CITATION_BLOCK_TYPE,
      version: 1,
      clippingId: self.__clippingId,
      sourceId: self.__sourceId,
      snapshot: copySnapshot(self.__snapshot),
      locator: self.__locator,
      comment: self.__comment,
    }
    return json
  }

  createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div')
    const className = config.theme.citationBlock as string | undefined
    if (className) element.className = className
    return element
  }

  updateDOM(): false {
    return false
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

  getComment(): string {
    return this.getLatest().__comment
  }

  getCitationData(): CitationData {
    const self = this.getLatest()
    return { clippingId: self.__clippingId, sourceId: self.__sourceId, snapshot: self.__snapshot }
  }

  /** The source's new wording, once the writer accepted it. */
  setQuote(exact: string): this {
    const writable = this.getWritable()
    writable.__snapshot = { ...writable.__snapshot, exact }
    return writable
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

  decorate(): ReactElement {
    return createElement(CitationBlockComponent, {
      nodeKey: this.getKey(),
      clippingId: this.__clippingId,
      sourceId: this.__sourceId,
      snapshot: this.__snapshot,
      locator: this.__locator,
      comment: this.__comment,
    })
  }
}

export function $createCitationBlockNode(
  data?: CitationData,
  locator = '',
  comment = '',
): CitationBlockNode {
  const snapshot = data ? copySnapshot(data.snapshot) : undefined
  return $applyNodeReplacement(
    new CitationBlockNode(data && snapshot ? { ...data, snapshot } : undefined, locator, comment),
  )
}

export function $isCitationBlockNode(
  node: LexicalNode | null | undefined,
): node is CitationBlockNode {
  return node instanceof CitationBlockNode
}
