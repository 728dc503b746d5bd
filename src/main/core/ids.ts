import { createHash, randomBytes } from 'node:crypto'

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz'

/** Short ids a person can type in the CLI: a prefix and 10 random base-32 characters. */
export function newId(prefix: 's' | 'c' | 'e'): string {
  const bytes = randomBytes(10)
  let id = `${prefix}-`
  for (const byte of bytes) id += alphabet[byte % 32]
  return id
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** A file's bytes, by which a kept file is named (files/<hash>). */
export function sha256Bytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * A version's name: the sha-256 of its text, or, when the file it came from is kept (a PDF), of
 * its text and that file's hash. Two scans without a text layer have the same (empty) text but
 * are different sources, and a reprint with the same words draws different pages.
 */
export function versionHashOf(text: string, keptFileHash?: string): string {
  return keptFileHash === undefined ? sha256(text) : sha256(`${text}\u0000${keptFileHash}`)
}
