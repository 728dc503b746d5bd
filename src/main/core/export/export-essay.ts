import {
  citationsIn,
  isUnverified,
  type CitationCheck,
  type CitationData,
  type Essay,
  type CitationNodeJson,
  type SerializedCitationBlockJson,
  type SerializedInlineCitationJson,
  type SerializedNodeJson,
} from '../../../shared/essay'
import { normalizeLineEndings, onOneLine } from '../../../shared/line-endings'
import type { CitationProblem } from '../../../shared/ipc'
import { quoted } from '../../../shared/quoted'
import type { VerifiedCitation } from '../verification'
import { readCitation, unreadableCheck, type ReadableCitation } from './citation-reading'
import {
  escapeCitationSuffix,
  escapeClosingHashes,
  escapeMarkdown,
  escapeText,
  isBlank,
  indentLines,
  webAutolink,
  type Flavor,
} from './markdown-text'
import {
  attribution,
  citationKeys,
  cslItem,
  referenceEntry,
  type ReferenceSource,
} from './references'
import { renderBlocks } from './render-blocks'
import {
  CITATION_MARK,
  INLINE_MARK,
  KEPT_INLINE_NOTE,
  KEPT_MARK,
  OBSIDIAN_BLOCK_ID,
  REFERENCES_MARK,
  UNREADABLE_MARK,
  UNREADABLE_NOTE,
  UNVERIFIED_MARK,
  carried,
  checkKey,
  commentWith,
} from './export-marks'
import { withTextFragment } from './text-fragment'
import type { StyledCitations } from './csl/styled-citations'

export type ExportFormat = Flavor

export interface RenderedExport {
  markdown: string
  /**
   * Every citation that is not verified and every block that could not be read, in reading
   * order: the gate stops for these.
   */
  problems: CitationProblem[]
  /** Citations whose older wording the writer kept: listed, noted in the file, not stopped. */
  kept: Omit<CitationCheck, 'essayId'>[]
}

/** A title is a heading's one line: its blanks are collapsed, as a heading shows them anyway. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * An essay's saved state -> Markdown, GFM (footnotes and References) or Pandoc ([@key] citations
 * with CSL-JSON front matter). `checks` maps each citation's {@link checkKey} to its
 * verification; `library` is every source, so Pandoc keys are the same as `commonplace bib`
 * gives. `styled`: GFM's footnotes (or in-text marks) and References in a CSL style, formatted
 * beforehand (see csl/styled-citations). Pure: same input, same bytes, whoever calls it.
 */
