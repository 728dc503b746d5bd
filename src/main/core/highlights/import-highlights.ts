// Imported highlights become clippings: grouped by the page or book they were made in, matched to
// a source (given, or found by canonical URL, book identifier or title and author), anchored in
// its text, and stored with their origin so a re-import finds them again. One transaction per
// document; nothing is written when nothing changed.
import { ANCHOR_STATES, countStates, type AnchorState } from '../../../shared/anchor'
import type { Clipping, SourceSummary } from '../../../shared/domain'
import type { HighlightConflict, HighlightsImportReport } from '../../../shared/highlights'
import { normalizeTags } from '../clipping-messages'
import { newId, versionHashOf } from '../ids'
import type { NotebookStore } from '../store/notebook-store'
import { SCHEMA_VERSION, type SourceEntry, type SourceFile } from '../store/schema'
import type { Transaction } from '../store/transaction'
import { reanchor } from '../anchoring'
import { authorKey, sameAuthors } from './author-names'
import { canonicalUrl } from './canonical-url'
import type {
  HighlightDocument,
  HighlightFormat,
  HighlightRecord,
  ParsedHighlights,
} from './highlight-record'
import { highlightsHtml, highlightsText, placeRecord } from './highlight-placement'

export interface HighlightsOptions {
  now?: () => Date
  /** Told for each source whose clippings or text changed, so derived indexes take it in. */
  sourceChanged?: (sourceId: string) => Promise<void>
}

/** Where a clipping imported before lives. */
interface Imported {
  sourceId: string
  clippingId: string
}

const originKey = (format: HighlightFormat, id: string): string => `${format}\u0000${id}`

export class HighlightsService {
  private readonly now: () => Date
  private readonly sourceChanged: (sourceId: string) => Promise<void>

  constructor(
    private readonly store: NotebookStore,
    options: HighlightsOptions = {},
  ) {
    this.now = options.now ?? (() => new Date())
    this.sourceChanged = options.sourceChanged ?? (async () => undefined)
  }

  async importHighlights(
    parsed: ParsedHighlights & { format: HighlightFormat },
    options: { sourceId?: string },
    fileName: string,
  ): Promise<HighlightsImportReport> {
    // A source given must exist before anything is read into it.
    if (options.sourceId) await this.store.entry(options.sourceId)
    const report: HighlightsImportReport = {
      fileName,
      format: parsed.format,
      created: 0,
      updated: 0,
      unchanged: 0,
      conflicts: [],
      anchored: countStates<AnchorState>(ANCHOR_STATES, []),
      sourcesCreated: [],
      refused: [...parsed.refused],
      skipped: [...(parsed.skipped ?? [])],
    }
    const imported = await this.importedBefore()
    const states: { state: AnchorState }[] = []
    // A clipping is its words: a record without any (a note alone) cannot be one.
    const worded = parsed.records.filter((record) => {
      if (record.quote.trim() !== '') return true
      report.refused.push({ where: record.originId, message: 'no highlighted words' })
      return false
    })
    for (const records of groupByDocument(worded)) {
      const known = records.filter((record) =>
        imported.has(originKey(record.format, record.originId)),
      )
      // The same highlight twice in one file is one clipping.
      const fresh = [
        ...new Map(
          records
            .filter((record) => !imported.has(originKey(record.format, record.originId)))
            .map((record) => [record.originId, record]),
        ).values(),
      ]
      const outcome = await this.updateKnown(
        known.map((record) => ({
          record,
          where: imported.get(originKey(record.format, record.originId)) as Imported,
        })),
      )
      report.updated += outcome.updated
      report.unchanged += outcome.unchanged
      report.conflicts.push(...outcome.conflicts)
      if (fresh.length === 0) continue
      const first = fresh[0] as HighlightRecord
      const sourceId = options.sourceId ?? (await this.findSource(first.document))
      const added = await this.addFresh(fresh, sourceId, fileName)
      if (added.created) report.sourcesCreated.push(added.created)
      for (const clipping of added.clippings) {
        imported.set(originKey(clipping.format, clipping.originId), {
          sourceId: added.sourceId,
          clippingId: clipping.id,
        })
      }
      report.created += added.clippings.length
      states.push(...added.clippings)
      await this.sourceChanged(added.sourceId)
    }
    report.anchored = countStates(ANCHOR_STATES, states)
    return report
  }

