// The Electron shell around the page: the preload's api, events from main, main's sender check.
import type { Page } from '@playwright/test'
// Types window.commonplace as the renderer sees it.
import type {} from '../src/preload/index.d'
import { channels, type NotebookChange } from '../src/shared/ipc'
import { expect, fixture, test } from './fixtures'
import { startHarness } from './harness'
import { bakerTitle } from './steps'

/** Records in the page what a listener subscribed through window.commonplace receives. */
async function listenForChanges(page: Page, name: string): Promise<void> {
  await page.evaluate((key) => {
    const seen: unknown[] = []
    const record = window as unknown as Record<string, unknown>
    record[`${key}Seen`] = seen
    record[`${key}Stop`] = window.commonplace.onNotebookChanged((change) => seen.push(change))
  }, name)
}

const seenBy = (page: Page, name: string): Promise<unknown[]> =>
  page.evaluate((key) => (window as unknown as Record<string, unknown[]>)[`${key}Seen`]!, name)

test('the page gets the preload api: the contract, six listeners, and no way around them', async ({
  app,
}) => {
  const { page } = app
  const surface = await page.evaluate(() => {
    const api = window.commonplace as unknown as Record<string, unknown>
    const globals = window as unknown as Record<string, unknown>
    return {
      keys: Object.keys(api).sort(),
      allFunctions: Object.values(api).every((value) => typeof value === 'function'),
      leaks: ['require', 'process', 'ipcRenderer', 'electron', 'module', '__commonplaceIpcInvoke']
        .filter((name) => name in globals)
        .sort(),
    }
  })
  // Every channel but the one only the preload calls, which the page reaches with a File.
  const pageChannels = Object.keys(channels).filter((method) => method !== 'importDroppedPath')
  expect(surface.keys).toEqual(
    [
      ...pageChannels,
      'importDroppedFile',
      'onMenuCommand',
      'onNotebookChanged',
      'onImportProgress',
      'onSyncStatus',
      'onEssaySync',
      'onScreenReaderChanged',
    ].sort(),
  )
  expect(surface.allFunctions).toBe(true)
  expect(surface.leaks).toEqual([])
  // A call crosses the contract's channel to main's handler and back.
  const answer = await page.evaluate(() => window.commonplace.listSources())
  expect(answer).toEqual({ ok: true, value: { items: [], total: 0, next: null } })
})

test('File > Import… from the native menu reaches the page and imports', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('button', { name: 'Import source' })).toBeVisible()
  app.answerOpenDialog([fixture('baker-red-rocket-interview.html')])
  await app.sendMenuCommand('import-source')
  await expect(page.getByRole('list', { name: 'Sources' })).toContainText(bakerTitle)
})

test("main's notebook-change events reach the page's listeners until they unsubscribe", async ({
  app,
}) => {
  const { page } = app
  await listenForChanges(page, 'first')
  await listenForChanges(page, 'second')
  const one: NotebookChange = { sources: ['s1'], essays: [], all: false }
  const two: NotebookChange = { sources: [], essays: ['e1'], all: true }

  await app.notifyNotebookChanged(one)
  await expect.poll(() => seenBy(page, 'first')).toEqual([one])
  await expect.poll(() => seenBy(page, 'second')).toEqual([one])

  await page.evaluate(() => (window as unknown as { firstStop(): void }).firstStop())
  await app.notifyNotebookChanged(two)
  // Events arrive in order: once the still-subscribed listener has the second, the other would too.
  await expect.poll(() => seenBy(page, 'second')).toEqual([one, two])
  expect(await seenBy(page, 'first')).toEqual([one])
})

test('main refuses a page from an origin it does not trust', async ({ harnessBrowser }) => {
  test.skip(!harnessBrowser, 'the origin is the harness’s to choose; Electron serves app://')
  const stranger = await startHarness(harnessBrowser!, {
    trustedOrigin: 'http://someone-else.localhost',
  })
  try {
    const answer = await stranger.page.evaluate(() => window.commonplace.listSources())
    expect(answer).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'Refused: unknown sender.' },
    })
  } finally {
    await stranger.close()
  }
})

test('the window paints its styled frame from the page alone, before any stylesheet request', async ({
  app,
}) => {
  const { page } = app
  await expect(page.getByRole('button', { name: 'Essays' })).toBeVisible()
  const start = await page.evaluate(() => ({
    firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    stylesheetsAskedFor: performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.endsWith('.css'))
      .map((entry) => entry.startTime),
    frameLaidOut: getComputedStyle(document.querySelector('.app') as Element).display,
  }))
  expect(start.firstPaint).toBeGreaterThan(0)
  // The app's stylesheet is in index.html: the first paint waited on no request for it.
  expect(start.stylesheetsAskedFor.filter((at) => at <= start.firstPaint)).toEqual([])
  expect(start.frameLaidOut).toBe('grid')
})
