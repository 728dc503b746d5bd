import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { createHandlers } from '../src/main/core/api'
import { openCommonplace } from '../src/main/core/commonplace'
import type { Ports } from '../src/main/core/ports'
import {
  channels,
  type InvokeHandlers,
  type InvokeMethod,
  type MenuCommand,
} from '../src/shared/ipc'
import { rendererDir } from './environment'

/** The page is served from this made-up origin, so anything else it asks for is a leak. */
export const appOrigin = 'http://commonplace.localhost'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

export interface DialogAnswers {
  open: string[][]
  save: string[]
}

export interface RunningApp {
  page: Page
  dataDir: string
  /** Every URL the page asked for outside the app itself (the harness blocks them). */
  leakedRequests: string[]
  /** Web links the app handed to the OS browser. */
  openedExternally: string[]
  /** Autosaves main refused (the harness only): the editor must save what the schema accepts. */
  refusedSaves?: string[]
  answerOpenDialog(paths: string[]): void
  answerSaveDialog(path: string): void
  restart(): Promise<void>
  /** As if the user chose this item in the native menu. */
  sendMenuCommand(command: MenuCommand): Promise<void>
  close(): Promise<void>
}

/**
 * The renderer in Chromium, with window.commonplace bound (exposeBinding + init script) to the
 * very handlers main registers on ipcMain, opened on a fresh data dir.
 */
export async function startHarness(browser: Browser): Promise<RunningApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'commonplace-e2e-'))
  const answers: DialogAnswers = { open: [], save: [] }
  const leakedRequests: string[] = []
  const openedExternally: string[] = []
  const refusedSaves: string[] = []
  const ports: Ports = {
    chooseFilesToImport: async () => answers.open.shift() ?? [],
    openExternal: async (url) => void openedExternally.push(url),
    readyToClose: () => undefined,
    chooseExportPath: async () => answers.save.shift() ?? null,
    chooseEssayToImport: async () => answers.open.shift()?.[0] ?? null,
  }
  let handlers: InvokeHandlers = createHandlers(await openCommonplace(dataDir), ports)

  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1400, height: 900 },
  })
  await context.route('**/*', async (route) => {
    const url = route.request().url()
    if (!url.startsWith(`${appOrigin}/`)) {
      leakedRequests.push(url)
      return route.abort('blockedbyclient')
    }
    const path = normalize(new URL(url).pathname).replace(/^[/\\]+/, '') || 'index.html'
    try {
      const body = await readFile(join(rendererDir, path))
      return route.fulfill({
        body,
        contentType: contentTypes[extname(path)] ?? 'application/octet-stream',
      })
    } catch {
      return route.fulfill({ status: 404, body: 'not found' })
    }
  })
  await context.exposeBinding(
    '__commonplaceInvoke',
    async (_source, method: InvokeMethod, args: unknown[]) => {
      const result = await handlers[method](...args)
      if (method === 'saveEssay' && !result.ok) refusedSaves.push(result.error.message)
      return result
    },
  )
  // A string, not a function: bundlers that rename or wrap functions (tsx's keepNames) would
  // break its serialized source, and the bench runs this file under tsx.
  await context.addInitScript(`(() => {
    const invoke = window.__commonplaceInvoke
    const listeners = new Set()
    const changeListeners = new Set()
    const api = {
      onMenuCommand: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      onNotebookChanged: (listener) => {
        changeListeners.add(listener)
        return () => changeListeners.delete(listener)
      },
    }
    for (const method of ${JSON.stringify(Object.keys(channels))}) {
      api[method] = (...args) => invoke(method, args)
    }
    Object.defineProperty(window, 'commonplace', { value: Object.freeze(api) })
    Object.defineProperty(window, '__commonplaceMenu', {
      value: (command) => listeners.forEach((listener) => listener(command)),
    })
    Object.defineProperty(window, '__commonplaceNotebookChanged', {
      value: (change) => changeListeners.forEach((listener) => listener(change)),
    })
  })()`)

  const page = await context.newPage()
  await page.goto(`${appOrigin}/index.html`)

  return {
    page,
    dataDir,
    leakedRequests,
    openedExternally,
    refusedSaves,
    answerOpenDialog: (paths) => void answers.open.push(paths),
    answerSaveDialog: (path) => void answers.save.push(path),
    async restart() {
      // Fresh services read everything back from disk, as after quitting and starting again.
      handlers = createHandlers(await openCommonplace(dataDir), ports)
      await page.reload()
    },
    async sendMenuCommand(command) {
      await page.evaluate(
        (name) =>
          (window as unknown as { __commonplaceMenu(c: string): void }).__commonplaceMenu(name),
        command,
      )
    },
    close: () => context.close(),
  }
}
