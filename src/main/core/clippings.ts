import {
  occurrencesOf,
  selectorsAt,
  trimRange,
  type Clipping,
  type ClippingView,
} from '../../shared/domain'
import type { ClippingEdit, ClippingQuery, NewClipping } from '../../shared/ipc'
import { reanchor } from './anchoring'
import { ClippingIndex } from './clipping-index'
import { ambiguousMessage, normalizeTags, quoteNotFoundMessage } from './clipping-messages'
import { once, toClippingView, visibleClippings } from './clipping-views'
import type { EssaysService } from './essays'
import { CommonplaceError, notFound } from './errors'
import { newId } from './ids'
import type { Frozen } from './store/json-store-file'
import type { NotebookStore } from './store/notebook-store'
import type { SourceFile } from './store/schema'
import type { Transaction } from './store/transaction'

export { normalizeTags }

export interface QuoteClipRequest {
  sourceId: string
  quote: string
  /** 1-based; picks among several occurrences of the quote. */
  occurrence?: number
  note?: string
  tags?: string[]
}

/** Where, in a source's newest text, a new clipping goes; worked out under the lock. */
type Placement = (text: string) => { start: number; end: number }

export class ClippingsService {
  private readonly index: ClippingIndex

  constructor(
    private readonly store: NotebookStore,
    private readonly essays: EssaysService,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.index = new ClippingIndex(store)
  }

  /** Newest first, or best match first for a search; each with how many essays cite it. */
  async list(query: ClippingQuery = {}): Promise<ClippingView[]> {
    const search = query.search?.trim()
    if (search) await this.index.ready()
    else await this.store.catchUp()
    const files = query.sourceId
      ? [await this.store.sourceFile(query.sourceId)]
      : await this.store.allSourceFiles()
    const citedBy = await this.essays.citationCounts()
    const views: ClippingView[] = []
    for (const file of files) {
      const { title } = await this.store.entry(file.id)
      const newestText = this.newestTextOf(file)
      for (const clipping of visibleClippings(file)) {
        const view = await toClippingView(clipping, file, title, newestText)
        views.push({ ...view, citedBy: citedBy.get(clipping.id) ?? 0 })
      }
    }
    if (!search) return views.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    const byId = new Map(views.map((view) => [view.id, view]))
    return this.index.search.search(search).flatMap((id) => byId.get(id) ?? [])
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

  /** Clips [start, end) of the source's current text; the quote is taken from main's own copy. */
  async create(request: NewClipping): Promise<ClippingView> {
    return this.save(request.sourceId, request, (text) => {
      const { start, end } = trimRange(text, request.start, request.end)
      if (request.start < 0 || request.end > text.length || start >= end) {
        throw new CommonplaceError(
          'invalid-argument',
          'The selection is empty or outside the source text; select the passage again.',
        )
      }
      return { start, end }
    })
  }

  /** The CLI's way in: find the quote in the text, refusing when it is absent or ambiguous. */
  async createFromQuote(request: QuoteClipRequest): Promise<ClippingView> {
    const quote = request.quote.trim()
    if (quote === '') {
      throw new CommonplaceError(
        'invalid-argument',
        'The quote is empty: give the exact words of the passage to clip.',
      )
    }
    return this.save(request.sourceId, request, (text) => {
      const found = occurrencesOf(text, quote)
      if (found.length === 0) {
        throw new CommonplaceError('not-found', quoteNotFoundMessage(text, quote))
      }
      const chosen = request.occurrence
      const start =
        chosen === undefined ? (found.length === 1 ? found[0] : undefined) : found[chosen - 1]
      if (start === undefined) {
        throw new CommonplaceError('invalid-argument', ambiguousMessage(text, quote, found, chosen))
      }
      return { start, end: start + quote.length }
    })
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
    const { file } = await this.find(id)
    const updated = await this.store.write(async (tx) => {
      const data = await tx.source(file.id)
      const clipping = clippingIn(data, id)
      const newest = data.versions[data.versions.length - 1]
      if (!newest || clipping.versionHash === newest.hash) return clipping
      const { text } = await tx.text(newest.hash)
      const anchor = reanchor(clipping.target[0], clipping.target[1], text)
      if (anchor.state === 'missing') {
        throw new CommonplaceError(
          'invalid-argument',
          'The updated source no longer has this passage: there is no new wording to accept.',
        )
      }
      clipping.versionHash = newest.hash
      clipping.target = selectorsAt(text, anchor.start, anchor.end)
      delete clipping.reanchored
      clipping.updatedAt = this.now().toISOString()
      await this.essays.updateQuoteIn(tx, id, anchor.exact)
      return clipping
    })
    await this.index.refresh(file.id)
    return this.viewOf(updated, await this.store.sourceFile(file.id))
  }

  /** Call after a source's title changes: search covers the title. */
  async refreshSource(sourceId: string): Promise<void> {
    await this.index.refresh(sourceId)
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
      const { text } = await tx.text(version.hash)
      const { start, end } = place(text)
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
    await this.index.refresh(sourceId)
    return this.viewOf(clipping, await this.store.sourceFile(sourceId))
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
    await this.index.refresh(sourceId)
    return this.viewOf(clipping, await this.store.sourceFile(sourceId))
  }

  private async viewOf(
    clipping: Frozen<Clipping>,
    file: Frozen<SourceFile>,
  ): Promise<ClippingView> {
    const { title } = await this.store.entry(file.id)
    return toClippingView(clipping, file, title, this.newestTextOf(file))
  }

  private newestTextOf(file: Frozen<SourceFile>): () => Promise<string> {
    return once(async () => {
      const newest = file.versions[file.versions.length - 1]
      return newest ? (await this.store.text(newest.hash)).text : ''
    })
  }

  private async find(
    id: string,
    { includeDeleted = false } = {},
  ): Promise<{ clipping: Frozen<Clipping>; file: Frozen<SourceFile> }> {
    const sourceId = await this.index.sourceIdOf(id)
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
