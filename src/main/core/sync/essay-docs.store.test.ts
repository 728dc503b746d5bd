// EssayDocs over the real essays service: what another device wrote passes the store's strict
// schema and is what `export` writes, on a device whose app never opened the essay.
import { cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { syncYjsChangesToLexical } from '@lexical/yjs'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { hocuspocusLink, startTestServer } from '../../../../test/sync/hocuspocus-link'
import type { SerializedEditorStateJson } from '../../../shared/essay'
import { openCommonplace, type Commonplace } from '../commonplace'
import { EssayDocs } from './essay-docs'
import { boundEditor, headlessProvider, shareEditorChanges } from './essay-lexical'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function syncedDevice(
  dataDir: string,
  url: string,
): Promise<{ app: Commonplace; docs: EssayDocs }> {
  const app = await openCommonplace(dataDir)
  const link = hocuspocusLink(url)
  const docs = new EssayDocs({
    dataDir,
    notebook: 'notes',
    link,
    essays: app.essays,
    materialiseAfterMs: 20,
  })
  cleanups.push(
    () => link.close(),
    () => docs.close(),
  )
  await docs.start()
  return { app, docs }
}

/** Types a paragraph at the end of a joined essay, as the app's editor would, through `docs`. */
async function typeInto(docs: EssayDocs, essayId: string, words: string): Promise<void> {
  const doc = new Y.Doc()
  const { editor, binding } = boundEditor(doc)
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin === binding) return
    syncYjsChangesToLexical(
      binding,
      headlessProvider,
      events as Y.YEvent<Y.Text>[],
      false,
      () => undefined,
    )
  })
  shareEditorChanges(editor, binding)
  const sent: Promise<void>[] = []
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === binding) sent.push(docs.receive(essayId, Buffer.from(update).toString('base64')))
  })
  Y.applyUpdate(doc, Buffer.from((await docs.join(essayId)).update, 'base64'))
  await new Promise((resolve) => setTimeout(resolve, 0))
  editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(words))), {
    discrete: true,
  })
  await Promise.all(sent)
}

describe('a synced essay in the store', () => {
  it("is another device's latest text, saved through the schema and exported as it is", async () => {
    const server = await startTestServer()
    cleanups.push(() => server.stop())
    const first = await mkdtemp(join(tmpdir(), 'cp-essay-store-a-'))
    const seed = await openCommonplace(first, { create: true })
    const essay = await seed.essays.create('Shared')
    const state = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [
              {
                type: 'text',
                version: 1,
                text: 'Seeded here.',
                format: 0,
                detail: 0,
                mode: 'normal',
                style: '',
              },
            ],
          },
        ],
      },
    } as unknown as SerializedEditorStateJson
    await seed.essays.save(essay.id, state)
    const second = await mkdtemp(join(tmpdir(), 'cp-essay-store-b-'))
    await cp(first, second, { recursive: true })
    await rm(join(second, 'notebook.lock'), { recursive: true, force: true })

    const a = await syncedDevice(first, server.url)
    await expect.poll(async () => (await a.docs.join(essay.id)).update.length).toBeGreaterThan(10)
    const b = await syncedDevice(second, server.url)
    await typeInto(a.docs, essay.id, 'Typed on the first device.')

    const exported = async (): Promise<string> => {
      const gate = await b.app.exports.gate({
        essayId: essay.id,
        format: 'gfm',
        allowUnverified: true,
      })
      return gate.status === 'ready' ? gate.markdown : gate.status
    }
    await expect
      .poll(exported, { timeout: 10_000 })
      .toContain('Seeded here.\n\nTyped on the first device.')
    // Nothing was seeded twice.
    expect((await exported()).match(/Seeded here\./g)).toHaveLength(1)

    // The CLI (another process) rewrites the first paragraph on the first device, whose store
    // holds what its editor saved: its doc takes that block only, and the other store follows.
    const [opening, typed] = (await b.app.essays.get(essay.id)).editorState.root.children ?? []
    await a.app.essays.save(essay.id, { root: { ...state.root, children: [opening, typed] } })
    a.docs.noteSaved(essay.id, (await a.app.essays.get(essay.id)).editorState)
    const cliEdit = JSON.parse(
      JSON.stringify(opening).replace('Seeded here.', 'Edited by the CLI.'),
    )
    await a.app.essays.save(essay.id, { root: { ...state.root, children: [cliEdit, typed] } })
    await a.docs.absorb([essay.id])
    await expect
      .poll(exported, { timeout: 10_000 })
      .toContain('Edited by the CLI.\n\nTyped on the first device.')

    // Again while the first device's app is closed: found when it starts.
    await a.docs.close()
    const later = JSON.parse(JSON.stringify(cliEdit).replace('Edited by the CLI.', 'Edited later.'))
    await a.app.essays.save(essay.id, { root: { ...state.root, children: [later, typed] } })
    await syncedDevice(first, server.url)
    await expect
      .poll(exported, { timeout: 10_000 })
      .toContain('Edited later.\n\nTyped on the first device.')
  })

  it('takes in the deletion of an open essay quietly: the catalog carries it, and no text moves', async () => {
    const server = await startTestServer()
    cleanups.push(() => server.stop())
    const dataDir = await mkdtemp(join(tmpdir(), 'cp-essay-store-deleted-'))
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }))
    await openCommonplace(dataDir, { create: true })
    const device = await syncedDevice(dataDir, server.url)
    const essay = await device.app.essays.create('Soon deleted')
    await device.docs.shareNew(essay.id)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    cleanups.push(() => errors.mockRestore())

    await device.app.essays.delete(essay.id)
    await device.docs.absorb([essay.id])

    expect(errors).not.toHaveBeenCalled()
  })

  it('writes what arrives into an essay deleted here, so that its deleted copy holds the latest words', async () => {
    const server = await startTestServer()
    cleanups.push(() => server.stop())
    const first = await mkdtemp(join(tmpdir(), 'cp-essay-store-a-'))
    cleanups.push(() => rm(first, { recursive: true, force: true }))
    const essay = await (await openCommonplace(first, { create: true })).essays.create('Shared')
    const second = await mkdtemp(join(tmpdir(), 'cp-essay-store-b-'))
    cleanups.push(() => rm(second, { recursive: true, force: true }))
    await cp(first, second, { recursive: true })
    await rm(join(second, 'notebook.lock'), { recursive: true, force: true })
    const a = await syncedDevice(first, server.url)
    await a.docs.shareNew(essay.id)
    const b = await syncedDevice(second, server.url)
    await expect.poll(() => b.docs.hasSynced(essay.id)).toBe(true)

    await b.app.essays.delete(essay.id)
    await typeInto(a.docs, essay.id, 'Typed after the deletion there.')
    await expect
      .poll(async () => JSON.stringify((await b.app.store.essayFile(essay.id)).editorState), {
        timeout: 10_000,
      })
      .toContain('Typed after the deletion there.')
  })
})
