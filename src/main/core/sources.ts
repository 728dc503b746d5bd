import { ANCHOR_STATES, countStates, type Anchor, type StateCounts } from '../../shared/anchor'
import type { AnchorState } from '../../shared/anchor'
import {
  selectorsAt,
  type ClippingView,
  type SourceMetadata,
  type SourceSummary,
} from '../../shared/domain'
import type { ImportFailure, ImportReport, SourceDetail } from '../../shared/ipc'
import { reanchor } from './anchoring'
import { CommonplaceError, notFound } from './errors'
import { newId, sha256 } from './ids'
import type { Extractor } from './importing/extraction'
import { readSourceFile } from './importing/read-source-file'
import { workerExtractor } from './importing/worker-extractor'
import type { LibraryStore } from './store/library-store'
import { SCHEMA_VERSION, sourceMetadataSchema, type SourceEntry } from './store/schema'
import { toClippingView, visibleClippings } from './clipping-views'

export interface ReimportReport {
  source: SourceSummary
  versionHash: string
  /** Each clipping's place in the new version. */
  anchors: (Anchor & { clippingId: string; quote: string })[]
  counts: StateCounts<AnchorState>
}

export function summaryOf(entry: SourceEntry): SourceSummary {
  return { ...entry }
}

export class SourcesService {
  constructor(
    private readonly store: LibraryStore,
    private readonly now: () => Date = () => new Date(),
    /** Told when a source's details change (search covers its title). */
    private readonly detailsChanged: (sourceId: string) => Promise<void> = async () => undefined,
    /** Reads a file's content into an article, off the main thread by default. */
    private readonly extract: Extractor = workerExtractor(),
  ) {}

  list(): SourceSummary[] {
    return this.store.sources().map(summaryOf)
  }

  /** Imports each file on its own: one bad file is reported and the rest still import. */
  async importFiles(paths: string[]): Promise<ImportReport> {
    const imported: SourceSummary[] = []
    const failed: ImportFailure[] = []
    for (const path of paths) {
      try {
        imported.push(await this.importFile(path))
      } catch (error) {
        if (!(error instanceof CommonplaceError)) throw error
        failed.push({ fileName: path.split(/[\\/]/).pop() ?? path, message: error.message })
      }
    }
    return { imported, failed }
  }

  async get(id: string, versionHash?: string): Promise<SourceDetail> {
    const entry = this.store.entry(id)
    const file = await this.store.sourceFile(id)
    const newest = file.versions[file.versions.length - 1]
    const version = versionHash
      ? file.versions.find((candidate) => candidate.hash === versionHash)
      : newest
    if (!version) throw notFound(`That version of “${entry.title}”`)
    return {
      source: summaryOf(entry),
      version: { hash: version.hash, text: version.text, html: version.html },
      newestVersionHash: newest.hash,
      clippings: visibleClippings(file).flatMap((clipping) => {
        const view = toClippingView(clipping, file, entry.title)
        return clipping.versionHash === version.hash ? [view] : onVersion(view, version)
      }),
    }
  }

  async updateMetadata(id: string, metadata: SourceMetadata): Promise<SourceSummary> {
    const parsed = sourceMetadataSchema.safeParse(metadata)
    if (!parsed.success) {
      throw new CommonplaceError(
        'invalid-argument',
        `Source details: ${parsed.error.issues[0].message}.`,
      )
    }
    const clean = parsed.data
    const entry = await this.store.updateEntry(id, (entry) => {
      entry.title = clean.title
      entry.author = clean.author || undefined
      entry.siteName = clean.siteName || undefined
      entry.publishedAt = clean.publishedAt || undefined
      entry.url = clean.url || undefined
    })
    await this.detailsChanged(id)
    return summaryOf(entry)
  }

  /**
   * A newer copy of a source becomes its newest version; older versions are kept, so clippings
   * still read against the text they were made on, and are re-anchored in the new one.
   */
  async reimport(id: string, path: string): Promise<ReimportReport> {
    this.store.entry(id)
    const file = await readSourceFile(path)
    const article = await this.extract(file)
    if (article.text.trim() === '') {
      throw new CommonplaceError('import-failed', `${file.fileName}: has no readable text.`)
    }
    const hash = sha256(article.text)
    const importedAt = this.now().toISOString()
    const anchors = await this.store.updateSourceFile(id, (data) => {
      // A copy of an older version becomes the newest again: the reader shows the last one.
      if (data.versions[data.versions.length - 1]?.hash !== hash) {
        data.versions.push({
          hash,
          text: article.text,
          html: article.html,
          importedAt,
          fileName: file.fileName,
        })
      }
      return data.clippings
        .filter((clipping) => !clipping.deletedAt)
        .map((clipping) => {
          const [quote, position] = clipping.target
          if (clipping.versionHash === hash) {
            delete clipping.reanchored
            const exact = quote.exact
            return {
              clippingId: clipping.id,
              quote: exact,
              state: 'verified' as const,
              ...position,
              exact,
              score: 1,
            }
          }
          const anchor = reanchor(quote, position, article.text)
          // Kept with the clipping, so lists show each passage's state without re-anchoring.
          clipping.reanchored = { ...anchor, versionHash: hash }
          return { clippingId: clipping.id, quote: quote.exact, ...anchor }
        })
    })
    const entry = await this.store.updateEntry(id, (entry) => {
      entry.currentVersionHash = hash
    })
    return {
      source: summaryOf(entry),
      versionHash: hash,
      anchors,
      counts: countStates(ANCHOR_STATES, anchors),
    }
  }

  private async importFile(path: string): Promise<SourceSummary> {
    const file = await readSourceFile(path)
    const article = await this.extract(file)
    if (article.text.trim() === '') {
      throw new CommonplaceError('import-failed', `${file.fileName}: has no readable text.`)
    }
    const hash = sha256(article.text)
    const duplicate = this.store.sources().find((source) => source.currentVersionHash === hash)
    if (duplicate) {
      throw new CommonplaceError(
        'import-failed',
        `${file.fileName}: is already in the library as “${duplicate.title}”.`,
      )
    }
    const importedAt = this.now().toISOString()
    const entry: SourceEntry = {
      id: newId('s'),
      kind: file.kind,
      importedAt,
      currentVersionHash: hash,
      title: article.metadata.title?.trim() || titleFromFileName(file.fileName),
      author: article.metadata.author,
      siteName: article.metadata.siteName,
      publishedAt: article.metadata.publishedAt,
      url: article.metadata.url,
    }
    await this.store.addSource(entry, {
      schemaVersion: SCHEMA_VERSION,
      id: entry.id,
      versions: [
        { hash, text: article.text, html: article.html, importedAt, fileName: file.fileName },
      ],
      clippings: [],
    })
    return summaryOf(entry)
  }
}

/** "baker-red-rocket_interview.txt" -> "Baker red rocket interview" */
function titleFromFileName(fileName: string): string {
  const words = fileName
    .replace(/\.[^.]+$/, '')
    .replace(/[-_]+/g, ' ')
    .trim()
  return words ? words[0].toUpperCase() + words.slice(1) : fileName
}

/**
 * A clipping made on an older version, shown in the newest one where its very words still stand
 * (verified or moved); a changed or missing passage is not highlighted over other words.
 */
function onVersion(view: ClippingView, version: { hash: string; text: string }): ClippingView[] {
  const anchor = reanchor(view.target[0], view.target[1], version.text)
  if (anchor.state !== 'verified' && anchor.state !== 'moved') return []
  return [
    {
      ...view,
      versionHash: version.hash,
      target: selectorsAt(version.text, anchor.start, anchor.end),
    },
  ]
}
