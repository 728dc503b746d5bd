import { writeFile } from 'node:fs/promises'
import { citationsIn, type CitationCheck } from '../../../shared/essay'
import type { EssaysService } from '../essays'
import type { LibraryStore } from '../store/library-store'
import type { CitationVerifier, VerifiedCitation } from '../verification'
import { renderEssayMarkdown, type ExportFormat, type RenderedExport } from './export-essay'
import { bibtexEntry, citationKeys, cslItem, type ReferenceSource } from './references'

export type BibliographyFormat = 'csl-json' | 'bibtex'

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
      if (!checks.has(citation.clippingId))
        checks.set(citation.clippingId, await this.verifier.check(citation))
    }
    return renderEssayMarkdown(essay, checks, this.librarySources(), format)
  }

  async writeFile(path: string, markdown: string): Promise<void> {
    await writeFile(path, markdown, 'utf8')
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
