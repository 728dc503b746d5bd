// A Kindle's `My Clippings.txt` into highlight records. The file is entries separated by lines of
// ten "=": a title line "Book Title (Author)", a metadata line (kind, page, location, date), a
// blank line and the text. The Kindle only ever appends to it: a widened highlight is a new entry
// after the old one, an edited note a new note at the same location, so the last word wins.
import { sha256 } from '../ids'
import type { HighlightRecord, ParsedHighlights } from './highlight-record'
import { readKindleMetadata, type KindleMetadata } from './kindle-metadata'
import { PlaceIndex, placeOf, type Place } from './kindle-places'

/** Records, refusals, and entries left out on purpose (bookmarks, superseded highlights). */
export type ParsedKindleClippings = ParsedHighlights & {
  skipped: { where: string; message: string }[]
}

interface KindleEntry {
  where: string
  /** Its place in the file, for "the nearest highlight before this note". */
  number: number
  title: string
  author?: string
  /** Title and author: entries of one book are only compared with each other. */
  book: string
  meta: KindleMetadata
  place?: Place
  text: string
}

const separator = /^\s*={10}\s*$/

export function parseKindleClippings(text: string): ParsedKindleClippings {
  const parsed: ParsedKindleClippings = { records: [], refused: [], skipped: [] }
  const highlights: KindleEntry[] = []
  const notes: KindleEntry[] = []
  const entries = splitEntries(text)
  if (entries.length === 0)
    parsed.refused.push({ where: 'file', message: 'empty: no clippings in it' })
  for (const raw of entries) {
    const entry = readEntry(raw)
    if (typeof entry === 'string') {
      parsed.refused.push({ where: raw.where, message: entry })
    } else if (entry.meta.kind === 'bookmark') {
      parsed.skipped.push({ where: raw.where, message: `a bookmark in "${entry.title}"` })
    } else {
      ;(entry.meta.kind === 'note' ? notes : highlights).push(entry)
    }
  }
  const { kept, index } = dropSuperseded(highlights, parsed.skipped)
  const notesOf = pairNotes(index, notes, parsed.refused)
  for (const entry of kept) parsed.records.push(toRecord(entry, notesOf.get(entry) ?? []))
  return parsed
}

interface RawEntry {
  where: string
  number: number
  lines: string[]
}

function splitEntries(text: string): RawEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const entries: RawEntry[] = []
  let current: string[] = []
  let firstLine = 1
  const finish = (): void => {
    // Leading blank lines belong to no entry; a chunk of only blank lines is no entry at all.
    const leading = current.findIndex((line) => line.trim() !== '')
    if (leading >= 0) {
      const number = entries.length + 1
      entries.push({
        where: `entry ${number} (line ${firstLine + leading})`,
        number,
        lines: current.slice(leading),
      })
    }
  }
  lines.forEach((line, index) => {
    if (separator.test(line)) {
      finish()
      current = []
      firstLine = index + 2
    } else {
      current.push(line)
    }
  })
  finish()
  return entries
}

function readEntry({ where, number, lines }: RawEntry): KindleEntry | string {
  // Some Kindles start every entry, not only the file, with a byte order mark.
  const titleLine = (lines[0] ?? '').replace(/\uFEFF/g, '').trim()
  const metaLine = lines[1]?.trim() ?? ''
  if (titleLine.startsWith('- ') && !metaLine.startsWith('-'))
    return `no title line ("Book Title (Author)") before the metadata line "${titleLine}"`
  if (!metaLine.startsWith('-'))
    return `no metadata line ("- Your Highlight on …") after the title "${titleLine}"`
  const meta = readKindleMetadata(metaLine)
  if (typeof meta === 'string') return meta
  const { title, author } = splitTitle(titleLine)
  const body = lines.slice(2).join('\n').trim()
  if (meta.kind !== 'bookmark' && body === '') return `the ${meta.kind} in "${title}" has no text`
  const place = placeOf(meta)
  return {
    where,
    number,
    title,
    ...(author && { author }),
    book: `${title}\u0000${author ?? ''}`,
    meta,
    ...(place && { place }),
    text: body,
  }
}

/** "Title (Author)": the author is the last parenthesized group, so "(Vol. 2)" stays in a title. */
export function splitTitle(line: string): { title: string; author?: string } {
  if (!line.endsWith(')')) return { title: line }
  let depth = 0
  for (let index = line.length - 1; index >= 0; index--) {
    if (line[index] === ')') depth++
    else if (line[index] === '(' && --depth === 0) {
      const title = line.slice(0, index).trim()
      const author = line.slice(index + 1, -1).trim()
      if (title === '') return { title: line }
      return author === '' ? { title } : { title, author }
    }
  }
  return { title: line }
}

