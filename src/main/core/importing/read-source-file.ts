import { readFile, stat } from 'node:fs/promises'
import { basename, extname, resolve } from 'node:path'
import type { SourceKind } from '../../../shared/domain'
import { CommonplaceError } from '../errors'

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

const kindByExtension: Record<string, SourceKind> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'txt',
  '.text': 'txt',
}

export interface SourceFileContents {
  fileName: string
  kind: SourceKind
  content: string
}

/** Reads a file to import, refusing with a message that names it when it cannot be a source. */
export async function readSourceFile(path: string): Promise<SourceFileContents> {
  const fileName = basename(path)
  const fail = (why: string): CommonplaceError =>
    new CommonplaceError('import-failed', `${fileName}: ${why}`)

  const kind = kindByExtension[extname(path).toLowerCase()]
  if (!kind) throw fail('Commonplace imports .html, .htm, .md and .txt files.')

  let size: number
  try {
    const info = await stat(path)
    if (!info.isFile()) throw unreadable(path, 'it is a folder, not a file')
    size = info.size
  } catch (error) {
    if (error instanceof CommonplaceError) throw error
    throw unreadable(path, readFailure(error))
  }
  if (size > MAX_IMPORT_BYTES) {
    throw fail(`is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 20 MB.`)
  }

  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw unreadable(path, readFailure(error))
  }
  if (bytes.includes(0)) throw fail('is a binary file, not text.')
  let content: string
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw fail('is not UTF-8 text (it may be binary or in another encoding).')
  }
  if (content.trim() === '') throw fail('is empty.')
  return { fileName, kind, content }
}

/** A file that cannot be opened at all: named by its full path, so the user can go and look. */
function unreadable(path: string, why: string): CommonplaceError {
  return new CommonplaceError('import-failed', `${resolve(path)}: ${why}.`)
}

/** Why reading failed, in words rather than an errno code. */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'file not found'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'it is a folder, not a file'
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder'
  return `could not be read (${code ?? (error instanceof Error ? error.message : String(error))})`
}
