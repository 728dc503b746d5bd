// Sync (issue 15): a new device joining a 10,000-clipping notebook pulls it whole from the server
// (connect, receive the catalog, write every source, text and clipping into its store); and the
// size of the update one edited note sends. The server runs in this process, on 127.0.0.1.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { openCommonplace } from '../src/main/core/commonplace'
import { NotebookSync } from '../src/main/core/sync/notebook-sync'
import { startTestSyncServer } from '../test/sync-test-server'
import { bytes, count, seconds, type BenchSection } from './report'
import { copyNotebook, seededNotebook } from './seed-library'

const SIZE = 10_000
const NOTEBOOK = 'bench'

export async function run(): Promise<BenchSection> {
  const { dir: seed } = await seededNotebook(SIZE)
  const work = await mkdtemp(join(tmpdir(), 'commonplace-bench-sync-'))
  const server = await startTestSyncServer('bench')
  const config = { server: server.url, token: 'bench', notebook: NOTEBOOK }
  try {
    const firstDir = join(work, 'first')
    copyNotebook(seed, firstDir)
    const first = await openCommonplace(firstDir)
    let started = performance.now()
    const firstSync = await NotebookSync.start(first, { config, who: 'bench' })
    if (!firstSync) throw new Error('sync did not start')
    await firstSync.round(600_000)
    const pushSeconds = (performance.now() - started) / 1000
    const catalogBytes = Y.encodeStateAsUpdate(firstSync.catalog.doc).length

    // The new device: an empty folder.
    const joining = await openCommonplace(join(work, 'new-device'))
    started = performance.now()
    const joiningSync = await NotebookSync.start(joining, { config, who: 'bench' })
    if (!joiningSync) throw new Error('sync did not start')
    await joiningSync.round(600_000)
    const pullSeconds = (performance.now() - started) / 1000
    const pulled = (await joining.clippings.page({ limit: 1 })).total

    // One note edited: what crosses the wire for it.
    let noteUpdate = 0
    firstSync.catalog.doc.on('update', (update: Uint8Array) => (noteUpdate += update.length))
    const [clipping] = (await first.clippings.page({ limit: 1 })).items
    if (clipping) await first.clippings.update({ id: clipping.id, note: `${clipping.note}!` })
    await firstSync.round(60_000)
    await joiningSync.round(60_000)

    await firstSync.stop()
    await joiningSync.stop()
    return {
      title: `Sync: a new device pulling a ${SIZE.toLocaleString('en-US')}-clipping notebook`,
      columns: ['measure', 'value'],
      rows: [
        [
          'first device pushes the notebook (catalog built from the store, sent)',
          seconds(pushSeconds),
        ],
        ['new device pulls it (received and written into its store)', seconds(pullSeconds)],
        ['clippings on the new device', count(pulled)],
        ['catalog document, encoded', bytes(catalogBytes)],
        ['update sent for one edited note', bytes(noteUpdate)],
      ],
      notes: [
        'One run each; the server is a Hocuspocus server in the same process, on 127.0.0.1, keeping documents in memory.',
        'The catalog holds every source record, version text, clipping and essay record; anchors are not sent, each device re-anchors.',
      ],
      figures: {
        sync_push_10k: pushSeconds * 1000,
        sync_pull_10k: pullSeconds * 1000,
        sync_note_update_bytes: noteUpdate,
      },
    }
  } finally {
    await server.stop()
    await rm(work, { recursive: true, force: true })
  }
}
