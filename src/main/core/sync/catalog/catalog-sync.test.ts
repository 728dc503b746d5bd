import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fixtureNames, fixturePath, useTempDir } from '../../../../../test/support'
import { openCommonplace, type Commonplace } from '../../commonplace'
import { CatalogSync, type SyncedChange } from './catalog-sync'

const tempDir = useTempDir()
const LINK = Symbol('the other notebook')

interface Device {
  app: Commonplace
  sync: CatalogSync
  changes: SyncedChange[]
}

const running: Device[] = []
afterEach(async () => {
  for (const device of running.splice(0)) await device.sync.stop()
})

async function device(name: string): Promise<Device> {
  const app = await openCommonplace(join(tempDir(), name))
  const sync = await CatalogSync.start(app.store, new Y.Doc(), {
    sourceChanged: (id) => app.clippings.touched(id),
  })
  const changes: SyncedChange[] = []
  sync.onChange((change) => changes.push(change))
  const made = { app, sync, changes }
  running.push(made)
  return made
}

/** Two notebooks whose catalog documents exchange every update, as a server would relay them. */
async function linkedPair(): Promise<[Device, Device]> {
  const a = await device('a')
  const b = await device('b')
  link(a.sync.doc, b.sync.doc)
  return [a, b]
}

/** Relays every update between two documents; `offline` stops that until `online` catches up. */
function link(one: Y.Doc, other: Y.Doc): { offline(): void; online(): void } {
  let connected = true
  const exchange = (): void => {
    Y.applyUpdate(other, Y.encodeStateAsUpdate(one), LINK)
    Y.applyUpdate(one, Y.encodeStateAsUpdate(other), LINK)
  }
  exchange()
  const relay = (to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (connected && origin !== LINK) Y.applyUpdate(to, update, LINK)
  }
  one.on('update', relay(other))
  other.on('update', relay(one))
  return {
    offline: () => void (connected = false),
    online: () => {
      connected = true
      exchange()
    },
  }
}

async function settle(...devices: Device[]): Promise<void> {
  for (let round = 0; round < 3; round++) for (const { sync } of devices) await sync.idle()
}

async function importBaker(app: Commonplace): Promise<string> {
  const report = await app.sources.importFiles([fixturePath(fixtureNames.bakerTxt)])
  const [source] = report.imported
  if (!source) throw new Error(`the interview did not import: ${JSON.stringify(report.failed)}`)
  return source.id
}

