// Two devices, one sync server (issue 15): a source imported and a passage clipped in one app
// appear in the other's library and clippings, and open there at the same passage. Each app runs
// on its own data folder, set up to sync with a server in the test process on 127.0.0.1.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { syncConfigOf, writeSyncConfig } from '../src/main/core/sync/sync-config'
import { startTestSyncServer, type TestSyncServer } from '../test/sync-test-server'
import { expect, fixture, test } from './fixtures'
import { startHarness, type RunningApp } from './harness'
import { bakerPage, bakerQuote, bakerTitle, clippingItem } from './steps'
import { selectInReader } from './reader-selection'

let server: TestSyncServer | null = null
let other: RunningApp | null = null

async function syncingNotebook(name: string): Promise<string> {
  server ??= await startTestSyncServer('tok')
  const dir = join(await mkdtemp(join(tmpdir(), `commonplace-e2e-${name}-`)), 'notebook')
  await writeSyncConfig(
    dir,
    syncConfigOf(dir, { server: server.url, token: 'tok', notebook: 'shared' }),
  )
  return dir
}

test.use({ notebook: { prepare: () => syncingNotebook('laptop') } })
test.setTimeout(120_000)
test.afterEach(async () => {
  await other?.close()
  other = null
  await server?.stop()
  server = null
})

test('a clipping made on one device appears on the other, at the same passage', async ({
  app,
  harnessBrowser,
}) => {
  test.skip(!harnessBrowser, 'two app windows at once: the harness only')
  if (!harnessBrowser) return
  other = await startHarness(harnessBrowser, { dataDir: await syncingNotebook('desktop') })
  const { page } = app
  app.answerOpenDialog([fixture(bakerPage)])
  await page.getByRole('button', { name: 'Import source' }).click()
  const reader = page.getByRole('region', { name: 'Reader' })
  await expect(reader).toContainText(bakerQuote)
  await selectInReader(page, bakerQuote)
  await page.getByRole('button', { name: 'Clip selection' }).click()
  await expect(clippingItem(page, bakerQuote)).toBeVisible()

  const desktop = other.page
  await expect(desktop.getByRole('list', { name: 'Sources' })).toContainText(bakerTitle, {
    timeout: 30_000,
  })
  await expect(clippingItem(desktop, bakerQuote)).toBeVisible({ timeout: 30_000 })
  await desktop.getByRole('list', { name: 'Sources' }).getByText(bakerTitle).click()
  await expect(desktop.getByRole('region', { name: 'Reader' }).locator('mark')).toContainText(
    bakerQuote,
  )
})