/**
 * A later highlight of the same book whose place overlaps an earlier one and whose words overlap
 * it (one contains the other, or one's end is the other's start) is that highlight widened,
 * narrowed or moved on the Kindle: the later one is kept. Two different sentences in one location
 * do not share words that way, so both stay.
 */
function dropSuperseded(
  highlights: KindleEntry[],
  skipped: { where: string; message: string }[],
): { kept: KindleEntry[]; index: PlaceIndex<KindleEntry> } {
  const index = new PlaceIndex<KindleEntry>()
  const dropped = new Set<KindleEntry>()
  for (const entry of highlights) {
    for (const earlier of index.overlapping(entry.book, entry.place)) {
      if (!samePlaceKind(entry, earlier) || !wordsOverlap(entry.text, earlier.text)) continue
      skipped.push({
        where: earlier.where,
        message: `replaced by ${entry.where}, the same highlight changed on the Kindle`,
      })
      index.remove(earlier)
      dropped.add(earlier)
    }
    index.add(entry)
  }
  return { kept: highlights.filter((entry) => !dropped.has(entry)), index }
}

function samePlaceKind(a: KindleEntry, b: KindleEntry): boolean {
  return a.place?.by === b.place?.by
}

function wordsOverlap(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true
  const shorter = Math.min(a.length, b.length)
  const least = Math.min(20, shorter)
  for (let length = shorter; length >= least; length--)
    if (a.endsWith(b.slice(0, length)) || b.endsWith(a.slice(0, length))) return true
  return false
}

/**
 * Each note goes to the highlight it was typed on: same book, and the note's location is the
 * highlight's last location (where the Kindle puts it) or inside its range; the end match wins,
 * then the nearest highlight before the note in the file. A note with no highlight has no quote
 * to clip, so it is refused with a reason rather than lost silently. An edited note is a new note
 * at the same place: the later one replaces it; notes at different places in one highlight join.
 */
function pairNotes(
  highlights: PlaceIndex<KindleEntry>,
  notes: KindleEntry[],
  refused: { where: string; message: string }[],
): Map<KindleEntry, KindleEntry[]> {
  const notesOf = new Map<KindleEntry, KindleEntry[]>()
  for (const note of notes) {
    const end = note.place && { ...note.place, start: note.place.end }
    const candidates = end
      ? highlights
          .overlapping(note.book, end)
          .filter((highlight) => highlight.place?.by === end.by)
          .sort((a, b) => a.number - b.number)
      : []
    const atEnd = candidates.filter((highlight) => highlight.place?.end === end?.end)
    const pool = atEnd.length > 0 ? atEnd : candidates
    // The pool is in file order: the last one before the note, else the first after it.
    const owner = pool.filter((entry) => entry.number < note.number).pop() ?? pool[0]
    if (!owner) {
      const at = note.meta.location ? `location ${note.meta.location}` : `page ${note.meta.page}`
      refused.push({
        where: note.where,
        message: `a note with no highlight at ${at} in "${note.title}": a note alone has no quote to clip`,
      })
      continue
    }
    const list = (notesOf.get(owner) ?? []).filter((other) => other.place?.end !== end?.end)
    notesOf.set(owner, [...list, note])
  }
  return notesOf
}

function toRecord(entry: KindleEntry, notes: KindleEntry[]): HighlightRecord {
  const { title, author, meta, text } = entry
  const ordered = [...notes].sort((a, b) => (a.place?.end ?? 0) - (b.place?.end ?? 0))
  return {
    format: 'kindle',
    originId: kindleOriginId(title, meta, text),
    document: { title, ...(author && { author }) },
    quote: text,
    note: ordered.map((note) => note.text).join('\n\n'),
    tags: [],
    ...(meta.createdAt && { createdAt: meta.createdAt }),
    ...(meta.page && { page: meta.page }),
    ...(meta.location && { location: meta.location }),
  }
}

/**
 * Kindle entries have no ids: the book, the kind, the place and the words are the identity, so the
 * same file (or a longer one later) gives the same ids. A highlight widened on the Kindle has a
 * new place and new words, so it is a new record; the note is not part of it, so an edited note
 * updates its record.
 */
function kindleOriginId(title: string, meta: KindleMetadata, text: string): string {
  const place = meta.location ?? `page ${meta.page ?? ''}`
  return `kindle:${sha256([title, meta.kind, place, text].join('\u0000'))}`
}
