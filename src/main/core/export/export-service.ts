import { writeFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { citationsIn, type CitationCheck, type Essay } from '../../../shared/essay'
import type { CitationProblem, ExportRequest } from '../../../shared/ipc'
import type { EssaysService } from '../essays'
import { readEssayFile } from '../importing/read-source-file'
import { CommonplaceError } from '../errors'
import type { LibraryStore } from '../store/library-store'
import type { CitationVerifier, VerifiedCitation } from '../verification'
import {
  checkKey,
  renderEssayMarkdown,
  type ExportFormat,
  type RenderedExport,
} from './export-essay'
import { importEssayMarkdown } from './import-markdown'
import { bibtexEntry, citationKeys, cslItem, type ReferenceSource } from './references'

export type BibliographyFormat = 'csl-json' | 'bibtex'

/**
 * The quote-integrity gate's answer: stopped, with the quotes that do not match their sources;
 * or ready, with the Markdown and what it marks (unverified quotes, if the writer allowed them)
 * and notes (older wordings the writer kept).
 */
export type GateOutcome =
  | { status: 'blocked'; problems: CitationProblem[] }
  | { status: 'ready'; markdown: string; unverified: CitationProblem[]; kept: CitationProblem[] }

/** Export, bibliography and verification: what the UI, the CLI and the gate share. */
export class ExportService {
  constructor(
    private readonly store: LibraryStore,
    private readonly essays: EssaysService,
    private readonly verifier: CitationVerifier,
  ) {}

  /** The one conversion both the app and the CLI run. */
  async render(essayId: string, format: ExportFormat): Promise<RenderedExport> {
    const essay = await this.essays.get(essayId)
    const checks = new Map<string, VerifiedCitation>()
    for (const citation of citationsIn(essay.editorState)) {
      const key = checkKey(citation)
      if (!checks.has(key)) checks.set(key, await this.verifier.check(citation))
    }
    return renderEssayMarkdown(essay, checks, this.librarySources(), format)
  }

  /**
   * The one gate the app and the CLI pass through: nothing unverified is written unless the writer
   * allowed it; a wording the writer kept is their decision already, noted and let through.
   */
  async gate(request: ExportRequest): Promise<GateOutcome> {
    const { markdown, problems, kept } = await this.render(request.essayId, request.format)
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
    const essays = essayId
      ? [await this.essays.get(essayId)]
      : await Promise.all(this.essays.list().map((e) => this.essays.get(e.id)))
    const checks: CitationCheck[] = []
    for (const essay of essays) {
      for (const citation of citationsIn(essay.editorState)) {
        const {
          source: _source,
          fragment: _fragment,
          ...check
        } = await this.verifier.check(citation)
        checks.push({ essayId: essay.id, ...check })
      }
    }
    return checks
  }

  /** The library's sources for Zotero or Pandoc, with the same keys as Pandoc exports use. */
  bibliography(format: BibliographyFormat): string {
    const sources = this.librarySources()
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

  private librarySources(): ReferenceSource[] {
    return this.store.sources().map((entry) => ({
      id: entry.id,
      title: entry.title,
      author: entry.author,
      siteName: entry.siteName,
      publishedAt: entry.publishedAt,
      url: entry.url,
      accessedAt: entry.importedAt,
    }))
  }
}
