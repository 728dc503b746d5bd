import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, type ElectronApplication, type Page } from '@playwright/test'
import { appOrigin } from '../src/main/trusted-sender'
import {
  menuCommandChannel,
  notebookChangedChannel,
  type MenuCommand,
  type NotebookChange,
} from '../src/shared/ipc'
import { mainEntry } from './environment'
import type { RunningApp } from './harness'

/** The real app, launched by Playwright, with its OS dialogs answered from the test. */
export async function startElectron(
  executablePath: string,
  existingDataDir?: string,
): Promise<RunningApp> {
  const dataDir = existingDataDir ?? (await mkdtemp(join(tmpdir(), 'commonplace-e2e-')))
  const leakedRequests: string[] = []
  const openedExternally: string[] = []
  const shownInFolder: string[] = []
  let app: ElectronApplication
  let page: Page

  async function launch(): Promise<void> {
    app = await _electron.launch({ executablePath, args: [mainEntry, `--data-dir=${dataDir}`] })
    page = await app.firstWindow()
    page.on('request', (request) => {
      if (!request.url().startsWith(`${appOrigin}/`)) leakedRequests.push(request.url())
    })
    await app.evaluate(
      ({ shell }, [opened, shown]) => {
        shell.openExternal = async (url: string) => void opened.push(url)
        shell.showItemInFolder = (path: string) => void shown.push(path)
      },
      [openedExternally, shownInFolder] as const,
    )
    await app.evaluate(({ shell }, opened) => {
      shell.openExternal = async (url: string) => void opened.push(url)
    }, openedExternally)
    // Recorded in main, never a real file manager window.
    await app.evaluate(({ shell }) => {
      const opened: string[] = []
      ;(globalThis as { openedFolders?: string[] }).openedFolders = opened
      shell.openPath = async (path: string) => (opened.push(path), '')
    })
    await page.waitForLoadState('domcontentloaded')
  }
  await launch()

  return {
    get page() {
      return page
    },
    dataDir,
    leakedRequests,
    openedExternally,
    shownInFolder,
    openedFolders: () =>
      app.evaluate(() => [...((globalThis as { openedFolders?: string[] }).openedFolders ?? [])]),
    answerOpenDialog(paths) {
      void app.evaluate(({ dialog }, filePaths) => {
        const original = dialog.showOpenDialog
        dialog.showOpenDialog = (async () => {
          dialog.showOpenDialog = original
          return { canceled: false, filePaths }
        }) as typeof dialog.showOpenDialog
      }, paths)
    },
    answerSaveDialog(path) {
      void app.evaluate(({ dialog }, filePath) => {
        const original = dialog.showSaveDialog
        dialog.showSaveDialog = (async () => {
          dialog.showSaveDialog = original
          return { canceled: false, filePath }
        }) as typeof dialog.showSaveDialog
      }, path)
    },
    async restart() {
      await app.close()
      await launch()
    },
    async sendMenuCommand(command: MenuCommand) {
      await app.evaluate(
        ({ BrowserWindow }, [channel, name]) => {
          BrowserWindow.getAllWindows()[0]?.webContents.send(channel, name)
        },
        [menuCommandChannel, command] as const,
      )
    },
    async notifyNotebookChanged(change: NotebookChange) {
      await app.evaluate(
        ({ BrowserWindow }, [channel, payload]) => {
          BrowserWindow.getAllWindows()[0]?.webContents.send(channel, payload)
        },
        [notebookChangedChannel, change] as const,
      )
    },
    async openWithApp(paths: string[]) {
      // A second start naming the files, as the single-instance lock hands it to this one.
      await app.evaluate(({ app: electronApp }, files) => {
        const argv = [...process.argv.slice(0, process.defaultApp ? 2 : 1), ...files]
        electronApp.emit('second-instance', {}, argv, process.cwd(), {})
      }, paths)
    },
    async setScreenReaderRunning(running: boolean) {
      // As when a screen reader starts or stops: Chromium's accessibility support follows it, and
      // Electron tells the app (Windows and macOS; emitted here, as Linux reports none).
      await app.evaluate(({ app: electronApp }, on) => {
        electronApp.setAccessibilitySupportEnabled(on)
        electronApp.emit('accessibility-support-changed', {}, on)
      }, running)
    },
    async closeWindow() {
      // The close button: the app's close guard asks the page to save before the window goes.
      const closed = page.waitForEvent('close')
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close())
      await closed
    },
    close: () => app.close(),
  }
}
