// A stretch of a version's text, read straight from the bytes of its file. A source search cuts
// a snippet from each of its twenty hits; decoding and parsing each hit's whole file (100 KB of
// text and as much HTML) took 1.5 ms a hit, most of a search. The walk here counts the text's
// UTF-16 units through the file's bytes and decodes only the stretch asked for.

/** `text` is the version's text from `from` to `to` (UTF-16 units, as String.slice counts). */
export interface TextWindow {
  text: string
  from: number
  /** Where the window ends: `to` as asked, or the text's end if that comes first. */
  to: number
  /** Whether the text goes on after the window. */
  more: boolean
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const KEY = Buffer.from('"text":')

/**
 * The window [from, to) of the top-level "text" string of a version's text file (compact or
 * not: whitespace may follow the colon). Null when the bytes are not laid out as the store
 * writes them or the stretch does not decode: the caller then reads the file whole.
 */
export function textWindowOf(bytes: Buffer, from: number, to: number): TextWindow | null {
  // A key cannot occur inside a JSON string (its quotes would be escaped), and the fields
  // before the text are a number and a hash.
  let at = bytes.indexOf(KEY)
  if (at < 0) return null
  at += KEY.length
  while (at < bytes.length && isSpace(bytes[at] as number)) at++
  if (bytes[at] !== QUOTE) return null
  at++
  from = Math.max(0, from)
  let unit = 0
  // The first character holding unit `from` and the first byte after the one holding `to - 1`.
  let firstUnit = -1
  let firstByte = -1
  while (at < bytes.length) {
    const byte = bytes[at] as number
    if (byte === QUOTE) break
    if (unit >= to) break
    const size = byte < 0x80 && byte !== BACKSLASH ? (byte < 0x20 ? 0 : 1) : sizeAt(bytes, at, byte)
    if (size === 0) return null
    // Only a character of four bytes is two units (a surrogate pair); an escape is one.
    const units = size === 4 ? 2 : 1
    if (firstByte < 0 && unit + units > from) {
      firstUnit = unit
      firstByte = at
    }
    unit += units
    at += size
  }
  if (at >= bytes.length) return null
  const more = bytes[at] !== QUOTE
  if (firstByte < 0) return { text: '', from: Math.min(from, unit), to: unit, more }
  let decoded: string
  try {
    decoded = JSON.parse(`"${bytes.toString('utf8', firstByte, at)}"`) as string
  } catch {
    return null
  }
  // A character of two units may straddle either edge: keep only the units asked for.
  const end = Math.min(to, unit)
  return { text: decoded.slice(from - firstUnit, end - firstUnit), from, to: end, more }
}

/** The size in bytes of the string's character at `at` (an escape or UTF-8); 0 if malformed. */
function sizeAt(bytes: Buffer, at: number, byte: number): number {
  if (byte === BACKSLASH) return bytes[at + 1] === 0x75 ? 6 : 2
  if (byte >= 0xc2 && byte <= 0xdf) return 2
  if (byte >= 0xe0 && byte <= 0xef) return 3
  if (byte >= 0xf0 && byte <= 0xf4) return 4
  return 0
}

const isSpace = (byte: number): boolean =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09
