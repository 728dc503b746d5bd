import { constants } from 'node:fs'
import {
  copyFile,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises'
import { join } from 'node:path'
import type { BackupInfo, BackupReason } from '../../../shared/ipc'
import { CommonplaceError } from '../errors'
import { ChangeFeed } from './change-feed'
import type { NotebookLock } from './notebook-lock'
import {
  CONTENT_ADDRESSED,
  copyNotebook,
  exists,
  INDEX_FILE,
  NOTEBOOK_FOLDERS,
  notebookFiles,
  setAside,
  verifyNotebook,
  type SnapshotCounts,
} from './snapshot'

// Rotating snapshots of the notebook in `backups/`, like Zotero's: each one a folder with the
// notebook's files (hard links where possible) and a manifest. Only a snapshot that loads and
// validates is kept as a backup; restoring one first backs up what is there now.

const BACKUPS = 'backups'
const MANIFEST = 'manifest.json'
const JOURNAL = 'restore.json'
/** The newest ten, and the newest of each of the last seven days. */
const KEEP_NEWEST = 10
const KEEP_DAYS = 7
const NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(-\d+)?$/

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUPS)
}

/** Takes a backup now, holding the notebook lock so that it is one consistent moment. */
export function createBackup(
  dataDir: string,
  lock: NotebookLock,
  reason: BackupReason,
): Promise<BackupInfo> {
  return lock.run(() => snapshotNotebook(dataDir, reason))
}

/** The snapshot itself; the caller holds the lock. `verify: false` only to save a damaged state. */
export async function snapshotNotebook(
  dataDir: string,
  reason: BackupReason,
  { verify = true } = {},
): Promise<BackupInfo> {
  const root = backupsDir(dataDir)
  await mkdir(root, { recursive: true })
  const name = await freshName(root)
  const partial = join(root, `.partial-${name}`)
  try {
    const files = await notebookFiles(dataDir)
    const [newest] = (await listBackups(dataDir)).filter((backup) => backup.verified)
    const bytes = await copyNotebook(
      dataDir,
      partial,
      files,
      newest ? join(root, newest.name) : null,
    )
    const counts: SnapshotCounts = verify
      ? await verifyNotebook(partial)
      : { sources: 0, clippings: 0, essays: 0 }
    const info: BackupInfo = {
      name,
      createdAt: new Date().toISOString(),
      reason,
      verified: verify,
      ...counts,
      bytes,
      files: files.length,
      revision: await new ChangeFeed(dataDir).latest(),
    }
    await writeFile(join(partial, MANIFEST), JSON.stringify(info, null, 2))
    await rename(partial, join(root, name))
    await rotate(root)
    return info
  } catch (error) {
    await rm(partial, { recursive: true, force: true })
    const why = error instanceof Error ? error.message : String(error)
    throw new CommonplaceError(
      error instanceof CommonplaceError ? error.code : 'internal',
      `No backup was made: ${why}`,
    )
  }
}

/** Every backup, newest first. A folder without a readable manifest is not a backup. */
export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  const root = backupsDir(dataDir)
  const names = await readdir(root).catch(() => [] as string[])
  const found: BackupInfo[] = []
  for (const name of names.filter((candidate) => NAME.test(candidate))) {
    try {
      found.push(JSON.parse(await readFile(join(root, name, MANIFEST), 'utf8')) as BackupInfo)
    } catch {
      // Half-made or damaged: not offered for restoring.
    }
  }
  return found.sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name),
  )
}

/**
 * Puts a backup's files in place of the notebook's. What is there now is backed up first (as a
 * verified backup if it validates, else as a plain copy), and a journal makes an interrupted
 * restore finish the next time the notebook is opened.
 */
export function restoreBackup(
  dataDir: string,
  lock: NotebookLock,
  name: string,
): Promise<{ restored: BackupInfo; before: BackupInfo }> {
  return lock.run(async () => {
    const restored = (await listBackups(dataDir)).find((backup) => backup.name === name)
    if (!restored || !NAME.test(name)) {
      throw new CommonplaceError(
        'not-found',
        `There is no backup named "${name}" in ${backupsDir(dataDir)}.`,
      )
    }
    if (!restored.verified) {
      throw new CommonplaceError(
        'invalid-argument',
        `The backup ${name} is a plain copy of a damaged notebook, kept for rescue by hand; it cannot be restored.`,
      )
    }
    const source = join(backupsDir(dataDir), name)
    await verifyNotebook(source)
    const before = await snapshotNotebook(dataDir, 'before-restore').catch(() =>
      snapshotNotebook(dataDir, 'before-restore', { verify: false }),
    )
    await writeFile(join(dataDir, JOURNAL), JSON.stringify({ backup: name }))
    await applyRestore(dataDir, source)
    await unlink(join(dataDir, JOURNAL))
    await new ChangeFeed(dataDir).record({ sources: [], essays: [], all: true })
    return { restored, before }
  })
}

