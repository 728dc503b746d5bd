import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { createHandlers } from '../src/main/core/api'
import { scheduleBackups } from '../src/main/core/backup-schedule'
import { NotebookSession } from '../src/main/core/notebook-session'
import type { Ports } from '../src/main/core/ports'
import { registerIpc, type InvokeEvent, type InvokeRegistry } from '../src/main/ipc'
import { EssayDocs } from '../src/main/core/sync/essay-docs'
import { syncConfigOf, writeSyncConfig } from '../src/main/core/sync/sync-config'
import { rendererResponse } from '../src/main/renderer-files'
import {
  channels,
  menuCommandChannel,
  notebookChangedChannel,
  importProgressChannel,
  syncStatusChannel,
  essaySyncChannel,
  screenReaderChannel,
  type MenuCommand,
  type NotebookChange,
  type Result,
} from '../src/shared/ipc'
import { rendererDir, repoRoot } from './environment'
import { HeldAnswers, type HeldChannel } from './held-answers'
import {
  answerText,
  argumentsOf,
  invokeBinding,
  preloadInitScript,
  readPreloadBundle,
  sendHook,
} from './preload-shim'

/** What Electron's app.getName() and getVersion() answer: package.json's name and version. */
async function readAppIdentity(): Promise<{ name: string; version: string }> {
  const pkg = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8'))
  return { name: String(pkg.productName ?? pkg.name), version: String(pkg.version) }
}

/** The page is served from this made-up origin, so anything else it asks for is a leak. */
export const harnessOrigin = 'http://commonplace.localhost'

export interface DialogAnswers {
  /** A held answer is a promise: the dialog stays open until the test gives its files. */
  open: Array<string[] | Promise<string[]>>
  save: string[]
}

export interface RunningApp {
  page: Page
  dataDir: string
  /** Every URL the page asked for outside the app itself (the harness blocks them). */
  leakedRequests: string[]
  /** Web links the app handed to the OS browser. */
  openedExternally: string[]
  /** Files the app showed in the system's file manager ("Reveal in folder"). */
  shownInFolder: string[]
  /** Folders the app asked the OS file manager to open, so far. */
  openedFolders(): Promise<string[]>
  /** Autosaves main refused (the harness only): the editor must save what the schema accepts. */
  refusedSaves?: string[]
  answerOpenDialog(paths: string[]): void
  /**
   * The harness only: the next open dialog stays open until `choose` is called, so a test can act
   * while an import is under way.
   */
  holdOpenDialog?(): { choose(paths: string[]): void }
  /** The harness only: main's answers on this channel reach the page when the test says. */
  holdAnswers?(channel: string): HeldChannel
  answerSaveDialog(path: string): void
  restart(): Promise<void>
  /** As if the user chose this item in the native menu. */
  sendMenuCommand(command: MenuCommand): Promise<void>
  /** As if main saw the notebook change on disk (the store watcher calls this in the app). */
  notifyNotebookChanged(change: NotebookChange): Promise<void>
  /**
   * As if the user opened these files with Commonplace while it runs (double-clicked, or a second
   * start naming them): main queues them and tells the page, which asks for them.
   */
  openWithApp(paths: string[]): Promise<void>
  /** As if a screen reader started (or stopped): the operating system reports it to main. */
  setScreenReaderRunning(running: boolean): Promise<void>
  /**
   * The window's close button: main holds the close back until the page says it has saved, then
   * the window goes (no later save can happen). The app is not usable afterwards.
   */
  closeWindow(): Promise<void>
  close(): Promise<void>
}

export interface HarnessOptions {
  /** An existing notebook to open (the bench's seeded ones); a new empty one otherwise. */
  dataDir?: string
  /** The origin main's sender check trusts besides the app's own; the page's by default. */
  trustedOrigin?: string
  /** Sync this notebook (catalog and essays) with this server, as Settings > Sync would set up. */
  essaySync?: { server: string; notebook: string; token: string }
}

/** Stands in for Electron's ipcMain: one listener per channel, called as Electron calls it. */
class IpcMainStandIn implements InvokeRegistry {
  private readonly listeners = new Map<
    string,
    (event: InvokeEvent, ...args: unknown[]) => unknown
  >()

  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.listeners.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    }
    this.listeners.set(channel, listener)
  }

  async invoke(frameUrl: string, channel: string, args: unknown[]): Promise<unknown> {
    const listener = this.listeners.get(channel)
    if (!listener) throw new Error(`No handler registered for '${channel}'`)
    return listener({ senderFrame: { url: frameUrl } }, ...args)
  }
}

/**
 * The built renderer in Chromium with the built preload (through preload-shim.ts) and main's own
 * registerIpc, sender check included, answering its calls; opened on a fresh data dir.
 */
