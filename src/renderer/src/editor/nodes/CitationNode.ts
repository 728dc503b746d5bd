import {
  DecoratorNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
} from 'lexical'
import type { ReactElement } from 'react'
import type { CitationData, CitationSnapshot, KeptWording } from '../../../../shared/essay'
import { copySnapshot, parseKeptWording, parseSnapshot } from '../citationData'

/**
 * An interface's fields as a plain object type: Lexical checks a node's serialized type against
 * `Record<string, unknown>`, which interfaces (having no implicit index signature) never match.
 */
export type JsonFields<T> = { [K in keyof T]: T[K] }

const emptySnapshot: CitationSnapshot = { exact: '', title: '' }

export function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/**
 * What citation blocks and inline citations share: the clipping and source they point to, the
 * passage as it read when cited, and the writer's choice to keep that wording. Each subclass adds
 * its own fields, type and rendering (a React part, or static DOM for blocks).
 */
export abstract class CitationNode extends DecoratorNode<ReactElement | null> {
  __clippingId: string
  __sourceId: string
  __snapshot: CitationSnapshot
  __keptWording: KeptWording | undefined

  // Lexical constructs nodes with no arguments when it clones or imports, so data is optional.
  constructor(data?: CitationData, key?: NodeKey) {
    super(key)
    this.__clippingId = data?.clippingId ?? ''
    this.__sourceId = data?.sourceId ?? ''
    // The snapshot is never mutated in place, so clones may share it.
    this.__snapshot = data?.snapshot ?? emptySnapshot
    this.__keptWording = data?.keptWording
  }

  updateFromJSON(serializedNode: LexicalUpdateJSON<SerializedLexicalNode>): this {
    // Saved essays and pasted Lexical JSON are not trusted to have the right types.
    const raw = serializedNode as Record<string, unknown>
    const writable = super.updateFromJSON(serializedNode).getWritable()
    writable.__clippingId = stringOf(raw.clippingId)
    writable.__sourceId = stringOf(raw.sourceId)
    writable.__snapshot = parseSnapshot(raw.snapshot)
    writable.__keptWording = parseKeptWording(raw.keptWording)
    return writable
  }

  /** The citation's own fields as saved JSON: a kept wording only when there is one. */
  protected citationJSON(): CitationData {
    const self = this.getLatest()
    const data: CitationData = {
      clippingId: self.__clippingId,
      sourceId: self.__sourceId,
      snapshot: copySnapshot(self.__snapshot),
    }
    if (self.__keptWording) data.keptWording = { ...self.__keptWording }
    return data
  }

  updateDOM(_prevNode: unknown, _dom: HTMLElement): boolean {
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

  getKeptWording(): KeptWording | undefined {
    return this.getLatest().__keptWording
  }

  getCitationData(): CitationData {
    return this.citationJSON()
  }

  /** The source's new wording, once the writer accepted it; a kept wording no longer applies. */
  setQuote(exact: string): this {
    const writable = this.getWritable()
    writable.__snapshot = { ...writable.__snapshot, exact }
    writable.__keptWording = undefined
    return writable
  }

  /** The writer keeps quoting the wording it was clipped with, over `kept.versionHash`'s. */
  setKeptWording(kept: KeptWording | undefined): this {
    const writable = this.getWritable()
    writable.__keptWording = kept
    return writable
  }
}
