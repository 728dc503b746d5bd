import { test as base, chromium, expect, type Browser } from '@playwright/test'
import { chromiumArgs, findChromium, findElectron } from './environment'
import { startElectron } from './electron-app'
import { startHarness, type RunningApp } from './harness'

export { expect }
export { fixture } from './environment'
export type { RunningApp }

let electronSkipPrinted = false

/**
 * `app`: Commonplace on a fresh, empty data dir. In the `harness` project it is the built renderer
 * in Chromium bound to the real handlers; in the `electron` project it is the app itself.
 */
export const test = base.extend<
  { app: RunningApp; notebook: { prepare: () => Promise<string> } | null },
  { harnessBrowser: Browser | null }
>({
  /**
   * Makes the notebook the app opens (a spec's prepared data dir); a new empty one when null.
   * An object, since Playwright would take a bare function for a fixture of its own.
   */
  notebook: [null, { option: true }],
  harnessBrowser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      if (workerInfo.project.name === 'electron') return use(null)
      const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' },
  ],
  app: async ({ harnessBrowser, notebook }, use, testInfo) => {
    let app: RunningApp
    const dataDir = notebook ? await notebook.prepare() : undefined
    if (harnessBrowser) {
      app = await startHarness(harnessBrowser, { dataDir })
    } else {
      const electron = findElectron()
      if ('missing' in electron) {
        if (!electronSkipPrinted) console.log(`[electron project] skipped: ${electron.missing}`)
        electronSkipPrinted = true
        testInfo.skip(true, electron.missing)
        return
      }
      app = await startElectron(electron.path, dataDir)
    }
    await use(app)
    await app.close()
    // Whatever a journey did in the editor, main's strict schema took every state it saved.
    expect(app.refusedSaves ?? [], 'autosaves refused by main').toEqual([])
  },
})