export function renderEssayMarkdown(
  essay: Essay,
  checks: Map<string, VerifiedCitation>,
  library: ReferenceSource[],
  format: ExportFormat,
  styled?: StyledCitations,
): RenderedExport {
  const cited = new Map<string, ReferenceSource>()
  const footnotes: string[] = []
  const problems: RenderedExport['problems'] = []
  const kept: RenderedExport['kept'] = []
  const keys = keysFor(
    library,
    [...checks.values()].map((check) => check.source),
  )
  // Locators and comments are the writer's own text, kept as written but on one line.
  const escape = (text: string): string => escapeMarkdown(onOneLine(text), format)
  /** Obsidian block ids given so far: each citation block is `^cite-<n>`, in reading order. */
  let blockIds = 0
  const positions = new Map(citationsIn(essay.editorState).map((node, index) => [node, index + 1]))

  /** The citation's fields, or why it cannot be read: then the gate lists it, as verify does. */
  const read = (node: SerializedNodeJson): ReadableCitation | UnreadableCitation => {
    const reading = readCitation(node)
    if (reading.readable) return reading.citation
    const position = positions.get(node as CitationNodeJson) ?? positions.size + 1
    const check = unreadableCheck(node, reading.reason, position, essay.title)
    problems.push(check)
    return { unreadable: `Citation ${position} cannot be read: ${reading.reason}.`, check }
  }

  const checkOf = (citation: CitationData): VerifiedCitation => {
    const check = checks.get(checkKey(citation))
    if (!check) throw new Error(`No verification for clipping ${citation.clippingId}`)
    if (!cited.has(check.source.id)) cited.set(check.source.id, check.source)
    if (isUnverified(check.state)) problems.push(strip(check))
    if (check.state === 'kept') kept.push(strip(check))
    return check
  }

  /** The text of the last in-text mark written, which its inline citation's comment carries. */
  let lastInText = ''

  /** The passage's address: the source's, with a text fragment that scrolls to the quote. */
  const passageUrl = (check: VerifiedCitation): string | undefined =>
    check.source.url && check.fragment
      ? withTextFragment(check.source.url, check.fragment)
      : check.source.url

  /**
   * An in-text style's mark, as Zotero's word-processor plugins write it: the formatted citation
   * in the sentence, linked to the passage; a footnote only for what the style has no place for
   * (the writer's comment, an unverified quote).
   */
  const inTextReference = (
    check: VerifiedCitation,
    cited: { markdown: string; text: string },
    comment: string,
    inline: boolean,
  ): string => {
    lastInText = cited.text
    // An autolink's "<…>" is a link destination as it is.
    const link = webAutolink(passageUrl(check))
    let mark = link ? ` [${cited.markdown}](${link})` : ` ${cited.markdown}`
    const notes: string[] = []
    if (isUnverified(check.state)) notes.push(`**Unverified quote (${check.state}).**`)
    if (!isBlank(comment)) notes.push(escape(comment))
    if (check.state === 'kept' && inline) notes.push(KEPT_INLINE_NOTE)
    if (notes.length > 0) {
      footnotes.push(`[^${footnotes.length + 1}]: ${notes.join(' ')}`)
      mark += `[^${footnotes.length}]`
    }
    return mark
  }

  const footnoteFor = (
    check: VerifiedCitation,
    locator: string,
    comment: string,
    inline = false,
  ): string => {
    const cited = styled?.next()
    if (styled && cited && !styled.isNoteStyle)
      return inTextReference(check, cited, comment, inline)
    const number = footnotes.length + 1
    let note: string
    if (cited) note = cited.markdown
    else {
      note = attribution(check.source)
      if (!isBlank(locator)) note += `, ${escape(locator)}`
      note += '.'
    }
    const url = passageUrl(check)
    const link = webAutolink(url)
    if (link) note += ` ${link}`
    if (!isBlank(comment)) note += ` ${escape(comment)}`
    if (check.state === 'kept' && inline) note += ` ${KEPT_INLINE_NOTE}`
    if (isUnverified(check.state)) note = `**Unverified quote (${check.state}).** ${note}`
    footnotes.push(`[^${number}]: ${note}`)
    return `[^${number}]`
  }

  const pandocCite = (check: VerifiedCitation, locator: string): string => {
    const key = keys.get(check.source.id) ?? check.source.id
    return isBlank(locator) ? `[@${key}]` : `[@${key}, ${escapeCitationSuffix(onOneLine(locator))}]`
  }

  const body = renderBlocks(essay.editorState.root, format, {
    block(saved: SerializedCitationBlockJson) {
      const node = read(saved)
      if ('unreadable' in node) return unreadableBlock(node, format)
      const check = checkOf(node)
      // Pandoc has the bibliography, so a comment becomes an inline note of its own.
      const reference =
        format !== 'pandoc'
          ? footnoteFor(check, node.locator, node.comment)
          : ` ${pandocCite(check, node.locator)}${isBlank(node.comment) ? '' : `^[${escape(node.comment)}]`}`
      const lines = [commentWith(CITATION_MARK, carried(node, node.locator, node.comment))]
      const quote = quoteParagraphs(node.snapshot.exact, format) + reference
      if (format === 'obsidian') {
        blockIds++
        // A blank line first: a reader that ends an HTML block only at a blank line (as CommonMark
        // does for most kinds) would otherwise take the callout for part of the comment.
        lines.push('', obsidianCallout(check.source, node.locator, quote, blockIds))
      } else lines.push(indentLines(quote, '> '))
      if (isUnverified(check.state)) lines.push('', unverifiedNote(check, format))
      if (check.state === 'kept') lines.push('', keptNote(check, format))
      return lines.join('\n')
    },
    inline(saved: SerializedInlineCitationJson) {
      const node = read(saved)
      if ('unreadable' in node) {
        const mark = commentWith(UNREADABLE_MARK, {})
        if (format === 'pandoc')
          return `^[${escape(`${UNREADABLE_NOTE} ${node.unreadable}`)}]${mark}`
        footnotes.push(
          `[^${footnotes.length + 1}]: **${UNREADABLE_NOTE}** ${escape(node.unreadable)}`,
        )
        return `[^${footnotes.length}]${mark}`
      }
      const check = checkOf(node)
      // The reference comes before the comment: a line that starts with "<!--" is an HTML block.
      const reference =
        format !== 'pandoc'
          ? footnoteFor(check, node.locator, '', true)
          : ` ${pandocCite(check, node.locator)}${pandocInlineNote(check)}`
      const data = carried(node, node.locator, '')
      // An in-text mark is text the importer must take out again: it is told what a reader sees.
      if (styled && !styled.isNoteStyle && format === 'gfm') data.cited = ` ${lastInText}`
      return `${reference}${commentWith(INLINE_MARK, data)}`
    },
    unreadable(node, index) {
      const kind = typeof node.raw.type === 'string' ? oneLine(node.raw.type).slice(0, 100) : '?'
      const words = wordsIn(node.raw)
      problems.push({
        clippingId: typeof node.raw.clippingId === 'string' ? node.raw.clippingId : '',
        sourceId: typeof node.raw.sourceId === 'string' ? node.raw.sourceId : '',
        state: 'unreadable',
        quote: words || `a “${kind}” block`,
        message: `Block ${index + 1} of the essay (a “${kind}” block) could not be read; it is kept in the essay, and the export has a marker in its place.`,
      })
      return `*${escapeMarkdown(`[Unreadable block: Commonplace could not read this part of the essay (a “${kind}” block), so it is left out here.]`, format)}*`
    },
  })

  const parts: string[] = []
  if (format === 'pandoc') parts.push(frontMatter(essay.title, [...cited.values()], keys))
  else parts.push(`# ${escapeClosingHashes(escapeMarkdown(oneLine(essay.title), format))}`)
  if (body) parts.push(body)
  if (format !== 'pandoc' && cited.size > 0) {
    parts.push(`${commentWith(REFERENCES_MARK, {})}\n## References`)
    const entries = styled
      ? styled.bibliography()
      : [...cited.values()].map((source) => referenceEntry(source))
    parts.push(entries.map((entry) => `- ${entry}`).join('\n'))
  }
  if (footnotes.length > 0) parts.push(footnotes.join('\n'))
  return { markdown: `${parts.join('\n\n')}\n`, problems, kept }
}