  /** Every clipping imported before, by its origin; deleted ones too, so they stay deleted. */
  private async importedBefore(): Promise<Map<string, Imported>> {
    const found = new Map<string, Imported>()
    for (const file of await this.store.allSourceFiles()) {
      for (const clipping of file.clippings) {
        if (clipping.origin) {
          found.set(originKey(clipping.origin.format, clipping.origin.id), {
            sourceId: file.id,
            clippingId: clipping.id,
          })
        }
      }
    }
    return found
  }

  /** The library's source for a document: its page by URL, else its book; null for none. */
  private async findSource(document: HighlightDocument): Promise<string | null> {
    const sources = await this.store.sources()
    const url = canonicalUrl(document.url)
    if (url) return sources.find((source) => canonicalUrl(source.url) === url)?.id ?? null
    if (document.identifier) {
      const byIdentifier = sources.find((source) => source.identifier === document.identifier)
      if (byIdentifier) return byIdentifier.id
    }
    const title = fold(document.title)
    const author = document.author ?? ''
    return (
      sources.find(
        (source) =>
          fold(source.title) === title &&
          (!author || !source.author || sameAuthors(source.author, author)),
      )?.id ?? null
    )
  }

  /**
   * Highlights of one document imported before, in one transaction: their notes and tags follow
   * the file where they changed there and not here (see `mergeOrigin`). Those with nothing new,
   * or deleted here (the user's decision stands), write nothing.
   */
  private async updateKnown(
    known: { record: HighlightRecord; where: Imported }[],
  ): Promise<{ updated: number; unchanged: number; conflicts: HighlightConflict[] }> {
    const changed: typeof known = []
    for (const each of known) {
      const before = (await this.store.sourceFile(each.where.sourceId)).clippings.find(
        (clipping) => clipping.id === each.where.clippingId,
      )
      const origin = before?.origin
      if (!origin || before.deletedAt) continue
      const tags = normalizeTags(each.record.tags)
      if (origin.note !== each.record.note || !sameTags(origin.tags, tags)) changed.push(each)
    }
    const conflicts: HighlightConflict[] = []
    if (changed.length > 0) {
      const updatedAt = this.now().toISOString()
      await this.store.write(async (tx) => {
        for (const { record, where } of changed) {
          const clipping = (await tx.source(where.sourceId)).clippings.find(
            (candidate) => candidate.id === where.clippingId,
          )
          if (!clipping?.origin) continue
          conflicts.push(...mergeOrigin(clipping, record))
          clipping.updatedAt = updatedAt
        }
      })
      for (const sourceId of new Set(changed.map(({ where }) => where.sourceId))) {
        await this.sourceChanged(sourceId)
      }
    }
    return { updated: changed.length, unchanged: known.length - changed.length, conflicts }
  }

  /** New highlights of one document, in one transaction: into its source, or a new one. */
  private async addFresh(
    records: HighlightRecord[],
    sourceId: string | null,
    fileName: string,
  ): Promise<{
    sourceId: string
    created?: SourceSummary
    clippings: { id: string; format: HighlightFormat; originId: string; state: AnchorState }[]
  }> {
    const importedAt = this.now().toISOString()
    return this.store.write(async (tx) => {
      let created: SourceSummary | undefined
      let file: SourceFile
      if (sourceId) {
        file = await tx.source(sourceId)
        if (file.entry.highlightsOnly) await holdQuotes(tx, file, records, fileName, importedAt)
      } else {
        file = await createHighlightsSource(tx, records, fileName, importedAt)
        created = { ...file.entry }
      }
      const newest = file.versions[file.versions.length - 1] as SourceFile['versions'][number]
      const { text } = await tx.text(newest.hash)
      const clippings = records.map((record) => {
        const placement = placeRecord(record, text, newest.hash)
        const clipping: Clipping = {
          id: newId('c'),
          sourceId: file.id,
          versionHash: newest.hash,
          createdAt: importedAt,
          updatedAt: importedAt,
          note: record.note,
          tags: normalizeTags(record.tags),
          target: placement.target,
          ...(placement.reanchored && { reanchored: placement.reanchored }),
          origin: {
            format: record.format,
            id: record.originId,
            note: record.note,
            tags: normalizeTags(record.tags),
            ...(record.page && { page: record.page }),
            ...(record.location && { location: record.location }),
            ...(placement.quote && { quote: placement.quote }),
          },
        }
        file.clippings.push(clipping)
        const { format, originId } = record
        return { id: clipping.id, format, originId, state: placement.anchor.state }
      })
      return { sourceId: file.id, created, clippings }
    })
  }
}

