// Which library source an entry describes: by DOI, else URL, else title (with the first author's
// family name when both name one). Each key is folded so that the ways the same thing is written
// in a reference manager and on a page compare equal.
import type { Frozen } from '../store/json-store-file'
import type { SourceEntry } from '../store/schema'
import { bareDoi, type BibEntry } from './bib-entry'

export type MatchedBy = 'doi' | 'url' | 'title'

/** A DOI without resolver or "doi:", lowercased (DOIs are case-insensitive). */
export function normalizeDoi(value: string | undefined): string | undefined {
  return bareDoi(value)?.toLowerCase()
}

/**
 * A URL as the same page: host lowercased (URL does it), http and https alike, no fragment, no
 * utm_* tracking parameters, no trailing slash. Undefined when it is not a web address.
 */
export function normalizeUrl(value: string | undefined): string | undefined {
  let url: URL
  try {
    url = new URL(value?.trim() ?? '')
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  url.hash = ''
  for (const name of [...url.searchParams.keys()]) {
    if (/^utm_/i.test(name)) url.searchParams.delete(name)
  }
  const search = url.searchParams.toString()
  const path = url.pathname.replace(/\/+$/, '')
  return `${url.host}${path}${search ? `?${search}` : ''}`
}

/** Letters and digits only, accents dropped, lowercase, single spaces. */
export function foldTitle(value: string | undefined): string {
  return (value ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The last word of a family name, folded ("van den Berg" and "Berg" compare equal). */
function familyKey(family: string | undefined): string | undefined {
  return foldTitle(family).split(' ').pop() || undefined
}

/** A source's first author's family name: "Ann Jones and …" or "Jones, Ann" both give Jones. */
function sourceFamily(author: string | undefined): string | undefined {
  const first = author?.split(/,|\s+and\s+|;|&/)[0]
  return familyKey(first)
}

export interface SourceMatch {
  source: Frozen<SourceEntry>
  by: MatchedBy
}

/** The source the entry describes, or undefined; the first in import order wins a tie. */
export function matchSource(
  entry: BibEntry,
  sources: readonly Frozen<SourceEntry>[],
): SourceMatch | undefined {
  const doi = normalizeDoi(entry.doi)
  if (doi) {
    const source = sources.find((candidate) => normalizeDoi(candidate.identifier) === doi)
    if (source) return { source, by: 'doi' }
  }
  const url = normalizeUrl(entry.url)
  if (url) {
    const source = sources.find((candidate) => normalizeUrl(candidate.url) === url)
    if (source) return { source, by: 'url' }
  }
  const title = foldTitle(entry.title)
  const family = familyKey(entry.authors[0]?.family)
  const source = sources.find((candidate) => {
    if (foldTitle(candidate.title) !== title) return false
    const theirs = sourceFamily(candidate.author)
    return !family || !theirs || family === theirs
  })
  return source && { source, by: 'title' }
}