/**
 * An Obsidian quote callout: "[!quote]" and its title (the source, and who and where) on the
 * blockquote's first line, then the quote; the block id on a line of its own after it, with a
 * blank line before and after, which is how Obsidian's help says to name a quote or callout.
 * Obsidian allows only Latin letters, digits and dashes in a block id.
 */
function obsidianCallout(
  source: ReferenceSource,
  locator: string,
  quote: string,
  number: number,
): string {
  const who = [source.author ?? '', onOneLine(locator)].filter((part) => !isBlank(part))
  const title = `${oneLine(source.title)}${who.length > 0 ? ` (${who.map(oneLine).join(', ')})` : ''}`
  return [
    `> [!quote] ${escapeText(title, 'obsidian')}`,
    indentLines(quote, '> '),
    '',
    `^${OBSIDIAN_BLOCK_ID}${number}`,
  ].join('\n')
}

/** The words an unreadable block holds, as far as they can be found: a quote, its text runs. */
function wordsIn(raw: SerializedNodeJson): string {
  const snapshot = raw.snapshot as { exact?: unknown } | undefined
  if (typeof snapshot?.exact === 'string') return oneLine(snapshot.exact).slice(0, 200)
  const texts: string[] = []
  const visit = (node: SerializedNodeJson, depth: number): void => {
    if (typeof node.text === 'string') texts.push(node.text)
    if (Array.isArray(node.children) && depth < 64) {
      for (const child of node.children) {
        if (typeof child === 'object' && child !== null) visit(child, depth + 1)
      }
    }
  }
  visit(raw, 0)
  return oneLine(texts.join(' ')).slice(0, 200)
}

/**
 * A quote's paragraphs stay paragraphs; a single line break inside one stays a line break, of
 * whichever platform it came from (a lone CR would otherwise end the blockquote).
 */
