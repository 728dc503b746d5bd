// What a citation points to, as Markdown readers and reference managers want it: a footnote line,
// a reference list entry, a Pandoc citation key, CSL-JSON and BibTeX.
import type { SourceKind } from '../../../shared/domain'
import type { CitationSnapshot } from '../../../shared/essay'
import type { Frozen } from '../store/json-store-file'
import type { SourceEntry } from '../store/schema'
import { escapeMarkdown, webAutolink } from './markdown-text'

/** A cited source as exported: current metadata when the source exists, else the snapshot's. */
export interface ReferenceSource extends Omit<CitationSnapshot, 'exact'> {
  id: string
  /** When the writer imported (accessed) it; ISO date. */
  accessedAt?: string
  /** What was imported: a web page, a PDF (report or article), an EPUB (book). */
  kind?: SourceKind
  publisher?: string
  /** An ISBN, DOI or other identifier the file gave. */
  identifier?: string
  /** The writer's own key for it (from their reference manager), used as it is. */
  citationKey?: string
}

/** A library source as references name it. */
export function referenceSourceOf(entry: Frozen<SourceEntry>): ReferenceSource {
  const source: ReferenceSource = {
    id: entry.id,
    title: entry.title,
    author: entry.author,
    siteName: entry.siteName,
    publishedAt: entry.publishedAt,
    url: entry.url,
    accessedAt: entry.importedAt,
    kind: entry.kind,
  }
  if (entry.publisher) source.publisher = entry.publisher
  if (entry.identifier) source.identifier = entry.identifier
  if (entry.citationKey) source.citationKey = entry.citationKey
  return source
}

/**
 * What sort of work a source is, in CSL's terms. A PDF with a publisher (or institution) is a
 * report, one without is an article; an EPUB is a book. A book stays one item even when a
 * citation names a chapter: the chapter goes in the citation's locator ("chap. 3"), since CSL's
 * 'chapter' is a contribution with its own title inside an edited book, and one item per chapter
 * would give one source several keys.
 */
export function cslType(source: ReferenceSource): 'webpage' | 'report' | 'article' | 'book' {
  if (source.kind === 'epub') return 'book'
  if (source.kind === 'pdf') return source.publisher ? 'report' : 'article'
  return 'webpage'
}

