// The built main bundle (out/main/index.js, made by `npm run build` before the unit tests) started
// on a recording stand-in for `electron`: lifecycle, window, IPC, menu, navigation, close guard,
// protocol and platform conventions, checked through what the bundle asked of Electron.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { handledMenuCommands } from '../renderer/src/ui/handled-commands'
import { shortcuts, type Shortcut } from '../renderer/src/ui/shortcuts'
import { channels, menuCommandChannel } from '../shared/ipc'
import {
  createElectronStandIn,
  navigationEvent,
  type ElectronStandIn,
  type FakeWindow,
  type InvokeListener,
  type MenuItemTemplate,
} from '../../test/electron-stand-in'

const outDir = resolve(__dirname, '../../out')
const mainBundle = join(outDir, 'main', 'index.js')
const appPage = 'app://commonplace/index.html'
const workArea = { x: 0, y: 0, width: 1920, height: 1080 }

type Loader = { _load(request: string, parent: unknown, isMain: boolean): unknown }
const nodeRequire = createRequire(__filename)

/** Runs the bundle afresh with `electron` resolved to the stand-in (and nothing else changed). */
function loadMainBundle(electron: object): void {
  const loader = Module as unknown as Loader
  const load = loader._load
  loader._load = function (request, parent, isMain) {
    return request === 'electron' ? electron : load.call(this, request, parent, isMain)
  }
  try {
    for (const path of Object.keys(nodeRequire.cache)) {
      if (path.startsWith(join(outDir, 'main'))) delete nodeRequire.cache[path]
    }
    nodeRequire(mainBundle)
  } finally {
    loader._load = load
  }
}

interface Started extends ElectronStandIn {
  dataDir: string
  window: FakeWindow
}

beforeAll(() => {
  if (!existsSync(mainBundle)) {
    throw new Error(
      `${mainBundle} is missing: run \`npx electron-vite build\` first (npm run test:unit does).`,
    )
  }
})

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  const failures: unknown[] = []
  for (const cleanup of cleanups.splice(0).reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch((error: unknown) => failures.push(error))
  }
  if (failures.length) throw failures[0]
})

function stubPlatform(platform: NodeJS.Platform): void {
  const original = Object.getOwnPropertyDescriptor(process, 'platform')!
  Object.defineProperty(process, 'platform', { value: platform, configurable: true })
  cleanups.push(() => {
    Object.defineProperty(process, 'platform', original)
  })
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'commonplace-smoke-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true, maxRetries: 5 }))
  return dir
}

interface StartOptions {
  platform?: NodeJS.Platform
  gotLock?: boolean
  systemDark?: boolean
  /** Files to put in the data folder before the app starts. */
  files?: Record<string, unknown>
}

/** Starts the app like `electron .` would, with a fresh data folder given by the environment. */
async function startApp(
  options: StartOptions = {},
): Promise<ElectronStandIn & { dataDir: string }> {
  stubPlatform(options.platform ?? 'linux')
  const dataDir = await tempDir()
  for (const [name, content] of Object.entries(options.files ?? {})) {
    await writeFile(join(dataDir, name), JSON.stringify(content))
  }
  const env = { data: process.env.COMMONPLACE_DATA_DIR, dev: process.env.ELECTRON_RENDERER_URL }
  process.env.COMMONPLACE_DATA_DIR = dataDir
  delete process.env.ELECTRON_RENDERER_URL
  cleanups.push(() => {
    if (env.data === undefined) delete process.env.COMMONPLACE_DATA_DIR
    else process.env.COMMONPLACE_DATA_DIR = env.data
    if (env.dev !== undefined) process.env.ELECTRON_RENDERER_URL = env.dev
  })
  const standIn = createElectronStandIn({
    gotLock: options.gotLock ?? true,
    systemDark: options.systemDark ?? false,
    userData: await tempDir(),
    workArea,
  })
  loadMainBundle(standIn.electron)
  return { ...standIn, dataDir }
}

/** Starts the app and waits for its window; quitting (which saves and closes the notebook) after. */
async function startWindow(options: StartOptions = {}): Promise<Started> {
  const started = await startApp(options)
  await expect.poll(() => started.record.windows.length).toBe(1)
  await expect.poll(() => started.record.applicationMenu).not.toBeNull()
  cleanups.push(async () => {
    // Closing the last window quits on Linux and Windows; otherwise quit here. The first quit is
    // held back while the indexes are saved and the notebook closed; the second is the real one.
    if (started.record.quits === 0) started.app.quit()
    await expect.poll(() => started.record.quits).toBeGreaterThanOrEqual(2)
  })
  return { ...started, window: started.record.windows[0] }
}

const fromApp = { senderFrame: { url: appPage } }

function handlerFor(started: Started, channel: string): InvokeListener {
  const [handler] = started.record.invokeHandlers.get(channel) ?? []
  if (!handler) throw new Error(`No handler on ${channel}`)
  return handler
}

