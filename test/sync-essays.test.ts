// Essays across devices through a real `commonplace sync-server`: two app sessions (catalog and
// essays' documents) on two data folders.
import { describe, expect, it } from 'vitest'
import { openCommonplace } from '../src/main/core/commonplace'
import type { NotebookSession } from '../src/main/core/notebook-session'
import type { SerializedEditorStateJson, SerializedNodeJson } from '../src/shared/essay'
import { paragraph, seedEssayWithCitations } from '../bench/essay-seed'
import { startSyncServer } from './sync-server'
import { syncConfig as config, useSyncSessions } from './sync-sessions'

const { device, twoSyncing } = useSyncSessions()

async function blocksOf(session: NotebookSession, essayId: string): Promise<SerializedNodeJson[]> {
  const essay = await session.commonplace.essays.get(essayId).catch(() => null)
  return (essay?.editorState.root.children ?? []) as SerializedNodeJson[]
}

function textOf(blocks: SerializedNodeJson[]): string {
  return JSON.stringify(blocks)
}

/** An essay's editor state holding these blocks, as the editor saves it. */
function essayOf(children: SerializedNodeJson[]): SerializedEditorStateJson {
  return {
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children },
  } as SerializedEditorStateJson
}

/** Until `session` lists the essay (its record has arrived). */
async function untilListed(session: NotebookSession, essayId: string): Promise<void> {
  await expect
    .poll(async () => (await session.commonplace.essays.list()).map(({ id }) => id), {
      timeout: 30_000,
    })
    .toContain(essayId)
}

