import { join } from 'node:path'
import { app, BrowserWindow, nativeTheme, screen } from 'electron'
import { appEntryUrl } from './app-protocol'
import { guardNavigation } from './navigation-guard'
import { openInBrowser } from './os-ports'
import { backgroundFor } from './system-theme'
import { MINIMUM_SIZE, type WindowPlacement, type WindowStateFile } from './window-state'

/**
 * The electron-vite dev server's URL in development. A packaged app ignores the variable: anyone
 * who can set the environment could otherwise point the window, and its IPC, at their own page.
 */
export function devServerUrl(): string | undefined {
  return app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined
}

/** The work areas of the displays there are now, the primary one first. */
export function displayWorkAreas(): Electron.Rectangle[] {
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id)
  return [primary, ...others].map((display) => display.workArea)
}

/**
 * The one way Commonplace makes a window: isolated, sandboxed, no Node in the page, and unable to
 * navigate or open windows. Web links go to the user's browser; nothing else leaves the app.
 * It opens where it was last (`placement`, saved to `stateFile` as it changes), painted in the
 * theme's ground colour so a dark system sees no white flash before the page.
 */
export function createMainWindow(
  placement: WindowPlacement,
  stateFile: WindowStateFile,
): BrowserWindow {
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MINIMUM_SIZE.width,
    minHeight: MINIMUM_SIZE.height,
    show: false,
    title: 'Commonplace',
    backgroundColor: backgroundFor(nativeTheme.shouldUseDarkColors),
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // The page has no use for middle-click (auxclick) events, a known way to open links in new
      // windows: off, as Electronegativity's AUXCLICK check advises.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  })
  if (placement.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  savePlacementAsItChanges(window, stateFile)
  guardNavigation(window.webContents, (url) => void openInBrowser(url))
  void window.loadURL(devServerUrl() ?? appEntryUrl)
  return window
}

/** A window being dragged or resized reports many times a second; it is saved once it rests. */
const SAVE_PLACEMENT_AFTER_MS = 500

/**
 * Where the window is, saved a moment after each move, resize or (un)maximize, and at once on
 * close: a crash or a killed process then loses at most the last half second of dragging.
 */
function savePlacementAsItChanges(window: BrowserWindow, stateFile: WindowStateFile): void {
  let timer: NodeJS.Timeout | undefined
  const saveNow = (): void => {
    clearTimeout(timer)
    timer = undefined
    if (window.isDestroyed()) return
    stateFile
      .save(window.getNormalBounds(), window.isMaximized())
      .catch((error: unknown) => console.error('Saving the window position failed:', error))
  }
  const saveSoon = (): void => {
    clearTimeout(timer)
    timer = setTimeout(saveNow, SAVE_PLACEMENT_AFTER_MS)
  }
  window.on('move', saveSoon)
  window.on('resize', saveSoon)
  window.on('maximize', saveSoon)
  window.on('unmaximize', saveSoon)
  window.on('close', saveNow)
  window.on('closed', () => clearTimeout(timer))
}