/** Every item of the menu, depth first, with the top-level menu it is in. */
function menuItems(template: MenuItemTemplate[]): { menu: string; item: MenuItemTemplate }[] {
  return template.flatMap((top) =>
    (top.submenu ?? []).map((item) => ({ menu: topLevelName(top), item })),
  )
}

function menuOf(wanted: MenuItemTemplate, template: MenuItemTemplate[]): string | undefined {
  return menuItems(template).find(({ item }) => item === wanted)?.menu
}

function topLevelName(item: MenuItemTemplate): string {
  if (item.label) return item.label
  const byRole: Record<string, string> = { help: 'Help', windowMenu: 'Window' }
  return byRole[item.role ?? ''] ?? `(${item.role})`
}

/** The accelerator the menu should show for a renderer shortcut. */
function acceleratorOf({ key, shift }: Shortcut): string {
  return `CmdOrCtrl+${shift ? 'Shift+' : ''}${key.length === 1 ? key.toUpperCase() : key}`
}

describe('the main process, built, on a stand-in for Electron', () => {
  it('asks for the single-instance lock, and a second instance quits without a window', async () => {
    const second = await startApp({ gotLock: false })
    expect(second.record.lockRequests).toBe(1)
    expect(second.record.quits).toBe(1)
    expect(second.record.readyWaits).toBe(0)
    expect(second.record.windows).toEqual([])
    expect(second.record.invokeHandlers.size).toBe(0)
  })

  it('the first instance focuses its window when a second one starts', async () => {
    const started = await startWindow()
    expect(started.record.lockRequests).toBe(1)
    started.app.emit('second-instance')
    expect(started.window.focusCount).toBe(1)
  })

  it('opens exactly one window, isolated and sandboxed, with the built preload', async () => {
    const { record, window } = await startWindow()
    expect(record.windows).toHaveLength(1)
    const preferences = window.options.webPreferences!
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    })
    expect(preferences.preload).toBe(join(outDir, 'preload', 'index.js'))
    expect(existsSync(preferences.preload as string)).toBe(true)
    expect(record.sessionCalls).toEqual(
      expect.arrayContaining(['setPermissionRequestHandler', 'setPermissionCheckHandler']),
    )
  })

  it('registers every contract channel once, and refuses callers that are not the app page', async () => {
    const started = await startWindow()
    const registered = [...started.record.invokeHandlers.keys()].sort()
    expect(registered).toEqual(Object.values(channels).sort())
    for (const [channel, handlers] of started.record.invokeHandlers) {
      expect(handlers, channel).toHaveLength(1)
    }
    const refused = { ok: false, error: { message: 'Refused: unknown sender.' } }
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html']) {
      for (const channel of Object.values(channels)) {
        const answer = await handlerFor(started, channel)({ senderFrame: { url } })
        expect(answer, channel).toMatchObject(refused)
      }
    }
    expect(await handlerFor(started, channels.aboutApp)({ senderFrame: null })).toMatchObject(
      refused,
    )
    // The app's own page is answered, from the data folder the environment named.
    await expect(handlerFor(started, channels.aboutApp)(fromApp)).resolves.toMatchObject({
      ok: true,
      value: { dataDir: started.dataDir },
    })
  })

  it('loads the page through app://, which serves the built renderer and nothing outside it', async () => {
    const { record, window } = await startWindow()
    expect(window.loadedUrls).toEqual([appPage])
    expect(record.privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        beforeReady: true,
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ])
    const serve = record.protocolHandlers.get('app')!
    expect(serve).toBeTypeOf('function')
    const page = await serve({ url: appPage })
    expect(page.status).toBe(200)
    expect(await page.text()).toBe(await readFile(join(outDir, 'renderer', 'index.html'), 'utf8'))
    for (const url of [
      'app://commonplace/%2e%2e/main/index.js',
      'app://commonplace/..%2fpreload%2findex.js',
      'app://elsewhere/index.html',
    ]) {
      expect((await serve({ url })).status, url).toBe(404)
    }
  })

  it('keeps the window on its page: navigation and new windows are denied', async () => {
    const { record, window } = await startWindow()
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
      const details = navigationEvent('https://evil.example/')
      window.webContents.emit(event, details)
      expect(details.prevented, event).toBe(true)
    }
    const webview = navigationEvent('')
    window.webContents.emit('will-attach-webview', webview)
    expect(webview.prevented).toBe(true)
    const openWindow = window.webContents.windowOpenHandler!
    expect(openWindow({ url: 'https://example.org/article' })).toEqual({ action: 'deny' })
    expect(openWindow({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    // A web link goes to the browser; nothing else leaves the app.
    await expect.poll(() => record.openedExternal).toEqual(['https://example.org/article'])
  })

  it('holds a close back until the page has saved, then closes', async () => {
    const started = await startWindow()
    const { window } = started
    window.close()
    expect(window.isDestroyed()).toBe(false)
    expect(window.webContents.sent).toContainEqual([menuCommandChannel, 'before-close'])
    await handlerFor(started, channels.readyToClose)(fromApp)
    expect(window.isDestroyed()).toBe(true)
    // Where it was is saved for the next start.
    await expect.poll(() => existsSync(join(started.dataDir, 'window-state.json'))).toBe(true)
  })

  it('stays open on macOS when its window closes, and opens a new one when the dock icon is clicked', async () => {
    const started = await startWindow({ platform: 'darwin' })
    started.window.close()
    await handlerFor(started, channels.readyToClose)(fromApp)
    expect(started.window.isDestroyed()).toBe(true)
    expect(started.record.quits).toBe(0)
    started.app.emit('activate')
    await expect.poll(() => started.record.windows.length).toBe(2)
    expect(started.record.windows[1].loadedUrls).toEqual([appPage])
  })

  it('quits on Linux and Windows when its window closes', async () => {
    const started = await startWindow({ platform: 'win32' })
    started.window.close()
    await handlerFor(started, channels.readyToClose)(fromApp)
    expect(started.record.quits).toBeGreaterThanOrEqual(1)
  })

  it.each(['linux', 'win32', 'darwin'] as const)(
    'builds the menu on %s: File, Edit, View, Help, each item sending a command the page handles',
    async (platform) => {
      const started = await startWindow({ platform })
      const template = started.record.applicationMenu!
      const names = template.map(topLevelName)
      expect(names).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']))
      // macOS has the menu named after the app, first, holding About, Settings and Quit.
      expect(names[0] === 'Commonplace').toBe(platform === 'darwin')
      const quitIn = menuItems(template).filter(({ item }) => item.role === 'quit')
      expect(quitIn.map(({ menu }) => menu)).toEqual([
        platform === 'darwin' ? 'Commonplace' : 'File',
      ])

      const sentByMenu = new Map<string, MenuItemTemplate>()
      for (const { menu, item } of menuItems(template)) {
        if (!item.click || item.label === 'Open Data Folder') continue
        const sent = started.window.webContents.sent
        const before = sent.length
        item.click()
        expect(sent.slice(before), `${menu} > ${item.label}`).toEqual([
          [menuCommandChannel, expect.any(String)],
        ])
        const command = sent[before][1] as string
        expect(handledMenuCommands, `${menu} > ${item.label}`).toContain(command)
        expect(sentByMenu.has(command), `${command} is in the menu once`).toBe(false)
        sentByMenu.set(command, item)
      }
      if (platform === 'darwin') {
        expect(menuOf(sentByMenu.get('open-settings')!, template)).toBe('Commonplace')
        expect(menuOf(sentByMenu.get('show-about')!, template)).toBe('Commonplace')
      }
      // Every shortcut the page has is in the menu, shown with its key, and left to the page.
      for (const [command, shortcut] of Object.entries(shortcuts)) {
        const item = sentByMenu.get(command)
        expect(item, command).toBeDefined()
        expect(item!.accelerator, command).toBe(acceleratorOf(shortcut))
        expect(item!.registerAccelerator, command).toBe(false)
      }
    },
  )

  it('Help > Open Data Folder opens the data folder in the file manager', async () => {
    const started = await startWindow()
    const help = started.record.applicationMenu!.find((item) => topLevelName(item) === 'Help')!
    const item = help.submenu!.find((entry) => entry.label === 'Open Data Folder')
    expect(item?.click).toBeTypeOf('function')
    item!.click!()
    await expect.poll(() => started.record.openedPaths).toEqual([started.dataDir])
  })
})