function quoteParagraphs(exact: string, format: ExportFormat): string {
  return normalizeLineEndings(exact)
    .split(/\n{2,}/)
    .map((paragraph) => escapeMarkdown(paragraph, format).replace(/\n/g, '\\\n'))
    .join('\n\n')
}

interface UnreadableCitation {
  /** The sentence the export shows where the citation was. */
  unreadable: string
  check: RenderedExport['problems'][number]
}

/** Its quote, when the saved citation still has one, and why it is not a citation any more. */
function unreadableBlock(node: UnreadableCitation, format: ExportFormat): string {
  const lines = [commentWith(UNREADABLE_MARK, {})]
  if (node.check.quote) lines.push(indentLines(quoteParagraphs(node.check.quote, format), '> '), '')
  lines.push(`*${escapeMarkdown(`${UNREADABLE_NOTE} ${node.unreadable}`, format)}*`)
  return lines.join('\n')
}

/** Only the decision's own fields travel: the saved JSON may hold anything. */

/** Under a block whose wording was kept: the writer's decision, and what the source says now. */
function keptNote(check: VerifiedCitation, format: ExportFormat): string {
  const now =
    check.current === undefined ? '' : ` The updated source reads: ${quoted(check.current)}`
  return `${commentWith(KEPT_MARK, {})}\n*${escapeMarkdown(`Wording kept from an earlier version of the source, by the writer’s choice.${now}`, format)}*`
}

/** What follows a Pandoc inline citation that is not simply verified; the importer strips it. */
function pandocInlineNote(check: VerifiedCitation): string {
  if (check.state === 'kept') return `^[${KEPT_INLINE_NOTE}]`
  return isUnverified(check.state) ? `^[${unverifiedInline(check)}]` : ''
}

function unverifiedNote(check: VerifiedCitation, format: ExportFormat): string {
  return `${commentWith(UNVERIFIED_MARK, { state: check.state })}\n*Unverified quote (${check.state}): ${escapeMarkdown(check.message, format)}*`
}

/** The mark a Pandoc inline citation gets when it is not verified; the importer strips it. */
function unverifiedInline(check: Pick<CitationCheck, 'state'>): string {
  return `Unverified quote (${check.state}).`
}

function strip(check: VerifiedCitation): RenderedExport['kept'][number] {
  return {
    clippingId: check.clippingId,
    sourceId: check.sourceId,
    state: check.state,
    quote: check.quote,
    current: check.current,
    message: check.message,
  }
}

/**
 * The library's keys, as `commonplace bib` gives them, plus keys for cited sources no longer in
 * the library (known from their snapshots) that cannot take a library source's key.
 */
function keysFor(library: ReferenceSource[], cited: ReferenceSource[]): Map<string, string> {
  const keys = citationKeys(library)
  const gone = [...new Map(cited.filter((s) => !keys.has(s.id)).map((s) => [s.id, s])).values()]
  const taken = new Set(keys.values())
  for (const [id, key] of citationKeys(gone)) {
    let unique = key
    for (let n = 2; taken.has(unique); n++) unique = `${key}-${n}`
    taken.add(unique)
    keys.set(id, unique)
  }
  return keys
}

/**
 * YAML front matter; JSON is valid YAML and escapes every string safely. Pandoc reads each string
 * in metadata as Markdown, so titles and names are escaped as body text is.
 */
function frontMatter(title: string, sources: ReferenceSource[], keys: Map<string, string>): string {
  const lines = ['---', `title: ${JSON.stringify(escapeMarkdown(oneLine(title), 'pandoc'))}`]
  if (sources.length > 0) {
    lines.push('references:')
    for (const source of sources) {
      const item = cslItem(source, keys.get(source.id) ?? source.id)
      lines.push(`- ${JSON.stringify(item, metadataText)}`)
    }
  }
  lines.push('---')
  return lines.join('\n')
}

/** JSON.stringify replacer: every free-text CSL field as Pandoc Markdown text. */
function metadataText(this: unknown, name: string, value: unknown): unknown {
  const free = ['title', 'container-title', 'literal', 'URL']
  return typeof value === 'string' && free.includes(name) ? escapeMarkdown(value, 'pandoc') : value
}

export { citationsIn }
export * from './export-marks'
