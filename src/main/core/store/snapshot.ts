import { constants } from 'node:fs'
import { copyFile, link, mkdir, readdir, readFile, stat, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { CommonplaceError } from '../errors'
import { sha256Bytes, versionHashOf } from '../ids'
import { loadStoreFile } from './json-store-file'
import {
  essayFileSchema,
  libraryFileSchema,
  sourceFileSchema,
  versionTextSchema,
  type SourceFile,
} from './schema'

/** The folders and files a notebook consists of (derived files and locks are not part of it). */
export const NOTEBOOK_FOLDERS = ['sources', 'essays', 'texts', 'files'] as const
/** Folders whose files are named by their content, written once: a backup links an earlier copy. */
export const CONTENT_ADDRESSED: readonly string[] = ['texts', 'files']
/** A kept file (a PDF) is named by the sha-256 of its bytes, with no extension. */
const KEPT_FILE_NAME = /^[0-9a-f]{64}$/
export const INDEX_FILE = 'library.json'

export interface SnapshotCounts {
  sources: number
  clippings: number
  essays: number
}

/**
 * Every file of the notebook in `dir`, relative to it: the index first. Only files: a folder
 * where a file should be (a sync client's doing, or a person's) cannot be copied, and would stop
 * the very backups, restores and repairs that are the way back from it.
 */
export async function notebookFiles(dir: string): Promise<string[]> {
  const files: string[] = []
  if (await notAFolder(join(dir, INDEX_FILE))) files.push(INDEX_FILE)
  for (const folder of NOTEBOOK_FOLDERS) {
    const entries = await readdir(join(dir, folder), { withFileTypes: true }).catch(() => [])
    const names = entries.filter((entry) => !entry.isDirectory()).map((entry) => entry.name)
    const wanted = (name: string): boolean =>
      folder === 'files' ? KEPT_FILE_NAME.test(name) : name.endsWith('.json')
    for (const name of names.sort()) if (wanted(name)) files.push(join(folder, name))
  }
  return files
}

/**
 * Copies the notebook's files from `from` into `to`: real copies (a copy-on-write clone where the
 * file system offers one), never links to the notebook's own files, which another program might
 * change in place. Texts are named by their content and checked against it, so one that an
 * earlier backup (`earlier`) already holds is linked from there instead of copied again.
 */
export async function copyNotebook(
  from: string,
  to: string,
  files: string[],
  earlier: string | null = null,
): Promise<number> {
  let bytes = 0
  for (const folder of NOTEBOOK_FOLDERS) await mkdir(join(to, folder), { recursive: true })
  for (const file of files) {
    const source = join(from, file)
    bytes += (await stat(source)).size
    const named = CONTENT_ADDRESSED.some((folder) => file.startsWith(folder))
    if (earlier && named && (await exists(join(earlier, file)))) {
      const linked = await link(join(earlier, file), join(to, file)).then(
        () => true,
        () => false,
      )
      if (linked) continue
    }
    await copyFile(source, join(to, file), constants.COPYFILE_FICLONE)
  }
  return bytes
}

/**
 * Loads every file of a snapshot as the store would and checks that it holds together: the index
 * validates, every listed source and essay file exists and validates, every version's text is
 * there and matches its hash. Throws naming the first file that does not.
 */
export async function verifyNotebook(dir: string): Promise<SnapshotCounts> {
  const index = await loadStoreFile(join(dir, INDEX_FILE), libraryFileSchema)
  if (!index) throw new CommonplaceError('damaged', `${join(dir, INDEX_FILE)} is missing.`)
  let clippings = 0
  const hashes = new Set<string>()
  for (const entry of index.data.sources) {
    const file = await required<SourceFile>(
      join(dir, 'sources', `${entry.id}.json`),
      sourceFileSchema,
    )
    clippings += file.clippings.filter((clipping) => !clipping.deletedAt).length
    for (const version of file.versions) hashes.add(version.hash)
  }
  for (const entry of index.data.essays) {
    await required(join(dir, 'essays', `${entry.id}.json`), essayFileSchema)
  }
  for (const hash of hashes) {
    const path = join(dir, 'texts', `${hash}.json`)
    const text = await required(path, versionTextSchema)
    if (versionHashOf(text.text, text.file?.hash) !== hash) {
      throw new CommonplaceError('damaged', `${path} does not hold the text its name promises.`)
    }
    if (text.file) await verifyKeptFile(join(dir, 'files', text.file.hash), text.file.hash)
  }
  return {
    sources: index.data.sources.length,
    clippings,
    essays: index.data.essays.filter((essay) => !essay.deletedAt).length,
  }
}

async function required<T>(
  path: string,
  schema: Parameters<typeof loadStoreFile<T>>[1],
): Promise<T> {
  const loaded = await loadStoreFile(path, schema)
  if (!loaded) throw new CommonplaceError('damaged', `${path} is missing.`)
  return loaded.data
}

/** A kept file (a PDF the reader draws) is there and holds the bytes its name promises. */
async function verifyKeptFile(path: string, hash: string): Promise<void> {
  const bytes = await readFile(path).catch(() => null)
  if (!bytes) throw new CommonplaceError('damaged', `${path} is missing.`)
  if (sha256Bytes(bytes) !== hash) {
    throw new CommonplaceError('damaged', `${path} does not hold the file its name promises.`)
  }
}

async function notAFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => !info.isDirectory(),
    () => false,
  )
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

/** Renames a damaged file (or a folder in a file's place) to `<name>.damaged-<time>` beside it. */
export async function setAside(path: string): Promise<string> {
  const aside = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
  await rename(path, aside)
  return aside
}