/** A new source holding the document's quotes, marked "highlights only". */
async function createHighlightsSource(
  tx: Transaction,
  records: HighlightRecord[],
  fileName: string,
  importedAt: string,
): Promise<SourceFile> {
  const document = (records[0] as HighlightRecord).document
  const text = highlightsText('', records)
  const hash = versionHashOf(text)
  const entry: SourceEntry = {
    id: newId('s'),
    kind: 'txt',
    importedAt,
    currentVersionHash: hash,
    title: document.title.trim() || 'Imported highlights',
    ...(document.author && { author: document.author }),
    // The page's own address, not the one it was shared under (?utm_…, #fragment).
    ...(document.url && { url: canonicalUrl(document.url) ?? document.url }),
    ...(document.identifier && { identifier: document.identifier }),
    highlightsOnly: true,
  }
  const file: SourceFile = {
    schemaVersion: SCHEMA_VERSION,
    id: entry.id,
    entry,
    versions: [{ hash, importedAt, fileName }],
    clippings: [],
  }
  const texts = [{ schemaVersion: SCHEMA_VERSION, hash, text, html: highlightsHtml(text) }]
  const library = await tx.library()
  tx.createSource(file, texts)
  library.sources.push({ ...entry })
  // The transaction's copy is the one written: clippings are added to it.
  return tx.source(entry.id)
}

/**
 * New highlights of a source made from highlights: its text gains their quotes as a new version
 * (after the old text, so its clippings are re-anchored where they were, verified).
 */
async function holdQuotes(
  tx: Transaction,
  file: SourceFile,
  records: HighlightRecord[],
  fileName: string,
  importedAt: string,
): Promise<void> {
  const newest = file.versions[file.versions.length - 1]
  if (!newest) return
  const before = (await tx.text(newest.hash)).text
  const text = highlightsText(before, records)
  if (text === before) return
  const hash = versionHashOf(text)
  file.versions.push({ hash, importedAt, fileName })
  tx.addText({ schemaVersion: SCHEMA_VERSION, hash, text, html: highlightsHtml(text) })
  for (const clipping of file.clippings) {
    if (clipping.deletedAt) continue
    const anchor = reanchor(clipping.target[0], clipping.target[1], text)
    clipping.reanchored = { ...anchor, versionHash: hash }
  }
  file.entry.currentVersionHash = hash
  const listed = (await tx.library()).sources.find((source) => source.id === file.id)
  if (listed) listed.currentVersionHash = hash
}

/**
 * A re-imported highlight's note and tags, where the file changed them: taken where the user did
 * not change them here; where both did, the user's stay and the file's become the origin, so both
 * are kept and the same conflict is reported once, not at every import.
 */
function mergeOrigin(clipping: Clipping, record: HighlightRecord): HighlightConflict[] {
  const origin = clipping.origin
  if (!origin) return []
  const conflicts: HighlightConflict[] = []
  if (origin.note !== record.note) {
    if (clipping.note === origin.note || clipping.note === record.note) clipping.note = record.note
    else {
      const [here, there] = [clipping.note, record.note]
      conflicts.push({ clippingId: clipping.id, field: 'note', here, there })
    }
    origin.note = record.note
  }
  const tags = normalizeTags(record.tags)
  if (!sameTags(origin.tags, tags)) {
    if (sameTags(clipping.tags, origin.tags) || sameTags(clipping.tags, tags)) clipping.tags = tags
    else {
      const [here, there] = [clipping.tags.join(', '), tags.join(', ')]
      conflicts.push({ clippingId: clipping.id, field: 'tags', here, there })
    }
    origin.tags = tags
  }
  return conflicts
}

/** Records in file order, one group per document (the same URL, identifier, or title and author). */
function groupByDocument(records: readonly HighlightRecord[]): HighlightRecord[][] {
  const groups = new Map<string, HighlightRecord[]>()
  for (const record of records) {
    const { url, identifier, title, author } = record.document
    const key =
      canonicalUrl(url) ??
      (identifier ? `id:${identifier}` : `book:${fold(title)}\u0000${authorKey(author ?? '')}`)
    groups.set(key, [...(groups.get(key) ?? []), record])
  }
  return [...groups.values()]
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')
}
