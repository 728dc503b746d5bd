import { closeSync, fsync, openSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { readFile, rename, unlink, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { promisify } from 'node:util'
import type { Adapter } from 'lowdb'
import { CommonplaceError } from '../errors'

/**
 * A lowdb adapter that survives power loss and never writes over what it should not: lowdb's own
 * JSONFile (steno) renames a temp file into place but never fsyncs, so a crash can leave an empty
 * file where the notebook was. A file the user made read-only is refused, not replaced. Writes to
 * one file are serialized so a slow write never lands after a newer one.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly path: string
  private pending: Promise<void> = Promise.resolve()

  constructor(path: string) {
    this.path = path
  }

  async read(): Promise<T | null> {
    let bytes: Buffer
    try {
      bytes = await readFile(this.path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return null
      if (code === 'EISDIR') throw damaged(`${this.path} is a folder, not a file`)
      throw unreadable(this.path, error)
    }
    if (bytes.includes(0)) throw damaged(`${this.path} holds NUL bytes: it is not a JSON file`)
    // A byte order mark, as some Windows editors add: harmless, and dropped on the next write.
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
    try {
      return JSON.parse(text) as T
    } catch (error) {
      throw damaged(`${this.path} is not valid JSON (${(error as Error).message})`)
    }
  }

  write(data: T): Promise<void> {
    // Serialize now: the caller may mutate `data` before the queued write runs. Compact: the
    // index of a large notebook is rewritten on every autosave, and no one reads it by eye.
    const text = JSON.stringify(data)
    const next = this.pending.then(() => writeDurably(this.path, text))
    this.pending = next.catch(() => undefined)
    return next
  }
}

/** A file's identity and version as the file system sees it; null when there is no file. */
export async function fingerprintOf(path: string): Promise<string | null> {
  // Metadata reads are synchronous here and in assertWritable: a stat takes microseconds, while
  // each asynchronous file operation waits its turn in libuv's thread pool, and with the other
  // core busy those waits were most of a save's tail (a save made about twenty such calls).
  try {
    const info = statSync(path, { bigint: true })
    return `${info.ino}:${info.size}:${info.mtimeNs}`
  } catch {
    return null
  }
}

/**
 * Refuses before anything is written when a file or its folder is read-only: the user (or a
 * backup tool, or a sync client) said it must not change. Root ignores permissions, so the mode
 * bits are what count, not an access check.
 */
export async function assertWritable(path: string): Promise<void> {
  for (const [target, what] of [
    [path, 'file'],
    [dirname(path), 'folder'],
  ] as const) {
    let mode: number
    try {
      mode = statSync(target).mode
    } catch {
      continue
    }
    if ((mode & 0o222) === 0) {
      throw new CommonplaceError(
        'unwritable',
        `The ${what} ${target} is read-only; Commonplace will not replace it. Nothing was changed. Make it writable and try again.`,
      )
    }
  }
}

/**
 * Writes `content` to `path` so that a crash leaves the old file or the new one, never a torn one.
 * Only the two fsyncs, which wait for the disk, leave the main thread: the open, the write into
 * the page cache, the rename and the closes take microseconds, and each asynchronous call would
 * wait its turn in libuv's thread pool and then for the scheduler (under load, a save's eight
 * such trips cost more than its work).
 */
export async function writeDurably(path: string, content: string | Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`
  try {
    const file = openSync(temp, 'w')
    try {
      writeFileSync(file, content)
      await syncFile(file)
    } finally {
      closeSync(file)
    }
    renameSync(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw unwritable(path, error)
  }
  await syncDirectory(dirname(path))
}

/** Temporary files this process has made: each write gets its own name. */
let temporaryFiles = 0

/**
 * Replaces a derived file at once (written whole, then renamed over it), without an fsync: it
 * can be rebuilt. Each call writes its own temporary file, so two writers of one file in this
 * process (the session closing and the one opening) cannot rename each other's away.
 */
export async function replaceFile(path: string, content: string): Promise<void> {
  const temp = `${path}.${process.pid}.${++temporaryFiles}.tmp`
  try {
    await writeFile(temp, content)
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}

/** Makes the rename itself durable. Windows cannot open a directory; there rename is enough. */
async function syncDirectory(path: string): Promise<void> {
  let directory: number | undefined
  try {
    directory = openSync(path, 'r')
    await syncFile(directory)
  } catch {
    // Not supported on this platform.
  } finally {
    if (directory !== undefined) closeSync(directory)
  }
}

const syncFile = promisify(fsync)

function damaged(message: string): CommonplaceError {
  return new CommonplaceError('damaged', message)
}

function unreadable(path: string, error: unknown): CommonplaceError {
  const code = (error as NodeJS.ErrnoException).code
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOTDIR'
        ? 'a part of its path is a file, not a folder'
        : (error as Error).message
  return new CommonplaceError('damaged', `${path} cannot be read: ${why}`)
}

function unwritable(path: string, error: unknown): CommonplaceError {
  if (error instanceof CommonplaceError) return error
  const code = (error as NodeJS.ErrnoException).code
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EROFS'
        ? 'the disk is read-only'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'ENOENT' || code === 'ENOTDIR'
            ? 'its folder does not exist'
            : (error as Error).message
  return new CommonplaceError(
    'unwritable',
    `${path} could not be written: ${why}. It is unchanged.`,
  )
}
