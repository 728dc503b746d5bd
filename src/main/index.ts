import { app, BrowserWindow, dialog, ipcMain, session as electronSession } from 'electron'
import { essaySyncChannel, importProgressChannel, notebookChangedChannel } from '../shared/ipc'
import { createHandlers } from './core/api'
import { scheduleBackups } from './core/backup-schedule'
import { NotebookSession } from './core/notebook-session'
import { EssaySync } from './core/sync/essay-sync'
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

  let session: NotebookSession | undefined
  app.whenReady().then(async () => {
    hardenSession(electronSession.defaultSession)
    serveRenderer()
    const dataDir = dataDirFromArgs(process.argv, process.env) ?? app.getPath('userData')
    try {
      // A damaged notebook still opens, refused: the window then offers backups and repair.
      session = await NotebookSession.open(dataDir, { watch: true })
    } catch (error) {
      dialog.showErrorBox('Commonplace cannot open its notebook', (error as Error).message)
      app.exit(1)
      return
    }
    session.onChange((change) => mainWindow?.webContents.send(notebookChangedChannel, change))
    session.onImportProgress((progress) =>
      mainWindow?.webContents.send(importProgressChannel, progress),
    )
    scheduleBackups(session, undefined, (error) => console.error('Backup failed:', error))
    // Started by the sync client with its link while sync is on (Y2); until then, essays are
    // edited on their own, as without sync.
    const essaySync = new EssaySync()
    essaySync.onEvent((event) => mainWindow?.webContents.send(essaySyncChannel, event))
    // What another process (the CLI) wrote to essays goes into their shared docs too.
    session.onChange((change) => void essaySync.current()?.absorb(change.essays))
    registerIpc(
      ipcMain,
      createHandlers(
        session,
        electronPorts(
          () => mainWindow,
          () => readyToClose(),
        ),
        { essayDocs: () => essaySync.current() },
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

  // The derived indexes save a moment after each change; what is pending is written before the
  // app ends, so the next start need not catch them up from the change log.
  let flushed = false
  app.on('will-quit', (event) => {
    if (flushed || !session) return
    event.preventDefault()
    void session
      .flush()
      .catch((error: unknown) => console.error('Saving the indexes failed:', error))
      .finally(() => {
        flushed = true
        app.quit()
      })
  })
}
