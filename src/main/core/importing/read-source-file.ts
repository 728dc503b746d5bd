import { readFile, stat } from 'node:fs/promises'
import { basename, extname, resolve } from 'node:path'
import type { SourceKind } from '../../../shared/domain'
import { CommonplaceError } from '../errors'

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
/**
 * PDFs and EPUBs carry their pictures and fonts: a 300-page scanned book is often 50–150 MB,
 * while its text is a small part of it. The file is read as bytes, never decoded as text, and
 * its text is extracted page by page in the import worker (within its memory limit).
 */
export const MAX_BINARY_IMPORT_BYTES = 200 * 1024 * 1024
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
  '.pdf': 'pdf',
  '.epub': 'epub',
}

export type BinaryKind = 'pdf' | 'epub'
export type TextKind = Exclude<SourceKind, BinaryKind>

/** A text file's content as a string; a PDF's or an EPUB's as its bytes. */
export type SourceFileContents =
  | { fileName: string; kind: TextKind; content: string }
  | { fileName: string; kind: BinaryKind; bytes: Uint8Array }

const WRONG_EXTENSION = 'Commonplace imports .html, .htm, .md, .txt, .pdf and .epub files.'

/** What a file of each binary kind starts with, and what it is called in a refusal. */
const MAGIC: Record<BinaryKind, { bytes: string; name: string }> = {
  pdf: { bytes: '%PDF-', name: 'a PDF' },
  // An EPUB is a ZIP archive.
  epub: { bytes: 'PK\x03\x04', name: 'an EPUB (ZIP) archive' },
}

/** Reads a file to import, refusing with a message that names it when it cannot be a source. */
export async function readSourceFile(path: string): Promise<SourceFileContents> {
  const extension = extname(path).toLowerCase()
  const kind = kindByExtension[extension]
  if (kind === 'pdf' || kind === 'epub') return readBinaryFile(path, kind)
  const { fileName, content } = await readTextFile(path, {
    extensions: kind ? [extension] : [],
    wrongExtension: WRONG_EXTENSION,
    maxBytes: MAX_IMPORT_BYTES,
  })
  if (content.trim() === '') {
    throw new CommonplaceError('import-failed', `${fileName}: is empty.`)
  }
  return { fileName, kind: kind as TextKind, content }
}

/** A PDF or EPUB as bytes, refused when it is too big or does not start as one of its kind does. */
async function readBinaryFile(path: string, kind: BinaryKind): Promise<SourceFileContents> {
  const fileName = basename(path)
  const bytes = await readBytes(path, fileName, MAX_BINARY_IMPORT_BYTES)
  const magic = MAGIC[kind]
  // Some PDF writers put a few bytes of junk before the header; readers accept it within 1 KB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  const found = kind === 'pdf' ? head.includes(magic.bytes) : head.startsWith(magic.bytes)
  if (bytes.length === 0) throw new CommonplaceError('import-failed', `${fileName}: is empty.`)
  if (!found) {
    throw new CommonplaceError('import-failed', `${fileName}: is not ${magic.name}.`)
  }
  // Bytes that own their whole buffer, so that buffer can be moved to the import worker (a small
  // file may share Node's pooled buffer, and is then copied).
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
  const own = whole ? new Uint8Array(bytes.buffer) : new Uint8Array(bytes)
  return { fileName, kind, bytes: own }
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
  const bytes = await readBytes(path, fileName, rule.maxBytes)
  if (bytes.includes(0)) throw fail('is a binary file, not text.')
  try {
    return { fileName, content: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    throw fail('is not UTF-8 text (it may be binary or in another encoding).')
  }
}

/** A file's bytes when it is a file of at most `maxBytes`, or a refusal naming it. */
async function readBytes(path: string, fileName: string, maxBytes: number): Promise<Buffer> {
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
  try {
    return await readFile(path)
  } catch (error) {
    throw unreadable(path, readFailure(error))
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
