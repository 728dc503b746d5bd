import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
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
    if (!info.isFile()) throw fail('is not a file.')
    size = info.size
  } catch (error) {
    if (error instanceof CommonplaceError) throw error
    throw fail(`could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`)
  }
  if (size > MAX_IMPORT_BYTES) {
    throw fail(`is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 20 MB.`)
  }

  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw fail(`could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`)
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
