import type { Provider, ProviderAwareness } from '@lexical/yjs'
import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { CommonplaceApi, EssaySyncMessage } from '../../../../shared/ipc'
import { fromBase64, toBase64 } from './base64'

type Listener = (payload: never) => void
type EssayApi = Pick<
  CommonplaceApi,
  'joinEssayDoc' | 'sendEssayUpdate' | 'sendEssayAwareness' | 'leaveEssayDoc' | 'onEssaySync'
>

interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * What CollaborationPlugin needs of a Yjs provider, over the contract instead of a socket: main
 * holds the essay's doc and its connection to the server. Connecting listens for main's
 * `essay:sync` events first, then joins (the whole doc), so nothing sent in between is missed;
 * the editor's own updates and awareness go to main, and main's are applied here with this
 * provider as origin, so they are not sent back.
 */
export class IpcEssayProvider implements Provider {
  readonly awareness: ProviderAwareness
  private readonly yAwareness: Awareness
  private readonly listeners = new Map<string, Set<Listener>>()
  private stopListening: (() => void) | null = null
  /**
   * How many of CollaborationPlugin's effects want the connection. When its inputs change (the
   * writer's name) it connects again before the old effect's deferred disconnect runs: that
   * disconnect must not end the connection the new effect uses.
   */
  private wanted = 0
  /** Main's answer to joining: whether it counts this editor in (and so needs a leave). */
  private joining: Promise<boolean> = Promise.resolve(false)

  constructor(
    private readonly essayId: string,
    private readonly doc: Y.Doc,
    private readonly api: EssayApi = window.commonplace,
  ) {
    this.yAwareness = new Awareness(doc)
    // y-protocols types a state as a plain record; CollaborationPlugin's UserState is one.
    this.awareness = this.yAwareness as unknown as ProviderAwareness
    doc.on('update', this.sendUpdate)
    this.yAwareness.on('update', this.sendAwareness)
  }

  async connect(): Promise<void> {
    this.wanted++
    if (this.stopListening) return
    this.stopListening = this.api.onEssaySync(this.receive)
    const answer = this.api.joinEssayDoc(this.essayId)
    const joining = answer.then((joined) => joined.ok)
    this.joining = joining
    const joined = await answer
    // Disconnected while main answered: this connection is over.
    if (this.joining !== joining) return
    if (!joined.ok) {
      this.emit('status', { status: 'disconnected' })
      return
    }
    Y.applyUpdate(this.doc, fromBase64(joined.value.update), this)
    this.emit('status', { status: 'connected' })
    this.emit('sync', true)
    // The others learn of this editor's cursor now, as they would on connecting to a server.
    this.sendAwareness({ added: [this.doc.clientID], updated: [], removed: [] }, 'local')
  }

  disconnect(): void {
    this.wanted = Math.max(0, this.wanted - 1)
    if (this.wanted > 0 || !this.stopListening) return
    removeAwarenessStates(this.yAwareness, [this.doc.clientID], 'local')
    this.stopListening()
    this.stopListening = null
    // Left only once joined: a leave overtaking its join would leave main counting this editor.
    void this.joining.then((joined) => {
      if (joined) void this.api.leaveEssayDoc(this.essayId)
    })
    this.joining = Promise.resolve(false)
    this.emit('status', { status: 'disconnected' })
  }

  on(type: string, listener: Listener): void {
    const set = this.listeners.get(type) ?? new Set()
    set.add(listener)
    this.listeners.set(type, set)
  }

  off(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener)
  }

  private emit(type: string, payload: unknown): void {
    for (const listener of this.listeners.get(type) ?? [])
      (listener as (p: unknown) => void)(payload)
  }

  private readonly receive = (message: EssaySyncMessage): void => {
    if (message.essayId !== this.essayId) return
    if (message.update) Y.applyUpdate(this.doc, fromBase64(message.update), this)
    if (message.awareness) {
      applyAwarenessUpdate(this.yAwareness, fromBase64(message.awareness), this)
    }
  }

  private readonly sendUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || !this.stopListening) return
    void this.api.sendEssayUpdate(this.essayId, toBase64(update))
  }

  private readonly sendAwareness = (change: AwarenessChange, origin: unknown): void => {
    if (origin === this || !this.stopListening) return
    const clients = [...change.added, ...change.updated, ...change.removed]
    const update = encodeAwarenessUpdate(this.yAwareness, clients)
    void this.api.sendEssayAwareness(this.essayId, toBase64(update))
  }
}
