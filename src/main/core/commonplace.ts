import { ClippingsService } from './clippings'
import { EssaysService } from './essays'
import { SourcesService } from './sources'
import { LibraryStore } from './store/library-store'

/** Everything main, the CLI and the e2e harness need, opened on one data directory. */
export interface Commonplace {
  store: LibraryStore
  sources: SourcesService
  clippings: ClippingsService
  essays: EssaysService
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
    essays: new EssaysService(store, now),
  }
}
