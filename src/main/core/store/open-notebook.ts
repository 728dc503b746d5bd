import type { Stats } from 'node:fs'
import { mkdir, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { CommonplaceError } from '../errors'
import { finishInterruptedRestore } from './backups'
import { ChangeFeed } from './change-feed'
import { DurableJsonFile, fingerprintOf } from './durable-json-file'
import { loadStoreFile, saveStoreFile, validated, type Loaded } from './json-store-file'
import { parseLibraryV1, upgradeNotebook } from './migrate'
import { NotebookLock, type LockOptions } from './notebook-lock'
import { NotebookStore } from './notebook-store'
import { removeTemporaryFiles } from './repair'
import {
  essayFileSchema,
  isSafeId,
  libraryFileSchema,
  SCHEMA_VERSION,
  sourceFileSchema,
  type LibraryFile,
} from './schema'
import { exists, NOTEBOOK_FOLDERS, setAside } from './snapshot'

export interface OpenOptions {
  /** Make the folder (and an empty notebook) when there is none; false for read-only commands. */
  create?: boolean
  lock?: Partial<LockOptions>
}

/**
 * Opens the notebook in `dataDir`. A missing, empty or damaged `library.json` is never taken for an
 * empty notebook: opening stops, says so, and sets a damaged index aside so nothing overwrites it;
 * `restore` or `repair` recover. On the way in, while holding the lock, it also finishes a restore
 * a crash interrupted, removes temporary files killed writes left, upgrades an old schema, and
 * lists source and essay files a crash left unlisted.
 */
export async function openNotebookStore(
  dataDir: string,
  options: OpenOptions = {},
): Promise<NotebookStore> {
  await ensureFolder(dataDir, options.create ?? true)
  const lock = new NotebookLock(dataDir, options.lock)
  let index: Loaded<LibraryFile>
  try {
    index = await lock.run(() => tidy(dataDir))
  } catch (error) {
    // A notebook on a read-only disk can still be read; its writes will say why they fail.
    if (!(error instanceof CommonplaceError) || error.code !== 'unwritable') throw error
    index = await readIndex(dataDir, { setAsideIfDamaged: false })
  }
  const feed = new ChangeFeed(dataDir)
  await feed.start()
  return new NotebookStore(dataDir, index, lock, feed)
}

async function ensureFolder(dataDir: string, create: boolean): Promise<void> {
  let info: Stats | undefined
  try {
    info = await stat(dataDir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTDIR') throw notAFolder(dataDir)
    if (code !== 'ENOENT') throw new CommonplaceError('damaged', `${dataDir} cannot be read.`)
    if (!create) {
      throw new CommonplaceError(
        'not-found',
        `There is no notebook at ${dataDir}. Check --data-dir (or COMMONPLACE_DATA_DIR); importing a source there starts one.`,
      )
    }
  }
  if (info && !info.isDirectory()) throw notAFolder(dataDir)
  for (const folder of ['', ...NOTEBOOK_FOLDERS]) {
    await mkdir(join(dataDir, folder), { recursive: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (!info) throw unwritableFolder(dataDir, error)
        // An existing notebook that cannot be written is still opened for reading.
      },
    )
  }
}

/**
 * Housekeeping under the lock, before anything is read; gives the index as it stands after it
 * (read and checked once: at 2,000 sources each check of it costs tens of milliseconds).
 */
async function tidy(dataDir: string): Promise<Loaded<LibraryFile>> {
  await finishInterruptedRestore(dataDir)
  await removeTemporaryFiles(dataDir)
  const index = await readIndex(dataDir, { setAsideIfDamaged: true })
  if (!(await adoptUnlisted(dataDir, index.data))) return index
  const path = join(dataDir, 'library.json')
  const adopted = await loadStoreFile(path, libraryFileSchema)
  if (!adopted) throw missingIndex(path)
  return adopted
}

/** The index, upgraded if old, created if the notebook is new; refused if missing or damaged. */
async function readIndex(
  dataDir: string,
  { setAsideIfDamaged }: { setAsideIfDamaged: boolean },
): Promise<Loaded<LibraryFile>> {
  const path = join(dataDir, 'library.json')
  // Taken before reading: a write landing in between makes the store re-read, never miss it.
  const fingerprint = await fingerprintOf(path)
  let raw: unknown
  try {
    raw = await new DurableJsonFile<unknown>(path).read()
  } catch (error) {
    throw await damagedIndex(path, error, setAsideIfDamaged)
  }
  if (raw === null && (await exists(path))) {
    throw await damagedIndex(path, new Error(`${path} holds null, not an index`), setAsideIfDamaged)
  }
  if (raw === null) {
    if (await holdsNotebookFiles(dataDir)) throw missingIndex(path)
    const empty: LibraryFile = { schemaVersion: SCHEMA_VERSION, sources: [], essays: [] }
    await saveStoreFile(path, empty)
    return { data: empty, fingerprint: await fingerprintOf(path) }
  }
  if ((raw as { schemaVersion?: unknown } | null)?.schemaVersion === 1) {
    try {
      parseLibraryV1(path, raw)
    } catch (error) {
      throw await damagedIndex(path, error, setAsideIfDamaged)
    }
    await upgradeNotebook(dataDir, raw)
    return readIndex(dataDir, { setAsideIfDamaged })
  }
  try {
    return { data: validated(path, raw, libraryFileSchema), fingerprint }
  } catch (error) {
    const newer = error instanceof CommonplaceError && /newer Commonplace/.test(error.message)
    if (newer) throw error
    throw await damagedIndex(path, error, setAsideIfDamaged)
  }
}

/**
 * Lists source and essay files the index does not list (a crash between the two writes); says
 * whether it found any.
 */
async function adoptUnlisted(dataDir: string, index: LibraryFile): Promise<boolean> {
  const listed = {
    sources: new Set([...index.sources, ...(index.deletedSources ?? [])].map((entry) => entry.id)),
    essays: new Set(index.essays.map((entry) => entry.id)),
  }
  let adopted = false
  for (const folder of ['sources', 'essays'] as const) {
    for (const name of await readdir(join(dataDir, folder))) {
      const id = name.replace(/\.json$/, '')
      if (!name.endsWith('.json') || !isSafeId(id) || listed[folder].has(id)) continue
      const path = join(dataDir, folder, name)
      // One that does not validate stays unlisted; `repair` reports it.
      if (folder === 'sources') {
        const file = await loadStoreFile(path, sourceFileSchema).catch(() => null)
        // A deleted one stays deleted: its own file says so.
        if (file?.data.entry.deletedAt) (index.deletedSources ??= []).push(file.data.entry)
        else if (file) index.sources.push(file.data.entry)
        adopted ||= file !== null
      } else {
        const file = await loadStoreFile(path, essayFileSchema).catch(() => null)
        if (file) index.essays.push(file.data.entry)
        adopted ||= file !== null
      }
    }
  }
  if (adopted) await saveStoreFile(join(dataDir, 'library.json'), index)
  return adopted
}

async function holdsNotebookFiles(dataDir: string): Promise<boolean> {
  for (const folder of ['sources', 'essays']) {
    const names = await readdir(join(dataDir, folder)).catch(() => [] as string[])
    if (names.some((name) => name.endsWith('.json'))) return true
  }
  return false
}

const RECOVERY =
  'To recover, restore the newest good backup (Backups in the app, or `commonplace backups` then `commonplace restore <name>`), or rebuild the index from the notebook’s sources and essays (`commonplace repair`).'

function missingIndex(path: string): CommonplaceError {
  return new CommonplaceError(
    'damaged',
    `${path} is missing, though the notebook holds sources or essays. Nothing was changed. ${RECOVERY}`,
  )
}

async function damagedIndex(
  path: string,
  error: unknown,
  setAsideIfDamaged: boolean,
): Promise<CommonplaceError> {
  const why = error instanceof Error ? error.message : String(error)
  const aside = setAsideIfDamaged ? await setAside(path).catch(() => null) : null
  const kept = aside ? ` It was kept as ${aside}.` : ''
  return new CommonplaceError(
    'damaged',
    `The notebook's index cannot be read: ${why}.${kept} Nothing else was changed. ${RECOVERY}`,
  )
}

function notAFolder(dataDir: string): CommonplaceError {
  return new CommonplaceError(
    'invalid-argument',
    `${dataDir} is a file, not a notebook folder. Point --data-dir (or COMMONPLACE_DATA_DIR) at a folder.`,
  )
}

function unwritableFolder(dataDir: string, error: NodeJS.ErrnoException): CommonplaceError {
  return new CommonplaceError(
    'unwritable',
    `The notebook folder ${dataDir} cannot be created (${error.code === 'EACCES' || error.code === 'EPERM' ? 'permission denied' : error.message}).`,
  )
}
