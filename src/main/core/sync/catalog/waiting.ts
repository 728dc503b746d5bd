// A clipping made on another device whose source or text has not reached this store yet: the
// catalog document has it, the store does not. Its citations are "waiting for sync", not missing.
// The app asks its running sync; the CLI, which does not sync, reads the catalog's log as the
// syncing process last wrote it.
import { catalogDocName } from '../doc-names'
import { PersistedDoc } from '../persisted-doc'
import { readSyncConfig, syncDocsDir } from '../sync-config'
import { effectiveClipping } from './conflicts'
import { catalogMaps, type CatalogMaps } from './forms'

/** The document holds the clipping, not deleted (the store's lack of it is the caller's check). */
export function isWaitingIn(maps: CatalogMaps, clippingId: string): boolean {
  const clipping = maps.clippings.get(clippingId)
  return clipping !== undefined && effectiveClipping(clipping).form.deletedAt === undefined
}

/** Which clippings the catalog on disk has; null when the notebook does not sync. */
export async function waitingOnDisk(
  dataDir: string,
): Promise<((clippingId: string) => boolean) | null> {
  const config = await readSyncConfig(dataDir)
  if (!config) return null
  const doc = await PersistedDoc.read(syncDocsDir(dataDir), catalogDocName(config.notebook))
  const maps = catalogMaps(doc)
  return (clippingId) => isWaitingIn(maps, clippingId)
}
