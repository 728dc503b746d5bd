// Two writers type in the same paragraph while offline; once back online, both keep their words,
// and both devices hold the same essay in their stores.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { syncYjsChangesToLexical } from '@lexical/yjs'
import { $createTextNode, $getRoot, type ParagraphNode } from 'lexical'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { hocuspocusLink, startTestServer } from '../../../../test/sync/hocuspocus-link'
import type { Essay, EssaySummary, SerializedEditorStateJson } from '../../../shared/essay'
import { emptyEditorState } from '../../../shared/essay'
import { EssayDocs, type EssayStore } from './essay-docs'
import { boundEditor, headlessProvider, shareEditorChanges } from './essay-lexical'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

type MemoryEssays = EssayStore & { state(): SerializedEditorStateJson }

function memoryEssays(state: SerializedEditorStateJson): MemoryEssays {
  let saved = state
  const summary = { id: 'e-abcd', title: 'Shared' } as unknown as EssaySummary
  return {
    state: () => saved,
    list: async () => [summary],
    get: async () => ({ ...summary, editorState: saved }) as Essay,
    saveSynced: async (_id, next) => {
      const changed = JSON.stringify(next) !== JSON.stringify(saved)
      saved = next
      return changed
    },
  }
}

interface Device {
  dataDir: string
  essays: MemoryEssays
  docs: EssayDocs
  goOffline(): void
}

/** A device's essays synced with `url`; again on the same data dir and store after a restart. */
async function device(url: string, before?: Device): Promise<Device> {
  const dataDir = before?.dataDir ?? (await mkdtemp(join(tmpdir(), 'cp-essay-offline-')))
  const essays = before?.essays ?? memoryEssays(emptyEditorState())
  const link = hocuspocusLink(url)
  const docs = new EssayDocs({ dataDir, notebook: 'notes', link, essays, materialiseAfterMs: 20 })
  cleanups.push(
    () => link.close(),
    () => docs.close(),
  )
  await docs.start()
  return { dataDir, essays, docs, goOffline: () => link.close() }
}

/** The app's editor on the joined essay, sending what it types to `docs`. */
async function editorOn(docs: EssayDocs): Promise<{ type(words: string): void }> {
  const doc = new Y.Doc()
  const { editor, binding } = boundEditor(doc)
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin === binding) return
    const textEvents = events as Y.YEvent<Y.Text>[]
    syncYjsChangesToLexical(binding, headlessProvider, textEvents, false, () => undefined)
  })
  shareEditorChanges(editor, binding)
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === binding) void docs.receive('e-abcd', Buffer.from(update).toString('base64'))
  })
  Y.applyUpdate(doc, Buffer.from((await docs.join('e-abcd')).update, 'base64'))
  await new Promise((resolve) => setTimeout(resolve, 0))
  return {
    type(words) {
      editor.update(
        () => $getRoot().getFirstChildOrThrow<ParagraphNode>().append($createTextNode(words)),
        { discrete: true },
      )
    },
  }
}

const bothWords = /Ada wrote this offline\..*Bea wrote this offline\.|Bea wrote.*Ada wrote/

describe('offline edits of one essay', () => {
  it('merge once the devices are back online: both keep their words, the same everywhere', async () => {
    const server = await startTestServer()
    cleanups.push(() => server.stop())
    const a = await device(server.url)
    await expect.poll(async () => (await a.docs.join('e-abcd')).update.length).toBeGreaterThan(10)
    const b = await device(server.url)
    await expect.poll(async () => (await b.docs.join('e-abcd')).update.length).toBeGreaterThan(10)
    const ada = await editorOn(a.docs)
    const bea = await editorOn(b.docs)

    // Both offline, each types into the same paragraph: the edits are kept on disk only.
    a.goOffline()
    b.goOffline()
    ada.type('Ada wrote this offline.')
    bea.type(' Bea wrote this offline.')
    await new Promise((resolve) => setTimeout(resolve, 0))
    await a.docs.close()
    await b.docs.close()

    // Started again with the server reachable: each takes in the other's words.
    const again = [await device(server.url, a), await device(server.url, b)]
    for (const { essays } of again) {
      await expect
        .poll(() => JSON.stringify(essays.state()), { timeout: 15_000 })
        .toMatch(bothWords)
    }
    expect(a.essays.state()).toEqual(b.essays.state())
  })
})
