import { readFile, stat } from 'node:fs/promises'
import { basename, extname, resolve } from 'node:path'
import type { SourceKind } from '../../../shared/domain'
import { CommonplaceError } from '../errors'

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
/** An essay is the writer's own text: 5 MB is several books' worth of Markdown. */
export const MAX_ESSAY_BYTES = 5 * 1024 * 1024

const kindByExtension: Record<string, SourceKind> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'txt',
  '.text': 'txt',
}

/** A text source arrives decoded; a book arrives as its archive's bytes. */
export type SourceFileContents =
  | { fileName: string; kind: Exclude<SourceKind, 'epub'>; content: string }
  | { fileName: string; kind: 'epub'; bytes: Uint8Array }

/** Reads a file to import, refusing with a message that names it when it cannot be a source. */
export async function readSourceFile(path: string): Promise<SourceFileContents> {
  const extension = extname(path).toLowerCase()
  if (extension === '.epub') {
    const bytes = await readBinaryFile(path, MAX_IMPORT_BYTES)
    return { fileName: basename(path), kind: 'epub', bytes }
  }
  const kind = kindByExtension[extension]
  const { fileName, content } = await readTextFile(path, {
    extensions: kind ? [extension] : [],
    wrongExtension: 'Commonplace imports .html, .htm, .md, .txt and .epub files.',
    maxBytes: MAX_IMPORT_BYTES,
  })
  if (content.trim() === '') {
    throw new CommonplaceError('import-failed', `${fileName}: is empty.`)
  }
  return { fileName, kind: kind as Exclude<SourceKind, 'epub'>, content }
}

/** A file's bytes, at most `maxBytes`, or a refusal naming it (for archives such as EPUB). */
async function readBinaryFile(path: string, maxBytes: number): Promise<Uint8Array> {
  const fileName = basename(path)
  let size: number
  try {
    const info = await stat(path)
    if (!info.isFile()) throw unreadable(path, 'it is a folder, not a file')
    size = info.size
  } catch (error) {
    if (error instanceof CommonplaceError) throw error
    throw unreadable(path, readFailure(error))
  }
  if (size > maxBytes) {
    throw new CommonplaceError(
      'import-failed',
      `${fileName}: is ${megabytes(size)}; the limit is ${megabytes(maxBytes)}.`,
    )
  }
  if (size === 0) throw new CommonplaceError('import-failed', `${fileName}: is empty.`)
  try {
    return new Uint8Array(await readFile(path))
  } catch (error) {
    throw unreadable(path, readFailure(error))
  }
}

/**
 * "Import essay" reads Markdown only: a file of any other kind, binary or too big for an essay
 * is refused before the essay importer parses it.
 */
export async function readEssayFile(path: string): Promise<{ fileName: string; content: string }> {
  return readTextFile(path, {
    extensions: ['.md', '.markdown'],
    wrongExtension: 'Commonplace imports essays from Markdown files (.md or .markdown) only.',
    maxBytes: MAX_ESSAY_BYTES,
  })
}

interface TextFileRule {
  /** The extensions accepted, lower case with the dot. */
  extensions: string[]
  /** Said when the file's extension is not one of them. */
  wrongExtension: string
  maxBytes: number
}

/** A UTF-8 text file with an accepted extension and at most `maxBytes`, or a refusal naming it. */
async function readTextFile(
  path: string,
  rule: TextFileRule,
): Promise<{ fileName: string; content: string }> {
  const fileName = basename(path)
  const fail = (why: string): CommonplaceError =>
    new CommonplaceError('import-failed', `${fileName}: ${why}`)

  if (!rule.extensions.includes(extname(path).toLowerCase())) throw fail(rule.wrongExtension)

  let size: number
  try {
    const info = await stat(path)
    if (!info.isFile()) throw unreadable(path, 'it is a folder, not a file')
    size = info.size
  } catch (error) {
    if (error instanceof CommonplaceError) throw error
    throw unreadable(path, readFailure(error))
  }
  if (size > rule.maxBytes) {
    throw fail(`is ${megabytes(size)}; the limit is ${megabytes(rule.maxBytes)}.`)
  }

  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw unreadable(path, readFailure(error))
  }
  if (bytes.includes(0)) throw fail('is a binary file, not text.')
  try {
    return { fileName, content: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    throw fail('is not UTF-8 text (it may be binary or in another encoding).')
  }
}

/** 20971520 -> "20 MB", 31457281 -> "30.0 MB" */
function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`
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
