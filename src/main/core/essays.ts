import {
  citationsIn,
  emptyEditorState,
  type Essay,
  type EssaySummary,
  type SerializedEditorStateJson,
} from '../../shared/essay'
import { checkEditorState } from '../../shared/essay-state/schema'
import { unwrapUnreadable, wrapUnreadable } from '../../shared/essay-state/unreadable'
import { CommonplaceError, notFound } from './errors'
import { newId } from './ids'
import type { LibraryStore } from './store/library-store'
import { essayTitleSchema, SCHEMA_VERSION, type EssayEntry } from './store/schema'

function summaryOf(entry: EssayEntry): EssaySummary {
  return {
    id: entry.id,
    title: entry.title,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
  }
}

interface CitedIds {
  clippings: Set<string>
  sources: Set<string>
}

/**
 * Essays, one lowdb file each, and which clippings and sources they cite. The citation index is
 * built on first use from the saved states and kept current on every save.
 */
export class EssaysService {
  private citations: Map<string, CitedIds> | null = null

  constructor(
    private readonly store: LibraryStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): EssaySummary[] {
    return this.store
      .essays()
      .filter((entry) => !entry.deletedAt)
      .map(summaryOf)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  }

  async create(title = 'Untitled essay'): Promise<Essay> {
    const at = this.now().toISOString()
    const entry: EssayEntry = {
      id: newId('e'),
      title: parseTitle(title),
      createdAt: at,
      updatedAt: at,
    }
    const editorState = emptyEditorState()
    await this.store.addEssay(entry, { schemaVersion: SCHEMA_VERSION, id: entry.id, editorState })
    this.citations?.set(entry.id, { clippings: new Set(), sources: new Set() })
    return { ...summaryOf(entry), editorState }
  }

  async get(id: string): Promise<Essay> {
    const entry = this.liveEntry(id)
    const file = await this.store.essayFile(id)
    // Blocks the editor cannot read travel wrapped, so that opening the essay does not drop them.
    return { ...summaryOf(entry), editorState: wrapUnreadable(file.editorState) }
  }

  /**
   * Autosave: replaces the essay's editor state, once it passes the strict schema; unreadable
   * blocks go back to disk as they were read.
   */
  async save(id: string, editorState: unknown): Promise<EssaySummary> {
    this.liveEntry(id)
    const checked = checkEditorState(editorState)
    if (!checked.ok) {
      throw new CommonplaceError(
        'invalid-argument',
        `The essay could not be saved: ${checked.problem}.`,
      )
    }
    const state = unwrapUnreadable(checked.value)
    const entry = await this.store.updateEssay(id, (file, entry) => {
      file.editorState = state
      entry.updatedAt = this.now().toISOString()
    })
    this.citations?.set(id, citedIdsOf(state))
    return summaryOf(entry)
  }

  async rename(id: string, title: string): Promise<EssaySummary> {
    this.liveEntry(id)
    const clean = parseTitle(title)
    const entry = await this.store.updateEssay(id, (_file, entry) => {
      entry.title = clean
      entry.updatedAt = this.now().toISOString()
    })
    return summaryOf(entry)
  }

  /** Deleting keeps the file, marked, so that undo brings the essay back whole. */
  async delete(id: string): Promise<EssaySummary> {
    this.liveEntry(id)
    const entry = await this.store.updateEssay(id, (_file, entry) => {
      entry.deletedAt = this.now().toISOString()
    })
    return summaryOf(entry)
  }

  async restore(id: string): Promise<EssaySummary> {
    this.store.essayEntry(id)
    const entry = await this.store.updateEssay(id, (_file, entry) => {
      delete entry.deletedAt
    })
    return summaryOf(entry)
  }

  /** Every citation of the clipping, in every essay, now quotes `exact` (an accepted change). */
  async updateQuote(clippingId: string, exact: string): Promise<void> {
    for (const essay of await this.citingClipping(clippingId)) {
      const file = await this.store.essayFile(essay.id)
      // Wrapped, so that an unreadable block (say a citation without its snapshot) is neither
      // edited nor refused by save: it goes back as it was.
      const state = wrapUnreadable(structuredClone(file.editorState))
      for (const citation of citationsIn(state)) {
        if (citation.clippingId !== clippingId) continue
        citation.snapshot = { ...citation.snapshot, exact }
        // The new wording is now the quote: an earlier "keep the old wording" no longer applies.
        delete citation.keptWording
      }
      await this.save(essay.id, state)
    }
  }

  /** The essays (not deleted) that cite this clipping. */
  async citingClipping(clippingId: string): Promise<EssaySummary[]> {
    return this.citing((cited) => cited.clippings.has(clippingId))
  }

  async citingSource(sourceId: string): Promise<EssaySummary[]> {
    return this.citing((cited) => cited.sources.has(sourceId))
  }

  /** clipping id -> number of essays citing it. */
  async citationCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, number>()
    const index = await this.citationIndex()
    for (const entry of this.store.essays()) {
      if (entry.deletedAt) continue
      for (const clippingId of index.get(entry.id)?.clippings ?? []) {
        counts.set(clippingId, (counts.get(clippingId) ?? 0) + 1)
      }
    }
    return counts
  }

  private async citing(matches: (cited: CitedIds) => boolean): Promise<EssaySummary[]> {
    const index = await this.citationIndex()
    return this.list().filter((essay) => {
      const cited = index.get(essay.id)
      return cited !== undefined && matches(cited)
    })
  }

  private async citationIndex(): Promise<Map<string, CitedIds>> {
    if (!this.citations) {
      const index = new Map<string, CitedIds>()
      for (const entry of this.store.essays()) {
        try {
          index.set(entry.id, citedIdsOf((await this.store.essayFile(entry.id)).editorState))
        } catch (error) {
          // A damaged essay file is listed in the store's problems; it cites nothing we can read.
          if (!(error instanceof CommonplaceError)) throw error
        }
      }
      this.citations = index
    }
    return this.citations
  }

  private liveEntry(id: string): EssayEntry {
    const entry = this.store.essayEntry(id)
    if (entry.deletedAt) throw notFound(`The essay "${id}"`)
    return entry
  }
}

function citedIdsOf(state: SerializedEditorStateJson): CitedIds {
  const cited: CitedIds = { clippings: new Set(), sources: new Set() }
  for (const citation of citationsIn(state)) {
    cited.clippings.add(citation.clippingId)
    cited.sources.add(citation.sourceId)
  }
  return cited
}

function parseTitle(title: string): string {
  const parsed = essayTitleSchema.safeParse(title)
  if (!parsed.success) {
    throw new CommonplaceError(
      'invalid-argument',
      `Essay title: ${parsed.error.issues[0].message}.`,
    )
  }
  return parsed.data
}
