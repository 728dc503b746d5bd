import {
  occurrencesOf,
  selectorsAt,
  trimRange,
  type Clipping,
  type ClippingView,
  type SourceVersion,
} from '../../shared/domain'
import type { ClippingEdit, ClippingQuery, NewClipping } from '../../shared/ipc'
import { quoted } from '../../shared/quoted'
import { reanchor } from './anchoring'
import { ClippingSearch } from './clipping-search'
import { toClippingView, visibleClippings } from './clipping-views'
import type { EssaysService } from './essays'
import { CommonplaceError, notFound } from './errors'
import { newId } from './ids'
import type { LibraryStore } from './store/library-store'
import type { SourceFile } from './store/schema'

export interface QuoteClipRequest {
  sourceId: string
  quote: string
  /** 1-based; picks among several occurrences of the quote. */
  occurrence?: number
  note?: string
  tags?: string[]
}

const CONTEXT_SHOWN = 40

export class ClippingsService {
  /** clipping id -> source id, for every clipping including deleted ones. */
  private readonly sourceOf = new Map<string, string>()
  private readonly searchIndex = new ClippingSearch()
  private loaded: Promise<void> | null = null

  constructor(
    private readonly store: LibraryStore,
    private readonly essays: EssaysService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Newest first, or best match first for a search; each with how many essays cite it. */
  async list(query: ClippingQuery = {}): Promise<ClippingView[]> {
    await this.load()
    const files = query.sourceId
      ? [await this.store.sourceFile(query.sourceId)]
      : await this.store.allSourceFiles()
    const citedBy = await this.essays.citationCounts()
    const views = files.flatMap((file) => {
      const title = this.store.entry(file.id).title
      return visibleClippings(file).map((clipping) => ({
        ...toClippingView(clipping, file, title),
        citedBy: citedBy.get(clipping.id) ?? 0,
      }))
    })
    const search = query.search?.trim()
    if (!search) return views.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    const byId = new Map(views.map((view) => [view.id, view]))
    return this.searchIndex.search(search).flatMap((id) => byId.get(id) ?? [])
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
    const file = await this.store.sourceFile(request.sourceId)
    const version = file.versions[file.versions.length - 1]
    const { start, end } = trimRange(version.text, request.start, request.end)
    if (request.start < 0 || request.end > version.text.length || start >= end) {
      throw new CommonplaceError(
        'invalid-argument',
        'The selection is empty or outside the source text; select the passage again.',
      )
    }
    return this.save(file, version.hash, version.text, start, end, request)
  }

  /** The CLI's way in: find the quote in the text, refusing when it is absent or ambiguous. */
  async createFromQuote(request: QuoteClipRequest): Promise<ClippingView> {
    const file = await this.store.sourceFile(request.sourceId)
    const version = file.versions[file.versions.length - 1]
    const quote = request.quote.trim()
    if (quote === '') {
      throw new CommonplaceError(
        'invalid-argument',
        'The quote is empty: give the exact words of the passage to clip.',
      )
    }
    const found = occurrencesOf(version.text, quote)
    if (found.length === 0) {
      throw new CommonplaceError('not-found', quoteNotFoundMessage(version.text, quote))
    }
    let start = found[0]
    if (found.length > 1 || request.occurrence !== undefined) {
      const chosen = request.occurrence
      if (chosen === undefined || chosen < 1 || chosen > found.length) {
        throw new CommonplaceError(
          'invalid-argument',
          ambiguousMessage(version.text, quote, found, chosen),
        )
      }
      start = found[chosen - 1]
    }
    return this.save(file, version.hash, version.text, start, start + quote.length, request)
  }

  async update(edit: ClippingEdit): Promise<ClippingView> {
    const { file } = await this.find(edit.id)
    const clipping = await this.store.updateSourceFile(file.id, (data) => {
      const target = clippingIn(data, edit.id)
      if (edit.note !== undefined) target.note = edit.note
      if (edit.tags !== undefined) target.tags = normalizeTags(edit.tags)
      target.updatedAt = this.now().toISOString()
      return target
    })
    return this.indexed(clipping, file)
  }

  /** Deleting keeps the clipping on disk, marked, so that undo brings back the very same one. */
  async delete(id: string): Promise<ClippingView> {
    const { file } = await this.find(id)
    const clipping = await this.store.updateSourceFile(file.id, (data) => {
      const target = clippingIn(data, id)
      target.deletedAt = this.now().toISOString()
      return target
    })
    this.searchIndex.remove(id)
    return this.viewOf(clipping, file)
  }

  async restore(id: string): Promise<ClippingView> {
    const { file } = await this.find(id, { includeDeleted: true })
    const clipping = await this.store.updateSourceFile(file.id, (data) => {
      const target = clippingIn(data, id)
      delete target.deletedAt
      return target
    })
    return this.indexed(clipping, file)
  }

  /**
   * The writer accepts the updated source's wording of a changed passage: the clipping now points
   * into the newest version (whole words, as re-anchoring found them), and every citation of it
   * quotes the new wording. The version it was made on stays in the source file.
   */
  async acceptChange(id: string): Promise<ClippingView> {
    const { clipping, file } = await this.find(id)
    const newest = file.versions[file.versions.length - 1] as SourceVersion
    if (clipping.versionHash === newest.hash) return this.viewOf(clipping, file)
    const anchor = reanchor(clipping.target[0], clipping.target[1], newest.text)
    if (anchor.state === 'missing') {
      throw new CommonplaceError(
        'invalid-argument',
        'The updated source no longer has this passage: there is no new wording to accept.',
      )
    }
    const updated = await this.store.updateSourceFile(file.id, (data) => {
      const target = clippingIn(data, id)
      target.versionHash = newest.hash
      target.target = selectorsAt(newest.text, anchor.start, anchor.end)
      delete target.reanchored
      target.updatedAt = this.now().toISOString()
      return target
    })
    await this.essays.updateQuote(id, anchor.exact)
    return this.indexed(updated, file)
  }

  /** Call after a source's title changes: search covers the title. */
  async refreshSource(sourceId: string): Promise<void> {
    if (!this.loaded) return
    const file = await this.store.sourceFile(sourceId)
    for (const clipping of visibleClippings(file)) this.indexed(clipping, file)
  }

  private async save(
    file: SourceFile,
    versionHash: string,
    text: string,
    start: number,
    end: number,
    details: { note?: string; tags?: string[] },
  ): Promise<ClippingView> {
    const createdAt = this.now().toISOString()
    const clipping: Clipping = {
      id: newId('c'),
      sourceId: file.id,
      versionHash,
      createdAt,
      updatedAt: createdAt,
      note: details.note?.trim() ?? '',
      tags: normalizeTags(details.tags ?? []),
      target: selectorsAt(text, start, end),
    }
    await this.store.updateSourceFile(file.id, (data) => data.clippings.push(clipping))
    this.sourceOf.set(clipping.id, file.id)
    return this.indexed(clipping, file)
  }

  private viewOf(clipping: Clipping, file: SourceFile): ClippingView {
    return toClippingView(clipping, file, this.store.entry(file.id).title)
  }

  /**
   * Keeps the search index current. Before the first search or lookup the index does not exist
   * yet, and building it then reads every source: saving a clipping must not pay for that.
   */
  private indexed(clipping: Clipping, file: SourceFile): ClippingView {
    if (this.loaded) this.searchIndex.put(clipping, this.store.entry(file.id).title)
    return this.viewOf(clipping, file)
  }

  private async find(
    id: string,
    { includeDeleted = false } = {},
  ): Promise<{ clipping: Clipping; file: SourceFile }> {
    await this.load()
    const sourceId = this.sourceOf.get(id)
    const file = sourceId ? await this.store.sourceFile(sourceId) : undefined
    const clipping = file?.clippings.find((candidate) => candidate.id === id)
    if (!file || !clipping || (clipping.deletedAt && !includeDeleted)) {
      throw notFound(`The clipping "${id}"`)
    }
    return { clipping, file }
  }

  /** Reads every source file once, to know where each clipping lives and to index them. */
  private load(): Promise<void> {
    this.loaded ??= (async () => {
      for (const file of await this.store.allSourceFiles()) {
        const title = this.store.entry(file.id).title
        for (const clipping of file.clippings) {
          this.sourceOf.set(clipping.id, file.id)
          if (!clipping.deletedAt) this.searchIndex.put(clipping, title)
        }
      }
    })()
    return this.loaded
  }
}

/** The clipping `find` already found in this file. */
function clippingIn(file: SourceFile, id: string): Clipping {
  const clipping = file.clippings.find((candidate) => candidate.id === id)
  if (!clipping) throw notFound(`The clipping "${id}"`)
  return clipping
}

export function normalizeTags(tags: string[]): string[] {
  const clean = tags.map((tag) => tag.trim().replace(/^#+/, '').trim()).filter(Boolean)
  return [...new Set(clean)]
}

function excerptAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - CONTEXT_SHOWN), start).replace(/\s+/g, ' ')
  const after = text.slice(end, end + CONTEXT_SHOWN).replace(/\s+/g, ' ')
  return `…${before}[${text.slice(start, end)}]${after}…`
}

function ambiguousMessage(text: string, quote: string, found: number[], chosen?: number): string {
  const lines = found.map(
    (at, index) => `  ${index + 1}: ${excerptAround(text, at, at + quote.length)}`,
  )
  const lead =
    chosen === undefined
      ? `The quote occurs ${found.length} times in this source; pick one with --occurrence N:`
      : `--occurrence ${chosen} is out of range: the quote occurs ${found.length} times:`
  return [lead, ...lines].join('\n')
}

/** Straight and typographic quotes look alike in a terminal; say so when that is the mismatch. */
function quoteNotFoundMessage(text: string, quote: string): string {
  const plain = (value: string): string =>
    value
      .replace(/[‘’‛′]/g, "'")
      .replace(/[“”‟″]/g, '"')
      .replace(/[–—]/g, '-')
  const at = plain(text).indexOf(plain(quote))
  const base = `The quote does not occur in this source: ${quoted(quote)}.`
  if (at === -1 || quote.length === 0) return base
  return `${base} A passage differing only in quote marks or dashes does: ${quoted(text.slice(at, at + quote.length))}. Quotes are matched exactly; copy it as it is.`
}