/** An identifier by its shape: an ISBN (10 or 13 digits) or a DOI ("10.1234/…"), else neither. */
export function identifierOf(
  identifier: string | undefined,
): { ISBN: string } | { DOI: string } | undefined {
  const value = identifier?.trim() ?? ''
  const doi = /^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i.exec(value)
  if (doi?.[1]) return { DOI: doi[1] }
  const isbn = /^(?:urn:isbn:|isbn(?:-1[03])?:?\s*)?([\d\s-]+[\dxX])$/i.exec(value)
  const digits = isbn?.[1]?.replace(/[\s-]/g, '') ?? ''
  if (/^\d{9}[\dxX]$|^\d{13}$/.test(digits)) return { ISBN: digits.toUpperCase() }
  return undefined
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2021-12-10T09:00:00Z" -> "10 Dec 2021"; anything unparseable is shown as given. */
export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso.trim())
  if (!match) return iso.trim()
  const [, year, month, day] = match
  if (!month) return year
  const monthName = MONTHS[Number(month) - 1] ?? month
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`
}

/** "Author, *Title*, Site, 10 Dec 2021": who said it, where and when. */
export function attribution(source: Omit<CitationSnapshot, 'exact'>): string {
  const parts: string[] = []
  if (source.author) parts.push(escapeMarkdown(source.author))
  parts.push(`*${escapeMarkdown(source.title)}*`)
  if (source.siteName && source.siteName !== source.author)
    parts.push(escapeMarkdown(source.siteName))
  const date = formatDate(source.publishedAt)
  if (date) parts.push(escapeMarkdown(date))
  return parts.join(', ')
}

/** The entry under "References": a book or report names its publisher. */
export function referenceEntry(source: ReferenceSource): string {
  let entry = `${attribution(source)}.`
  if (source.publisher && source.publisher !== source.siteName) {
    entry += ` ${escapeMarkdown(source.publisher)}.`
  }
  const accessed = formatDate(source.accessedAt)
  if (accessed) entry += ` Accessed ${escapeMarkdown(accessed)}.`
  const link = webAutolink(source.url)
  if (link) entry += ` ${link}`
  return entry
}

/**
 * Each source's Pandoc key. A source's own key (from the writer's reference manager) is used as it
 * is, so a Zotero user's citations keep working; when two sources claim the same own key, the one
 * imported first keeps it. The others get readable, stable keys: author or site, year, first
 * title word ("afp2025sex"); sources that would share one get "a", "b", … in import order, and
 * one that would take an own key gets "-2", "-3", … (generated keys hold no "-", so these never
 * meet another generated key). A key never changes while the library does not.
 */
export function citationKeys(sources: ReferenceSource[]): Map<string, string> {
  const ordered = [...sources].sort(
    (a, b) => (a.accessedAt ?? '').localeCompare(b.accessedAt ?? '') || a.id.localeCompare(b.id),
  )
  const keys = new Map<string, string>()
  const owned = new Set<string>()
  for (const source of ordered) {
    if (source.citationKey && !owned.has(source.citationKey)) {
      owned.add(source.citationKey)
      keys.set(source.id, source.citationKey)
    }
  }
  const generated = generatedKeys(ordered.filter((source) => !keys.has(source.id)))
  for (const [id, key] of generated) {
    let unique = key
    for (let n = 2; owned.has(unique); n++) unique = `${key}-${n}`
    keys.set(id, unique)
  }
  return keys
}

/** Keys from author, year and title, for sources already in import order. */
function generatedKeys(ordered: ReferenceSource[]): Map<string, string> {
  const byBase = new Map<string, ReferenceSource[]>()
  for (const source of ordered) {
    const base = baseKey(source)
    byBase.set(base, [...(byBase.get(base) ?? []), source])
  }
  const keys = new Map<string, string>()
  for (const [base, group] of byBase) {
    group.forEach((source, index) => {
      keys.set(
        source.id,
        group.length === 1
          ? base
          : `${base}${String.fromCharCode(97 + (index % 26))}${index >= 26 ? Math.floor(index / 26) : ''}`,
      )
    })
  }
  return keys
}

function slug(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'and', 'for', 'to', 'why', 'how'])

function baseKey(source: ReferenceSource): string {
  const who = slug(source.author?.split(/\s+/).pop()) || slug(source.siteName) || 'anon'
  const year = /^(\d{4})/.exec(source.publishedAt ?? '')?.[1] ?? 'nd'
  const word =
    source.title
      .split(/\s+/)
      .map(slug)
      .find((candidate) => candidate && !STOP_WORDS.has(candidate)) ?? 'untitled'
  return `${who}${year}${word}`
}

type CslDate = { 'date-parts': number[][] }

function cslDate(iso: string | undefined): CslDate | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso ?? '')
  if (!match) return undefined
  return { 'date-parts': [match.slice(1).filter(Boolean).map(Number)] }
}

/** A CSL-JSON item, as Pandoc's citeproc and Zotero read them. */
export function cslItem(source: ReferenceSource, key: string): Record<string, unknown> {
  const item: Record<string, unknown> = { id: key, type: cslType(source), title: source.title }
  if (source.author) item.author = [{ literal: source.author }]
  if (source.siteName) item['container-title'] = source.siteName
  if (source.publisher) item.publisher = source.publisher
  // CSL's `page` is the item's own page range (an article's in its journal), never the cited page.
  Object.assign(item, identifierOf(source.identifier))
  const issued = cslDate(source.publishedAt)
  if (issued) item.issued = issued
  const accessed = cslDate(source.accessedAt)
  if (accessed) item.accessed = accessed
  if (source.url) item.URL = source.url
  return item
}

/**
 * LaTeX's special characters as commands: "\\\\" would be a line break, "\\~" and "\\^" accents.
 * BibTeX counts braces even when escaped, so "\\{" only where they balance; an unmatched one is
 * spelled out (which LaTeX prints, though Pandoc drops it).
 */
const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
}

function bibtexValue(text: string): string {
  const unmatched = unmatchedBraces(text)
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (unmatched.has(i)) out += c === '{' ? '\\textbraceleft{}' : '\\textbraceright{}'
    else if (c === '{' || c === '}') out += `\\${c}`
    else out += BIBTEX_SPECIAL[c] ?? c
    // "--", "''" and "``" are ligatures (a dash, curly quotes) unless something splits them.
    if ("-'`".includes(c) && text[i + 1] === c) out += '{}'
  }
  return `{${out}}`
}

function unmatchedBraces(text: string): Set<number> {
  const open: number[] = []
  const unmatched = new Set<number>()
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') open.push(i)
    else if (text[i] === '}') {
      if (open.length > 0) open.pop()
      else unmatched.add(i)
    }
  }
  for (const i of open) unmatched.add(i)
  return unmatched
}

/** A URL is verbatim in BibTeX, but its braces must balance: those are percent-encoded. */
function bibtexUrl(url: string): string {
  return `{${url.replace(/[{}\s]/g, (c) => encodeURIComponent(c))}}`
}

/** Each CSL type's BibLaTeX entry type, and the field its publisher goes in. */
const BIBLATEX: Record<ReturnType<typeof cslType>, { type: string; publisher: string }> = {
  webpage: { type: 'online', publisher: 'publisher' },
  article: { type: 'article', publisher: 'publisher' },
  report: { type: 'report', publisher: 'institution' },
  book: { type: 'book', publisher: 'publisher' },
}

export function bibtexEntry(source: ReferenceSource, key: string): string {
  const kind = BIBLATEX[cslType(source)]
  const identifier = identifierOf(source.identifier)
  const fields: [string, string | undefined][] = [
    ['title', source.title],
    ['author', source.author],
    ['organization', source.siteName],
    [kind.publisher, source.publisher],
    ['year', /^(\d{4})/.exec(source.publishedAt ?? '')?.[1]],
    ['date', source.publishedAt?.slice(0, 10)],
    ['isbn', identifier && 'ISBN' in identifier ? identifier.ISBN : undefined],
    ['doi', identifier && 'DOI' in identifier ? identifier.DOI : undefined],
    ['url', source.url],
    ['urldate', source.accessedAt?.slice(0, 10)],
  ]
  const lines = fields
    .filter((field): field is [string, string] => Boolean(field[1]))
    // A corporate author ("AFP") is braced twice so BibTeX never splits it into names.
    .map(([name, value]) => {
      const braced = name === 'url' ? bibtexUrl(value) : bibtexValue(value)
      return `  ${name} = ${name === 'author' ? `{${braced}}` : braced}`
    })
  return `@${kind.type}{${key},\n${lines.join(',\n')}\n}`
}
