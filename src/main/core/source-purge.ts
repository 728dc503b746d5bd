// Deleted sources stay on disk until purged (`commonplace purge-sources`): then their files go,
// and the texts of their versions that no other source (live or deleted) has. Citations of them
// stay Missing, as they were; backups still hold them.
import { rm } from 'node:fs/promises'
import { CommonplaceError } from './errors'
import type { Frozen } from './store/json-store-file'
import type { NotebookStore } from './store/notebook-store'
import type { SourceFile } from './store/schema'

export interface PurgeReport {
  /** The ids of the sources purged. */
  purged: string[]
  /** Version texts removed with them (one shared with another source is kept). */
  textsRemoved: number
}

/** Purges the sources deleted at or before `cutoff` (an ISO date-time). */
export async function purgeDeletedSources(
  store: NotebookStore,
  cutoff: string,
): Promise<PurgeReport> {
  const due = (await store.deletedSources()).filter((entry) => (entry.deletedAt ?? '') <= cutoff)
  if (due.length === 0) return { purged: [], textsRemoved: 0 }
  // Their files are read first: once out of the index, the store no longer hands them out.
  const files = new Map<string, Frozen<SourceFile> | null>()
  for (const { id } of due) files.set(id, await store.deletedSourceFile(id).catch(() => null))
  // Out of the index first: a crash before the files go leaves them unlisted, and opening the
  // notebook adopts them back as deleted, so nothing is lost half-way.
  const purged = await store.write(async (tx) => {
    const library = await tx.library()
    const ids = new Set(due.map((entry) => entry.id))
    const kept = (library.deletedSources ?? []).filter((entry) => !ids.has(entry.id))
    if (kept.length > 0) library.deletedSources = kept
    else delete library.deletedSources
    return [...ids]
  })
  return store.lock.run(async () => {
    const inUse = await hashesStillUsed(store)
    let textsRemoved = 0
    for (const id of purged) {
      for (const version of files.get(id)?.versions ?? []) {
        if (inUse === null || inUse.has(version.hash)) continue
        inUse.add(version.hash) // removed once, though two purged sources had it
        // The file it was read from (a PDF) goes with it: a kept file is part of the version's
        // name (ids.ts versionHashOf), so no other version has it.
        const kept = await store.text(version.hash).then(
          (text) => text.file?.hash,
          () => undefined,
        )
        if (kept) await rm(store.keptFilePath(kept), { force: true })
        await rm(store.textPath(version.hash), { force: true })
        textsRemoved++
      }
      await rm(store.sourcePath(id), { force: true })
    }
    return { purged, textsRemoved }
  })
}

/** Every version hash a listed source has; null when a file cannot be read (keep every text). */
async function hashesStillUsed(store: NotebookStore): Promise<Set<string> | null> {
  const hashes = new Set<string>()
  const read = [
    ...(await store.sources()).map((entry) => () => store.sourceFile(entry.id)),
    ...(await store.deletedSources()).map((entry) => () => store.deletedSourceFile(entry.id)),
  ]
  for (const file of read) {
    try {
      for (const version of (await file()).versions) hashes.add(version.hash)
    } catch (error) {
      if (error instanceof CommonplaceError) return null
      throw error
    }
  }
  return hashes
}
