import type { NotebookChange } from '../../shared/ipc'
import {
  citationsIn,
  emptyEditorState,
  type Essay,
  type KeptWording,
  type EssaySummary,
  type SerializedEditorStateJson,
} from '../../shared/essay'
import { checkEditorState } from '../../shared/essay-state/schema'
import { unwrapUnreadable, wrapUnreadable } from '../../shared/essay-state/unreadable'
import { CommonplaceError, notFound } from './errors'
import { newId } from './ids'
import type { Frozen } from './store/json-store-file'
import type { NotebookStore } from './store/notebook-store'
import { essayTitleSchema, SCHEMA_VERSION, type EssayEntry, type EssayFile } from './store/schema'
import type { Transaction } from './store/transaction'

function summaryOf(entry: Frozen<EssayEntry>): EssaySummary {
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
 * Essays, one file each, and which clippings and sources they cite. The citation index is built
 * on first use from the saved states, kept current on every save, and told by the store which
 * essays other processes changed.
 */
export class EssaysService {
  private citations: Map<string, CitedIds> | null = null
  private readonly stale = new Set<string>()

  constructor(
    private readonly store: NotebookStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    store.onChange((change) => this.forget(change))
  }

  async list(): Promise<EssaySummary[]> {
    return (await this.store.essays())
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
    await this.store.write(async (tx) => {
      tx.createEssay({ schemaVersion: SCHEMA_VERSION, id: entry.id, entry, editorState })
      ;(await tx.library()).essays.push(entry)
    })
    this.citations?.set(entry.id, { clippings: new Set(), sources: new Set() })
    return { ...summaryOf(entry), editorState }
  }

  async get(id: string): Promise<Essay> {
    const entry = await this.liveEntry(id)
    const file = await this.store.essayFile(id)
    // Blocks the editor cannot read travel wrapped, so that opening the essay does not drop them.
    return {
      ...summaryOf(entry),
      editorState: wrapUnreadable(file.editorState as SerializedEditorStateJson),
    }
  }

  /**
   * Autosave: replaces the essay's editor state, once it passes the strict schema; unreadable
   * blocks go back to disk as they were read.
   */
  async save(id: string, editorState: unknown): Promise<EssaySummary> {
    await this.liveEntry(id)
    return summaryOf(await this.writeText(id, editorState))
  }

  /**
   * What other devices wrote, from the essay's shared document: written even while the essay is
   * deleted here, so that its kept file holds the latest words and restoring it on any device
   * brings them back (not the text it had when it was deleted). False when nothing changed.
   */
  async saveSynced(id: string, editorState: SerializedEditorStateJson): Promise<boolean> {
    const file = await this.store.essayFile(id)
    const same =
      JSON.stringify(wrapUnreadable(file.editorState as SerializedEditorStateJson)) ===
      JSON.stringify(editorState)
    // Not a change made here: the writer's own save moved `updatedAt`, which comes with the
    // essay's record (and tells a deleting device whether it saw these words; conflicts.ts).
    if (!same) await this.writeText(id, editorState, false)
    return !same
  }

  private async writeText(id: string, editorState: unknown, touch = true): Promise<EssayEntry> {
    const checked = checkEditorState(editorState)
    if (!checked.ok) {
      throw new CommonplaceError(
        'invalid-argument',
        `The essay could not be saved: ${checked.problem}.`,
      )
    }
    const state = unwrapUnreadable(checked.value)
    const entry = await this.change(
      id,
      (file) => {
        file.editorState = state
      },
      touch,
    )
    this.citations?.set(id, citedIdsOf(state))
    return entry
  }

  async rename(id: string, title: string): Promise<EssaySummary> {
    await this.liveEntry(id)
    const clean = parseTitle(title)
    return summaryOf(await this.change(id, (file) => void (file.entry.title = clean)))
  }

  /** Deleting keeps the file, marked, so that undo brings the essay back whole. */
  async delete(id: string): Promise<EssaySummary> {
    await this.liveEntry(id)
    const at = this.now().toISOString()
    return summaryOf(await this.change(id, (file) => void (file.entry.deletedAt = at), false))
  }

  /** Deleted essays, the latest deleted first: their files are kept, and `restore` brings one back. */
  async listDeleted(): Promise<(EssaySummary & { deletedAt: string })[]> {
    return (await this.store.essays())
      .flatMap((entry) =>
        entry.deletedAt ? [{ ...summaryOf(entry), deletedAt: entry.deletedAt }] : [],
      )
      .sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : a.deletedAt > b.deletedAt ? -1 : 0))
  }

  async restore(id: string): Promise<EssaySummary> {
    await this.store.essayEntry(id)
    return summaryOf(await this.change(id, (file) => void delete file.entry.deletedAt, false))
  }

  /**
   * Within a transaction: every citation of the clipping, in every essay, now quotes `exact` (an
   * accepted change), and an earlier "keep the old wording" no longer applies.
   */
  async updateQuoteIn(tx: Transaction, clippingId: string, exact: string): Promise<void> {
    const at = this.now().toISOString()
    for (const essay of await this.citingClipping(clippingId)) {
      const file = await tx.essay(essay.id)
      // Wrapped, so that an unreadable block (say a citation without its snapshot) is neither
      // edited nor refused: it goes back as it was.
      const state = wrapUnreadable(file.editorState)
      for (const citation of citationsIn(state)) {
        if (citation.clippingId !== clippingId) continue
        citation.snapshot = { ...citation.snapshot, exact }
        delete citation.keptWording
      }
      file.editorState = unwrapUnreadable(state)
      file.entry.updatedAt = at
      await this.mirror(tx, file.entry)
      this.citations?.set(essay.id, citedIdsOf(file.editorState))
    }
  }

  /** Every citation of the clipping keeps its wording for this version (see `KeptWording`). */
  async keepWordingIn(tx: Transaction, clippingId: string, decision: KeptWording): Promise<void> {
    for (const essay of await this.citingClipping(clippingId)) {
      const file = await tx.essay(essay.id)
      const state = wrapUnreadable(file.editorState)
      let changed = false
      for (const citation of citationsIn(state)) {
        if (citation.clippingId !== clippingId) continue
        if (citation.keptWording?.versionHash === decision.versionHash) continue
        citation.keptWording = { ...decision }
        changed = true
      }
      if (!changed) continue
      file.editorState = unwrapUnreadable(state)
      file.entry.updatedAt = decision.keptAt
      await this.mirror(tx, file.entry)
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
    for (const entry of await this.store.essays()) {
      if (entry.deletedAt) continue
      for (const clippingId of index.get(entry.id)?.clippings ?? []) {
        counts.set(clippingId, (counts.get(clippingId) ?? 0) + 1)
      }
    }
    return counts
  }

  /**
   * Changes one essay's file and mirrors its record into the index, in one transaction. Editing
   * (`touch`) moves its "last edited" date; deleting or restoring does not.
   */
  private async change(
    id: string,
    edit: (file: EssayFile) => void,
    touch = true,
  ): Promise<EssayEntry> {
    return this.store.write(async (tx) => {
      const file = await tx.essay(id)
      edit(file)
      if (touch) file.entry.updatedAt = this.now().toISOString()
      await this.mirror(tx, file.entry)
      return file.entry
    })
  }

  /** The index keeps a copy of each essay's record, for lists. */
  private async mirror(tx: Transaction, entry: EssayEntry): Promise<void> {
    const library = await tx.library()
    const at = library.essays.findIndex((candidate) => candidate.id === entry.id)
    if (at === -1) library.essays.push({ ...entry })
    else library.essays[at] = { ...entry }
  }

  private async citing(matches: (cited: CitedIds) => boolean): Promise<EssaySummary[]> {
    const index = await this.citationIndex()
    return (await this.list()).filter((essay) => {
      const cited = index.get(essay.id)
      return cited !== undefined && matches(cited)
    })
  }

  private forget(change: NotebookChange): void {
    if (change.all) this.citations = null
    for (const id of change.essays) this.stale.add(id)
  }

  private async citationIndex(): Promise<Map<string, CitedIds>> {
    await this.store.catchUp()
    if (!this.citations) {
      this.stale.clear()
      const index = new Map<string, CitedIds>()
      for (const entry of await this.store.essays()) await this.indexEssay(index, entry.id)
      this.citations = index
    }
    for (const id of [...this.stale]) {
      this.stale.delete(id)
      await this.indexEssay(this.citations, id)
    }
    return this.citations
  }

  private async indexEssay(index: Map<string, CitedIds>, id: string): Promise<void> {
    try {
      index.set(id, citedIdsOf((await this.store.essayFile(id)).editorState))
    } catch (error) {
      // Gone, or damaged (listed in the store's problems): it cites nothing we can read.
      if (!(error instanceof CommonplaceError)) throw error
      index.delete(id)
    }
  }

  private async liveEntry(id: string): Promise<Frozen<EssayEntry>> {
    const entry = await this.store.essayEntry(id)
    if (entry.deletedAt) throw notFound(`The essay "${id}"`)
    return entry
  }
}

function citedIdsOf(state: Frozen<SerializedEditorStateJson>): CitedIds {
  const cited: CitedIds = { clippings: new Set(), sources: new Set() }
  for (const citation of citationsIn(state as SerializedEditorStateJson)) {
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
      `Essay title: ${parsed.error.issues[0]?.message ?? 'not valid'}.`,
    )
  }
  return parsed.data
}
