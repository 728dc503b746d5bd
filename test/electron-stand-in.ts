// A recording stand-in for the `electron` module: the built main bundle runs on it in a plain
// Node process (no Electron binary), and every part answers as little as the bundle needs while
// writing down what the bundle asked of it. main-process.smoke.test.ts reads that record.
import { EventEmitter } from 'node:events'

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

export interface MenuItemTemplate {
  label?: string
  role?: string
  type?: string
  accelerator?: string
  registerAccelerator?: boolean
  click?: () => void
  submenu?: MenuItemTemplate[]
}

export interface WindowOptions extends Partial<Rectangle> {
  backgroundColor?: string
  webPreferences?: Record<string, unknown>
  [option: string]: unknown
}

/** The `details` of a will-navigate-like event, with whether the bundle prevented it. */
export interface NavigationDetails {
  url: string
  prevented: boolean
  preventDefault(): void
}

export type InvokeListener = (
  event: { senderFrame: { url: string } | null },
  ...args: unknown[]
) => unknown

export type ProtocolHandler = (request: { url: string }) => Promise<Response> | Response

export function navigationEvent(url: string): NavigationDetails {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true
    },
  }
}

export class FakeWebContents extends EventEmitter {
  readonly sent: [channel: string, ...args: unknown[]][] = []
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  url = ''

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args])
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }

  getURL(): string {
    return this.url
  }
}

export class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents()
  readonly loadedUrls: string[] = []
  normalBounds: Rectangle
  maximized = false
  destroyed = false
  focusCount = 0

  constructor(
    readonly options: WindowOptions,
    private readonly onDestroyed: (window: FakeWindow) => void,
  ) {
    super()
    const { x = 0, y = 0, width = 800, height = 600 } = options
    this.normalBounds = { x, y, width, height }
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url)
    this.webContents.url = url
    return Promise.resolve()
  }

  /** As Electron: 'close' first, which a listener may prevent; then 'closed'. */
  close(): void {
    if (this.destroyed) return
    const event = navigationEvent('')
    this.emit('close', event)
    if (event.prevented) return
    this.destroyed = true
    this.emit('closed')
    this.onDestroyed(this)
  }

  isDestroyed(): boolean {
    return this.destroyed
  }
  isMinimized(): boolean {
    return false
  }
  isMaximized(): boolean {
    return this.maximized
  }
  maximize(): void {
    this.maximized = true
  }
  getNormalBounds(): Rectangle {
    return { ...this.normalBounds }
  }
  show(): void {}
  restore(): void {}
  focus(): void {
    this.focusCount++
  }
}

export interface StandInOptions {
  /** What requestSingleInstanceLock answers: false for a second instance. */
  gotLock: boolean
  /** The operating system's dark mode, which nativeTheme reports while themeSource is 'system'. */
  systemDark: boolean
  /** app.getPath's answer for every name. */
  userData: string
  workArea: Rectangle
  /** app.isPackaged: true for an app built by electron-builder. */
  packaged?: boolean
}

/** What the bundle asked of Electron, in order where order matters. */
export interface ElectronRecord {
  lockRequests: number
  /** The userData folder at each request for the lock (Electron takes the lock there). */
  lockFolders: string[]
  /** app.setPath calls, by name: the last path set. */
  paths: Record<string, string>
  /** How often the bundle waited for the app to be ready (where its start-up work begins). */
  readyWaits: number
  quits: number
  exits: number[]
  errorBoxes: [title: string, content: string][]
  windows: FakeWindow[]
  invokeHandlers: Map<string, InvokeListener[]>
  applicationMenu: MenuItemTemplate[] | null
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean>; beforeReady: boolean }[]
  protocolHandlers: Map<string, ProtocolHandler>
  sessionCalls: string[]
  openedPaths: string[]
  openedExternal: string[]
  themeSources: string[]
}

