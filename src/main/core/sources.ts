import { ANCHOR_STATES, countStates, type Anchor, type StateCounts } from '../../shared/anchor'
import type { AnchorState } from '../../shared/anchor'
import { selectorsAt, type SourceMetadata, type SourceSummary } from '../../shared/domain'
import type {
  ImportFailure,
  ImportProgress,
  ImportNotice,
  ImportReport,
  Page,
  SourceDetail,
  SourceFileData,
  SourceQuery,
  SourceVersionSummary,
} from '../../shared/ipc'
import { reanchor } from './anchoring'
import { keptFileOf, sourceDetail, summaryOf } from './source-detail'
import {
  becomePage,
  keepFile,
  keptHash,
  titleFromFileName,
  versionText,
} from './importing/stored-version'
import { reanchorAll } from './reanchoring'
import { canonicalUrl } from './highlights/canonical-url'
import { CommonplaceError } from './errors'
import { newId, versionHashOf } from './ids'
import type { ExtractedArticle, Extractor } from './importing/extraction'
import { readSourceFile, type SourceFileContents } from './importing/read-source-file'
import { workerExtractor } from './importing/worker-pool'
import { markSourceDeleted, unmarkSourceDeleted } from './source-deletion'
import { purgeDeletedSources, type PurgeReport } from './source-purge'
import { versionSummaries } from './source-versions'
import type { NotebookStore } from './store/notebook-store'
import { SCHEMA_VERSION, sourceMetadataSchema, type SourceEntry } from './store/schema'

export interface ReimportReport {
  source: SourceSummary
  versionHash: string
  /** Each clipping's place in the new version. */
  anchors: (Anchor & { clippingId: string; quote: string })[]
  counts: StateCounts<AnchorState>
}

export interface SourcesOptions {
  now?: () => Date
  extract?: Extractor
  /**
   * Told when a source changes in a way the derived indexes must take in: its details (search
   * covers its title), or its deletion and restoring (its clippings leave or rejoin every list).
   */
  sourceChanged?: (sourceId: string) => Promise<void>
  /** Told as a long file is read (a PDF's pages), so the app can say how far it got. */
  readProgress?: (progress: ImportProgress) => void
}

export { summaryOf }

export class SourcesService {
  private readonly now: () => Date
  private readonly extract: Extractor
  private readonly sourceChanged: (sourceId: string) => Promise<void>
  private readonly readProgress: (progress: ImportProgress) => void

  constructor(
    private readonly store: NotebookStore,
    options: SourcesOptions = {},
  ) {
    this.now = options.now ?? (() => new Date())
    // Off the main thread by default, with time and memory limits (importing/worker-extractor.ts).
    this.extract = options.extract ?? workerExtractor()
    this.sourceChanged = options.sourceChanged ?? (async () => undefined)
    this.readProgress = options.readProgress ?? (() => undefined)
  }

  async list(): Promise<SourceSummary[]> {
    return (await this.store.sources()).map(summaryOf)
  }

  /** A page of the library, in import order: the app never asks for every source at once. */
  async page(query: SourceQuery = {}): Promise<Page<SourceSummary>> {
    const sources = await this.store.sources()
    const start = Math.max(0, Number(query.cursor ?? 0) || 0)
    const end = query.limit === undefined ? sources.length : start + query.limit
    return {
      items: sources.slice(start, end).map(summaryOf),
      total: sources.length,
      next: end < sources.length ? String(end) : null,
    }
  }

  /**
   * Imports each file on its own: one bad file is reported and the rest still import. The files
   * after this one are read and extracted (in the import workers, as many at once as there are
   * workers) while this one is written to the store; the writes and the report stay in the order
   * given, so a batch costs about the longest of those steps per file rather than their sum.
   */
  async importFiles(paths: string[]): Promise<ImportReport> {
    const imported: SourceSummary[] = []
    const failed: ImportFailure[] = []
    const notices: ImportNotice[] = []
    const ahead = Math.max(1, this.extract.parallel ?? 1)
    const reads: Promise<Settled<ReadFile>>[] = []
    const readUpTo = (end: number): void => {
      for (let index = reads.length; index < Math.min(end, paths.length); index++) {
        reads.push(settled(this.readFile(paths[index] as string)))
      }
    }
    readUpTo(ahead)
    for (let index = 0; index < paths.length; index++) {
      const path = paths[index] as string
      const current = await (reads[index] as Promise<Settled<ReadFile>>)
      readUpTo(index + 1 + ahead)
      try {
        if (!current.ok) throw current.error
        imported.push(await this.add(current.value))
        const { file, article } = current.value
        if (article.notice) notices.push({ fileName: file.fileName, message: article.notice })
      } catch (error) {
        if (!(error instanceof CommonplaceError)) {
          await Promise.all(reads.slice(index + 1))
          throw error
        }
        failed.push({ fileName: path.split(/[\\/]/).pop() ?? path, message: error.message })
      }
    }
    return { imported, failed, ...(notices.length > 0 && { notices }) }
  }

