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
 * It opens where it last closed (`placement`, saved again to `stateFile` on close), painted in the
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
  window.on('close', () => {
    stateFile
      .save(window.getNormalBounds(), window.isMaximized())
      .catch((error: unknown) => console.error('Saving the window position failed:', error))
  })
  guardNavigation(window.webContents, (url) => void openInBrowser(url))
  void window.loadURL(devServerUrl() ?? appEntryUrl)
  return window
}
