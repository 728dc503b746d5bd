// One reference-manager entry (a BibTeX entry, a CSL-JSON item, a RIS record) in the terms
// Commonplace keeps, mapped by hand from the CSL-JSON item citation-js makes of it.
import { isCitationKey } from '../../../shared/citation-key'
import type { SourceMetadata } from '../../../shared/domain'
import { isWebLink } from '../../../shared/urls'

export interface BibAuthor {
  /** As a reference names a person: "Ann Jones", or an organisation as written ("AFP"). */
  name: string
  /** The family name, for matching by title and first author. */
  family?: string
}

export interface BibEntry {
  /** Where it is in its file: "line 12" (BibTeX, RIS) or "item 3" (CSL-JSON). */
  where: string
  /** The entry's own key: the BibTeX key, the CSL item's citation-key or id, the RIS ID. */
  key?: string
  title: string
  authors: BibAuthor[]
  /** ISO 8601 as far as the entry gives it: "2021", "2021-12", "2021-12-10". */
  date?: string
  publisher?: string
  /** The journal, website or book it appeared in. */
  container?: string
  doi?: string
  isbn?: string
  url?: string
  /** The CSL type ("article-journal", "book", "webpage"). */
  type?: string
}

/** A CSL item that is not an entry Commonplace can use, with the reason. */
export class UnusableEntry extends Error {}

type CslItem = Record<string, unknown>

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value)
  if (typeof value !== 'string') return undefined
  // CSL allows a few HTML-like tags in titles (<i>, <b>, <sup>): the words are what we keep.
  const clean = value
    .replace(/<\/?(?:i|b|sup|sub|span)(?:\s[^>]*)?>/gi, '')
    .replace(/\s+/g, ' ')
    .trim()
  return clean || undefined
}

function authorsOf(value: unknown): BibAuthor[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) throw new UnusableEntry('its authors are not a list of names')
  return value.map((name: unknown) => {
    if (typeof name !== 'object' || name === null)
      throw new UnusableEntry('an author is not a name')
    const person = name as Record<string, unknown>
    const literal = text(person.literal)
    if (literal) return { name: literal }
    const family = text(person.family)
    const parts = [
      text(person.given),
      text(person['dropping-particle']),
      text(person['non-dropping-particle']),
      family,
    ].filter(Boolean)
    if (parts.length === 0) throw new UnusableEntry('an author has no name')
    const suffix = text(person.suffix)
    return { name: `${parts.join(' ')}${suffix ? `, ${suffix}` : ''}`, family }
  })
}

function pad(part: number): string {
  return String(part).padStart(2, '0')
}

/** CSL's date-parts as ISO 8601, else the date as the entry wrote it. */
function dateOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return text(value)
  const date = value as { 'date-parts'?: unknown; raw?: unknown; literal?: unknown }
  const parts = Array.isArray(date['date-parts']) ? date['date-parts'][0] : undefined
  if (Array.isArray(parts) && parts.length > 0 && parts.every((part) => Number.isInteger(+part))) {
    const [year, month, day] = parts.map(Number)
    if (year === undefined || year < 0 || year > 9999) return undefined
    return [String(year).padStart(4, '0'), month && pad(month), month && day && pad(day)]
      .filter(Boolean)
      .join('-')
  }
  return text(date.raw) ?? text(date.literal)
}

/** The DOI itself: no "doi:" or resolver in front. */
export function bareDoi(value: string | undefined): string | undefined {
  const match = /(10\.\d{4,9}\/\S+)/.exec(value ?? '')
  return match?.[1]
}

/** The entry's own key, when it is one; citation-js names key-less RIS records "temp_id_…". */
function keyOf(item: CslItem): string | undefined {
  const key = text(item['citation-key']) ?? text(item.id)
  return key && !/^temp_id_\d+$/.test(key) ? key : undefined
}

/** A CSL-JSON item as an entry; throws UnusableEntry when it has no title or malformed names. */
export function entryFromCsl(item: CslItem, where: string): BibEntry {
  const title = text(item.title)
  if (!title) throw new UnusableEntry('it has no title')
  const authors = authorsOf(item.author)
  const entry: BibEntry = { where, title, authors }
  const optional: Omit<BibEntry, 'where' | 'title' | 'authors'> = {
    key: keyOf(item),
    date: dateOf(item.issued),
    publisher: text(item.publisher),
    container: text(item['container-title']),
    doi: bareDoi(text(item.DOI)),
    isbn: text(item.ISBN),
    url: isWebLink(text(item.URL) ?? '') ? text(item.URL) : undefined,
    type: text(item.type),
  }
  for (const [field, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(entry, { [field]: value })
  }
  return entry
}

function joinNames(names: string[]): string | undefined {
  if (names.length <= 1) return names[0]
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/**
 * What the entry says of a source, in its details' fields: the container goes in "Site name"
 * (the journal or website, which exports name as CSL's container-title), the DOI is preferred
 * to the ISBN as the identifier, and the key only when Pandoc could cite it.
 */
export function metadataOf(entry: BibEntry): Partial<SourceMetadata> {
  const metadata: Partial<SourceMetadata> = { title: entry.title }
  const fields: Partial<SourceMetadata> = {
    author: joinNames(entry.authors.map((author) => author.name)),
    siteName: entry.container,
    publishedAt: entry.date,
    publisher: entry.publisher,
    identifier: entry.doi ?? entry.isbn,
    url: entry.url,
    citationKey: entry.key && isCitationKey(entry.key) ? entry.key : undefined,
  }
  for (const [field, value] of Object.entries(fields)) {
    if (value) Object.assign(metadata, { [field]: value })
  }
  return metadata
}
