import { selectorsAt, trimRange, type Clipping, type ClippingView } from '../../shared/domain'
import type {
  ClippingEdit,
  ClippingGroup,
  ClippingQuery,
  NewClipping,
  Page,
} from '../../shared/ipc'
import { ClippingCatalog } from './derived/clipping-catalog'
import { pageRecords } from './page-records'
import { DerivedIndex } from './derived/derived-index'
import { normalizeTags } from './clipping-messages'
import {
  keptLayouts,
  newestVersion,
  once,
  readOnly,
  toClippingView,
  type LayoutOf,
} from './clipping-views'
import type { EssaysService } from './essays'
import { CommonplaceError, notFound } from './errors'
import { newId } from './ids'
import { ClippingSearchIndex } from './search/clipping-search-index'
import { highlightRanges, parseQuery, type ParsedQuery } from './search/query'
import type { Frozen } from './store/json-store-file'
import type { NotebookStore } from './store/notebook-store'
import type { SourceEntry, SourceFile } from './store/schema'
import { placeQuote, type QuoteClipRequest } from './quote-placement'
import { acceptNewWording, keepOldWording } from './wording-decisions'
import type { SourceLayout } from '../../shared/layout'
import type { Transaction } from './store/transaction'

export { normalizeTags }

/** Where, in a source's newest text, a new clipping goes; worked out under the lock. */
type Placement = (
  text: string,
  about: { layout: SourceLayout | undefined; entry: SourceEntry },
) => { start: number; end: number }

export class ClippingsService {
  /** The full-text index of quotes, notes, tags and source titles. */
  readonly searchIndex: DerivedIndex<ClippingSearchIndex>
  /** Every clipping's place and date: lists page through it, lookups find a source by it. */
  readonly catalog: DerivedIndex<ClippingCatalog>
  /** Each version's pages or chapters, kept once read (versions never change). */
  private readonly layoutOf: LayoutOf

  constructor(
    private readonly store: NotebookStore,
    private readonly essays: EssaysService,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.catalog = new DerivedIndex(store, 'catalog', 2, new ClippingCatalog())
    this.searchIndex = new DerivedIndex(store, 'search', 1, new ClippingSearchIndex())
    this.layoutOf = keptLayouts(store)
  }

  /** Every clipping of the query, newest first or best match first (the CLI's listing). */
  async list(query: ClippingQuery = {}): Promise<ClippingView[]> {
    const all: ClippingView[] = []
    let cursor: string | undefined
    do {
      const page = await this.page({ ...query, limit: 500, cursor })
      all.push(...page.items)
      cursor = page.next ?? undefined
    } while (cursor)
    return all
  }

  /**
   * One page: newest first from the catalog, or best match first for a search; each with how
   * many essays cite it. Only the page's own sources are opened.
   */
  async page(query: ClippingQuery = {}): Promise<Page<ClippingView>> {
    const limit = query.limit ?? Number.MAX_SAFE_INTEGER
    // Untrimmed: a space after the last word says it is finished (no longer a prefix).
    const search = query.search?.trim() ? query.search : undefined
    let ids: string[]
    let total: number
    let next: string | null
    let parsed: ParsedQuery | null = null
    if (search) {
      parsed = parseQuery(search)
      const index = await this.searchIndex.ready()
      const start = Math.max(0, Number(query.cursor ?? 0) || 0)
      if (!query.sourceId && !query.tag) {
        // The common case, a search of everything: only this page is put in order.
        const page = index.searchPage(parsed, start, limit)
        ids = page.hits.map((hit) => hit.id)
        total = page.total
      } else {
        const catalog = query.tag ? await this.catalog.ready() : null
        const matches = index
          .search(parsed)
          .filter(
            (hit) =>
              (!query.sourceId || hit.sourceId === query.sourceId) &&
              (!query.tag || catalog?.entry(hit.id)?.tags.includes(query.tag)),
          )
          .map((hit) => hit.id)
        ids = matches.slice(start, start + limit)
        total = matches.length
      }
      next = start + limit < total ? String(start + limit) : null
    } else {
      const catalog = await this.catalog.ready()
      const wanted = { sourceId: query.sourceId, tag: query.tag, limit, after: query.cursor }
      const page = query.bySource
        ? catalog.groupedPage({ ...wanted, collapsed: query.collapsed })
        : catalog.page(wanted)
      ids = page.entries.map((entry) => entry.id)
      total = page.total
      next = page.next
    }
    let items = await this.views(ids)
    if (parsed) {
      const marks = parsed
      items = items.map((view) => ({
        ...view,
        highlight: highlightRanges(view.target[0].exact, marks),
      }))
    }
    return { items, total, next }
  }

