import { writeFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import {
  CITATION_BLOCK_TYPE,
  citationsIn,
  type CitationCheck,
  type Essay,
} from '../../../shared/essay'
import { isUnreadableBlock } from '../../../shared/essay-state/unreadable'
import type { CitationProblem, ExportRequest } from '../../../shared/ipc'
import type { EssaysService } from '../essays'
import { inParallel } from '../in-parallel'
import { readEssayFile } from '../importing/read-source-file'
import { quoted } from '../../../shared/quoted'
import { CommonplaceError } from '../errors'
import type { NotebookStore } from '../store/notebook-store'
import type { CitationVerifier, VerifiedCitation } from '../verification'
import {
  checkKey,
  renderEssayMarkdown,
  type ExportFormat,
  type RenderedExport,
} from './export-essay'
import { readCitation, unreadableCheck, type ReadableCitation } from './citation-reading'
import { importEssayMarkdown } from './import-markdown'
import { createCslRenderer } from './csl/engine'
import { styledCitations } from './csl/styled-citations'
import { loadStyle } from './csl/styles'
import {
  bibtexEntry,
  citationKeys,
  cslItem,
  referenceSourceOf,
  type ReferenceSource,
} from './references'

export type BibliographyFormat = 'csl-json' | 'bibtex'

/** Top-level blocks the Markdown exporter renders, damaged parts and all. */
const EXPORTABLE_BLOCKS = new Set(['paragraph', 'heading', 'quote', 'list', CITATION_BLOCK_TYPE])

/**
 * The quote-integrity gate's answer: stopped, with the quotes that do not match their sources;
 * or ready, with the Markdown and what it marks (unverified quotes, if the writer allowed them)
 * and notes (older wordings the writer kept).
 */
export type GateOutcome =
  | { status: 'blocked'; problems: CitationProblem[] }
  | { status: 'ready'; markdown: string; unverified: CitationProblem[]; kept: CitationProblem[] }

/** Export, bibliography and verification: what the UI, the CLI and the gate share. */

/** Citations checked at once in an export: enough to keep the disk busy, few enough to stay small. */
const CHECKS_AT_ONCE = 16
export class ExportService {
  constructor(
    private readonly store: NotebookStore,
    private readonly essays: EssaysService,
    private readonly verifier: CitationVerifier,
  ) {}

  /**
   * The one conversion both the app and the CLI run. A citation that cannot be read has no check:
   * the exporter marks it, and the gate lists it.
   */
  async render(essayId: string, format: ExportFormat, style?: string): Promise<RenderedExport> {
    if (style && style !== 'plain' && format !== 'gfm') {
      throw new CommonplaceError(
        'invalid-argument',
        'A citation style applies to GFM export only: Pandoc applies styles itself (pandoc --citeproc --csl <style.csl>).',
      )
    }
    // The style is read first: a wrong style is refused before any citation is checked.
    const loaded = style && style !== 'plain' ? await loadStyle(style) : undefined
    const essay = await this.essayToExport(essayId)
    const run = this.verifier.run()
    const citations = new Map<string, ReadableCitation>()
    for (const node of citationsIn(essay.editorState)) {
      const reading = readCitation(node)
      if (reading.readable) citations.set(checkKey(reading.citation), reading.citation)
    }
    // Many at once: each source's file is read in parallel rather than waiting its turn.
    const verified = await inParallel([...citations.values()], CHECKS_AT_ONCE, (citation) =>
      this.verifier.check(citation, run),
    )
    const checks = new Map(
      [...citations.keys()].map((key, at) => [key, verified[at] as VerifiedCitation]),
    )
    await this.verifier.savePassages()
    const library = await this.librarySources()
    if (!loaded) return renderEssayMarkdown(essay, checks, library, format)
    const cited = [...new Map([...checks.values()].map((c) => [c.source.id, c.source])).values()]
    const styled = styledCitations(essay, checks, await createCslRenderer(loaded, cited))
    return renderEssayMarkdown(essay, checks, library, format, styled)
  }

  /**
   * The one gate the app and the CLI pass through: nothing unverified is written unless the writer
   * allowed it; a wording the writer kept is their decision already, noted and let through.
   */
  async gate(request: Omit<ExportRequest, 'style'> & { style?: string }): Promise<GateOutcome> {
    const { markdown, problems, kept } = await this.render(
      request.essayId,
      request.format,
      request.style,
    )
    if (problems.length > 0 && !request.allowUnverified) return { status: 'blocked', problems }
    return { status: 'ready', markdown, unverified: problems, kept }
  }

  async writeFile(path: string, markdown: string): Promise<void> {
    try {
      await writeFile(path, markdown, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const reason =
        code === 'ENOENT'
          ? 'its folder does not exist'
          : code === 'EACCES' || code === 'EPERM'
            ? 'permission denied'
            : code === 'EISDIR'
              ? 'it is a folder'
              : (error as Error).message
      throw new CommonplaceError('invalid-argument', `${path} could not be written: ${reason}.`)
    }
  }

  /**
   * "Import essay from Markdown": a file Commonplace exported (GFM or Pandoc) becomes a new essay,
   * its citations linked to the same clippings. Other Markdown imports as text and formatting.
   */
  async importMarkdownFile(path: string): Promise<Essay> {
    const { content: markdown } = await readEssayFile(path)
    const fallbackTitle = basename(path, extname(path)) || 'Imported essay'
    const imported = importEssayMarkdown(markdown, fallbackTitle)
    const essay = await this.essays.create(imported.title.slice(0, 500))
    await this.essays.save(essay.id, imported.editorState)
    return this.essays.get(essay.id)
  }

  /** Every citation of every essay (or one essay), checked against its source. */
  async verify(essayId?: string): Promise<CitationCheck[]> {
    if (essayId) return this.checksOf(await this.essayToExport(essayId))
    const checks: CitationCheck[] = []
    for (const summary of await this.essays.list()) {
      let essay: Essay
      try {
        essay = await this.essayToExport(summary.id)
      } catch (error) {
        // An essay whose file cannot be read is reported (the store says why); the rest verify.
        if (!(error instanceof CommonplaceError)) throw error
        checks.push({
          essayId: summary.id,
          clippingId: '',
          sourceId: '',
          state: 'unreadable',
          quote: '',
          message: `${quoted(summary.title)} cannot be read, so its citations cannot be checked.`,
        })
        continue
      }
      checks.push(...(await this.checksOf(essay)))
    }
    return checks
  }

  private async checksOf(essay: Essay): Promise<CitationCheck[]> {
    const run = this.verifier.run()
    const checks = await inParallel(
      citationsIn(essay.editorState).map((node, index) => ({ node, index })),
      CHECKS_AT_ONCE,
      async ({ node, index }): Promise<CitationCheck> => {
        // One citation that cannot be read is reported; the others are checked all the same.
        const reading = readCitation(node)
        if (!reading.readable) {
          const check = unreadableCheck(node, reading.reason, index + 1, essay.title)
          return { essayId: essay.id, ...check }
        }
        const {
          source: _source,
          fragment: _fragment,
          ...check
        } = await this.verifier.check(reading.citation, run)
        return { essayId: essay.id, ...check }
      },
    )
    await this.verifier.savePassages()
    return checks
  }

  /** The library's sources for Zotero or Pandoc, with the same keys as Pandoc exports use. */
  async bibliography(format: BibliographyFormat): Promise<string> {
    const sources = await this.librarySources()
    const keys = citationKeys(sources)
    if (format === 'bibtex') {
      return `${sources.map((source) => bibtexEntry(source, keys.get(source.id) as string)).join('\n\n')}\n`
    }
    return `${JSON.stringify(
      sources.map((source) => cslItem(source, keys.get(source.id) as string)),
      null,
      2,
    )}\n`
  }

  /**
   * The essay as export and verify read it: blocks of kinds the exporter knows go as saved, so
   * that a damaged citation inside one is reported by its place and the rest of the block still
   * exports; a block of a kind it does not know stays wrapped, and gets a marker.
   */
  private async essayToExport(essayId: string): Promise<Essay> {
    const essay = await this.essays.get(essayId)
    const root = essay.editorState.root
    const children = (root.children ?? []).map((block) =>
      isUnreadableBlock(block) && EXPORTABLE_BLOCKS.has(String(block.raw.type)) ? block.raw : block,
    )
    return { ...essay, editorState: { ...essay.editorState, root: { ...root, children } } }
  }

  private async librarySources(): Promise<ReferenceSource[]> {
    return (await this.store.sources()).map(referenceSourceOf)
  }
}
