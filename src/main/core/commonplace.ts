import { ClippingsService } from './clippings'
import { SourcesService } from './sources'
import { LibraryStore } from './store/library-store'

/** Everything main, the CLI and the e2e harness need, opened on one data directory. */
export interface Commonplace {
  store: LibraryStore
  sources: SourcesService
  clippings: ClippingsService
}

export async function openCommonplace(
  dataDir: string,
  now: () => Date = () => new Date(),
): Promise<Commonplace> {
  const store = await LibraryStore.open(dataDir)
  return {
    store,
    sources: new SourcesService(store, now),
    clippings: new ClippingsService(store, now),
  }
}
