import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import { writeDurably } from '../store/durable-json-file'

/** The transaction origin of updates read back from disk: not news, so not written again. */
export const FROM_DISK = Symbol('from disk')

/**
 * A Yjs document kept on disk beside the store, so edits made offline survive a restart and are
 * sent when the server is reachable again. The file is a log of updates, each with a 4-byte
 * length before it, fsynced as it is appended; a crash mid-append leaves a torn last record, which
 * is dropped on load (Yjs updates are idempotent, and the one lost was never acknowledged). The log
 * is folded into one update when it grows, written to a temporary file and renamed into place.
 */
export class PersistedDoc {
  private handle: FileHandle | null = null
  private pending: Promise<void> = Promise.resolve()
  private appendedBytes = 0
  private readonly stopListening: () => void

  private constructor(
    readonly doc: Y.Doc,
    readonly path: string,
    private readonly compactAfterBytes: number,
  ) {
    const onUpdate = (update: Uint8Array, origin: unknown): void => {
      if (origin === FROM_DISK) return
      this.append(update)
    }
    doc.on('update', onUpdate)
    this.stopListening = () => doc.off('update', onUpdate)
  }

  /** Loads `name`'s log from `dir` into `doc` (a new Y.Doc when none is given) and keeps it. */
  static async open(
    dir: string,
    name: string,
    doc: Y.Doc = new Y.Doc(),
    options: { compactAfterBytes?: number } = {},
  ): Promise<PersistedDoc> {
    await mkdir(dir, { recursive: true })
    const path = join(dir, `${fileNameOf(name)}.yjs`)
    const updates = readRecords(await readIfExists(path))
    if (updates.length > 0) {
      Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)), FROM_DISK)
    }
    return new PersistedDoc(doc, path, options.compactAfterBytes ?? 4 * 1024 * 1024)
  }

  /**
   * `name`'s log as it stands, read once into a new document that is not kept (nothing is written,
   * not even the folder): for a process that only looks, such as the CLI while the app syncs.
   */
  static async read(dir: string, name: string): Promise<Y.Doc> {
    const doc = new Y.Doc()
    const updates = readRecords(await readIfExists(join(dir, `${fileNameOf(name)}.yjs`)))
    Y.transact(doc, () => updates.forEach((update) => Y.applyUpdate(doc, update)), FROM_DISK)
    return doc
  }

  /** Resolves once every update seen so far is on disk. */
  flushed(): Promise<void> {
    return this.pending
  }

  /** Replaces the log with one update holding the whole document. */
  compact(): Promise<void> {
    return this.enqueue(async () => {
      await this.handle?.close()
      this.handle = null
      await writeDurably(this.path, record(Y.encodeStateAsUpdate(this.doc)))
      this.appendedBytes = 0
    })
  }

  async close(): Promise<void> {
    this.stopListening()
    await this.pending
    await this.handle?.close()
    this.handle = null
  }

  private append(update: Uint8Array): void {
    void this.enqueue(async () => {
      this.handle ??= await open(this.path, 'a')
      await this.handle.write(record(update))
      await this.handle.datasync()
      this.appendedBytes += update.length + 4
    }).then(() => {
      if (this.appendedBytes > this.compactAfterBytes) void this.compact()
    })
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.pending.then(work)
    this.pending = next.catch((error: unknown) => console.error(`Saving ${this.path}:`, error))
    return next
  }
}

/** A document name made safe as a file name, and still readable (names hold `/`). */
export function fileNameOf(name: string): string {
  return Buffer.from(name, 'utf8').toString('base64url')
}

function record(update: Uint8Array): Buffer {
  const header = Buffer.alloc(4)
  header.writeUInt32BE(update.length)
  return Buffer.concat([header, update])
}

function readRecords(bytes: Buffer | null): Uint8Array[] {
  const updates: Uint8Array[] = []
  let offset = 0
  while (bytes && offset + 4 <= bytes.length) {
    const length = bytes.readUInt32BE(offset)
    if (offset + 4 + length > bytes.length) break // a torn last record
    updates.push(new Uint8Array(bytes.subarray(offset + 4, offset + 4 + length)))
    offset += 4 + length
  }
  return updates
}

async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
