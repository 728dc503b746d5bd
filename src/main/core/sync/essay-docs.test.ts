import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { syncYjsChangesToLexical } from '@lexical/yjs'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  hocuspocusLink,
  startTestServer,
  type TestLink,
} from '../../../../test/sync/hocuspocus-link'
import type { Essay, EssaySummary, SerializedEditorStateJson } from '../../../shared/essay'
import { EssayDocs, type EssayStore, type EssaySyncEvent } from './essay-docs'
import { boundEditor, headlessProvider, shareEditorChanges } from './essay-lexical'

function paragraphs(...texts: string[]): SerializedEditorStateJson {
  const text = (words: string) => ({
    type: 'text',
    version: 1,
    text: words,
    format: 0,
    detail: 0,
    mode: 'normal',
    style: '',
  })
  const children = texts.map((words) => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [text(words)],
  }))
  return {
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children },
  } as unknown as SerializedEditorStateJson
}

/** The essays service as far as EssayDocs uses it, in memory. */
function memoryEssays(states: Record<string, SerializedEditorStateJson>): EssayStore & {
  states: Record<string, SerializedEditorStateJson>
} {
  const summary = (id: string): EssaySummary =>
    ({ id, title: id, createdAt: '', updatedAt: '' }) as unknown as EssaySummary
  return {
    states,
    list: async () => Object.keys(states).map(summary),
    get: async (id) => ({ ...summary(id), editorState: states[id] }) as Essay,
    saveSynced: async (id, state) => {
      const changed = JSON.stringify(states[id]) !== JSON.stringify(state)
      states[id] = state
      return changed
    },
  }
}

const words = (state: SerializedEditorStateJson): string[] =>
  (state.root.children ?? []).map((block) =>
    (block.children as unknown as { text: string }[]).map((t) => t.text).join(''),
  )

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

interface Device {
  docs: EssayDocs
  essays: ReturnType<typeof memoryEssays>
  link: TestLink
  dataDir: string
}

/**
 * A device's essay docs on `url`: a new data folder with these essays, or (`again`) the folder
 * and store of one whose app stopped without closing them, as after a crash.
 */
async function device(
  url: string,
  states: Record<string, SerializedEditorStateJson>,
  materialiseAfterMs = 20,
  again?: Device,
): Promise<Device> {
  const dataDir = again?.dataDir ?? (await mkdtemp(join(tmpdir(), 'cp-essay-docs-')))
  const link = hocuspocusLink(url)
  const essays = again?.essays ?? memoryEssays(states)
  const docs = new EssayDocs({
    dataDir,
    notebook: 'notes',
    link,
    essays,
    materialiseAfterMs,
  })
  cleanups.push(
    () => link.close(),
    () => docs.close(),
  )
  await docs.start()
  return { docs, essays, link, dataDir }
}

/** The app's editor on a joined essay: a doc of its own, bound like CollaborationPlugin's. */
function editorOn(joined: string, send: (update: string) => void) {
  const doc = new Y.Doc()
  const { editor, binding } = boundEditor(doc)
  shareEditorChanges(editor, binding)
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === binding) send(Buffer.from(update).toString('base64'))
  })
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin !== binding) {
      syncYjsChangesToLexical(
        binding,
        headlessProvider,
        events as Y.YEvent<Y.Text>[],
        false,
        () => undefined,
      )
    }
  })
  // Not through the binding: as a provider's first sync arrives.
  Y.applyUpdate(doc, Buffer.from(joined, 'base64'))
  editor.read(() => undefined)
  return { doc, editor }
}

/**
 * Two devices on one essay: "Typed on one." typed in the first one's editor has reached the
 * second one's doc, which waits a minute before writing what arrives into its store.
 */
async function typedOnOneHeardOnTwo(url: string): Promise<Device> {
  const first = await device(url, { 'e-abcd': paragraphs('First words.') })
  const joined = await first.docs.join('e-abcd')
  const second = await device(url, { 'e-abcd': paragraphs('First words.') }, 60_000)
  const heard: EssaySyncEvent[] = []
  second.docs.onEvent((event) => heard.push(event))
  await expect
    .poll(async () => (await second.docs.join('e-abcd')).update.length)
    .toBeGreaterThan(10)
  const { editor } = editorOn(joined.update, (update) => void first.docs.receive('e-abcd', update))
  editor.update(
    () => $getRoot().append($createParagraphNode().append($createTextNode('Typed on one.'))),
    { discrete: true },
  )
  await expect
    .poll(() => heard.some((event) => event.update !== undefined), { timeout: 10_000 })
    .toBe(true)
  return second
}