/** Completes a restore a crash interrupted; the caller holds the lock. True if there was one. */
export async function finishInterruptedRestore(dataDir: string): Promise<boolean> {
  const journal = join(dataDir, JOURNAL)
  if (!(await exists(journal))) return false
  const { backup } = JSON.parse(await readFile(journal, 'utf8')) as { backup: string }
  if (!NAME.test(backup)) throw new CommonplaceError('damaged', `${journal} names no backup.`)
  await applyRestore(dataDir, join(backupsDir(dataDir), backup))
  await unlink(journal)
  await new ChangeFeed(dataDir).record({ sources: [], essays: [], all: true })
  return true
}

async function applyRestore(dataDir: string, source: string): Promise<void> {
  const wanted = await notebookFiles(source)
  for (const folder of NOTEBOOK_FOLDERS) {
    await mkdir(join(dataDir, folder), { recursive: true })
    const mine = wanted.filter(
      (file) => file.startsWith(`${folder}/`) || file.startsWith(`${folder}\\`),
    )
    for (const file of mine) await replaceWith(join(source, file), join(dataDir, file))
    // Texts and kept files are named by their content: one the backup lacks harms nothing and
    // may be cited.
    if (CONTENT_ADDRESSED.includes(folder)) continue
    const keep = new Set(mine.map((file) => file.slice(folder.length + 1)))
    for (const entry of await readdir(join(dataDir, folder), { withFileTypes: true })) {
      if (!entry.name.endsWith('.json') || keep.has(entry.name)) continue
      const path = join(dataDir, folder, entry.name)
      if (entry.isDirectory()) await setAside(path)
      else await unlink(path)
    }
  }
  await replaceWith(join(source, INDEX_FILE), join(dataDir, INDEX_FILE))
}

/**
 * Atomically puts a copy of `from` at `to`: copied beside it, renamed over it. A copy, not a link:
 * a later change to the notebook's file in place must not reach into the backup.
 */
async function replaceWith(from: string, to: string): Promise<void> {
  const temp = `${to}.${process.pid}.tmp`
  await rm(temp, { force: true })
  await copyFile(from, temp, constants.COPYFILE_FICLONE)
  if ((await stat(to).catch(() => null))?.isDirectory()) await setAside(to)
  await rename(temp, to)
}

/**
 * A folder where a notebook file belongs cannot be renamed over, and is not ours to delete: it is
 * renamed `<name>.damaged-<time>`, as a damaged index is, and the restore goes on.
 */
async function freshName(root: string): Promise<string> {
  const base = new Date().toISOString().slice(0, 19).replace(/:/g, '-') + 'Z'
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`
    if (!(await exists(join(root, name))) && !(await exists(join(root, `.partial-${name}`)))) {
      return name
    }
  }
}

/** Keeps the newest ten and the newest of each of the last seven days; removes the rest. */
async function rotate(root: string): Promise<void> {
  const all = await listBackups(join(root, '..'))
  const keep = new Set(all.slice(0, KEEP_NEWEST).map((backup) => backup.name))
  const days = new Set<string>()
  const cutoff = Date.now() - KEEP_DAYS * 24 * 3600 * 1000
  for (const backup of all) {
    const day = backup.createdAt.slice(0, 10)
    if (Date.parse(backup.createdAt) < cutoff || days.has(day)) continue
    days.add(day)
    keep.add(backup.name)
  }
  for (const backup of all) {
    if (!keep.has(backup.name)) await rm(join(root, backup.name), { recursive: true, force: true })
  }
  // Snapshots a crash left half-made.
  for (const name of await readdir(root)) {
    if (name.startsWith('.partial-')) await rm(join(root, name), { recursive: true, force: true })
  }
}
