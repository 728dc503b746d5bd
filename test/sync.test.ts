import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { selectorsAt } from '../src/shared/domain'
import { openCommonplace, type Commonplace } from '../src/main/core/commonplace'
import { NotebookSession } from '../src/main/core/notebook-session'
import { NotebookSync } from '../src/main/core/sync/notebook-sync'
import type { NotebookChange, SyncStatus } from '../src/shared/ipc'
import { syncConfigOf, writeSyncConfig } from '../src/main/core/sync/sync-config'
import { startSyncServer, type TestSyncServer } from './sync-server'
import { fixtureNames, fixturePath, useTempDir } from './support'

const tempDir = useTempDir()
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A real `commonplace sync-server` process; it is killed after each test by its helper. */
async function server(token = 'secret'): Promise<TestSyncServer> {
  return startSyncServer({ token })
}

interface Device {
  app: Commonplace
  sync: NotebookSync
}

async function device(name: string, url: string, token = 'secret'): Promise<Device> {
  const dataDir = join(tempDir(), name)
  const app = await openCommonplace(dataDir)
  await writeSyncConfig(dataDir, syncConfigOf(dataDir, { server: url, token, notebook: 'shared' }))
  const sync = await NotebookSync.start(app, { who: `test device ${name}` })
  if (!sync) throw new Error('sync did not start')
  const made = { app, sync }
  cleanups.push(() => made.sync.stop())
  return made
}

async function rounds(...devices: Device[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const { sync } of devices) await sync.round(10_000)
}

/** What a notebook holds, ids and all, without what each device works out for itself. */
async function contents(app: Commonplace): Promise<unknown> {
  const library = await app.store.library()
  const files = await app.store.allSourceFiles()
  return {
    sources: library.sources.map(({ id, title, currentVersionHash }) => ({
      id,
      title,
      currentVersionHash,
    })),
    clippings: files
      .flatMap((file) => file.clippings)
      .map(({ id, note, tags, deletedAt, target }) => ({ id, note, tags, deletedAt, target }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  }
}

/** `count` clippings of successive words of the source, made in one transaction. */
async function clipMany(app: Commonplace, sourceId: string, count: number): Promise<void> {
  await app.store.write(async (tx) => {
    const file = await tx.source(sourceId)
    const hash = file.entry.currentVersionHash
    const { text } = await tx.text(hash)
    const words = [...text.matchAll(/[A-Za-z]{4,}/g)]
    for (let index = 0; index < count; index++) {
      const word = words[index % words.length] as RegExpMatchArray
      const start = word.index ?? 0
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, 0, index)).toISOString()
      file.clippings.push({
        id: `c-many${String(index).padStart(5, '0')}`,
        sourceId,
        versionHash: hash,
        createdAt: at,
        updatedAt: at,
        note: `note ${index}`,
        tags: index % 2 ? ['odd'] : [],
        target: selectorsAt(text, start, start + word[0].length),
      })
    }
  })
  app.clippings.touched(sourceId)
}

async function importBaker(app: Commonplace): Promise<string> {
  const report = await app.sources.importFiles([fixturePath(fixtureNames.bakerTxt)])
  const [source] = report.imported
  if (!source) throw new Error(`the interview did not import: ${JSON.stringify(report.failed)}`)
  return source.id
}