  /** The sources of the list grouped by source, in its order, with how many each holds. */
  async groups(query: Pick<ClippingQuery, 'sourceId' | 'tag'> = {}): Promise<ClippingGroup[]> {
    const catalog = await this.catalog.ready()
    // One pass over the index: looking each source up would cost sources × groups.
    const titles = new Map((await this.store.sources()).map((entry) => [entry.id, entry.title]))
    const groups: ClippingGroup[] = []
    for (const group of catalog.groups(query)) {
      const title = titles.get(group.sourceId)
      // A source the index no longer lists has nothing the panel could open.
      if (title !== undefined) {
        groups.push({ sourceId: group.sourceId, title, count: group.entries.length })
      }
    }
    return groups
  }

  /** Full views of these clippings, in this order. */
  private async views(ids: string[]): Promise<ClippingView[]> {
    const catalog = await this.catalog.ready()
    const citedBy = await this.essays.citationCounts()
    const views: ClippingView[] = []
    for (const { clipping, newest, source } of await pageRecords(this.store, catalog, ids)) {
      const newestText = this.newestTextOf(newest)
      const view = await toClippingView(clipping, newest, source, newestText, this.layoutOf)
      views.push({ ...view, citedBy: citedBy.get(clipping.id) ?? 0 })
    }
    return views
  }

  async get(id: string): Promise<ClippingView> {
    const { clipping, file } = await this.find(id)
    return this.viewOf(clipping, file)
  }

  /** Each id's clipping, or null when it was deleted or never existed. */
  async lookup(ids: string[]): Promise<Record<string, ClippingView | null>> {
    const found: Record<string, ClippingView | null> = {}
    for (const id of ids) {
      try {
        found[id] = await this.get(id)
      } catch (error) {
        if (!(error instanceof CommonplaceError)) throw error
        found[id] = null
      }
    }
    return found
  }

  /**
   * Told by the sync which clippings another device made whose source or text has not arrived
   * yet: those are "waiting", not missing. Null when the notebook does not sync.
   */
  waitingFor: ((clippingId: string) => boolean) | null = null

  /** Of these ids, the clippings not here yet because their source is still on its way. */
  async waiting(ids: string[]): Promise<string[]> {
    const isWaiting = this.waitingFor
    if (!isWaiting) return []
    const found = await this.lookup(ids.filter(isWaiting))
    return Object.keys(found).filter((id) => found[id] === null)
  }

  /** Clips [start, end) of the source's current text; the quote is taken from main's own copy. */
  async create(request: NewClipping): Promise<ClippingView> {
    return this.save(request.sourceId, request, (text) => {
      const offsets = Number.isInteger(request.start) && Number.isInteger(request.end)
      const { start, end } = offsets
        ? trimRange(text, request.start, request.end)
        : { start: 0, end: 0 }
      if (request.start < 0 || request.end > text.length || start >= end) {
        throw new CommonplaceError(
          'invalid-argument',
          'The selection is empty or outside the source text; select the passage again.',
        )
      }
      return { start, end }
    })
  }

  /**
   * The CLI's way in: find the quote in the text (in a PDF's, as its text was normalized), on the
   * page or in the chapter named if one is, refusing when it is absent or ambiguous.
   */
  async createFromQuote(request: QuoteClipRequest): Promise<ClippingView> {
    const quote = request.quote.trim()
    if (quote === '') {
      throw new CommonplaceError(
        'invalid-argument',
        'The quote is empty: give the exact words of the passage to clip.',
      )
    }
    return this.save(request.sourceId, request, (text, { layout, entry }) =>
      placeQuote(text, quote, layout, entry, request),
    )
  }

  async update(edit: ClippingEdit): Promise<ClippingView> {
    const { file } = await this.find(edit.id)
    return this.change(file.id, edit.id, (clipping) => {
      if (edit.note !== undefined) clipping.note = edit.note
      if (edit.tags !== undefined) clipping.tags = normalizeTags(edit.tags)
      clipping.updatedAt = this.now().toISOString()
    })
  }

  /** Deleting keeps the clipping on disk, marked, so that undo brings back the very same one. */
  async delete(id: string): Promise<ClippingView> {
    const { file } = await this.find(id)
    return this.change(file.id, id, (clipping) => {
      clipping.deletedAt = this.now().toISOString()
    })
  }

  async restore(id: string): Promise<ClippingView> {
    const { file } = await this.find(id, { includeDeleted: true })
    return this.change(file.id, id, (clipping) => {
      delete clipping.deletedAt
    })
  }

  /**
   * The writer accepts the updated source's wording of a changed passage: the clipping now points
   * into the newest version (whole words, as re-anchoring found them), and every citation of it
   * quotes the new wording: one transaction, so they never disagree. The old version stays.
   */
  async acceptChange(id: string): Promise<ClippingView> {
    return this.decideOnNewest(id, (tx, clipping, newest) =>
      acceptNewWording(tx, clipping, newest, this.essays, this.now()),
    )
  }