describe('the catalog document', () => {
  it('brings a source imported on A, with its clipping, to B, verified at the same place', async () => {
    const [a, b] = await linkedPair()
    const sourceId = await importBaker(a.app)
    const clipping = await a.app.clippings.createFromQuote({
      sourceId,
      quote: 'I hate the hypocrisy in our society',
      note: 'the heart of it',
      tags: ['ethics'],
    })
    await settle(a, b)

    const onB = await b.app.clippings.get(clipping.id)
    expect(onB.anchor).toEqual(clipping.anchor)
    expect(onB.anchor.state).toBe('verified')
    expect(onB).toMatchObject({
      note: 'the heart of it',
      tags: ['ethics'],
      target: clipping.target,
    })
    expect((await b.app.sources.get(sourceId)).version.text).toBe(
      (await a.app.sources.get(sourceId)).version.text,
    )
    // Lists on B take it in, and B was told.
    expect((await b.app.clippings.page({ limit: 10 })).total).toBe(1)
    expect(b.changes.flatMap((change) => change.sources)).toContain(sourceId)
  })

  it('carries a note edited on B back to A, and a deletion', async () => {
    const [a, b] = await linkedPair()
    const sourceId = await importBaker(a.app)
    const clipping = await a.app.clippings.createFromQuote({ sourceId, quote: 'hypocrisy' })
    await settle(a, b)

    await b.app.clippings.update({ id: clipping.id, note: 'written on B', tags: ['b'] })
    await settle(a, b)
    expect(await a.app.clippings.get(clipping.id)).toMatchObject({
      note: 'written on B',
      tags: ['b'],
    })

    await a.app.clippings.delete(clipping.id)
    await settle(a, b)
    expect((await b.app.clippings.lookup([clipping.id]))[clipping.id]).toBeNull()
    expect((await b.app.clippings.page({ limit: 10 })).total).toBe(0)
  })

  it('re-anchors on B a source re-imported on A, to the same state', async () => {
    const [a, b] = await linkedPair()
    const sourceId = await importBaker(a.app)
    const quotes = ['Baker’s work does a great job', 'I hate the hypocrisy in our society']
    for (const quote of quotes) await a.app.clippings.createFromQuote({ sourceId, quote })
    await settle(a, b)

    const original = await readFile(fixturePath(fixtureNames.bakerTxt), 'utf8')
    const newer = join(tempDir(), 'baker-corrected.txt')
    await writeFile(newer, `An editor’s note.\n\n${original}`.replace('a great job', 'a good job'))
    const report = await a.app.sources.reimport(sourceId, newer)
    expect(report.counts.changed).toBe(1)
    await settle(a, b)

    const onA = await a.app.store.sourceFile(sourceId)
    const onB = await b.app.store.sourceFile(sourceId)
    expect(onB.entry.currentVersionHash).toBe(report.versionHash)
    expect(onB.versions.map(({ hash }) => hash)).toEqual(onA.versions.map(({ hash }) => hash))
    expect(onB.clippings).toEqual(onA.clippings)
    const states = (await b.app.sources.get(sourceId)).clippings.map((view) => view.anchor.state)
    expect(states.sort()).toEqual(['changed', 'moved'])
  })

  it('restores a clipping deleted on A while B edited it, on both, with a notice', async () => {
    const a = await device('a')
    const b = await device('b')
    const network = link(a.sync.doc, b.sync.doc)
    const sourceId = await importBaker(a.app)
    const clipping = await a.app.clippings.createFromQuote({ sourceId, quote: 'hypocrisy' })
    await settle(a, b)

    network.offline()
    await b.app.clippings.update({ id: clipping.id, note: 'B kept working on this' })
    await a.app.clippings.delete(clipping.id)
    await settle(a, b)
    network.online()
    await settle(a, b)

    for (const app of [a.app, b.app]) {
      expect(await app.clippings.get(clipping.id)).toMatchObject({ note: 'B kept working on this' })
    }
    expect(a.changes.flatMap((change) => change.restoredBecauseEdited)).toEqual([clipping.id])

    // Deleting again, having seen the edit, deletes it everywhere.
    await a.app.clippings.delete(clipping.id)
    await settle(a, b)
    expect((await b.app.clippings.lookup([clipping.id]))[clipping.id]).toBeNull()
  })

  it('restores an essay deleted on A while B wrote in it, on both, with a notice; deleted again, it goes', async () => {
    const a = await device('a')
    const b = await device('b')
    const network = link(a.sync.doc, b.sync.doc)
    const essay = await a.app.essays.create('Shared essay')
    await settle(a, b)

    network.offline()
    // B's save moves the record's updatedAt (its words travel in the essay's own document).
    await b.app.essays.save(essay.id, (await b.app.essays.get(essay.id)).editorState)
    await a.app.essays.delete(essay.id)
    await settle(a, b)
    network.online()
    await settle(a, b)

    for (const app of [a.app, b.app]) {
      expect((await app.essays.list()).map(({ id }) => id)).toEqual([essay.id])
    }
    expect(a.changes.flatMap((change) => change.essaysRestoredBecauseEdited ?? [])).toEqual([
      essay.id,
    ])
    expect(b.changes.flatMap((change) => change.essaysRestoredBecauseEdited ?? [])).toEqual([])

    // Deleting again, having seen the words, deletes it everywhere.
    await a.app.essays.delete(essay.id)
    await settle(a, b)
    for (const app of [a.app, b.app]) expect(await app.essays.list()).toEqual([])
  })

  it('restores a source deleted on A while B clipped it', async () => {
    const a = await device('a')
    const b = await device('b')
    const network = link(a.sync.doc, b.sync.doc)
    const sourceId = await importBaker(a.app)
    await settle(a, b)

    network.offline()
    await a.app.sources.delete(sourceId)
    const clipping = await b.app.clippings.createFromQuote({ sourceId, quote: 'hypocrisy' })
    await settle(a, b)
    network.online()
    await settle(a, b)

    for (const app of [a.app, b.app]) {
      expect((await app.sources.list()).map(({ id }) => id)).toEqual([sourceId])
      expect((await app.clippings.get(clipping.id)).anchor.state).toBe('verified')
    }
  })

  it('agrees on one value when both edit the same note (last writer wins)', async () => {
    const a = await device('a')
    const b = await device('b')
    const network = link(a.sync.doc, b.sync.doc)
    const sourceId = await importBaker(a.app)
    const clipping = await a.app.clippings.createFromQuote({ sourceId, quote: 'hypocrisy' })
    await settle(a, b)
    network.offline()
    await a.app.clippings.update({ id: clipping.id, note: 'from A' })
    await b.app.clippings.update({ id: clipping.id, note: 'from B' })
    await settle(a, b)
    network.online()
    await settle(a, b)
    const notes = await Promise.all(
      [a, b].map(async ({ app }) => (await app.clippings.get(clipping.id)).note),
    )
    expect(notes[0]).toBe(notes[1])
    expect(['from A', 'from B']).toContain(notes[0])
  })

  it('writes what arrives into the store and sends no echo back', async () => {
    const [a, b] = await linkedPair()
    const sourceId = await importBaker(a.app)
    const clipping = await a.app.clippings.createFromQuote({ sourceId, quote: 'hypocrisy' })
    await settle(a, b)
    const updates: Uint8Array[] = []
    a.sync.doc.on('update', (update: Uint8Array) => updates.push(update))
    await b.app.clippings.update({ id: clipping.id, note: 'once' })
    await settle(a, b)
    // One update crossed from B; A wrote it into its store and sent nothing back.
    expect(updates).toHaveLength(1)
  })

  it('keeps a clipping whose source text has not arrived waiting, then writes it', async () => {
    const a = await device('a')
    const b = await device('b')
    b.app.clippings.waitingFor = (id) => b.sync.isWaiting(id)
    const sourceId = await importBaker(a.app)
    const clipping = await a.app.clippings.createFromQuote({ sourceId, quote: 'hypocrisy' })
    await settle(a)

    // What reaches B first: the source's record and the clipping, without the text.
    const partial = new Y.Doc()
    const copy = (from: Y.Map<unknown>): Y.Map<unknown> => {
      const to = new Y.Map<unknown>()
      for (const [key, value] of from.entries()) {
        to.set(key, value instanceof Y.Map ? copy(value as Y.Map<unknown>) : value)
      }
      return to
    }
    const { sources, clippings, texts } = a.sync.maps
    partial.getMap('sources').set(sourceId, copy(sources.get(sourceId) as Y.Map<unknown>))
    partial.getMap('clippings').set(clipping.id, copy(clippings.get(clipping.id) as Y.Map<unknown>))
    Y.applyUpdate(b.sync.doc, Y.encodeStateAsUpdate(partial), LINK)
    await settle(b)
    expect((await b.app.clippings.lookup([clipping.id]))[clipping.id]).toBeNull()
    expect(await b.app.clippings.waiting([clipping.id])).toEqual([clipping.id])
    // A text on its way is not a damaged notebook.
    expect(b.app.store.problems).toEqual([])

    // The text comes: the source and its clipping are written, verified.
    for (const [hash, text] of texts.entries()) partial.getMap('texts').set(hash, text)
    Y.applyUpdate(b.sync.doc, Y.encodeStateAsUpdate(partial), LINK)
    await settle(b)
    expect((await b.app.clippings.get(clipping.id)).anchor.state).toBe('verified')
    expect(await b.app.clippings.waiting([clipping.id])).toEqual([])
  })

  it('carries essays’ records both ways: a new essay, a rename, a deletion', async () => {
    const [a, b] = await linkedPair()
    const essay = await a.app.essays.create('Draft on Baker')
    await settle(a, b)
    expect((await b.app.essays.list()).map(({ id, title }) => ({ id, title }))).toEqual([
      { id: essay.id, title: 'Draft on Baker' },
    ])
    expect(b.changes.flatMap((change) => change.essays)).toContain(essay.id)

    await b.app.essays.rename(essay.id, 'On Sean Baker')
    await settle(a, b)
    expect((await a.app.essays.get(essay.id)).title).toBe('On Sean Baker')

    await a.app.essays.delete(essay.id)
    await settle(a, b)
    expect(await b.app.essays.list()).toEqual([])
  })

  it('moves to a re-imported version only once its text is here', async () => {
    const a = await device('a')
    const b = await device('b')
    const network = link(a.sync.doc, b.sync.doc)
    const sourceId = await importBaker(a.app)
    await a.app.clippings.createFromQuote({ sourceId, quote: 'hypocrisy' })
    await settle(a, b)
    network.offline()
    const first = (await b.app.store.sourceFile(sourceId)).entry.currentVersionHash

    const original = await readFile(fixturePath(fixtureNames.bakerTxt), 'utf8')
    const newer = join(tempDir(), 'baker-corrected.txt')
    await writeFile(newer, `An editor’s note.\n\n${original}`)
    const { versionHash } = await a.app.sources.reimport(sourceId, newer)
    await settle(a)

    // The record of the new version reaches B before its text.
    const partial = new Y.Doc()
    Y.applyUpdate(partial, Y.encodeStateAsUpdate(b.sync.doc))
    const source = partial.getMap('sources').get(sourceId) as Y.Map<unknown>
    const ref = (a.sync.maps.sources.get(sourceId)?.get('versions') as Y.Map<unknown>).get(
      versionHash,
    )
    ;(source.get('versions') as Y.Map<unknown>).set(versionHash, ref)
    source.set('currentVersionHash', versionHash)
    const sent = Y.encodeStateVector(b.sync.doc)
    Y.applyUpdate(b.sync.doc, Y.encodeStateAsUpdate(partial, sent), LINK)
    await settle(b)
    expect((await b.app.store.sourceFile(sourceId)).entry.currentVersionHash).toBe(first)
    expect(b.app.store.problems).toEqual([])

    partial.getMap('texts').set(versionHash, a.sync.maps.texts.get(versionHash))
    Y.applyUpdate(b.sync.doc, Y.encodeStateAsUpdate(partial, Y.encodeStateVector(b.sync.doc)), LINK)
    await settle(b)
    const onB = await b.app.store.sourceFile(sourceId)
    expect(onB.entry.currentVersionHash).toBe(versionHash)
    expect(onB.clippings).toEqual((await a.app.store.sourceFile(sourceId)).clippings)
  })
})
