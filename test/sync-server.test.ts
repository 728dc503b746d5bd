// The sync server as a user runs it: the built `commonplace sync-server` in its own process on
// 127.0.0.1, and HocuspocusProvider clients on plain Y.Docs, as the app's sync client uses them.
import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { catalogDocName, essayDocName } from '../src/main/core/sync/doc-names'
import { fileNameOf } from '../src/main/core/sync/persisted-doc'
import { connectClient, startSyncServer, type TestClient } from './sync-server'

const CATALOG = catalogDocName('desk')

const words = (client: TestClient): string[] => client.doc.getArray<string>('words').toArray()

/** What the server has on disk for `name`, read as a new device would receive it. */
async function storedDoc(dataDir: string, name: string): Promise<Y.Doc | null> {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, await readFile(join(dataDir, 'docs', `${fileNameOf(name)}.yjs`)))
  } catch {
    return null
  }
  return doc
}

describe('sync server', () => {
  it('two clients on one notebook converge, and a third joining later gets everything', async () => {
    const server = await startSyncServer()
    const a = connectClient(server.url, CATALOG, 'secret')
    const b = connectClient(server.url, CATALOG, 'secret')
    await Promise.all([a.synced(), b.synced()])

    a.doc.getArray<string>('words').push(['from a'])
    b.doc.getArray<string>('words').push(['from b'])
    a.doc.getText('essay').insert(0, 'Hello')
    b.doc.getText('essay').insert(0, 'World ')

    await expect.poll(() => words(a).sort(), { timeout: 10_000 }).toEqual(['from a', 'from b'])
    await expect.poll(() => words(b).sort(), { timeout: 10_000 }).toEqual(['from a', 'from b'])
    await expect
      .poll(() => b.doc.getText('essay').toString(), { timeout: 10_000 })
      .toBe(a.doc.getText('essay').toString())
    expect(a.doc.getText('essay').toString()).toHaveLength('Hello'.length + 'World '.length)

    const c = connectClient(server.url, CATALOG, 'secret')
    await c.synced()
    expect(words(c).sort()).toEqual(['from a', 'from b'])
    expect(c.doc.getText('essay').toString()).toBe(a.doc.getText('essay').toString())
  })

  it('loses no write when killed (SIGKILL) mid-sync: clients resend, what was stored survives', async () => {
    const server = await startSyncServer()
    const essay = essayDocName('desk', 'e-kill1')

    // One device writes an essay and leaves: after the restart only the disk can give it back.
    const gone = connectClient(server.url, essay, 'secret')
    await gone.synced()
    gone.doc.getText('body').insert(0, 'written before the crash')
    await gone.allSent()
    gone.destroy()
    await expect
      .poll(async () => (await storedDoc(server.dataDir, essay))?.getText('body').toString(), {
        timeout: 10_000,
      })
      .toBe('written before the crash')

    // Another writes 500 small transactions; the server dies while they are in flight.
    const writer = connectClient(server.url, CATALOG, 'secret')
    await writer.synced()
    const list = writer.doc.getArray<number>('numbers')
    for (let i = 0; i < 500; i++) {
      list.push([i])
      if (i === 250) await server.kill()
      else if (i % 25 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    // What makes this a test of resending: the server had not stored what it was sent.
    const storedAtKill = await storedDoc(server.dataDir, CATALOG)
    expect(storedAtKill?.getArray('numbers').length ?? 0).toBeLessThan(251)
    await server.restart()
    await writer.synced()
    await writer.allSent()

    const fresh = connectClient(server.url, CATALOG, 'secret')
    await fresh.synced()
    const numbers = fresh.doc.getArray<number>('numbers').toArray()
    expect(numbers).toHaveLength(500)
    expect([...numbers].sort((x, y) => x - y)).toEqual([...Array(500).keys()])

    const reader = connectClient(server.url, essay, 'secret')
    await reader.synced()
    expect(reader.doc.getText('body').toString()).toBe('written before the crash')
  })

  it('refuses a wrong token with a reason the client can show; a claimed notebook stays claimed', async () => {
    const server = await startSyncServer()
    const owner = connectClient(server.url, CATALOG, 'alpha-token')
    await owner.synced()
    owner.doc.getArray<string>('words').push(['private'])
    await owner.allSent()

    const intruder = connectClient(server.url, CATALOG, 'beta-token')
    expect(await intruder.refused()).toBe('wrong token for notebook desk')
    expect(intruder.provider.isSynced).toBe(false)
    expect(words(intruder)).toEqual([])
    const anonymous = connectClient(server.url, essayDocName('desk', 'e-abcd'), '')
    expect(await anonymous.refused()).toBe('a token is required for notebook desk')

    // The claim is kept as a hash, survives a restart, and each notebook has a token of its own.
    const notebooks = await readFile(join(server.dataDir, 'notebooks.json'), 'utf8')
    expect(notebooks).not.toContain('alpha-token')
    expect(JSON.parse(notebooks)).toMatchObject({
      notebooks: { desk: { tokenSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    })
    owner.destroy()
    expect(await server.stop()).toBe(0)
    await server.restart()
    const again = connectClient(server.url, CATALOG, 'beta-token')
    expect(await again.refused()).toBe('wrong token for notebook desk')
    const other = connectClient(server.url, catalogDocName('studio'), 'beta-token')
    await other.synced()
    const back = connectClient(server.url, CATALOG, 'alpha-token')
    await back.synced()
    expect(words(back)).toEqual(['private'])
  })

  it('makes an address that brought ten wrong tokens for a notebook wait, even with the right one', async () => {
    const server = await startSyncServer()
    const owner = connectClient(server.url, CATALOG, 'alpha-token')
    await owner.synced()
    owner.destroy()
    for (let guess = 0; guess < 10; guess++) {
      const guesser = connectClient(server.url, CATALOG, `guess-${guess}`)
      expect(await guesser.refused()).toBe('wrong token for notebook desk')
      guesser.destroy()
    }
    const back = connectClient(server.url, CATALOG, 'alpha-token')
    expect(await back.refused()).toBe(
      'too many wrong tokens for notebook desk from this address; try again in 15 minutes',
    )
    // Only that notebook: the address can still open another.
    const other = connectClient(server.url, catalogDocName('studio'), 'studio-token')
    await other.synced()
  })

  it('with --token, every notebook opens with that token and no other', async () => {
    const server = await startSyncServer({ token: 'shared-secret' })
    const first = connectClient(server.url, catalogDocName('one'), 'shared-secret')
    const second = connectClient(server.url, catalogDocName('two'), 'shared-secret')
    await Promise.all([first.synced(), second.synced()])
    const wrong = connectClient(server.url, catalogDocName('three'), 'something-else')
    expect(await wrong.refused()).toBe('wrong token for notebook three')
    // The first device does not claim anything in this mode.
    await expect(readFile(join(server.dataDir, 'notebooks.json'))).rejects.toThrow()
  })

  it('answers GET /health, 404 to anything else, and refuses a name that is not a notebook document', async () => {
    const server = await startSyncServer()
    expect(await server.health()).toEqual({ ok: true, notebooks: 0, documents: 0, connections: 0 })

    const a = connectClient(server.url, CATALOG, 'secret')
    const b = connectClient(server.url, essayDocName('desk', 'e-1234'), 'secret')
    const c = connectClient(server.url, catalogDocName('attic'), 'other')
    await Promise.all([a.synced(), b.synced(), c.synced()])
    expect(await server.health()).toEqual({ ok: true, notebooks: 2, documents: 3, connections: 3 })

    const other = await fetch(`http://127.0.0.1:${server.port}/`, {
      signal: AbortSignal.timeout(10_000),
    })
    expect(other.status).toBe(404)
    const post = await fetch(`http://127.0.0.1:${server.port}/health`, {
      method: 'POST',
      signal: AbortSignal.timeout(10_000),
    })
    expect(post.status).toBe(404)

    for (const name of ['desk/secrets', 'Desk/catalog', '../etc/catalog', 'desk/essays/x']) {
      const refused = connectClient(server.url, name, 'secret')
      expect(await refused.refused()).toBe(
        `${JSON.stringify(name)} is not a Commonplace document name`,
      )
    }
    expect((await server.health()).documents).toBe(3)
  })

  it('stores everything on SIGTERM, exits 0, and loads the same documents back', async () => {
    const server = await startSyncServer()
    const names = [CATALOG, essayDocName('desk', 'e-aaaa'), essayDocName('desk', 'e-bbbb')]
    const writers = names.map((name) => connectClient(server.url, name, 'secret'))
    await Promise.all(writers.map((writer) => writer.synced()))
    writers.forEach((writer, i) => writer.doc.getText('body').insert(0, `document ${i}`))
    await Promise.all(writers.map((writer) => writer.allSent()))

    expect(await server.stop()).toBe(0)
    // Gone before the server is back, so they cannot send anything again.
    writers.forEach((writer) => writer.destroy())
    const files = (await readdir(join(server.dataDir, 'docs'))).sort()
    expect(files).toEqual(names.map((name) => `${fileNameOf(name)}.yjs`).sort())

    await server.restart()
    expect(await server.health()).toMatchObject({ notebooks: 1, documents: 3 })
    for (const [i, name] of names.entries()) {
      const reader = connectClient(server.url, name, 'secret')
      await reader.synced()
      expect(reader.doc.getText('body').toString()).toBe(`document ${i}`)
    }
  })

  it('keeps a document whose store fails in memory and stores it once the disk is back', async () => {
    const server = await startSyncServer()
    const writer = connectClient(server.url, CATALOG, 'secret')
    await writer.synced()
    const docsDir = join(server.dataDir, 'docs')
    // The folder replaced by a file: every write fails, even for root (the tests may run as root).
    await rename(docsDir, `${docsDir}.away`)
    await writeFile(docsDir, 'not a folder')
    writer.doc.getText('body').insert(0, 'only the server has this')
    await writer.allSent()
    writer.destroy()
    await expect
      .poll(() => server.stderr(), { timeout: 10_000 })
      .toContain('desk/catalog could not be stored, trying again')
    expect((await server.health()).documents).toBe(1)

    await rm(docsDir)
    await rename(`${docsDir}.away`, docsDir)
    await expect
      .poll(async () => (await storedDoc(server.dataDir, CATALOG))?.getText('body').toString(), {
        timeout: 10_000,
      })
      .toBe('only the server has this')
    await expect
      .poll(() => server.stderr(), { timeout: 10_000 })
      .toContain('desk/catalog is stored again')
    await server.kill()
    await server.restart()
    const reader = connectClient(server.url, CATALOG, 'secret')
    await reader.synced()
    expect(reader.doc.getText('body').toString()).toBe('only the server has this')
  })

  it('exits 1 on SIGTERM, naming them, when documents could not be stored', async () => {
    const server = await startSyncServer()
    const writer = connectClient(server.url, CATALOG, 'secret')
    await writer.synced()
    const docsDir = join(server.dataDir, 'docs')
    await rm(docsDir, { recursive: true })
    await writeFile(docsDir, 'not a folder')
    writer.doc.getText('body').insert(0, 'nowhere to put this')
    await writer.allSent()

    expect(await server.stop()).toBe(1)
    expect(server.stderr()).toContain(
      '1 document could not be stored (desk/catalog); the devices that sent them still hold their changes',
    )
    expect(writer.doc.getText('body').toString()).toBe('nowhere to put this')
  })
})
