import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { BackupInfo, LoadProblem } from '../../../shared/ipc'
import { CommonplaceError } from '../errors'
import { snapshotNotebook } from './backups'
import { ChangeFeed } from './change-feed'
import { DurableJsonFile } from './durable-json-file'
import { loadStoreFile, saveStoreFile, validated } from './json-store-file'
import { upgradeEssayFile, upgradeSourceFile } from './migrate'
import type { NotebookLock } from './notebook-lock'
import {
  essayFileSchema,
  isSafeId,
  libraryFileSchema,
  SCHEMA_VERSION,
  sourceFileSchema,
  type EssayEntry,
  type LibraryFile,
  type SourceEntry,
} from './schema'
import { exists, NOTEBOOK_FOLDERS, setAside } from './snapshot'

export interface RepairReport {
  backup: BackupInfo
  /** Where a damaged index was put before it was rebuilt. */
  keptAside: string | null
  adopted: { sources: string[]; essays: string[] }
  /** Index entries whose file is gone: no longer listed. */
  dropped: { sources: string[]; essays: string[] }
  /** Files that do not validate: left where they are, not listed. */
  damaged: LoadProblem[]
  removedTemporaryFiles: number
}

/**
 * Rebuilds `library.json` from the files it indexes: every readable source and essay file is
 * listed (its own record says how), unlisted ones adopted, entries without a file dropped, stale
 * temporary files removed. What is there is backed up first, and nothing else is deleted.
 */
export function repairNotebook(dataDir: string, lock: NotebookLock): Promise<RepairReport> {
  return lock.run(async () => {
    const backup = await snapshotNotebook(dataDir, 'before-repair').catch(() =>
      snapshotNotebook(dataDir, 'before-repair', { verify: false }),
    )
    const removedTemporaryFiles = await removeTemporaryFiles(dataDir)
    const { old, keptAside } = await readOrSetAside(dataDir)
    const damaged: LoadProblem[] = []
    const sources = await collect(dataDir, 'sources', damaged, async (id, path) => {
      const listed = old?.sources.find((entry) => entry.id === id) ?? null
      const upgraded = await upgradeSourceFile(dataDir, id, listed)
      return upgraded ?? (await loadStoreFile(path, sourceFileSchema))?.data.entry ?? null
    })
    const essays = await collect(dataDir, 'essays', damaged, async (id, path) => {
      const listed = old?.essays.find((entry) => entry.id === id) ?? null
      const upgraded = await upgradeEssayFile(dataDir, id, listed)
      return upgraded ?? (await loadStoreFile(path, essayFileSchema))?.data.entry ?? null
    })
    const byImport = (entry: SourceEntry): string => entry.importedAt
    const index: LibraryFile = {
      ...(old ?? {}),
      schemaVersion: SCHEMA_VERSION,
      // A deleted source's own file says so: it stays deleted (and restorable).
      sources: ordered(
        sources.filter((entry) => !entry.deletedAt),
        byImport,
      ),
      essays: ordered(essays, (entry: EssayEntry) => entry.createdAt),
    }
    const deletedSources = sources.filter((entry) => entry.deletedAt)
    if (deletedSources.length > 0) index.deletedSources = ordered(deletedSources, byImport)
    else delete index.deletedSources
    await saveStoreFile(join(dataDir, 'library.json'), index)
    await new ChangeFeed(dataDir).record({ sources: [], essays: [], all: true })
    const listed = (kind: 'sources' | 'essays'): Set<string> =>
      new Set((old?.[kind] ?? []).map((entry) => entry.id))
    const now = (kind: 'sources' | 'essays'): Set<string> =>
      new Set(index[kind].map((entry) => entry.id))
    return {
      backup,
      keptAside,
      adopted: {
        sources: [...now('sources')].filter((id) => !listed('sources').has(id)),
        essays: [...now('essays')].filter((id) => !listed('essays').has(id)),
      },
      dropped: {
        sources: [...listed('sources')].filter((id) => !now('sources').has(id)),
        essays: [...listed('essays')].filter((id) => !now('essays').has(id)),
      },
      damaged,
      removedTemporaryFiles,
    }
  })
}

/** Removes what killed writes left behind; only while holding the lock, when nobody writes. */
export async function removeTemporaryFiles(dataDir: string): Promise<number> {
  let removed = 0
  for (const folder of ['', ...NOTEBOOK_FOLDERS]) {
    const dir = join(dataDir, folder)
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (!name.endsWith('.tmp')) continue
      await rm(join(dir, name), { force: true, recursive: true })
      removed++
    }
  }
  return removed
}

/** The index as it is, when it validates; else moved aside, so that it is never lost. */
async function readOrSetAside(
  dataDir: string,
): Promise<{ old: LibraryFile | null; keptAside: string | null }> {
  const path = join(dataDir, 'library.json')
  if (!(await exists(path))) return { old: null, keptAside: null }
  try {
    const raw = await new DurableJsonFile<unknown>(path).read()
    if ((raw as { schemaVersion?: unknown } | null)?.schemaVersion === 1) {
      return { old: raw as LibraryFile, keptAside: null }
    }
    return { old: validated(path, raw, libraryFileSchema), keptAside: null }
  } catch {
    return { old: null, keptAside: await setAside(path) }
  }
}

async function collect<T>(
  dataDir: string,
  folder: 'sources' | 'essays',
  damaged: LoadProblem[],
  recordOf: (id: string, path: string) => Promise<T | null>,
): Promise<T[]> {
  const records: T[] = []
  for (const name of (await readdir(join(dataDir, folder)).catch(() => [] as string[])).sort()) {
    const id = name.replace(/\.json$/, '')
    if (!name.endsWith('.json') || !isSafeId(id)) continue
    const path = join(dataDir, folder, name)
    try {
      const record = await recordOf(id, path)
      if (record) records.push(record)
      else damaged.push({ file: path, message: `${path} is missing or not a notebook file.` })
    } catch (error) {
      const message = error instanceof CommonplaceError ? error.message : String(error)
      damaged.push({ file: path, message })
    }
  }
  return records
}

function ordered<T>(records: T[], key: (record: T) => string): T[] {
  return [...records].sort((a, b) => key(a).localeCompare(key(b)))
}
