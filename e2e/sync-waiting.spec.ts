// A citation synced to a device that does not have its source yet says "Waiting for source", not
// Missing (issue 15). The notebook is prepared through the services: device A makes a source and
// a clipping; the sync server receives A's record of them but not yet the source's text; this
// device holds an essay citing the clipping and syncs with that server.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { openCommonplace } from '../src/main/core/commonplace'
import { catalogDocName } from '../src/main/core/sync/doc-names'
import { SyncClient } from '../src/main/core/sync/sync-client'
import { syncConfigOf, writeSyncConfig } from '../src/main/core/sync/sync-config'
import { CatalogSync } from '../src/main/core/sync/catalog/catalog-sync'
import { createLaidOutSource } from '../test/laid-out-sources'
import { startTestSyncServer, type TestSyncServer } from '../test/sync-test-server'
import { expect, test } from './fixtures'

const QUOTE = 'The silt returned within a year.'
let server: TestSyncServer | null = null

async function waitingNotebook(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'commonplace-e2e-sync-'))
  server = await startTestSyncServer('tok')
  const input = { server: server.url, token: 'tok', notebook: 'shared' }

  const other = await openCommonplace(join(root, 'other-device'))
  const { id: sourceId } = await createLaidOutSource(other.store, [{ label: '12', text: QUOTE }], {
    title: 'Harbour Report',
  })
  const clipping = await other.clippings.createFromQuote({ sourceId, quote: QUOTE })
  const [source] = await other.sources.list()
  const full = await CatalogSync.start(other.store, new Y.Doc())
  await full.stop()

  // What the server has so far: the source's record and the clipping, not the text.
  const partial = new Y.Doc()
  const copy = (from: Y.Map<unknown>): Y.Map<unknown> => {
    const to = new Y.Map<unknown>()
    for (const [key, value] of from.entries()) {
      to.set(key, value instanceof Y.Map ? copy(value as Y.Map<unknown>) : value)
    }
    return to
  }
  const { sources, clippings } = full.maps
  partial.getMap('sources').set(sourceId, copy(sources.get(sourceId) as Y.Map<unknown>))
  partial.getMap('clippings').set(clipping.id, copy(clippings.get(clipping.id) as Y.Map<unknown>))
  const sender = join(root, 'sender')
  const client = await SyncClient.start(sender, syncConfigOf(sender, input))
  client.attach(catalogDocName('shared'), partial)
  await client.waitUntilSynced(10_000)
  client.confirm()
  await client.waitUntilSynced(10_000)
  await client.stop()

  // This device: an essay citing the clipping, and sync set up.
  const dir = join(root, 'notebook')
  const app = await openCommonplace(dir)
  const essay = await app.essays.create('Harbour notes')
  const { title } = source ?? clipping.source
  const block = {
    type: 'citation-block',
    version: 1,
    clippingId: clipping.id,
    sourceId,
    snapshot: { exact: QUOTE, title },
    locator: '',
    comment: '',
  }
  await app.essays.save(essay.id, {
    root: { type: 'root', version: 1, children: [block], direction: null, format: '', indent: 0 },
  })
  await writeSyncConfig(dir, syncConfigOf(dir, input))
  return dir
}

test.use({ notebook: { prepare: waitingNotebook } })
test.setTimeout(120_000)
test.afterAll(async () => {
  await server?.stop()
})

test('a citation whose source has not arrived says Waiting for source, in the essay, Verify all and the export gate', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'Essays' }).click()
  await page.getByRole('list', { name: 'Essays' }).getByText('Harbour notes').click()
  const citation = page.getByRole('figure', { name: 'Citation: Harbour Report' })
  await expect(citation).toContainText(QUOTE)
  await expect(citation).toContainText('Waiting for source', { timeout: 30_000 })
  await expect(citation).not.toContainText('Missing')

  // Verify all and the export gate say the same: waiting for sync, not missing.
  await page.getByRole('button', { name: 'Verify all' }).click()
  await expect(page.getByRole('status').filter({ hasText: '1 citation:' })).toHaveText(
    '1 citation: 0 verified, 0 moved, 0 changed, 0 missing, 1 waiting for sync',
  )
  await page.keyboard.press('ControlOrMeta+e')
  const gate = page.getByRole('alertdialog', { name: 'Unverified quotes' })
  await expect(gate).toContainText('One quote cannot be checked until sync brings its clipping:')
  await expect(gate.getByRole('listitem')).toContainText('waiting')
  await expect(gate.getByRole('listitem')).toContainText('sync has not brought it here yet')
  await gate.getByRole('button', { name: 'Cancel' }).click()
  await expect(gate).toBeHidden()
})