describe('essays through a sync server', () => {
  it('an essay of 300 citations reaches a new device whole', async () => {
    const server = await startSyncServer({ token: 'secret' })
    const a = await device('a')
    const essayId = await seedEssayWithCitations(a.commonplace, 300)
    const started = Date.now()
    await a.configureSync(config(server.url))
    const b = await device('b')
    await b.configureSync(config(server.url))
    await expect
      .poll(
        async () =>
          (await blocksOf(b, essayId)).filter((block) => block.type === 'citation-block').length,
        { timeout: 60_000 },
      )
      .toBe(300)
    console.log(`an essay of 300 citations reached a new device in ${Date.now() - started} ms`)
    expect(await blocksOf(b, essayId)).toEqual(await blocksOf(a, essayId))
  }, 90_000)

  it('keeps both devices’ offline edits of one essay, and ends with the same essay on both', async () => {
    const server = await startSyncServer({ token: 'secret' })
    const a = await device('a')
    const essay = await a.commonplace.essays.create('Shared essay')
    await a.commonplace.essays.save(
      essay.id,
      essayOf([paragraph('The opening both devices start from.')]),
    )
    await a.configureSync(config(server.url))
    const b = await device('b')
    await b.configureSync(config(server.url))
    await expect
      .poll(async () => textOf(await blocksOf(b, essay.id)), { timeout: 30_000 })
      .toContain('The opening both devices start from.')

    // The server goes away; each device writes a paragraph of its own.
    await server.kill()
    await expect.poll(async () => (await a.syncStatus()).connected, { timeout: 15_000 }).toBe(false)
    // Each written as the CLI would, from another process's view of the folder.
    for (const [session, words] of [
      [a, 'Written on A while offline.'],
      [b, 'Written on B while offline.'],
    ] as const) {
      const blocks = await blocksOf(session, essay.id)
      const cli = await openCommonplace(session.dataDir)
      await cli.essays.save(essay.id, essayOf([...blocks, paragraph(words)]))
    }

    await server.restart()
    for (const session of [a, b]) {
      await expect
        .poll(async () => textOf(await blocksOf(session, essay.id)), { timeout: 60_000 })
        .toMatch(
          /Written on A while offline[\s\S]*Written on B while offline|Written on B while offline[\s\S]*Written on A while offline/,
        )
    }
    await expect
      .poll(async () => textOf(await blocksOf(a, essay.id)), { timeout: 30_000 })
      .toBe(textOf(await blocksOf(b, essay.id)))
  }, 120_000)

  it('a record that changed on another device (a rename) moves no text from the store into the essay', async () => {
    const server = await startSyncServer({ token: 'secret' })
    const a = await device('a')
    const essay = await a.commonplace.essays.create('Shared essay')
    const state = (...words: string[]) => essayOf(words.map((text) => paragraph(text)))
    await a.commonplace.essays.save(essay.id, state('The opening.'))
    await a.configureSync(config(server.url))
    const b = await device('b')
    await b.configureSync(config(server.url))
    await expect
      .poll(async () => textOf(await blocksOf(b, essay.id)), { timeout: 30_000 })
      .toContain('The opening.')

    // B's store holds an older text than its doc for a moment (the editor's save of what it had
    // landed after main wrote what had arrived): that is this app's own write, not an edit.
    await b.commonplace.essays.save(essay.id, state('A stale copy.'))
    await a.commonplace.essays.rename(essay.id, 'Renamed on A')
    await expect
      .poll(async () => (await b.commonplace.essays.get(essay.id)).title, { timeout: 30_000 })
      .toBe('Renamed on A')

    // Then A writes on (as the CLI would): B's essay follows A's, and the stale copy is nowhere.
    const cli = await openCommonplace(a.dataDir)
    await cli.essays.save(essay.id, state('The opening.', 'Later words.'))
    for (const session of [a, b]) {
      await expect
        .poll(async () => textOf(await blocksOf(session, essay.id)), { timeout: 30_000 })
        .toContain('Later words.')
    }
    expect(textOf(await blocksOf(a, essay.id))).not.toContain('A stale copy.')
    expect(textOf(await blocksOf(b, essay.id))).not.toContain('A stale copy.')
  }, 90_000)

  it('an essay whose record reached another device before its text keeps its words: that device’s empty copy is not shared over them', async () => {
    const [a, b] = await twoSyncing()
    // Made in A's store with no doc open for it here yet (as before the essays' sync has
    // started): its record goes to B, whose store makes it an empty essay and opens its doc.
    const essay = await a.commonplace.essays.create('Written here')
    await untilListed(b, essay.id)
    await expect.poll(() => b.essayDocs()?.hasSynced(essay.id), { timeout: 30_000 }).toBe(true)

    const cli = await openCommonplace(a.dataDir)
    await cli.essays.save(essay.id, essayOf([paragraph('Words written on A.')]))
    for (const session of [a, b]) {
      await expect
        .poll(async () => textOf(await blocksOf(session, essay.id)), { timeout: 30_000 })
        .toContain('Words written on A.')
    }
    // And they stay: no empty copy arrives later to replace them.
    await a.syncStatus()
    expect(textOf(await blocksOf(a, essay.id))).toContain('Words written on A.')
    expect((await cli.essays.get(essay.id)).editorState.root.children).toHaveLength(1)
  }, 90_000)

  it('a new essay made in the app opens for editing on the other device, as the one empty essay it is', async () => {
    const [a, b] = await twoSyncing()
    // As the app's New essay does (api.ts): made, then shared at once.
    const essay = await a.commonplace.essays.create('New on A')
    await a.essayDocs()?.shareNew(essay.id)
    await untilListed(b, essay.id)

    const joined = await b.essayDocs()?.join(essay.id)
    expect(joined?.update.length).toBeGreaterThan(0)
    // One empty paragraph on both: B's empty copy was not shared beside A's.
    await expect.poll(async () => (await blocksOf(b, essay.id)).length, { timeout: 30_000 }).toBe(1)
    expect(await blocksOf(a, essay.id)).toHaveLength(1)
  }, 90_000)

  it('an essay deleted on one device while another wrote in it comes back on both, with those words', async () => {
    const server = await startSyncServer({ token: 'secret' })
    const a = await device('a')
    const essay = await a.commonplace.essays.create('Shared essay')
    await a.commonplace.essays.save(essay.id, essayOf([paragraph('The opening.')]))
    await a.configureSync(config(server.url))
    const b = await device('b')
    await b.configureSync(config(server.url))
    await expect
      .poll(async () => textOf(await blocksOf(b, essay.id)), { timeout: 30_000 })
      .toContain('The opening.')

    // Offline, A deletes the essay while B writes on in it (each as the CLI would).
    await server.kill()
    await expect.poll(async () => (await a.syncStatus()).connected, { timeout: 15_000 }).toBe(false)
    await (await openCommonplace(a.dataDir)).essays.delete(essay.id)
    await (
      await openCommonplace(b.dataDir)
    ).essays.save(essay.id, essayOf([paragraph('The opening.'), paragraph('Written on B.')]))
    await server.restart()

    for (const session of [a, b]) {
      await expect
        .poll(async () => textOf(await blocksOf(session, essay.id)), { timeout: 60_000 })
        .toContain('Written on B.')
    }

    // Deleted again on A, now that it has seen B's words: deleted on both, and the words are in
    // its deleted copy on both, for Undo.
    await a.commonplace.essays.delete(essay.id)
    const kept = async (session: NotebookSession): Promise<string> =>
      JSON.stringify((await session.commonplace.store.essayFile(essay.id)).editorState)
    for (const session of [a, b]) {
      await expect
        .poll(async () => (await session.commonplace.essays.list()).length, { timeout: 30_000 })
        .toBe(0)
      expect(await kept(session)).toContain('Written on B.')
    }
  }, 120_000)
})
