import { ClippingsService } from './clippings'
import { EssaysService } from './essays'
import { ExportService } from './export/export-service'
import type { Extractor } from './importing/extraction'
import { workerExtractor } from './importing/worker-extractor'
import { SourcesService } from './sources'
import { LibraryStore } from './store/library-store'
import { CitationVerifier } from './verification'

/** Everything main, the CLI and the e2e harness need, opened on one data directory. */
export interface Commonplace {
  store: LibraryStore
  sources: SourcesService
  clippings: ClippingsService
  essays: EssaysService
  exports: ExportService
}

export async function openCommonplace(
  dataDir: string,
  now: () => Date = () => new Date(),
  extract: Extractor = workerExtractor(),
): Promise<Commonplace> {
  const store = await LibraryStore.open(dataDir)
  const essays = new EssaysService(store, now)
  const clippings = new ClippingsService(store, essays, now)
  return {
    store,
    sources: new SourcesService(
      store,
      now,
      (sourceId) => clippings.refreshSource(sourceId),
      extract,
    ),
    clippings,
    essays,
    exports: new ExportService(store, essays, new CitationVerifier(store)),
  }
}
