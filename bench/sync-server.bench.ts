// The sync server as a new device meets it: how long a fresh Y.Doc takes to pull a notebook's
// catalog of 1k and 10k clippings from a real `commonplace sync-server` (the document open in the
// server's memory, and just loaded from its file after a restart), what the server keeps on disk
// and how long one store of it takes, and how many bytes one keystroke sends.
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { catalogDocName } from '../src/main/core/sync/doc-names'
import { DocFiles } from '../src/main/core/sync/server/doc-files'
import {
  connectClient,
  destroyClients,
  killSyncServers,
  launchSyncServer,
  type TestSyncServer,
} from '../test/sync-server-process'
import { bytes, ms, type BenchSection } from './report'
import { median } from './stats'

const SIZES = [1_000, 10_000]
const PULLS = 3
const TOKEN = 'bench'
const PULL_TIMEOUT_MS = 120_000

/** A catalog shaped like the one the sync client keeps: a map of clippings, each a map. */
function catalogWith(clippings: number): Y.Doc {
  const doc = new Y.Doc()
  const map = doc.getMap<Y.Map<unknown>>('clippings')
  doc.transact(() => {
    for (let i = 0; i < clippings; i++) {
      const clipping = new Y.Map<unknown>()
      map.set(`c-${i.toString(36).padStart(8, '0')}`, clipping)
      clipping.set('sourceId', `s-${(i % 200).toString(36).padStart(8, '0')}`)
      clipping.set('versionHash', `${(i % 200).toString(16).padStart(64, 'a')}`)
      clipping.set(
        'target',
        JSON.stringify({
          exact: `passage ${i} `.repeat(12),
          prefix: 'the words before it, ',
          suffix: ', the words after it',
          start: i * 40,
          end: i * 40 + 150,
        }),
      )
      clipping.set('note', i % 3 === 0 ? `a note on passage ${i}` : '')
      clipping.set('tags', i % 5 === 0 ? ['method', 'quote'] : [])
      clipping.set('createdAt', new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString())
    }
  })
  return doc
}

/** Connect, sync, disconnect: the time a device with nothing takes to have everything. */
async function pull(server: TestSyncServer, name: string, expected: number): Promise<number> {
  const start = performance.now()
  const client = connectClient(server.url, name, TOKEN)
  await client.synced(PULL_TIMEOUT_MS)
  const took = performance.now() - start
  const got = client.doc.getMap('clippings').size
  client.destroy()
  if (got !== expected) throw new Error(`pulled ${got} clippings, expected ${expected}`)
  return took
}

interface SizeResult {
  clippings: number
  fileBytes: number
  storeMs: number
  warm: number
  cold: number
}

async function measureSize(dataDir: string, size: number): Promise<SizeResult> {
  const server = await launchSyncServer({ dataDir })
  const name = catalogDocName(`bench-${size}`)
  const writer = connectClient(server.url, name, TOKEN, catalogWith(size))
  await writer.allSent(PULL_TIMEOUT_MS)
  // Kept connected, so the document stays open in the server's memory for the warm pulls.
  const warm: number[] = []
  for (let i = 0; i < PULLS; i++) warm.push(await pull(server, name, size))
  writer.destroy()
  expectStopped(await server.stop())

  const files = await DocFiles.open(dataDir)
  const fileBytes = (await stat(files.pathOf(name))).size
  const state = Y.encodeStateAsUpdate(catalogWith(size))
  const storeStart = performance.now()
  await files.write(catalogDocName('bench-store'), state)
  const storeMs = performance.now() - storeStart

  const cold: number[] = []
  for (let i = 0; i < PULLS; i++) {
    await server.restart()
    cold.push(await pull(server, name, size))
  }
  await server.kill()
  return { clippings: size, fileBytes, storeMs, warm: median(warm), cold: median(cold) }
}

function expectStopped(code: number | null): void {
  if (code !== 0) throw new Error(`the sync server exited ${code} on SIGTERM`)
}

/** The bytes one typed character sends, in an essay that already holds some text. */
function keystrokeBytes(): number {
  const doc = new Y.Doc()
  const text = doc.getText('essay')
  text.insert(0, 'An essay of some length. '.repeat(400))
  let sent = 0
  doc.on('update', (update: Uint8Array) => (sent = update.byteLength))
  text.insert(5_000, 'x')
  return sent
}

export async function run(): Promise<BenchSection> {
  const dataDir = await mkdtemp(join(tmpdir(), 'commonplace-bench-sync-'))
  const results: SizeResult[] = []
  try {
    for (const size of SIZES) results.push(await measureSize(dataDir, size))
  } finally {
    destroyClients()
    await killSyncServers()
    await rm(dataDir, { recursive: true, force: true })
  }
  const keystroke = keystrokeBytes()
  const largest = results[results.length - 1]!
  return {
    title: "Sync server: a new device pulling a notebook's catalog over loopback",
    columns: ['clippings', 'pull, open on server', 'pull, loaded from file', 'file', 'one store'],
    rows: results.map((result) => [
      result.clippings.toLocaleString('en-US'),
      ms(result.warm),
      ms(result.cold),
      bytes(result.fileBytes),
      ms(result.storeMs),
    ]),
    notes: [
      `Pull: from a new HocuspocusProvider to "synced" with every clipping, median of ${PULLS}, the real server process on 127.0.0.1; "loaded from file" restarts the server first.`,
      'The catalog is shaped like the sync client\u2019s (a Y.Map per clipping: source, version, quote selectors, note, tags, date); source texts and kept files are not in it.',
      'One store: the whole state written to a temporary file, fsynced and renamed, as the server does after every burst of changes (at most every 2 s).',
      `One keystroke in a 10,000-character Y.Text sends ${keystroke} bytes.`,
    ],
    details: results,
    figures: {
      sync_pull_10k_ms: largest.cold,
      sync_pull_10k_open_ms: largest.warm,
      sync_keystroke_bytes: keystroke,
    },
  }
}
