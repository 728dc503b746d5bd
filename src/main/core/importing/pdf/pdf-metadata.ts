// What a PDF says of itself: the info dictionary and, where present, its XMP packet (which a
// writer keeps up to date more often than the info dictionary). Pure: takes what pdf.js returns.
import type { SourceMetadata } from '../../../../shared/domain'

/** The info dictionary as pdf.js gives it: names to strings (or other PDF values). */
export type PdfInfo = Record<string, unknown>

/** XMP properties by lower-case name ("dc:title"); lists (dc:creator) as arrays. */
export interface PdfXmp {
  get(name: string): unknown
}

/** Titles a printer or converter writes when the document had none: not a title at all. */
const PLACEHOLDER_TITLES = /^(about:blank|untitled( document)?|microsoft word - .*|\s*)$/i

export function pdfMetadata(
  info: PdfInfo,
  xmp: PdfXmp | null,
  fileName: string,
): Partial<SourceMetadata> {
  const title = firstText(xmp?.get('dc:title'), info.Title)
  const author = firstText(joined(xmp?.get('dc:creator')), info.Author)
  const date = firstText(xmp?.get('xmp:createdate'), info.CreationDate)
  const publisher = firstText(xmp?.get('dc:publisher'))
  const identifier = identifierIn([
    xmp?.get('prism:doi'),
    xmp?.get('dc:identifier'),
    xmp?.get('pdfx:doi'),
    info.doi,
    info.DOI,
    info.ISBN,
    info.Subject,
    info.Keywords,
  ])
  return {
    ...(title && meaningfulTitle(title, fileName) && { title }),
    ...(author && { author }),
    ...(date && pdfDate(date) && { publishedAt: pdfDate(date) }),
    ...(publisher && { publisher }),
    ...(identifier && { identifier }),
  }
}

/** A "Title" that is the file's own name (or a placeholder) says nothing the file name does not. */
function meaningfulTitle(title: string, fileName: string): boolean {
  if (PLACEHOLDER_TITLES.test(title)) return false
  const bare = (name: string): string =>
    name
      .replace(/\.[a-z0-9]{1,5}$/i, '')
      .trim()
      .toLowerCase()
  return bare(title) !== bare(fileName)
}

function firstText(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
  }
  return undefined
}

function joined(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join('; ')
  return typeof value === 'string' ? value : undefined
}

const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+[^\s"<>.,;)])/
const ISBN = /\bISBN(?:-1[03])?:?\s*((?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dX])\b/i

/** A DOI ("doi:10.1000/xyz") or an ISBN found in these values, in that order of preference. */
function identifierIn(values: unknown[]): string | undefined {
  const texts = values.flatMap((value) => (Array.isArray(value) ? value : [value]))
  const strings = texts.filter((value): value is string => typeof value === 'string')
  for (const text of strings) {
    const doi = DOI.exec(text)?.[1]
    if (doi) return `doi:${doi}`
  }
  for (const text of strings) {
    const isbn = ISBN.exec(text)?.[1]
    if (isbn) return `isbn:${isbn.replace(/[-\s]/g, '')}`
  }
  return undefined
}

/**
 * A PDF date ("D:20240102153000+01'00'") or an XMP one ("2024-01-02T15:30:00+01:00") as ISO 8601
 * in UTC; only the parts the file gives (a year alone stays "2024"). Undefined when unreadable.
 */
export function pdfDate(value: string): string | undefined {
  const text = value.trim()
  if (/^\d{4}-\d{2}/.test(text)) {
    const date = new Date(text)
    if (/T\d{2}:\d{2}/.test(text) && !Number.isNaN(date.getTime())) return isoSeconds(date)
    return /^\d{4}-\d{2}(-\d{2})?$/.test(text) ? text : undefined
  }
  const match =
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(text)
  if (!match) return undefined
  const [, year, month, day, hour, minute, second, zone, zoneHour, zoneMinute] = match
  if (!hour) return [year, month, day].filter(Boolean).join('-')
  const utc = Date.UTC(
    Number(year),
    Number(month ?? 1) - 1,
    Number(day ?? 1),
    Number(hour),
    Number(minute ?? 0),
    Number(second ?? 0),
  )
  const offset = (Number(zoneHour ?? 0) * 60 + Number(zoneMinute ?? 0)) * 60_000
  const date = new Date(zone === '-' ? utc + offset : zone === '+' ? utc - offset : utc)
  return Number.isNaN(date.getTime()) ? undefined : isoSeconds(date)
}

/** "2024-01-02T14:30:00Z", the form the other importers give. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
