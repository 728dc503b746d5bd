// A Readwise CSV export into highlight records, one per row. papaparse reads the CSV (quoted
// fields with commas, quotes and line breaks); this file only maps the columns. Readwise exports
// have no highlight id, so a row's identity is its book, place and words.
import Papa from 'papaparse'
import { sha256 } from '../ids'
import type { HighlightRecord, ParsedHighlights } from './highlight-record'

/** The columns a file must have to be read as a Readwise export. */
const requiredColumns = ['Highlight', 'Book Title'] as const

/** Every column Readwise writes, in its order, for the message that names what is missing. */
const readwiseHeader =
  'Highlight, Book Title, Book Author, Amazon Book ID, Note, Color, Tags, Location Type, ' +
  'Location, Highlighted at, Document tags'

type Column =
  | 'Highlight'
  | 'Book Title'
  | 'Book Author'
  | 'Amazon Book ID'
  | 'Note'
  | 'Tags'
  | 'Location Type'
  | 'Location'
  | 'Highlighted at'
  | 'Document tags'
  | 'URL'
  | 'Source URL'

const knownColumns: readonly Column[] = [
  'Highlight',
  'Book Title',
  'Book Author',
  'Amazon Book ID',
  'Note',
  'Tags',
  'Location Type',
  'Location',
  'Highlighted at',
  'Document tags',
  'URL',
  'Source URL',
]

type Row = (column: Column) => string

export function parseReadwiseCsv(text: string): ParsedHighlights {
  const parsed: ParsedHighlights = { records: [], refused: [] }
  const csv = text.replace(/^\uFEFF/, '')
  let header: Map<Column, number> | undefined
  let width = 0
  let rowNumber = 0
  let rowStart = 0
  Papa.parse<string[]>(csv, {
    step: (result, parser) => {
      const start = rowStart
      rowStart = result.meta.cursor
      const cells = result.data
      if (cells.every((cell) => cell.trim() === '')) return
      if (!header) {
        header = readHeader(cells)
        width = cells.length
        const missing = missingColumns(header)
        // A file without these columns is not a Readwise export: none of it is read.
        if (missing) {
          parsed.refused.push({ where: 'file', message: missing })
          parser.abort()
        }
        return
      }
      rowNumber++
      const where = `row ${rowNumber} (line ${lineAt(csv, start)})`
      if (result.errors.some((error) => error.code === 'MissingQuotes')) {
        parsed.refused.push({
          where,
          message: 'a quoted field is never closed, so the rest of the file is inside it',
        })
        return
      }
      if (cells.length !== width) {
        parsed.refused.push({
          where,
          message: `${cells.length} fields where the header has ${width} (a missing quote or comma?)`,
        })
        return
      }
      const columns = header
      const record = toRecord((column) => cellText(cells[columns.get(column) ?? -1]))
      if (typeof record === 'string') parsed.refused.push({ where, message: record })
      else parsed.records.push(record)
    },
  })
  if (!header)
    parsed.refused.push({
      where: 'file',
      message: 'empty: no header row, so not a Readwise export',
    })
  return parsed
}

function missingColumns(header: Map<Column, number>): string | undefined {
  const missing = requiredColumns.filter((column) => !header.has(column))
  if (missing.length === 0) return undefined
  return (
    `not a Readwise export: its header has no ${missing.map((m) => `"${m}"`).join(' or ')} ` +
    `column (a Readwise CSV starts with ${readwiseHeader})`
  )
}

// Line breaks inside a quoted field are kept as "\n" whatever the file's own line endings.
function cellText(cell: string | undefined): string {
  return (cell ?? '').replace(/\r\n?/g, '\n').trim()
}

// Columns by name, whatever their order; names are compared without case or surrounding spaces.
function readHeader(cells: string[]): Map<Column, number> {
  const columns = new Map<Column, number>()
  cells.forEach((cell, index) => {
    const known = knownColumns.find((name) => name.toLowerCase() === cell.trim().toLowerCase())
    if (known && !columns.has(known)) columns.set(known, index)
  })
  return columns
}

function lineAt(text: string, offset: number): number {
  return (text.slice(0, offset).match(/\r\n|\r|\n/g)?.length ?? 0) + 1
}

function toRecord(cell: Row): HighlightRecord | string {
  const quote = cell('Highlight')
  const title = cell('Book Title')
  if (quote === '') return 'no highlighted text'
  if (title === '') return 'no book title'
  const author = cell('Book Author')
  const identifier = cell('Amazon Book ID')
  const url = cell('URL') || cell('Source URL')
  const place = placeOf(cell('Location Type'), cell('Location'))
  const createdAt = readwiseDate(cell('Highlighted at'))
  return {
    format: 'readwise',
    originId: readwiseOriginId(title, cell('Location Type'), cell('Location'), quote),
    document: {
      title,
      ...(author && { author }),
      ...(url && { url }),
      ...(identifier && { identifier }),
    },
    quote,
    note: cell('Note'),
    tags: [...new Set([...splitTags(cell('Tags')), ...splitTags(cell('Document tags'))])],
    ...(createdAt && { createdAt }),
    ...place,
  }
}

// Readwise's "order" and "offset" are its own counters, not a place a reader can find.
function placeOf(type: string, location: string): { page?: string; location?: string } {
  if (location === '') return {}
  switch (type.toLowerCase()) {
    case 'page':
      return { page: location }
    case 'location':
      return { location }
    default:
      return {}
  }
}

function splitTags(cell: string): string[] {
  return cell
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')
}

/**
 * "2020-03-03 09:12:45+00:00" (what Readwise writes) as ISO 8601 with its offset kept. Another
 * wording is read by the JS date parser and kept as local time without a zone, like Kindle dates;
 * an unreadable date is left out rather than refusing the highlight.
 */
export function readwiseDate(cell: string): string | undefined {
  const iso =
    /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(cell)
  if (iso) {
    const zone = iso[4] ? iso[4].toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : ''
    // Milliseconds at most: Readwise writes microseconds, which not every ISO reader takes.
    const seconds = (iso[3] ?? ':00').replace(/(\.\d{3})\d+$/, '$1')
    return `${iso[1]}T${iso[2]}${seconds}${zone}`
  }
  if (cell === '' || !/\d{4}/.test(cell)) return undefined
  const parsed = new Date(cell)
  if (Number.isNaN(parsed.getTime())) return undefined
  const two = (value: number): string => String(value).padStart(2, '0')
  return (
    `${parsed.getFullYear()}-${two(parsed.getMonth() + 1)}-${two(parsed.getDate())}` +
    `T${two(parsed.getHours())}:${two(parsed.getMinutes())}:${two(parsed.getSeconds())}`
  )
}

function readwiseOriginId(title: string, type: string, location: string, quote: string): string {
  const text = [title, type.toLowerCase(), location, quote].join('\u0000')
  return `readwise:${sha256(text)}`
}