export async function startHarness(
  browser: Browser,
  options: HarnessOptions = {},
): Promise<RunningApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'commonplace-e2e-')))
  const answers: DialogAnswers = { open: [], save: [] }
  const leakedRequests: string[] = []
  const openedExternally: string[] = []
  const shownInFolder: string[] = []
  const openedFolders: string[] = []
  const appIdentity = await readAppIdentity()
  const refusedSaves: string[] = []
  let pageSaidReady: () => void = () => undefined
  const openedFiles: string[] = []
  let screenReaderRunning = false
  const ports: Ports = {
    chooseFilesToImport: async () => (await answers.open.shift()) ?? [],
    openExternal: async (url) => void openedExternally.push(url),
    showItemInFolder: (path) => void shownInFolder.push(path),
    readyToClose: () => pageSaidReady(),
    chooseExportPath: async () => answers.save.shift() ?? null,
    chooseEssayToImport: async () => (await answers.open.shift())?.[0] ?? null,
    chooseHighlightsToImport: async () => (await answers.open.shift())?.[0] ?? null,
    sampleNotebookDir: join(repoRoot, 'resources', 'sample'),
    openFolder: async (path) => void openedFolders.push(path),
    appIdentity: () => appIdentity,
    takeOpenedFiles: () => openedFiles.splice(0),
    screenReaderRunning: () => screenReaderRunning,
  }
  const trust = { allowedOrigin: options.trustedOrigin ?? harnessOrigin }
  // As when main starts: the notebook session (watching the folder, backing up), its handlers
  // registered on a fresh ipcMain, and what other processes write sent to the page.
  let session: NotebookSession | null = null
  let stopBackups: () => void = () => undefined
  const startMain = async (): Promise<IpcMainStandIn> => {
    await session?.close()
    stopBackups()
    if (options.essaySync) await writeSyncConfig(dataDir, syncConfigOf(dataDir, options.essaySync))
    // Handed the EssayDocs class: the harness runs as CommonJS, where a dynamic import of a .ts
    // file fails.
    session = await NotebookSession.open(dataDir, {
      watch: true,
      loadEssayDocs: async () => ({ EssayDocs }),
    })
    session.onChange((change) => void send(notebookChangedChannel, change).catch(() => undefined))
    session.onEssaySync((event) => void send(essaySyncChannel, event).catch(() => undefined))
    session.onImportProgress(
      (progress) => void send(importProgressChannel, progress).catch(() => undefined),
    )
    session.onSyncStatus((status) => void send(syncStatusChannel, status).catch(() => undefined))
    stopBackups = scheduleBackups(session)
    const ipcMain = new IpcMainStandIn()
    registerIpc(ipcMain, createHandlers(session, ports), trust)
    return ipcMain
  }
  let page: Page | null = null
  let ipcMain = await startMain()

  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1400, height: 900 },
  })
  await context.route('**/*', async (route) => {
    const url = route.request().url()
    if (!url.startsWith(`${harnessOrigin}/`)) {
      leakedRequests.push(url)
      return route.abort('blockedbyclient')
    }
    // The same file server as the app:// protocol, on the harness's origin.
    const response = await rendererResponse(rendererDir, url, harnessOrigin)
    return route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    })
  })
  const heldAnswers = new HeldAnswers()
  await context.exposeBinding(invokeBinding, async ({ frame }, channel: string, sent: string[]) => {
    const args = argumentsOf(sent)
    const result = (await ipcMain.invoke(frame.url(), channel, args)) as Result<unknown>
    await heldAnswers.gate(channel)
    if (channel === channels.saveEssay && !result.ok) refusedSaves.push(result.error.message)
    return answerText(result)
  })
  await context.addInitScript(preloadInitScript(await readPreloadBundle()))

  const shown = await context.newPage()
  page = shown
  await shown.goto(`${harnessOrigin}/index.html`)

  /** What main's `webContents.send(channel, payload)` does, into the preload's listeners. */
  async function send(channel: string, payload: unknown): Promise<void> {
    if (!page) return
    await page.evaluate(
      ([hook, name, value]) =>
        (window as unknown as Record<string, (c: unknown, p: unknown) => void>)[hook as string]!(
          name,
          value,
        ),
      [sendHook, channel, payload] as const,
    )
  }

  return {
    page: shown,
    dataDir,
    leakedRequests,
    openedExternally,
    shownInFolder,
    openedFolders: async () => [...openedFolders],
    refusedSaves,
    answerOpenDialog: (paths) => void answers.open.push(paths),
    holdOpenDialog() {
      let choose: (paths: string[]) => void = () => undefined
      answers.open.push(new Promise<string[]>((resolve) => (choose = resolve)))
      return { choose: (paths) => choose(paths) }
    },
    holdAnswers: (channel) => heldAnswers.hold(channel),
    answerSaveDialog: (path) => void answers.save.push(path),
    async restart() {
      // Fresh services read everything back from disk, as after quitting and starting again.
      ipcMain = await startMain()
      await shown.reload()
    },
    sendMenuCommand: (command) => send(menuCommandChannel, command),
    notifyNotebookChanged: (change) => send(notebookChangedChannel, change),
    async openWithApp(paths) {
      // As src/main/index.ts does on 'open-file' or 'second-instance'.
      openedFiles.push(...paths)
      await send(menuCommandChannel, 'import-opened-files')
    },
    async setScreenReaderRunning(running) {
      // As src/main/index.ts does on Electron's 'accessibility-support-changed'.
      screenReaderRunning = running
      await send(screenReaderChannel, running)
    },
    async closeWindow() {
      // As the close guard does (src/main/close-guard.ts): ask, wait for the page, then close.
      const ready = new Promise<void>((resolve) => (pageSaidReady = resolve))
      await send(menuCommandChannel, 'before-close')
      await ready
      await shown.close({ runBeforeUnload: false })
    },
    close: async () => {
      await session?.close()
      stopBackups()
      await context.close()
    },
  }
}
