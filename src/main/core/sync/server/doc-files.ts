import { mkdir, readdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import { CommonplaceError } from '../../errors'
import { writeDurably } from '../../store/durable-json-file'
import { notebookOfDoc } from '../doc-names'
import { fileNameOf } from '../persisted-doc'

// The server's copy of every document: `<dataDir>/docs/<fileNameOf(name)>.yjs`, each the whole
// state as one Yjs update, replaced atomically (temporary file, fsync, rename) on every store. A
// crash leaves the previous state or the new one, never half of either; a client still holding
// what the server lost sends it again when it reconnects.

const SUFFIX = '.yjs'

export class DocFiles {
  private readonly names = new Set<string>()

  private constructor(readonly dir: string) {}

  /** Creates the folder, removes temporary files a crash left, and lists the documents kept. */
  static async open(dataDir: string): Promise<DocFiles> {
    const files = new DocFiles(join(dataDir, 'docs'))
    await mkdir(files.dir, { recursive: true })
    for (const entry of await readdir(files.dir)) {
      if (entry.endsWith('.tmp')) await unlink(join(files.dir, entry)).catch(() => undefined)
      const name = docNameOf(entry)
      if (name) files.names.add(name)
    }
    return files
  }

  pathOf(name: string): string {
    return join(this.dir, `${fileNameOf(name)}${SUFFIX}`)
  }

  /** The saved state of `name`, or null when the server has never stored it. */
  async read(name: string): Promise<Uint8Array | null> {
    let bytes: Buffer
    try {
      bytes = await readFile(this.pathOf(name))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    try {
      // Refuse a damaged file before Hocuspocus applies it: loading it half would let the next
      // store overwrite what could still be recovered from it.
      Y.decodeUpdate(bytes)
    } catch (error) {
      throw new CommonplaceError(
        'damaged',
        `${this.pathOf(name)} (document ${name}) is not a Yjs update: ${(error as Error).message}. It was left as it is.`,
      )
    }
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }

  async write(name: string, state: Uint8Array): Promise<void> {
    await writeDurably(this.pathOf(name), state)
    this.names.add(name)
  }

  /** The names of the documents stored so far. */
  stored(): string[] {
    return [...this.names]
  }
}

/** Inverse of the file name {@link DocFiles.pathOf} gives; null for anything else in the folder. */
function docNameOf(fileName: string): string | null {
  if (!fileName.endsWith(SUFFIX)) return null
  const name = Buffer.from(fileName.slice(0, -SUFFIX.length), 'base64url').toString('utf8')
  return notebookOfDoc(name) !== null && fileNameOf(name) + SUFFIX === fileName ? name : null
}