describe('sync through a server', () => {
  it('brings a clipping made on A to B and C', async () => {
    const { url } = await server()
    const [a, b, c] = [await device('a', url), await device('b', url), await device('c', url)]
    const sourceId = await importBaker(a.app)
    const clipping = await a.app.clippings.createFromQuote({ sourceId, quote: 'hypocrisy' })
    await rounds(a, b, c)
    for (const { app } of [b, c]) {
      expect((await app.clippings.get(clipping.id)).anchor).toEqual(clipping.anchor)
    }
    expect(a.sync.status()).toMatchObject({ connected: true, pendingUpdates: 0 })
  })

  it('converges after concurrent offline edits', async () => {
    const first = await server()
    const a = await device('a', first.url)
    const b = await device('b', first.url)
    const sourceId = await importBaker(a.app)
    const clipping = await a.app.clippings.createFromQuote({ sourceId, quote: 'hypocrisy' })
    await rounds(a, b)
    await a.sync.stop()
    await b.sync.stop()

    // Offline, each edits: A the note, B the tags and a new clipping; then both reconnect.
    await a.app.clippings.update({ id: clipping.id, note: 'from A' })
    await b.app.clippings.update({ id: clipping.id, tags: ['from-b'] })
    await b.app.clippings.createFromQuote({
      sourceId,
      quote: 'I hate the hypocrisy in our society',
    })
    const again = [
      await NotebookSync.start(a.app, { who: 'a again' }),
      await NotebookSync.start(b.app, { who: 'b again' }),
    ]
    for (const sync of again) if (sync) cleanups.push(() => sync.stop())
    const [syncA, syncB] = again as [NotebookSync, NotebookSync]
    for (let round = 0; round < 2; round++) {
      await syncA.round()
      await syncB.round()
    }
    expect(await contents(b.app)).toEqual(await contents(a.app))
    expect(await a.app.clippings.get(clipping.id)).toMatchObject({
      note: 'from A',
      tags: ['from-b'],
    })
    expect((await a.app.clippings.page({ limit: 10 })).total).toBe(2)
  })

  it('refuses a wrong token, saying so', async () => {
    const { url } = await server('right')
    const a = await device('a', url, 'wrong')
    await expect(a.sync.round(5_000)).rejects.toThrow(/refused notebook "shared"/)
    expect(a.sync.status().error).toMatch(/refused/)
  })

  it('says the server cannot be reached, and keeps the changes for next time', async () => {
    const a = await device('a', 'ws://127.0.0.1:9')
    const sourceId = await importBaker(a.app)
    const clipping = await a.app.clippings.createFromQuote({ sourceId, quote: 'hypocrisy' })
    await expect(a.sync.round(1_500)).rejects.toThrow(/could not reach ws:\/\/127.0.0.1:9/)
    expect(a.sync.status()).toMatchObject({ connected: false })
    await a.sync.stop()

    // Next time, with a server there: what was made offline arrives on another device.
    const { url } = await server()
    const dataDir = join(tempDir(), 'a')
    await writeSyncConfig(
      dataDir,
      syncConfigOf(dataDir, { server: url, token: 'secret', notebook: 'shared' }),
    )
    const again = await NotebookSync.start(a.app, { who: 'a again' })
    if (again) cleanups.push(() => again.stop())
    await again?.round()
    const b = await device('b', url)
    await rounds(b)
    expect((await b.app.clippings.get(clipping.id)).anchor.state).toBe('verified')
  })

  it('reconnects by itself when the server, killed, comes back, and loses nothing made meanwhile', async () => {
    const running = await server()
    const a = await device('a', running.url)
    const b = await device('b', running.url)
    const sourceId = await importBaker(a.app)
    await rounds(a, b)

    // SIGKILL: the server stores nothing more; what it had not stored, the devices still hold.
    await running.kill()
    await expect.poll(() => a.sync.status().connected, { timeout: 10_000 }).toBe(false)
    const clipping = await a.app.clippings.createFromQuote({ sourceId, quote: 'hypocrisy' })
    await a.sync.catalog.idle()
    expect(a.sync.status().pendingUpdates).toBeGreaterThan(0)

    await running.restart()
    await expect
      .poll(async () => (await b.app.clippings.lookup([clipping.id]))[clipping.id]?.id, {
        timeout: 30_000,
      })
      .toBe(clipping.id)
    await expect.poll(() => a.sync.status().pendingUpdates, { timeout: 10_000 }).toBe(0)
  }, 60_000)

  it('converges 1,000 clippings', async () => {
    const { url } = await server()
    const a = await device('a', url)
    const b = await device('b', url)
    const c = await device('c', url)
    const sourceId = await importBaker(a.app)
    await rounds(a, b, c)
    // Made in one write, as a highlights import makes them: the time measured is the sync's.
    await clipMany(a.app, sourceId, 1000)
    const started = Date.now()
    await rounds(a, b, c)
    console.log(`1,000 clippings converged on three devices in ${Date.now() - started} ms`)
    for (const { app } of [b, c]) {
      expect((await app.clippings.page({ limit: 1 })).total).toBe(1000)
      expect(await contents(app)).toEqual(await contents(a.app))
    }
  }, 120_000)

  it('runs in the app session once configured, tells its status, and stops when turned off', async () => {
    const { url } = await server()
    const a = await device('a', url)
    const sourceId = await importBaker(a.app)
    await a.app.clippings.createFromQuote({ sourceId, quote: 'hypocrisy' })
    await rounds(a)

    const session = await NotebookSession.open(join(tempDir(), 'app'), { watch: true })
    cleanups.push(() => session.close())
    expect(await session.syncStatus()).toMatchObject({ enabled: false, connected: false })
    const statuses: SyncStatus[] = []
    session.onSyncStatus((status) => statuses.push(status))
    const changes: NotebookChange[] = []
    session.onChange((change) => changes.push(change))

    await session.configureSync({ server: url, token: 'secret', notebook: 'shared' })
    await expect
      .poll(async () => (await session.commonplace.clippings.page({ limit: 1 })).total, {
        timeout: 10_000,
      })
      .toBe(1)
    // The page hears of it (announced once the catalog's write is in, which the poll may beat).
    await expect.poll(() => changes.flatMap((change) => change.sources)).toContain(sourceId)
    await expect.poll(async () => (await session.syncStatus()).connected).toBe(true)
    expect(statuses.some((status) => status.connected)).toBe(true)

    // What another process (the CLI) writes to the app's notebook is sent too.
    const cli = await openCommonplace(join(tempDir(), 'app'))
    const [clipping] = (await cli.clippings.page({ limit: 1 })).items
    await cli.clippings.update({ id: clipping?.id ?? '', note: 'written by the CLI' })
    await expect
      .poll(async () => (await a.app.clippings.get(clipping?.id ?? '')).note, { timeout: 15_000 })
      .toBe('written by the CLI')

    // Another process cannot sync the same folder meanwhile.
    await expect(
      NotebookSync.start(session.commonplace, { who: 'a second process' }),
    ).rejects.toThrow(/already syncing in the Commonplace app/)

    expect(await session.configureSync(null)).toMatchObject({ enabled: false, connected: false })
  })
})
