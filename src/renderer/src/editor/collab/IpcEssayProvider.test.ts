import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { EssaySyncMessage, Result } from '../../../../shared/ipc'
import { fromBase64, toBase64 } from './base64'
import { IpcEssayProvider } from './IpcEssayProvider'

/** Main as the provider meets it: a doc, the editor's updates in, its own updates out. */
function fakeMain(initial: string) {
  const main = new Y.Doc()
  main.getText('t').insert(0, initial)
  const listeners = new Set<(message: EssaySyncMessage) => void>()
  const sent: string[] = []
  const left: string[] = []
  let beforeAnswer: () => void = () => undefined
  const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value })
  const api = {
    onEssaySync(listener: (message: EssaySyncMessage) => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    async joinEssayDoc() {
      const update = toBase64(Y.encodeStateAsUpdate(main))
      // Something arrives from another device after main encoded the doc, before the answer.
      beforeAnswer()
      return ok({ update, user: { name: 'Ada', color: 'red' } })
    },
    sendEssayUpdate(_id: string, update: string) {
      sent.push(update)
      Y.applyUpdate(main, fromBase64(update), 'editor')
      return ok(undefined)
    },
    sendEssayAwareness: () => ok(undefined),
    leaveEssayDoc(id: string) {
      left.push(id)
      return ok(undefined)
    },
  }
  const remote = (words: string): void => {
    const before = Y.encodeStateVector(main)
    main.getText('t').insert(main.getText('t').length, words)
    const update = toBase64(Y.encodeStateAsUpdate(main, before))
    for (const listener of listeners) listener({ essayId: 'e-1', update })
  }
  return {
    main,
    api,
    sent,
    left,
    remote,
    arriveBeforeAnswer: (f: () => void) => (beforeAnswer = f),
  }
}

describe('the editor’s Yjs provider over IPC', () => {
  it('misses nothing that arrives while joining, and echoes nothing back to main', async () => {
    const main = fakeMain('Saved.')
    main.arriveBeforeAnswer(() => main.remote(' Arrived meanwhile.'))
    const doc = new Y.Doc()
    const provider = new IpcEssayProvider('e-1', doc, main.api)
    const synced: boolean[] = []
    provider.on('sync', (isSynced: never) => synced.push(isSynced))
    await provider.connect()
    expect(doc.getText('t').toString()).toBe('Saved. Arrived meanwhile.')
    expect(synced).toEqual([true])
    expect(main.sent).toEqual([])

    doc.getText('t').insert(0, '» ')
    expect(main.main.getText('t').toString()).toBe('» Saved. Arrived meanwhile.')
    expect(main.sent).toHaveLength(1)
  })

  it('stays connected when CollaborationPlugin reconnects, and leaves on the last disconnect', async () => {
    const main = fakeMain('Saved.')
    const doc = new Y.Doc()
    const provider = new IpcEssayProvider('e-1', doc, main.api)
    const first = provider.connect()
    void provider.connect()
    await first.then(() => provider.disconnect())
    expect(main.left).toEqual([])
    main.remote(' Still heard.')
    expect(doc.getText('t').toString()).toBe('Saved. Still heard.')
    provider.disconnect()
    await expect.poll(() => main.left).toEqual(['e-1'])
  })

  it('leaves main only after main has let it join, and not at all when refused', async () => {
    const main = fakeMain('Saved.')
    let answer: () => void = () => undefined
    const join = main.api.joinEssayDoc
    main.api.joinEssayDoc = () => new Promise((resolve) => (answer = () => resolve(join())))
    const provider = new IpcEssayProvider('e-1', new Y.Doc(), main.api)
    const connecting = provider.connect()
    provider.disconnect()
    await Promise.resolve()
    expect(main.left).toEqual([])
    answer()
    await connecting
    await expect.poll(() => main.left).toEqual(['e-1'])

    const refused = fakeMain('Saved.')
    const busy = { code: 'busy', message: 'Not fetched yet.' }
    refused.api.joinEssayDoc = () => Promise.resolve({ ok: false, error: busy } as never)
    const alone = new IpcEssayProvider('e-1', new Y.Doc(), refused.api)
    await alone.connect()
    alone.disconnect()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(refused.left).toEqual([])
  })
})
