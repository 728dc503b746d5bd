import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { appEntryUrl } from './app-protocol'
import { guardNavigation } from './navigation-guard'
import { openInBrowser } from './os-ports'

/**
 * The electron-vite dev server's URL in development. A packaged app ignores the variable: anyone
 * who can set the environment could otherwise point the window, and its IPC, at their own page.
 */
export function devServerUrl(): string | undefined {
  return app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined
}

/**
 * The one way Commonplace makes a window: isolated, sandboxed, no Node in the page, and unable to
 * navigate or open windows. Web links go to the user's browser; nothing else leaves the app.
 */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Commonplace',
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
  window.once('ready-to-show', () => window.show())
  guardNavigation(window.webContents, (url) => void openInBrowser(url))
  void window.loadURL(devServerUrl() ?? appEntryUrl)
  return window
}