  /**
   * The writer keeps the wording the passage was clipped with, though the newest version words
   * it differently: recorded with the clipping and every citation of it, for that version only.
   */
  async keepWording(id: string): Promise<ClippingView> {
    return this.decideOnNewest(id, (tx, clipping, newest) =>
      keepOldWording(tx, clipping, newest, this.essays, this.now()),
    )
  }

  /**
   * The writer's answer to a clipping clipped from an older version than the newest: `decide`
   * changes it (and its citations) in one transaction; nothing to decide when it is on the newest.
   */
  private async decideOnNewest(
    id: string,
    decide: (
      tx: Transaction,
      clipping: Clipping,
      newest: SourceFile['versions'][number],
    ) => Promise<void>,
  ): Promise<ClippingView> {
    const { file } = await this.find(id)
    const updated = await this.store.write(async (tx) => {
      const data = await tx.source(file.id)
      const clipping = clippingIn(data, id)
      const newest = data.versions[data.versions.length - 1]
      // An imported highlight found in other words is stored on the newest version already, with
      // the changed anchor recorded: that is a decision to make too.
      const importedChange = clipping.reanchored?.versionHash === newest?.hash
      if (!newest || (clipping.versionHash === newest.hash && !importedChange)) return clipping
      await decide(tx, clipping, newest)
      return clipping
    })
    this.touched(file.id)
    return this.viewOf(updated, await this.store.sourceFile(file.id))
  }

  /** Call after a source changes outside this service (its title, a new version). */
  async refreshSource(sourceId: string): Promise<void> {
    this.touched(sourceId)
  }

  private async save(
    sourceId: string,
    details: { note?: string; tags?: string[] },
    place: Placement,
  ): Promise<ClippingView> {
    const clipping = await this.store.write(async (tx) => {
      const file = await tx.source(sourceId)
      const version = file.versions[file.versions.length - 1]
      if (!version) throw notFound(`The text of source "${sourceId}"`)
      const { text, layout } = await tx.text(version.hash)
      const { start, end } = place(text, { layout: readOnly(layout), entry: file.entry })
      const createdAt = this.now().toISOString()
      const clipping: Clipping = {
        id: newId('c'),
        sourceId,
        versionHash: version.hash,
        createdAt,
        updatedAt: createdAt,
        note: details.note?.trim() ?? '',
        tags: normalizeTags(details.tags ?? []),
        target: selectorsAt(text, start, end),
      }
      file.clippings.push(clipping)
      return clipping
    })
    this.touched(sourceId)
    return this.viewOf(clipping, await this.store.sourceFile(sourceId))
  }

  /** This process changed a source's clippings: its derived lists take it in. */
  touched(sourceId: string): void {
    this.catalog.touch(sourceId)
    this.searchIndex.touch(sourceId)
  }

  /** One clipping changed in one transaction; memory follows only once it is on disk. */
  private async change(
    sourceId: string,
    id: string,
    edit: (clipping: Clipping) => void,
  ): Promise<ClippingView> {
    const clipping = await this.store.write(async (tx: Transaction) => {
      const target = clippingIn(await tx.source(sourceId), id)
      edit(target)
      return target
    })
    this.touched(sourceId)
    return this.viewOf(clipping, await this.store.sourceFile(sourceId))
  }

  private async viewOf(
    clipping: Frozen<Clipping>,
    file: Frozen<SourceFile>,
  ): Promise<ClippingView> {
    const entry = await this.store.entry(file.id)
    const newest = newestVersion(file)
    return toClippingView(clipping, newest, entry, this.newestTextOf(newest), this.layoutOf)
  }

  /** The newest version's text, read only if a clipping needs re-anchoring against it. */
  private newestTextOf(newest: string | undefined): () => Promise<string> {
    return once(async () => (newest ? (await this.store.text(newest)).text : ''))
  }

  private async find(
    id: string,
    { includeDeleted = false } = {},
  ): Promise<{ clipping: Frozen<Clipping>; file: Frozen<SourceFile> }> {
    const sourceId = (await this.catalog.ready()).sourceOf(id)
    const file = sourceId ? await this.store.sourceFile(sourceId).catch(() => undefined) : undefined
    const clipping = file?.clippings.find((candidate) => candidate.id === id)
    if (!file || !clipping || (clipping.deletedAt && !includeDeleted)) {
      throw notFound(`The clipping "${id}"`)
    }
    return { clipping, file }
  }
}

/** The clipping `find` found, in the transaction's own copy of its source. */
function clippingIn(file: SourceFile, id: string): Clipping {
  const clipping = file.clippings.find((candidate) => candidate.id === id)
  if (!clipping) throw notFound(`The clipping "${id}"`)
  return clipping
}