describe('platform conventions of the window', () => {
  it('opens where it last closed, and saves where it is on closing', async () => {
    const saved = { schemaVersion: 1, bounds: { x: 120, y: 80, width: 1100, height: 720 } }
    const started = await startWindow({
      files: { 'window-state.json': { ...saved, maximized: true } },
    })
    const { window } = started
    expect(window.options).toMatchObject(saved.bounds)
    expect(window.isMaximized()).toBe(true)

    window.normalBounds = { x: 200, y: 100, width: 1000, height: 650 }
    window.maximized = false
    window.close()
    await handlerFor(started, channels.readyToClose)(fromApp)
    await expect
      .poll(async () =>
        JSON.parse(
          await readFile(join(started.dataDir, 'window-state.json'), 'utf8').catch(() => '{}'),
        ),
      )
      .toEqual({ schemaVersion: 1, bounds: window.normalBounds, maximized: false })
  })

  it('starts in the dark ground colour when the system is dark, and follows the theme setting', async () => {
    const started = await startWindow({ systemDark: true })
    expect(started.record.themeSources).toEqual(['system'])
    expect(started.window.options.backgroundColor).toBe('#191714')
    await expect(
      handlerFor(started, channels.updateSettings)(fromApp, { theme: 'light' }),
    ).resolves.toMatchObject({ ok: true })
    expect(started.record.themeSources).toEqual(['system', 'light'])
  })

  it('a saved light theme wins over a dark system from the first paint', async () => {
    const started = await startWindow({
      systemDark: true,
      files: { 'settings.json': { schemaVersion: 1, settings: { theme: 'light' }, resume: {} } },
    })
    expect(started.record.themeSources).toEqual(['light'])
    expect(started.window.options.backgroundColor).toBe('#f1ede4')
  })
})
