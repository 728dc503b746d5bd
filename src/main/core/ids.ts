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
