import { app, BrowserWindow, dialog, ipcMain, session } from 'electron'
import { createHandlers } from './core/api'
import { openCommonplace } from './core/commonplace'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { dataDirFromArgs } from './data-dir'
import { guardClose } from './close-guard'
import { registerIpc } from './ipc'
import { electronPorts } from './os-ports'
import { installMenu } from './menu'
import { hardenSession } from './session-hardening'
import { createMainWindow, devServerUrl } from './window'

// App lifecycle only: everything the app does lives in ./core and is reached through ./ipc.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // Schemes get their privileges only before the app is ready.
  registerAppScheme()

  let mainWindow: BrowserWindow | null = null
  let readyToClose: () => void = () => undefined

  function openWindow(): void {
    const window = createMainWindow()
    readyToClose = guardClose(window)
    window.on('closed', () => (mainWindow = null))
    mainWindow = window
  }

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.whenReady().then(async () => {
    hardenSession(session.defaultSession)
    serveRenderer()
    const dataDir = dataDirFromArgs(process.argv, process.env) ?? app.getPath('userData')
    let commonplace
    try {
      commonplace = await openCommonplace(dataDir)
    } catch (error) {
      // Refuse to start rather than write over a notebook we could not read.
      dialog.showErrorBox('Commonplace cannot open its notebook', (error as Error).message)
      app.exit(1)
      return
    }
    registerIpc(
      ipcMain,
      createHandlers(
        commonplace,
        electronPorts(
          () => mainWindow,
          () => readyToClose(),
        ),
      ),
      { devServerUrl: devServerUrl() },
    )
    installMenu(() => mainWindow)
    openWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
