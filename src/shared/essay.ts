// Essays and the citations inside them, as saved: the Lexical editor state is stored as JSON, and
// this file names the shape of the two citation nodes in it, so that main, the CLI and the
// exporter can read citations without a Lexical editor.

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

export interface CitationData {
  clippingId: string
  sourceId: string
  snapshot: CitationSnapshot
}

/**
 * A citation checked against its source: the same text at the same place, the same text
 * elsewhere, a close but different text, or nothing acceptable.
 */
export type CitationState = 'verified' | 'moved' | 'changed' | 'missing'

export interface CitationCheck {
  essayId: string
  clippingId: string
  sourceId: string
  state: CitationState
  /** The quote as the essay has it (the snapshot). */
  quote: string
  /** What the source says there now, when it differs. */
  current?: string
  /** One sentence for the user. */
  message: string
}

export const CITATION_BLOCK_TYPE = 'citation-block'
export const INLINE_CITATION_TYPE = 'inline-citation'

export interface SerializedNodeJson {
  type: string
  version: number
  children?: SerializedNodeJson[]
  [key: string]: unknown
}

export interface SerializedCitationBlockJson extends SerializedNodeJson, CitationData {
  type: typeof CITATION_BLOCK_TYPE
  /** "p. 12", "§ 3": where in the source, as the writer wants it shown. */
  locator: string
  comment: string
}

export interface SerializedInlineCitationJson extends SerializedNodeJson, CitationData {
  type: typeof INLINE_CITATION_TYPE
  locator: string
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
    if (isCitationNodeJson(node)) found.push(node)
    node.children?.forEach(visit)
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
