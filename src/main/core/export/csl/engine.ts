// Formatting citations and a bibliography in a CSL style with citeproc-js, the engine Zotero
// uses. citeproc is large, so it is loaded only when an export asks for a style.
import type { ReferenceSource } from '../references'
import { cslItem } from '../references'
import { cslHtmlToMarkdown, cslHtmlToText } from './html-markdown'
import { parseLocator } from './locator'
import { cslNames } from './names'
import type { LoadedStyle } from './styles'

/** One citation in the essay, in reading order: which source, the writer's locator text. */
export interface StyledCite {
  sourceId: string
  locator: string
  /** Its footnote's number, for a note style's "Ibid." and short forms. */
  noteIndex: number
}

/** A formatted citation: as Markdown, and as the plain text a reader sees. */
export interface FormattedCitation {
  markdown: string
  text: string
}

export interface CslRenderer {
  /** A note style's citations are footnotes; an in-text style's sit in the sentence. */
  readonly isNoteStyle: boolean
  /**
   * Each cite formatted as Markdown, in order: a note style numbers them as footnotes 1, 2, …, so
   * a later cite of the same source takes the style's short form (or "Ibid.").
   */
  citations(cites: StyledCite[]): FormattedCitation[]
  /** The style's bibliography of every source cited, in the style's order, as Markdown. */
  bibliography(): string[]
}

type CiteprocModule = typeof import('citeproc')

let citeproc: Promise<CiteprocModule['default']> | undefined

/** citeproc, loaded once on first use; CommonJS, so its export is the module or its default. */
function loadCiteproc(): Promise<CiteprocModule['default']> {
  citeproc ??= import('citeproc').then(
    (module) => (module as { default?: CiteprocModule['default'] }).default ?? (module as never),
  )
  return citeproc
}

/** The engine's item for a source: its CSL-JSON, with personal names split for the style. */
function engineItem(source: ReferenceSource): Record<string, unknown> {
  const item = cslItem(source, source.id)
  if (source.author) item.author = cslNames(source.author)
  return item
}

export async function createCslRenderer(
  style: LoadedStyle,
  sources: ReferenceSource[],
): Promise<CslRenderer> {
  const CSL = await loadCiteproc()
  const items = new Map(sources.map((source) => [source.id, engineItem(source)]))
  const engine = new CSL.Engine(
    {
      retrieveLocale: () => style.localeXml,
      retrieveItem: (id: string) => items.get(id) ?? { id, type: 'document', title: id },
    },
    style.xml,
    'en-US',
    true,
  )
  const isNoteStyle = /<style\b[^>]*\bclass\s*=\s*["']note["']/.test(style.xml)
  let cited: string[] = []
  return {
    isNoteStyle,
    citations(cites) {
      cited = [...new Set(cites.map((cite) => cite.sourceId))]
      if (cites.length === 0) return []
      const citations = cites.map((cite, index) => ({
        citationID: `c${index + 1}`,
        citationItems: [{ id: cite.sourceId, ...parseLocator(cite.locator) }],
        properties: { noteIndex: isNoteStyle ? cite.noteIndex : 0 },
      }))
      const byId = new Map(
        engine.rebuildProcessorState(citations, 'html').map(([id, , html]) => [id, html]),
      )
      return citations.map((citation) => {
        const html = byId.get(citation.citationID) ?? ''
        return { markdown: cslHtmlToMarkdown(html), text: cslHtmlToText(html) }
      })
    },
    bibliography() {
      if (cited.length === 0) return []
      const result = engine.makeBibliography()
      if (!result) return []
      return result[1].map(cslHtmlToMarkdown).filter((entry) => entry !== '')
    },
  }
}
