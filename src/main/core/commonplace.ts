import { BibliographyService } from './bibliography/bibliography-service'
import { ClippingsService } from './clippings'
import { EssaysService } from './essays'
import { ExportService } from './export/export-service'
import type { ImportProgress } from '../../shared/ipc'
import type { Extractor } from './importing/extraction'
import { workerExtractor } from './importing/worker-pool'
import { HighlightsService } from './highlights/import-highlights'
import { SourceSearch } from './search/source-search'
import { SourcesService } from './sources'
import type { LockOptions } from './store/notebook-lock'
import type { NotebookStore } from './store/notebook-store'
import { openNotebookStore } from './store/open-notebook'
import { CitationVerifier } from './verification'

/** Everything main, the CLI and the e2e harness need, opened on one data directory. */
export interface Commonplace {
  store: NotebookStore
  sources: SourcesService
  clippings: ClippingsService
  /** Full-text search of the sources' own text. */
  sourceSearch: SourceSearch
  essays: EssaysService
  exports: ExportService
  /** Imports highlights files (Hypothesis, W3C, Kindle, Readwise) as clippings. */
  highlights: HighlightsService
  /** Reference managers' metadata and citation keys (`import-bib`, pasting in Edit details). */
  bibliography: BibliographyService
}

export interface CommonplaceOptions {
  now?: () => Date
  /** Make a new notebook when there is none (false for commands that only read). */
  create?: boolean
  extract?: Extractor
  lock?: Partial<LockOptions>
  /** Told as a long file being imported is read (see SourcesOptions). */
  readProgress?: (progress: ImportProgress) => void
}

export async function openCommonplace(
  dataDir: string,
  options: CommonplaceOptions | (() => Date) = {},
): Promise<Commonplace> {
  const { now, create, extract, lock, readProgress } =
    typeof options === 'function' ? { now: options } : options
  const store = await openNotebookStore(dataDir, { create, lock })
  const essays = new EssaysService(store, now)
  const clippings = new ClippingsService(store, essays, now)
  const sourceSearch = new SourceSearch(store)
  const sourceChanged = (sourceId: string): Promise<void> => {
    sourceSearch.touch(sourceId)
    return clippings.refreshSource(sourceId)
  }
  return {
    store,
    sources: new SourcesService(store, {
      now,
      extract: extract ?? workerExtractor(),
      readProgress,
      sourceChanged,
    }),
    highlights: new HighlightsService(store, { now, sourceChanged }),
    clippings,
    sourceSearch,
    essays,
    // A clipping sync has told of but not brought yet is waiting, not missing (the sync sets
    // `waitingFor` once it starts).
    exports: new ExportService(
      store,
      essays,
      new CitationVerifier(store, (id) => clippings.waitingFor?.(id) ?? false),
    ),
    bibliography: new BibliographyService(store, sourceChanged),
  }
}

/** Writes the derived indexes that changed now, rather than when their save timers fire. */
export async function flushDerived(app: Commonplace): Promise<void> {
  await Promise.all([
    app.clippings.catalog.flush(),
    app.clippings.searchIndex.flush(),
    app.sourceSearch.index.flush(),
  ])
}
