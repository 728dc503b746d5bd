import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Essay, EssaySummary, SerializedEditorStateJson } from '../../../shared/essay'
import { CommonplaceError } from '../errors'
import { exists } from '../store/snapshot'
import { essayDocName } from './doc-names'
import {
  baseFileOf,
  keepBase,
  markUnwritten,
  readBase,
  unwrittenFileOf,
  type BesideTheDoc,
} from './essay-doc-files'
import { isEssayDocEmpty, readEssayFromDoc, writeEssayIntoDoc } from './essay-lexical'
import { applyBlockEdit, blocksOfDoc, planStoreChange } from './essay-store-change'
import { FROM_DISK, PersistedDoc } from './persisted-doc'
import { syncDocsDir } from './sync-config'

/** The sync client's link (sync-client.ts), as essays use it. */
import type { SyncLink } from './sync-client'
export type { SyncLink }

/** What main tells the page about an essay it has joined (the `essay:sync` event). */
export interface EssaySyncEvent {
  essayId: string
  update?: string
  awareness?: string
}

/** The essays service, as far as syncing its essays' text needs it. */
export interface EssayStore {
  list(): Promise<EssaySummary[]>
  get(id: string): Promise<Essay>
  /** What arrived, written even into a deleted essay; false when the store had it already. */
  saveSynced(id: string, editorState: SerializedEditorStateJson): Promise<boolean>
}

export interface EssayDocsOptions {
  dataDir: string
  notebook: string
  link: SyncLink
  essays: EssayStore
  /** How long remote changes gather before the essay in the store is rewritten. */
  materialiseAfterMs?: number
  /** How long joining an essay waits for the server's copy before it gives up. */
  joinTimeoutMs?: number
}

/** The origin of an essay written into its empty doc from the store. */
const SEEDED = Symbol('seeded from the store')

/** The origin of an essay's change made in the store by something else than an editor. */
const FROM_STORE = Symbol('from the store')

/** The origin of what the app's editor sent: the page has it already, so it is not echoed. */
export const FROM_EDITOR = Symbol('from the editor')

interface OpenEssay extends BesideTheDoc {
  awareness: Awareness
  /** Resolves once the server's copy is in (and the doc seeded, if it was its to seed). */
  synced: Promise<void>
  hasSynced: boolean
  detach: () => void
  /**
   * How many of the app's editors have joined and not left. An editor made anew (the essay
   * reopened) joins before the old one's leave arrives: the page must go on hearing.
   */
  joins: number
  /** The app's editors' awareness clients: theirs to remove on leaving, not other devices'. */
  editorClients: Set<number>
  timer: NodeJS.Timeout | null
  materialising: Promise<void>
}

const toBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64')
const fromBase64 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'))

/**
 * Every essay of a synced notebook as a Yjs document kept in `sync/docs/` and attached to the
 * server: seeded from the store once the server's copy is known to be empty, and written back to
 * the store when other devices change it (so the CLI's export of a synced essay is current). The
 * app's editor joins a doc through IPC: it gets the whole doc, sends its own updates and
 * awareness, and hears everyone else's as `essay:sync` events.
 */
export class EssayDocs {
  private readonly open = new Map<string, Promise<OpenEssay>>()
  /** Essays the catalog brought from another device: their text is that device's to seed. */
  private readonly textFromElsewhere = new Set<string>()
  private readonly listeners = new Set<(event: EssaySyncEvent) => void>()
  private closed = false

  constructor(private readonly options: EssayDocsOptions) {}

  /** Opens and attaches every live essay, so changes arrive without the essay being opened. */
  async start(): Promise<void> {
    for (const essay of await this.options.essays.list()) await this.essay(essay.id)
  }

