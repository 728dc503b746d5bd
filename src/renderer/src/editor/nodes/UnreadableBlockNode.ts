import {
  $applyNodeReplacement,
  DecoratorNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical'
import { createElement, type ReactElement } from 'react'
import { UNREADABLE_BLOCK_TYPE, type SerializedNodeJson } from '../../../../shared/essay'
import { UnreadableBlockComponent } from './UnreadableBlockComponent'

export type SerializedUnreadableBlockNode = Spread<
  { type: typeof UNREADABLE_BLOCK_TYPE; raw: SerializedNodeJson },
  SerializedLexicalNode
>

// What a node made without arguments (a clone, before updateFromJSON) holds until it is filled.
const nothing: SerializedNodeJson = { type: 'unknown', version: 1 }

/**
 * A block of the saved essay that Commonplace could not read (main wraps it, see
 * shared/essay-state/unreadable.ts). It shows a read-only placeholder, can be removed, and
 * exports the original JSON untouched so autosave writes it back byte for byte. The React part
 * is UnreadableBlockComponent.
 */
export class UnreadableBlockNode extends DecoratorNode<ReactElement> {
  /** Never changed, only carried: clones may share it. */
  __raw: SerializedNodeJson

  static getType(): string {
    return UNREADABLE_BLOCK_TYPE
  }

  static clone(node: UnreadableBlockNode): UnreadableBlockNode {
    return new UnreadableBlockNode(node.__raw, node.__key)
  }

  constructor(raw: SerializedNodeJson = nothing, key?: NodeKey) {
    super(key)
    this.__raw = raw
  }

  static importJSON(serializedNode: SerializedUnreadableBlockNode): UnreadableBlockNode {
    return $createUnreadableBlockNode().updateFromJSON(serializedNode)
  }

  updateFromJSON(serializedNode: LexicalUpdateJSON<SerializedUnreadableBlockNode>): this {
    const writable = super.updateFromJSON(serializedNode).getWritable()
    writable.__raw = serializedNode.raw
    return writable
  }

  exportJSON(): SerializedUnreadableBlockNode {
    return {
      ...super.exportJSON(),
      type: UNREADABLE_BLOCK_TYPE,
      version: 1,
      raw: this.getLatest().__raw,
    }
  }

  createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div')
    const className = config.theme.unreadableBlock as string | undefined
    if (className) element.className = className
    return element
  }

  updateDOM(): false {
    return false
  }

  isInline(): false {
    return false
  }

  isKeyboardSelectable(): boolean {
    return true
  }

  /** Nothing the writer wrote that Commonplace can read: no words to count or copy. */
  getTextContent(): string {
    return ''
  }

  getRaw(): SerializedNodeJson {
    return this.getLatest().__raw
  }

  decorate(): ReactElement {
    return createElement(UnreadableBlockComponent, { nodeKey: this.getKey(), raw: this.__raw })
  }
}

export function $createUnreadableBlockNode(raw?: SerializedNodeJson): UnreadableBlockNode {
  return $applyNodeReplacement(new UnreadableBlockNode(raw))
}

export function $isUnreadableBlockNode(
  node: LexicalNode | null | undefined,
): node is UnreadableBlockNode {
  return node instanceof UnreadableBlockNode
}