export interface ElectronStandIn {
  electron: Record<string, unknown>
  record: ElectronRecord
  app: EventEmitter & { quit(): void }
}

export function createElectronStandIn(options: StandInOptions): ElectronStandIn {
  const record: ElectronRecord = {
    lockRequests: 0,
    lockFolders: [],
    paths: {},
    readyWaits: 0,
    quits: 0,
    exits: [],
    errorBoxes: [],
    windows: [],
    invokeHandlers: new Map(),
    applicationMenu: null,
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    sessionCalls: [],
    openedPaths: [],
    openedExternal: [],
    themeSources: [],
  }
  let ready = false
  let themeSource = 'system'

  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.packaged ?? false,
    requestSingleInstanceLock: (): boolean => {
      record.lockRequests++
      record.lockFolders.push(app.getPath('userData'))
      return options.gotLock
    },
    whenReady: (): Promise<void> => {
      record.readyWaits++
      return Promise.resolve().then(() => {
        ready = true
      })
    },
    getPath: (name: string): string => record.paths[name] ?? options.userData,
    setPath: (name: string, path: string): void => {
      record.paths[name] = path
    },
    getName: (): string => 'Commonplace',
    getVersion: (): string => '0.0.0-stand-in',
    // As Electron: quitting asks 'will-quit' listeners first, and one may hold the quit back.
    quit: (): void => {
      record.quits++
      app.emit('will-quit', navigationEvent(''))
    },
    exit: (code = 0): void => {
      record.exits.push(code)
    },
  })

  const liveWindows = (): FakeWindow[] => record.windows.filter((window) => !window.destroyed)
  class BrowserWindow extends FakeWindow {
    constructor(windowOptions: WindowOptions) {
      super(windowOptions, () => {
        if (liveWindows().length === 0) app.emit('window-all-closed')
      })
      record.windows.push(this)
    }
    static getAllWindows(): FakeWindow[] {
      return liveWindows()
    }
  }

  const display = { id: 1, workArea: options.workArea, bounds: options.workArea }
  const electron = {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, listener: InvokeListener): void => {
        record.invokeHandlers.set(channel, [
          ...(record.invokeHandlers.get(channel) ?? []),
          listener,
        ])
      },
    },
    Menu: {
      buildFromTemplate: (template: MenuItemTemplate[]) => ({ template }),
      setApplicationMenu: (menu: { template: MenuItemTemplate[] } | null): void => {
        record.applicationMenu = menu?.template ?? null
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string): void => {
        record.errorBoxes.push([title, content])
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    },
    shell: {
      openPath: async (path: string): Promise<string> => {
        record.openedPaths.push(path)
        return ''
      },
      openExternal: async (url: string): Promise<void> => {
        record.openedExternal.push(url)
      },
      showItemInFolder: (path: string): void => {
        record.openedPaths.push(path)
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (
        schemes: { scheme: string; privileges: Record<string, boolean> }[],
      ): void => {
        for (const scheme of schemes)
          record.privilegedSchemes.push({ ...scheme, beforeReady: !ready })
      },
      handle: (scheme: string, handler: ProtocolHandler): void => {
        record.protocolHandlers.set(scheme, handler)
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => record.sessionCalls.push('setPermissionRequestHandler'),
        setPermissionCheckHandler: () => record.sessionCalls.push('setPermissionCheckHandler'),
        setSpellCheckerDictionaryDownloadURL: () =>
          record.sessionCalls.push('setSpellCheckerDictionaryDownloadURL'),
      },
    },
    nativeTheme: {
      get themeSource(): string {
        return themeSource
      },
      set themeSource(source: string) {
        record.themeSources.push(source)
        themeSource = source
      },
      get shouldUseDarkColors(): boolean {
        return themeSource === 'system' ? options.systemDark : themeSource === 'dark'
      },
    },
    screen: {
      getPrimaryDisplay: () => display,
      getAllDisplays: () => [display],
    },
  }
  return { electron, record, app }
}
