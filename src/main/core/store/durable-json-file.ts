import { open, readFile, rename, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Adapter } from 'lowdb'

/**
 * A lowdb adapter that survives power loss: lowdb's own JSONFile (steno) renames a temp file into
 * place but never fsyncs, so a crash can leave an empty file where the notebook was. Writes to one
 * file are serialized so a slow write never lands after a newer one.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly path: string
  private pending: Promise<void> = Promise.resolve()

  constructor(path: string) {
    this.path = path
  }

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    try {
      return JSON.parse(text) as T
    } catch (error) {
      throw new Error(`${this.path} is not valid JSON (${(error as Error).message})`, {
        cause: error,
      })
    }
  }

  write(data: T): Promise<void> {
    // Serialize now: the caller may mutate `data` before the queued write runs.
    const text = JSON.stringify(data, null, 2)
    const next = this.pending.then(() => writeDurably(this.path, text))
    this.pending = next.catch(() => undefined)
    return next
  }
}

async function writeDurably(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`
  const file = await open(temp, 'w')
  try {
    await file.writeFile(text, 'utf8')
    await file.sync()
  } finally {
    await file.close()
  }
  try {
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await syncDirectory(dirname(path))
}

/** Makes the rename itself durable. Windows cannot open a directory; there rename is enough. */
async function syncDirectory(path: string): Promise<void> {
  let directory
  try {
    directory = await open(path, 'r')
    await directory.sync()
  } catch {
    // Not supported on this platform.
  } finally {
    await directory?.close()
  }
}