  /** The newest version, or an older one by hash, with its clippings placed in it. */
  get(id: string, versionHash?: string): Promise<SourceDetail> {
    return sourceDetail(this.store, id, versionHash)
  }

  /** The file a version was imported from, where one is kept (a PDF the reader draws). */
  keptFile(id: string, versionHash: string): Promise<SourceFileData> {
    return keptFileOf(this.store, id, versionHash)
  }

  async updateMetadata(id: string, metadata: SourceMetadata): Promise<SourceSummary> {
    const parsed = sourceMetadataSchema.safeParse(metadata)
    if (!parsed.success) {
      throw new CommonplaceError(
        'invalid-argument',
        `Source details: ${parsed.error.issues[0]?.message ?? 'not valid'}.`,
      )
    }
    const clean = parsed.data
    const entry = await this.store.write(async (tx) => {
      const file = await tx.source(id)
      const change = (entry: SourceEntry): void => {
        entry.title = clean.title
        entry.author = clean.author || undefined
        entry.siteName = clean.siteName || undefined
        entry.publishedAt = clean.publishedAt || undefined
        entry.publisher = clean.publisher || undefined
        entry.identifier = clean.identifier || undefined
        entry.url = clean.url || undefined
        entry.citationKey = clean.citationKey || undefined
      }
      change(file.entry)
      const listed = (await tx.library()).sources.find((source) => source.id === id)
      if (listed) change(listed)
      return file.entry
    })
    await this.sourceChanged(id)
    return summaryOf(entry)
  }

  /**
   * Deletes a source with its clippings: kept on disk, marked, so that `restore` brings back the
   * very same one; its clippings leave every list and search, and citations of them show Missing.
   */
  async delete(id: string): Promise<SourceSummary> {
    const summary = await markSourceDeleted(this.store, id, this.now().toISOString())
    await this.sourceChanged(id)
    return summary
  }

  async restore(id: string): Promise<SourceSummary> {
    const summary = await unmarkSourceDeleted(this.store, id)
    await this.sourceChanged(id)
    return summary
  }

