// The built main bundle (out/main/index.js, made by `npm run build` before the unit tests) started
// on a recording stand-in for `electron`: lifecycle, window, IPC, menu, navigation, close guard,
// protocol and platform conventions, checked through what the bundle asked of Electron.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { handledMenuCommands } from '../renderer/src/ui/handled-commands'
import { shortcuts, type Shortcut } from '../renderer/src/ui/shortcuts'
import { channels, menuCommandChannel } from '../shared/ipc'
import { navigationEvent, type MenuItemTemplate } from '../../test/electron-stand-in'
import { appPage, fromApp, handlerFor, outDir, startApp, startWindow } from '../../test/main-bundle'

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

  it('takes the lock in a userData folder of the notebook named on the command line, so each notebook has its own instance', async () => {
    const named = await startApp({ gotLock: false })
    const [folder] = named.record.lockFolders
    expect(folder).toMatch(/[/\\]notebooks[/\\][0-9a-f]{16}$/)
    expect(named.record.paths.userData).toBe(folder)
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
    expect(started.record.windows[1]?.loadedUrls).toEqual([appPage])
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
        const command = sent[before]![1] as string
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

  it.each([
    ['development', false, true],
    ['a packaged app', true, false],
  ])(
    'View offers Reload and Developer Tools in development only: %s',
    async (_, packaged, shown) => {
      // Reload skips the close guard (an edit not yet autosaved would be lost): developers only.
      const started = await startWindow({ packaged })
      const view = started.record.applicationMenu!.find((item) => item.label === 'View')!
      const roles = view.submenu!.map((item) => item.role)
      expect(roles.includes('reload'), 'reload').toBe(shown)
      expect(roles.includes('toggleDevTools'), 'toggleDevTools').toBe(shown)
      const everyRole = menuItems(started.record.applicationMenu!).map(({ item }) => item.role)
      expect(everyRole).not.toContain('forceReload')
      // No two separators in a row where the items were left out.
      const types = view.submenu!.map((item) => item.type ?? 'item').join(',')
      expect(types).not.toContain('separator,separator')
    },
  )

  it('says why and exits when it cannot start, rather than running on with no window', async () => {
    const started = await startApp({
      beforeReady: ({ electron }) => {
        const protocol = electron.protocol as { handle: (...args: unknown[]) => void }
        protocol.handle = () => {
          throw new Error('The app: scheme is already handled.')
        }
      },
    })
    await expect.poll(() => started.record.exits).toEqual([1])
    expect(started.record.errorBoxes).toEqual([
      ['Commonplace could not start', 'The app: scheme is already handled.'],
    ])
    expect(started.record.windows).toEqual([])
  })

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

  it('saves where the window is as it moves and resizes, without waiting for a close', async () => {
    const started = await startWindow()
    const { window } = started
    const savedState = async (): Promise<unknown> =>
      JSON.parse(
        await readFile(join(started.dataDir, 'window-state.json'), 'utf8').catch(() => 'null'),
      )
    // A drag reports many positions; the one it rests at is saved.
    for (const x of [150, 180, 210]) {
      window.normalBounds = { x, y: 90, width: 1000, height: 650 }
      window.emit('move')
    }
    await expect
      .poll(savedState)
      .toEqual({ schemaVersion: 1, bounds: window.normalBounds, maximized: false })
    window.maximized = true
    window.emit('maximize')
    await expect.poll(savedState).toMatchObject({ maximized: true })
    window.normalBounds = { x: 210, y: 90, width: 1200, height: 700 }
    window.maximized = false
    window.emit('unmaximize')
    window.emit('resize')
    await expect
      .poll(savedState)
      .toEqual({ schemaVersion: 1, bounds: window.normalBounds, maximized: false })
    expect(window.isDestroyed()).toBe(false)
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