describe('essays kept in Yjs documents', () => {
  it('shares an essay once, and other devices write it into their store as it is', async () => {
    const server = await startTestServer()
    cleanups.push(() => server.stop())
    const first = await device(server.url, { 'e-abcd': paragraphs('First words.') })
    await expect
      .poll(async () => (await first.docs.join('e-abcd')).update.length)
      .toBeGreaterThan(10)

    // The second device has the essay too (as the catalog brings it), with its own old text:
    // the server's copy is not empty, so it is not seeded again, and the store follows the doc.
    const second = await device(server.url, { 'e-abcd': paragraphs('An old copy.') })
    await expect.poll(() => words(second.essays.states['e-abcd']!)).toEqual(['First words.'])
  })

  it("brings one device's edits in its editor to the other device's editor and store", async () => {
    const server = await startTestServer()
    cleanups.push(() => server.stop())
    const first = await device(server.url, { 'e-abcd': paragraphs('First words.') })
    const joined = await first.docs.join('e-abcd')
    const second = await device(server.url, { 'e-abcd': paragraphs('First words.') })
    const heard: EssaySyncEvent[] = []
    second.docs.onEvent((event) => heard.push(event))
    await expect
      .poll(async () => (await second.docs.join('e-abcd')).update.length)
      .toBeGreaterThan(10)

    const { editor } = editorOn(
      joined.update,
      (update) => void first.docs.receive('e-abcd', update),
    )
    editor.update(
      () => $getRoot().append($createParagraphNode().append($createTextNode('Typed on one.'))),
      { discrete: true },
    )

    await expect
      .poll(() => words(second.essays.states['e-abcd']!))
      .toEqual(['First words.', 'Typed on one.'])
    expect(heard.some((event) => event.essayId === 'e-abcd' && event.update)).toBe(true)
    // What the editor typed is its own store's already (its autosave): main does not rewrite it.
    expect(words(first.essays.states['e-abcd']!)).toEqual(['First words.'])
  })

  it('writes what arrived into the store on closing, even before its pause is over', async () => {
    const server = await startTestServer()
    cleanups.push(() => server.stop())
    // The second device would wait a minute before writing what arrives: it closes before that.
    const second = await typedOnOneHeardOnTwo(server.url)
    await second.docs.close()

    expect(words(second.essays.states['e-abcd']!)).toEqual(['First words.', 'Typed on one.'])
  })

  it('writes what arrived before a crash into the store at the next start', async () => {
    const server = await startTestServer()
    cleanups.push(() => server.stop())
    const second = await typedOnOneHeardOnTwo(server.url)

    // The second device's app dies here: its doc's log has the words, its store does not.
    await second.link.close()
    expect(words(second.essays.states['e-abcd']!)).toEqual(['First words.'])
    await device(server.url, {}, 20, second)
    await expect
      .poll(() => words(second.essays.states['e-abcd']!), { timeout: 10_000 })
      .toEqual(['First words.', 'Typed on one.'])
  })

  it('tells the page of changes while any of its editors has the essay, not after the last leaves', async () => {
    const server = await startTestServer()
    cleanups.push(() => server.stop())
    const first = await device(server.url, { 'e-abcd': paragraphs('First words.') })
    const joined = await first.docs.join('e-abcd')
    const second = await device(server.url, { 'e-abcd': paragraphs('First words.') })
    const heard: string[] = []
    second.docs.onEvent((event) => event.update && heard.push(event.update))
    await expect
      .poll(async () => (await second.docs.join('e-abcd')).update.length)
      .toBeGreaterThan(10)
    // The essay reopened on the second device: the new editor joins before the old one leaves.
    await second.docs.join('e-abcd')
    await second.docs.leave('e-abcd')

    const { editor } = editorOn(
      joined.update,
      (update) => void first.docs.receive('e-abcd', update),
    )
    const type = (text: string): void =>
      editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(text))), {
        discrete: true,
      })
    type('Typed on one.')
    await expect.poll(() => heard.length).toBeGreaterThan(0)

    await second.docs.leave('e-abcd')
    const before = heard.length
    type('Typed after the last editor left.')
    await expect
      .poll(() => words(second.essays.states['e-abcd']!))
      .toContain('Typed after the last editor left.')
    expect(heard).toHaveLength(before)
  })

  it('shares an essay made here at once: offline, the editor joins it without waiting for the server', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cp-essay-docs-'))
    // Nothing listens there: the server is never reached.
    const link = hocuspocusLink('ws://127.0.0.1:9')
    const essays = memoryEssays({})
    const docs = new EssayDocs({ dataDir, notebook: 'notes', link, essays, joinTimeoutMs: 60_000 })
    cleanups.push(
      () => link.close(),
      () => docs.close(),
    )
    await docs.start()
    essays.states['e-new1'] = paragraphs('')
    await docs.shareNew('e-new1')
    const joined = await docs.join('e-new1')
    const { editor } = editorOn(joined.update, () => undefined)
    expect(editor.getEditorState().read(() => $getRoot().getChildrenSize())).toBe(1)
  }, 10_000)
})