  onEvent(listener: (event: EssaySyncEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The whole doc for the app's editor, once it holds the essay; from now on it hears changes. */
  async join(essayId: string): Promise<{ update: string }> {
    const open = await this.essay(essayId)
    if (isEssayDocEmpty(open.persisted.doc)) {
      const timeout = this.options.joinTimeoutMs ?? 5000
      await Promise.race([open.synced, new Promise((resolve) => setTimeout(resolve, timeout))])
      // Seeding runs when the server's copy arrives; it may still be on its way.
      await open.materialising
    }
    if (isEssayDocEmpty(open.persisted.doc)) {
      throw new CommonplaceError(
        'busy',
        'This essay has not been fetched from the sync server yet; it opens for editing here alone.',
      )
    }
    open.joins++
    return { update: toBase64(Y.encodeStateAsUpdate(open.persisted.doc)) }
  }

  /** Whether the essay's doc is open here and has had the server's copy. */
  async hasSynced(essayId: string): Promise<boolean> {
    const opening = this.open.get(essayId)
    return opening ? (await opening).hasSynced : false
  }

  /** An update the app's editor made: kept on disk and sent to the server. */
  async receive(essayId: string, update: string): Promise<void> {
    const open = await this.essay(essayId)
    Y.applyUpdate(open.persisted.doc, fromBase64(update), FROM_EDITOR)
  }

  /** The editor's cursor and name (a y-protocols awareness update), shared with the others. */
  async receiveAwareness(essayId: string, update: string): Promise<void> {
    const open = await this.essay(essayId)
    applyAwarenessUpdate(open.awareness, fromBase64(update), FROM_EDITOR)
  }

  /** The app's editor saved what its doc held: a state both the store and the doc have had. */
  noteSaved(essayId: string, state: SerializedEditorStateJson): void {
    void this.open.get(essayId)?.then((open) => keepBase(open, state))
  }

  /**
   * An essay just made here: its id is new, so no other device can have written its doc, and it
   * is seeded now rather than after the server's answer (offline, joining would wait for that).
   */
  async shareNew(essayId: string): Promise<void> {
    this.textFromElsewhere.delete(essayId)
    try {
      const open = await this.essay(essayId)
      open.materialising = open.materialising.then(() => this.seed(essayId, open))
      await open.materialising
    } catch (error) {
      // The essay is made all the same; it joins the others when it is next opened.
      console.error(`Sharing the new essay ${essayId}:`, error)
    }
  }

  /**
   * Essays whose records changed (the catalog brought them from another device): an essay new
   * here gets its doc, filled once the server's copy is in, and never seeded from the store: the
   * store holds only the empty essay the catalog made for the record, and seeding that would put
   * an empty paragraph over the text its own device shares (or blank it there). Their text is not
   * looked at: a record's change is not the text's, and this app's own writes of the text (the
   * editor's saves, what arrived from others) are in the doc already.
   */
  async adopt(essayIds: string[]): Promise<void> {
    for (const essayId of essayIds) {
      if (!this.open.has(essayId)) this.textFromElsewhere.add(essayId)
    }
    await this.openLive(essayIds)
  }

  /** Opens the docs of these essays that are not open yet and still live. */
  private async openLive(essayIds: string[]): Promise<void> {
    const fresh = essayIds.filter((essayId) => !this.open.has(essayId))
    if (fresh.length === 0) return
    const live = new Set((await this.options.essays.list()).map((essay) => essay.id))
    for (const essayId of fresh) {
      if (live.has(essayId) && !this.closed) await this.essay(essayId)
    }
  }

  /**
   * Essays the store changed by other means than the editors (the CLI, a clipping's decision):
   * what changed since the store and the doc last agreed goes into the doc, block by block, so
   * the editors show it and the next write-back keeps it.
   */
  async absorb(essayIds: string[]): Promise<void> {
    // An essay opened by `adopt` takes in the store's change as it opens (see openEssay).
    const wereOpen = essayIds.filter((essayId) => this.open.has(essayId))
    await this.openLive(essayIds)
    for (const essayId of wereOpen) {
      const opening = this.open.get(essayId)
      if (!opening) continue
      const open = await opening
      open.materialising = open.materialising.then(async () => {
        if (!open.base || isEssayDocEmpty(open.persisted.doc)) return
        try {
          const { editorState } = await this.options.essays.get(essayId)
          const edit = planStoreChange(
            open.base.root.children ?? [],
            editorState.root.children ?? [],
            await blocksOfDoc(open.persisted.doc),
          )
          keepBase(open, editorState)
          if (edit) await applyBlockEdit(open.persisted.doc, edit, FROM_STORE)
        } catch (error) {
          // Deleted meanwhile (the CLI's delete): the catalog carries that, and no text moved.
          if (error instanceof CommonplaceError && error.code === 'not-found') return
          console.error(`Sharing the change to the essay ${essayId}:`, error)
        }
      })
      await open.materialising
    }
  }

  /** An editor closed the essay: once none has it open, its cursors go and the page hears no more. */
  async leave(essayId: string): Promise<void> {
    const opening = this.open.get(essayId)
    if (!opening) return
    const open = await opening
    open.joins = Math.max(0, open.joins - 1)
    if (open.joins > 0) return
    removeAwarenessStates(open.awareness, [...open.editorClients], FROM_EDITOR)
    open.editorClients.clear()
  }

  async close(): Promise<void> {
    this.closed = true
    const all = await Promise.all(
      [...this.open].map(async ([essayId, opening]) => [essayId, await opening] as const),
    )
    this.open.clear()
    for (const [essayId, open] of all) {
      // What arrived in the last moments is written now, not dropped with its timer: the store
      // is the essay the CLI exports while the app is closed.
      if (open.timer) {
        clearTimeout(open.timer)
        open.materialising = open.materialising.then(() => this.materialise(essayId, open))
      }
      open.detach()
      open.awareness.destroy()
      await open.materialising
      await open.baseWritten
      await open.persisted.close()
    }
  }

  private essay(essayId: string): Promise<OpenEssay> {
    if (this.closed) throw new CommonplaceError('internal', 'Sync has been turned off.')
    let opening = this.open.get(essayId)
    if (!opening) {
      opening = this.openEssay(essayId)
      this.open.set(essayId, opening)
      opening.catch(() => this.open.delete(essayId))
    }
    return opening
  }

  private async openEssay(essayId: string): Promise<OpenEssay> {
    // Unknown or deleted essays are refused here, before a file is made for them.
    await this.options.essays.get(essayId)
    const name = essayDocName(this.options.notebook, essayId)
    const dir = syncDocsDir(this.options.dataDir)
    const persisted = await PersistedDoc.open(dir, name)
    const awareness = new Awareness(persisted.doc)
    // Main is no one's cursor: only the editors' states are shared.
    awareness.setLocalState(null)
    let markSynced: () => void = () => undefined
    const synced = new Promise<void>((resolve) => (markSynced = resolve))
    void synced.then(() => (open.hasSynced = true))
    const open: OpenEssay = {
      persisted,
      awareness,
      synced,
      hasSynced: false,
      detach: () => undefined,
      joins: 0,
      base: await readBase(baseFileOf(persisted)),
      baseWritten: Promise.resolve(),
      editorClients: new Set(),
      timer: null,
      materialising: Promise.resolve(),
      unwritten: false,
    }
    persisted.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_EDITOR || origin === FROM_DISK) return
      if (open.joins > 0) this.emit({ essayId, update: toBase64(update) })
      // The seed and a store change are the store's own essay: nothing to write back.
      if (origin !== SEEDED && origin !== FROM_STORE) {
        markUnwritten(open, true)
        this.scheduleMaterialise(essayId, open)
      }
    })
    awareness.on('update', (change: AwarenessChange, origin: unknown) => {
      if (origin === FROM_EDITOR) {
        for (const client of change.added) open.editorClients.add(client)
        return
      }
      if (open.joins === 0) return
      const clients = [...change.added, ...change.updated, ...change.removed]
      this.emit({ essayId, awareness: toBase64(encodeAwarenessUpdate(awareness, clients)) })
    })
    open.detach = this.options.link.attach(name, persisted.doc, {
      persisted,
      awareness,
      onSynced: () => {
        open.materialising = open.materialising.then(() => this.seed(essayId, open))
        void open.materialising.then(markSynced)
      },
    })
    // The store may have changed while the app was closed (the CLI): the doc takes that in.
    if (open.base) void this.absorb([essayId])
    // What arrived before a crash, and was never written to the store, is written now.
    if (await exists(unwrittenFileOf(persisted))) {
      open.unwritten = true
      this.scheduleMaterialise(essayId, open)
    }
    return open
  }

  /** After the first sync: an essay nobody has shared yet is written in from the store. */
  private async seed(essayId: string, open: OpenEssay): Promise<void> {
    const doc = open.persisted.doc
    if (!isEssayDocEmpty(doc) || this.textFromElsewhere.has(essayId)) return
    try {
      const essay = await this.options.essays.get(essayId)
      // Filled meanwhile (the app's editor on a new essay): that is the essay now.
      if (!hasContent(essay.editorState) || !isEssayDocEmpty(doc)) return
      await writeEssayIntoDoc(doc, essay.editorState, undefined, SEEDED)
      keepBase(open, essay.editorState)
    } catch (error) {
      console.error(`Sharing the essay ${essayId}:`, error)
    }
  }

  private scheduleMaterialise(essayId: string, open: OpenEssay): void {
    if (open.timer) clearTimeout(open.timer)
    open.timer = setTimeout(() => {
      open.timer = null
      open.materialising = open.materialising.then(() => this.materialise(essayId, open))
    }, this.options.materialiseAfterMs ?? 300)
  }

  /** Other devices' changes become the essay in the store, through the essays service's save. */
  private async materialise(essayId: string, open: OpenEssay): Promise<void> {
    try {
      const state = await readEssayFromDoc(open.persisted.doc)
      keepBase(open, state)
      await this.options.essays.saveSynced(essayId, state)
      if (!open.timer) markUnwritten(open, false)
    } catch (error) {
      console.error(`Saving the essay ${essayId} as synced:`, error)
    }
  }

  private emit(event: EssaySyncEvent): void {
    for (const listener of this.listeners) listener(event)
  }
}

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

function hasContent(state: SerializedEditorStateJson): boolean {
  const children = state.root.children ?? []
  return children.length > 0
}
