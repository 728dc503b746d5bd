// Reference-manager metadata onto the library's sources. An entry that matches a source fills
// the details it lacks and gives it the entry's citation key; what the writer already typed is
// never overwritten (a different value is reported instead). Commonplace has no source without
// text, so an entry that matches none is reported, not made into a source.
import type { SourceMetadata, SourceSummary } from '../../../shared/domain'
import type { NotebookStore } from '../store/notebook-store'
import { sourceMetadataSchema, type SourceEntry } from '../store/schema'
import { metadataOf, type BibEntry } from './bib-entry'
import { foldTitle, matchSource, normalizeDoi, normalizeUrl, type MatchedBy } from './matching'
import type { RefusedEntry } from './parse-bibliography'

/** The details an entry fills when the source lacks them (the title is never empty). */
const FILLED = ['author', 'siteName', 'publishedAt', 'publisher', 'identifier', 'url'] as const
type FilledField = (typeof FILLED)[number]

export interface DifferingField {
  field: FilledField | 'title'
  /** What the source says, and keeps. */
  ours: string
  /** What the entry says. */
  theirs: string
}

export interface BibMatch {
  where: string
  entryTitle: string
  source: SourceSummary
  by: MatchedBy
  /** Details that were empty and now hold the entry's. */
  filled: FilledField[]
  /** Details the source already had, kept, where the entry says otherwise. */
  differing: DifferingField[]
  /** The citation key now set, when it changed. */
  citationKey?: string
  /** The key it had before, when the entry's replaced a different one. */
  replacedKey?: string
}

export interface BibImportReport {
  /** Matched entries; those with `filled` or `citationKey` changed the source. */
  matched: BibMatch[]
  /** Entries that describe no source in the library (nothing is created for them). */
  unmatched: { where: string; title: string; key?: string }[]
  /** Entries that matched but whose details a source cannot hold (too long, a bad URL). */
  refused: RefusedEntry[]
}

/** The same value, as far as a reader of the two would tell. */
function same(field: FilledField | 'title', ours: string, theirs: string): boolean {
  if (field === 'url') return normalizeUrl(ours) === normalizeUrl(theirs)
  if (field === 'identifier') {
    const doi = normalizeDoi(ours)
    if (doi) return doi === normalizeDoi(theirs)
    return ours.replace(/[\s-]/g, '').toLowerCase() === theirs.replace(/[\s-]/g, '').toLowerCase()
  }
  // "2021-12-10T09:00:00Z" and "2021-12-10" name the same day; "2021" is less precise, not other.
  if (field === 'publishedAt') return ours.startsWith(theirs) || theirs.startsWith(ours)
  return foldTitle(ours) === foldTitle(theirs)
}

/** What the entry changes on a source, without changing it yet. */
function planFor(
  entry: BibEntry,
  source: SourceEntry,
): Omit<BibMatch, 'where' | 'entryTitle' | 'source' | 'by'> & { metadata: SourceMetadata } {
  const theirs = metadataOf(entry)
  const metadata: SourceMetadata = { ...pick(source) }
  const filled: FilledField[] = []
  const differing: DifferingField[] = []
  if (theirs.title && !same('title', source.title, theirs.title))
    differing.push({ field: 'title', ours: source.title, theirs: theirs.title })
  for (const field of FILLED) {
    const value = theirs[field]
    if (!value) continue
    const current = source[field]
    if (!current) {
      metadata[field] = value
      filled.push(field)
    } else if (!same(field, current, value)) {
      differing.push({ field, ours: current, theirs: value })
    }
  }
  const plan: ReturnType<typeof planFor> = { metadata, filled, differing }
  if (theirs.citationKey && theirs.citationKey !== source.citationKey) {
    metadata.citationKey = theirs.citationKey
    plan.citationKey = theirs.citationKey
    if (source.citationKey) plan.replacedKey = source.citationKey
  }
  return plan
}

function pick(source: SourceEntry): SourceMetadata {
  const { title, author, siteName, publishedAt, url, publisher, identifier, citationKey } = source
  return { title, author, siteName, publishedAt, url, publisher, identifier, citationKey }
}

function apply(metadata: SourceMetadata, entry: SourceEntry): void {
  for (const field of [...FILLED, 'citationKey'] as const) {
    const value = metadata[field]
    if (value) entry[field] = value
  }
}

/**
 * Matches each entry to a source and fills what it lacks, all in one transaction; the derived
 * indexes are told of each source changed (search covers their titles and details).
 */
export async function importBibliography(
  store: NotebookStore,
  entries: BibEntry[],
  sourceChanged: (sourceId: string) => Promise<void>,
): Promise<BibImportReport> {
  const report: BibImportReport = { matched: [], unmatched: [], refused: [] }
  const changed = new Set<string>()
  await store.write(async (tx) => {
    const listed = (await store.sources()).filter((entry) => !entry.deletedAt)
    for (const entry of entries) {
      const match = matchSource(entry, listed)
      if (!match) {
        report.unmatched.push({ where: entry.where, title: entry.title, key: entry.key })
        continue
      }
      // Planned against the file as it is on disk now (and as earlier entries left it).
      const file = await tx.source(match.source.id)
      const { metadata, ...plan } = planFor(entry, file.entry)
      const checked = sourceMetadataSchema.safeParse(metadata)
      if (!checked.success) {
        const problem = checked.error.issues[0]
        report.refused.push({
          where: entry.where,
          message: `its ${String(problem?.path[0] ?? 'details')} cannot be kept: ${problem?.message ?? 'not valid'}`,
        })
        continue
      }
      if (plan.filled.length > 0 || plan.citationKey) {
        apply(checked.data, file.entry)
        const inIndex = (await tx.library()).sources.find((source) => source.id === file.id)
        if (inIndex) apply(checked.data, inIndex)
        changed.add(file.id)
      }
      report.matched.push({
        where: entry.where,
        entryTitle: entry.title,
        source: { ...file.entry },
        by: match.by,
        ...plan,
      })
    }
  })
  for (const id of changed) await sourceChanged(id)
  return report
}