  /** Deleted sources, most recently deleted first. */
  async listDeleted(): Promise<(SourceSummary & { deletedAt: string })[]> {
    return (await this.store.deletedSources())
      .map((entry) => ({ ...entry, deletedAt: entry.deletedAt ?? '' }))
      .sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : a.deletedAt > b.deletedAt ? -1 : 0))
  }

  /** Removes for good the sources deleted at least `days` days ago (0: every deleted one). */
  async purgeDeleted(days: number): Promise<PurgeReport> {
    const cutoff = new Date(this.now().getTime() - days * 86_400_000).toISOString()
    return purgeDeletedSources(this.store, cutoff)
  }

  /** Every version, newest first, with what changed from the one before. */
  async versions(id: string): Promise<SourceVersionSummary[]> {
    return versionSummaries(await this.store.sourceFile(id), (hash) => this.textOrNull(hash))
  }

  /**
   * A newer copy of a source becomes its newest version; older versions are kept, so clippings
   * still read against the text they were made on, and are re-anchored in the new one. The slow
   * part (extraction, re-anchoring) runs before taking the lock, so other writers are not held up.
   */
  async reimport(id: string, path: string): Promise<ReimportReport> {
    return this.addVersion(id, await this.readFile(path))
  }

  /** A file read already becomes the newest version of source `id` (see `reimport`). */
  private async addVersion(
    id: string,
    { file, article }: ReadFile,
    { fromPage = false } = {},
  ): Promise<ReimportReport> {
    const before = await this.store.sourceFile(id)
    const hash = versionHashOf(article.text, keptHash(article))
    const precomputed = await reanchorAll(
      before.clippings.filter((clipping) => !clipping.deletedAt && clipping.versionHash !== hash),
      article.text,
      (versionHash) => this.textOrNull(versionHash),
    )
    const importedAt = this.now().toISOString()
    const { anchors, entry } = await this.store.write(async (tx) => {
      const data = await tx.source(id)
      // A copy of an older version becomes the newest again: the reader shows the last one.
      if (data.versions[data.versions.length - 1]?.hash !== hash) {
        data.versions.push({ hash, importedAt, fileName: file.fileName })
        keepFile(tx, article)
        tx.addText(versionText(hash, article))
      }
      const anchors = data.clippings
        .filter((clipping) => !clipping.deletedAt)
        .map((clipping) => {
          const [quote, position] = clipping.target
          if (clipping.versionHash === hash) {
            delete clipping.reanchored
            const exact = quote.exact
            const verified = { state: 'verified' as const, ...pick(position), exact, score: 1 }
            return { clippingId: clipping.id, quote: exact, ...verified }
          }
          // Clippings made meanwhile (by another process) are anchored here.
          const anchor = precomputed.get(clipping.id) ?? reanchor(quote, position, article.text)
          // A highlight kept as a quote until its page came: found there, it now points into the
          // page itself (the quotes were never a page it could have moved in).
          if (fromPage && anchor.state !== 'changed' && anchor.state !== 'missing') {
            clipping.versionHash = hash
            clipping.target = selectorsAt(article.text, anchor.start, anchor.end)
            delete clipping.reanchored
            const verified = { ...anchor, state: 'verified' as const }
            return { clippingId: clipping.id, quote: quote.exact, ...verified }
          }
          // Kept with the clipping, so lists show each passage's state without re-anchoring.
          clipping.reanchored = { ...anchor, versionHash: hash }
          return { clippingId: clipping.id, quote: quote.exact, ...anchor }
        })
      data.entry.currentVersionHash = hash
      const listed = (await tx.library()).sources.find((source) => source.id === id)
      if (listed) listed.currentVersionHash = hash
      if (fromPage)
        for (const entry of [data.entry, listed]) if (entry) becomePage(entry, file, article)
      return { anchors, entry: data.entry }
    })
    return {
      source: summaryOf(entry),
      versionHash: hash,
      anchors,
      counts: countStates(ANCHOR_STATES, anchors),
    }
  }

  /** An older version's text; null when it cannot be read (re-anchoring then searches alone). */
  private async textOrNull(hash: string): Promise<string | null> {
    try {
      return (await this.store.text(hash)).text
    } catch (error) {
      if (error instanceof CommonplaceError) return null
      throw error
    }
  }

  /** A file read and extracted, not yet in the store. */
  private async readFile(path: string): Promise<ReadFile> {
    const file = await readSourceFile(path)
    const article = await this.extract(file, (done, total) =>
      this.readProgress({ fileName: file.fileName, done, total }),
    )
    // A PDF of scanned pages without a text layer is still kept (its pages can be read and cited
    // as a whole), with a notice; any other file without text is refused.
    if (article.text.trim() === '' && !(file.kind === 'pdf' && article.keep)) {
      throw new CommonplaceError('import-failed', `${file.fileName}: has no readable text.`)
    }
    if (article.text.trim() === '') {
      article.notice ??=
        `${file.fileName}: imported, but its pages have no text layer, so its passages cannot ` +
        'be clipped (Commonplace does not do OCR).'
    }
    return { file, article }
  }

  private async add({ file, article }: ReadFile): Promise<SourceSummary> {
    // The page of highlights imported before: it becomes that source's text, and they anchor in it.
    const page = canonicalUrl(article.metadata.url)
    const waiting =
      page &&
      (await this.store.sources()).find(
        (source) => source.highlightsOnly && canonicalUrl(source.url) === page,
      )
    if (waiting) {
      const { source } = await this.addVersion(waiting.id, { file, article }, { fromPage: true })
      await this.sourceChanged(waiting.id)
      return source
    }
    // A kept file is part of the version's name, so the same PDF twice is a duplicate and two
    // different scans (both without text) are not.
    const hash = versionHashOf(article.text, keptHash(article))
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
      publisher: article.metadata.publisher,
      identifier: article.metadata.identifier,
    }
    await this.store.write(async (tx) => {
      const library = await tx.library()
      const duplicate = library.sources.find((source) => source.currentVersionHash === hash)
      if (duplicate) {
        throw new CommonplaceError(
          'import-failed',
          `${file.fileName}: is already in the library as “${duplicate.title}”.`,
        )
      }
      tx.createSource(
        {
          schemaVersion: SCHEMA_VERSION,
          id: entry.id,
          entry,
          versions: [{ hash, importedAt, fileName: file.fileName }],
          clippings: [],
        },
        [versionText(hash, article)],
      )
      keepFile(tx, article)
      library.sources.push(entry)
    })
    return summaryOf(entry)
  }
}

interface ReadFile {
  file: SourceFileContents
  article: ExtractedArticle
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

/** A promise that never rejects, so one started ahead is not an unhandled rejection meanwhile. */
function settled<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )
}

function pick(position: { start: number; end: number }): { start: number; end: number } {
  return { start: position.start, end: position.end }
}
