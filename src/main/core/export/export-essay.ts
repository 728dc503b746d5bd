import {
  citationsIn,
  type CitationCheck,
  type CitationData,
  type Essay,
  type SerializedCitationBlockJson,
  type SerializedInlineCitationJson,
} from '../../../shared/essay'
import type { VerifiedCitation } from '../verification'
import { escapeMarkdown, indentLines } from './markdown-text'
import {
  attribution,
  citationKeys,
  cslItem,
  referenceEntry,
  type ReferenceSource,
} from './references'
import { renderBlocks, type Flavor } from './render-blocks'
import { textFragment, withTextFragment } from './text-fragment'

export type ExportFormat = Flavor

export interface RenderedExport {
  markdown: string
  /** Every citation that is not verified, in reading order. */
  problems: Omit<CitationCheck, 'essayId'>[]
}

/** What the importer reads back from the comment before each citation: enough to rebuild it. */
export interface CarriedCitation extends CitationData {
  locator?: string
  comment?: string
}

export const CITATION_MARK = 'commonplace:citation'
export const INLINE_MARK = 'commonplace:inline'
export const UNVERIFIED_MARK = 'commonplace:unverified'
export const REFERENCES_MARK = 'commonplace:references'

/** JSON inside an HTML comment: "--" would end the comment early, so it is written escaped. */
export function commentWith(mark: string, data: unknown): string {
  return `<!-- ${mark} ${JSON.stringify(data).replace(/--/g, '-\\u002d')} -->`
}

/**
 * An essay's saved state -> Markdown, GFM (footnotes and References) or Pandoc ([@key] citations
 * with CSL-JSON front matter). `checks` maps each clipping id to its verification; `library` is
 * every source, so Pandoc keys are the same as `commonplace bib` gives. Pure: same input, same
 * bytes, whoever calls it.
 */
export function renderEssayMarkdown(
  essay: Essay,
  checks: Map<string, VerifiedCitation>,
  library: ReferenceSource[],
  format: ExportFormat,
): RenderedExport {
  const cited = new Map<string, ReferenceSource>()
  const footnotes: string[] = []
  const problems: RenderedExport['problems'] = []
  const keys = citationKeys(
    mergeSources(
      library,
      [...checks.values()].map((check) => check.source),
    ),
  )

  const checkOf = (citation: CitationData): VerifiedCitation => {
    const check = checks.get(citation.clippingId)
    if (!check) throw new Error(`No verification for clipping ${citation.clippingId}`)
    if (!cited.has(check.source.id)) cited.set(check.source.id, check.source)
    if (check.state !== 'verified') problems.push(strip(check))
    return check
  }

  const footnoteFor = (check: VerifiedCitation, locator: string, comment: string): string => {
    const number = footnotes.length + 1
    let note = attribution(check.source)
    if (locator.trim()) note += `, ${escapeMarkdown(locator.trim())}`
    note += '.'
    if (check.source.url) {
      const url = check.fragment
        ? withTextFragment(check.source.url, textFragment(check.fragment))
        : check.source.url
      note += ` <${url}>`
    }
    if (comment.trim()) note += ` ${escapeMarkdown(comment.trim())}`
    if (check.state !== 'verified') note = `**Unverified quote (${check.state}).** ${note}`
    footnotes.push(`[^${number}]: ${note}`)
    return `[^${number}]`
  }

  const pandocCite = (check: VerifiedCitation, locator: string): string => {
    const key = keys.get(check.source.id) ?? check.source.id
    return locator.trim() ? `[@${key}, ${escapeMarkdown(locator.trim())}]` : `[@${key}]`
  }

  const body = renderBlocks(essay.editorState.root, format, {
    block(node: SerializedCitationBlockJson) {
      const check = checkOf(node)
      // Pandoc has the bibliography, so a comment becomes an inline note of its own.
      const reference =
        format === 'gfm'
          ? footnoteFor(check, node.locator, node.comment)
          : ` ${pandocCite(check, node.locator)}${node.comment.trim() ? `^[${escapeMarkdown(node.comment.trim())}]` : ''}`
      const lines = [commentWith(CITATION_MARK, carried(node, node.locator, node.comment))]
      lines.push(indentLines(quoteParagraphs(node.snapshot.exact) + reference, '> '))
      if (check.state !== 'verified') lines.push('', unverifiedNote(check))
      return lines.join('\n')
    },
    inline(node: SerializedInlineCitationJson) {
      const check = checkOf(node)
      const reference =
        format === 'gfm'
          ? footnoteFor(check, node.locator, '')
          : ` ${pandocCite(check, node.locator)}`
      return `${commentWith(INLINE_MARK, carried(node, node.locator, ''))}${reference}`
    },
  })

  const parts: string[] = []
  if (format === 'pandoc') parts.push(frontMatter(essay.title, [...cited.values()], keys))
  else parts.push(`# ${escapeMarkdown(essay.title)}`)
  if (body) parts.push(body)
  if (format === 'gfm' && cited.size > 0) {
    parts.push(`${commentWith(REFERENCES_MARK, {})}\n## References`)
    parts.push([...cited.values()].map((source) => `- ${referenceEntry(source)}`).join('\n'))
  }
  if (footnotes.length > 0) parts.push(footnotes.join('\n'))
  return { markdown: `${parts.join('\n\n')}\n`, problems }
}

/** A quote's paragraphs stay paragraphs; a single line break inside one stays a line break. */
function quoteParagraphs(exact: string): string {
  return exact
    .split('\n\n')
    .map((paragraph) => escapeMarkdown(paragraph).replace(/\n/g, '\\\n'))
    .join('\n\n')
}

function carried(node: CitationData, locator: string, comment: string): CarriedCitation {
  const data: CarriedCitation = {
    clippingId: node.clippingId,
    sourceId: node.sourceId,
    snapshot: node.snapshot,
  }
  if (locator) data.locator = locator
  if (comment) data.comment = comment
  return data
}

function unverifiedNote(check: VerifiedCitation): string {
  return `${commentWith(UNVERIFIED_MARK, { state: check.state })}\n*Unverified quote (${check.state}): ${escapeMarkdown(check.message)}*`
}

function strip(check: VerifiedCitation): RenderedExport['problems'][number] {
  return {
    clippingId: check.clippingId,
    sourceId: check.sourceId,
    state: check.state,
    quote: check.quote,
    current: check.current,
    message: check.message,
  }
}

/** Library sources, plus cited ones no longer in the library (known from their snapshots). */
function mergeSources(library: ReferenceSource[], cited: ReferenceSource[]): ReferenceSource[] {
  const byId = new Map(library.map((source) => [source.id, source]))
  for (const source of cited) if (!byId.has(source.id)) byId.set(source.id, source)
  return [...byId.values()]
}

/** YAML front matter; JSON is valid YAML, and it escapes every string safely. */
function frontMatter(title: string, sources: ReferenceSource[], keys: Map<string, string>): string {
  const lines = ['---', `title: ${JSON.stringify(title)}`]
  if (sources.length > 0) {
    lines.push('references:')
    for (const source of sources)
      lines.push(`- ${JSON.stringify(cslItem(source, keys.get(source.id) ?? source.id))}`)
  }
  lines.push('---')
  return lines.join('\n')
}

export { citationsIn }
