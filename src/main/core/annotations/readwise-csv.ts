// Clippings as a Readwise CSV (the columns Readwise's own export writes and its CSV import reads):
// one row per highlight, with its book (source), note, tags and, for a paged source, its page.
import Papa from 'papaparse'
import type { AnnotatedClipping } from './annotated-clippings'

export const READWISE_COLUMNS = [
  'Highlight',
  'Book Title',
  'Book Author',
  'Amazon Book ID',
  'Note',
  'Color',
  'Tags',
  'Location Type',
  'Location',
  'Highlighted at',
  'Document tags',
] as const

type ReadwiseRow = Record<(typeof READWISE_COLUMNS)[number], string>

/** "2024-03-01T09:30:00.000Z" -> "2024-03-01 09:30:00+00:00", the form Readwise's export writes. */
function readwiseDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}+00:00`
}

export function readwiseRow(annotated: AnnotatedClipping): ReadwiseRow {
  const { clipping, source, quote, order } = annotated
  // A page where the source has pages; otherwise the highlight's place among its source's.
  const page = clipping.locator?.pages?.first
  return {
    Highlight: quote.exact,
    'Book Title': source.title,
    'Book Author': source.author ?? '',
    'Amazon Book ID': '',
    Note: clipping.note,
    Color: '',
    Tags: clipping.tags.join(', '),
    'Location Type': page ? 'page' : 'order',
    Location: page ?? String(order),
    'Highlighted at': readwiseDate(clipping.createdAt),
    'Document tags': '',
  }
}

/** The CSV text; papaparse quotes fields holding commas, quotes or line breaks. */
export function readwiseCsv(annotated: AnnotatedClipping[]): string {
  const csv = Papa.unparse(annotated.map(readwiseRow), {
    columns: [...READWISE_COLUMNS],
    newline: '\n',
  })
  return `${csv}\n`
}
