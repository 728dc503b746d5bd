// Essays and the citations inside them, as saved: the Lexical editor state is stored as JSON, and
// this file names the shape of the two citation nodes in it, so that main, the CLI and the
// exporter can read citations without a Lexical editor.
import type { AnchorState } from './anchor'

export interface EssaySummary {
  id: string
  title: string
  createdAt: string
  updatedAt: string
}

export interface Essay extends EssaySummary {
  /** Lexical's SerializedEditorState. */
  editorState: SerializedEditorStateJson
}

/** The quote and attribution as they were when cited, so the essay reads even if they go. */
export interface CitationSnapshot {
  exact: string
  title: string
  author?: string
  siteName?: string
  publishedAt?: string
  url?: string
}

/**
 * The writer saw that the source's newer version words the passage differently and chose to keep
 * quoting the version it was clipped from. It holds for that newer version only: a later update
 * asks again.
 */
export interface KeptWording {
  /** The newest version at the time of the decision. */
  versionHash: string
  keptAt: string
}

export interface CitationData {
  clippingId: string
  sourceId: string
  snapshot: CitationSnapshot
  keptWording?: KeptWording
  /**
   * Where the passage is ("p. 12", "pp. 4–5", "chap. 3"): on the way in, what a new citation's
   * locator field starts with; the writer's edits to that field are the citation's own.
   */
  locator?: string
}

/**
 * A citation checked against its source: where its passage stands in the newest version, or
 * 'kept' when it changed there and the writer chose to keep the wording it was clipped with,
 * 'unreadable' when the saved citation lacks a field it needs (its quote, its clipping…), or
 * 'waiting' when its clipping was made on another device and sync has not brought it here yet.
 */
export type CitationState = AnchorState | 'kept' | 'unreadable' | 'waiting'

export const CITATION_STATES: readonly CitationState[] = [
  'verified',
  'moved',
  'changed',
  'missing',
  'kept',
  'unreadable',
  'waiting',
]

/**
 * Blocks an export until the writer says otherwise; a kept wording is their decision already. A
 * waiting quote cannot be checked yet, so it is not verified either.
 */
export function isUnverified(state: CitationState): boolean {
  return state === 'changed' || state === 'missing' || state === 'unreadable' || state === 'waiting'
}

export interface CitationCheck {
  essayId: string
  clippingId: string
  sourceId: string
  state: CitationState
  /** The quote as the essay has it (the snapshot). */
  quote: string
  /** What the source says there now, when it differs. */
  current?: string
  /** The source version the check compared with: its newest. */
  versionHash?: string
  /** One sentence for the user. */
  message: string
  /** For an unreadable citation: its place among the essay's citations, from 1. */
  position?: number
}

export const CITATION_BLOCK_TYPE = 'citation-block'
export const INLINE_CITATION_TYPE = 'inline-citation'
/** A top-level block Commonplace could not read, carried to the editor and back unchanged. */
export const UNREADABLE_BLOCK_TYPE = 'unreadable-block'

/** The longest locator and comment a citation keeps (the saved-state schema holds them to it). */
export const MAX_LOCATOR_LENGTH = 1000
export const MAX_COMMENT_LENGTH = 20_000

export interface SerializedNodeJson {
  type: string
  version: number
  children?: SerializedNodeJson[]
  [key: string]: unknown
}

/** What a citation block holds besides its citation: where in the source, and a remark. */
export interface CitationBlockFields extends CitationData {
  /** "p. 12", "§ 3": where in the source, as the writer wants it shown. */
  locator: string
  comment: string
}

export interface InlineCitationFields extends CitationData {
  locator: string
}

export interface SerializedCitationBlockJson extends SerializedNodeJson, CitationBlockFields {
  type: typeof CITATION_BLOCK_TYPE
}

export interface SerializedInlineCitationJson extends SerializedNodeJson, InlineCitationFields {
  type: typeof INLINE_CITATION_TYPE
}

/**
 * What the editor receives in place of a block that fails the saved-state schema: `raw` is the
 * block exactly as it was read, and it is written back in its place when the essay is saved.
 */
export interface SerializedUnreadableBlockJson extends SerializedNodeJson {
  type: typeof UNREADABLE_BLOCK_TYPE
  version: 1
  raw: SerializedNodeJson
}

export interface SerializedEditorStateJson {
  root: SerializedNodeJson
}

export type CitationNodeJson = SerializedCitationBlockJson | SerializedInlineCitationJson

export function isCitationNodeJson(node: SerializedNodeJson): node is CitationNodeJson {
  return node.type === CITATION_BLOCK_TYPE || node.type === INLINE_CITATION_TYPE
}

/** Every citation in an editor state, in reading order. */
export function citationsIn(state: SerializedEditorStateJson): CitationNodeJson[] {
  const found: CitationNodeJson[] = []
  const visit = (node: SerializedNodeJson): void => {
    // Saved JSON is read, not trusted: a node that is not an object holds no citation.
    if (typeof node !== 'object' || node === null) return
    if (isCitationNodeJson(node)) found.push(node)
    if (Array.isArray(node.children)) node.children.forEach(visit)
  }
  visit(state.root)
  return found
}

export function emptyEditorState(): SerializedEditorStateJson {
  return {
    root: {
      type: 'root',
      version: 1,
      children: [
        {
          type: 'paragraph',
          version: 1,
          children: [],
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
        },
      ],
      direction: null,
      format: '',
      indent: 0,
    },
  }
}
