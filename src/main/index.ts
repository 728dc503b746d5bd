import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  nativeTheme,
  session as electronSession,
} from 'electron'
import {
  importProgressChannel,
  menuCommandChannel,
  essaySyncChannel,
  notebookChangedChannel,
  screenReaderChannel,
  syncStatusChannel,
  type MenuCommand,
} from '../shared/ipc'
import { createHandlers } from './core/api'
import { scheduleBackups } from './core/backup-schedule'
import { NotebookSession } from './core/notebook-session'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { dataDirFromArgs, userDataFor } from './data-dir'
import { guardClose } from './close-guard'
import { registerIpc } from './ipc'
import { electronPorts } from './os-ports'
import { installMenu } from './menu'
import { hardenSession } from './session-hardening'
import { followThemeSetting } from './system-theme'
import { createMainWindow, devServerUrl, displayWorkAreas } from './window'
import { filesFromArgv, OpenedFiles, type ArgvContext } from './opened-files'
import { WindowStateFile } from './window-state'

// App lifecycle only: everything the app does lives in ./core and is reached through ./ipc.
// One instance per notebook: the lock is taken in userData, set first (see userDataFor).
app.setPath(
  'userData',
  userDataFor(app.getPath('userData'), dataDirFromArgs(process.argv, process.env)),
)
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // Schemes get their privileges only before the app is ready.
  registerAppScheme()

  let mainWindow: BrowserWindow | null = null
  let readyToClose: () => void = () => undefined

  async function openWindow(dataDir: string): Promise<void> {
    const stateFile = new WindowStateFile(dataDir)
    const window = createMainWindow(await stateFile.load(displayWorkAreas()), stateFile)
    readyToClose = guardClose(window)
    window.on('closed', () => (mainWindow = null))
    mainWindow = window
  }

  // macOS runs on without a window; the dock icon or an opened file makes one, once however many
  // ask while it is being made.
  let opening: Promise<void> | null = null
  function openWindowIfNone(dataDir: string): void {
    if (mainWindow || BrowserWindow.getAllWindows().length > 0) return
    opening ??= openWindow(dataDir).finally(() => (opening = null))
  }

  // Files opened with Commonplace wait here until the page asks for them (it does on loading, and
  // when told more came), so one opened before the window exists is imported once it does.
  const opened = new OpenedFiles()
  let started: { dataDir: string } | null = null
  const argvContext = (cwd: string): ArgvContext => ({
    // `electron <app> …` in development: the app path comes after the executable.
    leading: process.defaultApp ? 2 : 1,
    cwd,
  })

  function bringToFront(): void {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  }

  function announceOpenedFiles(): void {
    if (!started) return
    if (!mainWindow) {
      // Its page asks for the files once it has loaded.
      openWindowIfNone(started.dataDir)
      return
    }
    const command: MenuCommand = 'import-opened-files'
    mainWindow.webContents.send(menuCommandChannel, command)
    bringToFront()
  }

  // macOS hands files over as events, the first ones before `ready` when they started the app.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    if (opened.add([path])) announceOpenedFiles()
  })
  // Windows and Linux name them on the command line: of this start, or of a second start, which
  // quits at once and leaves them to this instance.
  opened.add(filesFromArgv(process.argv, argvContext(process.cwd())))
  app.on('second-instance', (_event, argv: string[] = [], workingDirectory = process.cwd()) => {
    if (opened.add(filesFromArgv(argv, argvContext(workingDirectory)))) announceOpenedFiles()
    else bringToFront()
  })

  let session: NotebookSession | undefined
  // Start-up failing past the notebook (the window, the theme setting) is said, not left as an
  // unhandled rejection behind a window that never opens.
  const failedToStart = (error: unknown): void => {
    dialog.showErrorBox('Commonplace could not start', (error as Error).message ?? String(error))
    app.exit(1)
  }
  void app
    .whenReady()
    .then(async () => {
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
      session.onSyncStatus((status) => mainWindow?.webContents.send(syncStatusChannel, status))
      session.onEssaySync((event) => mainWindow?.webContents.send(essaySyncChannel, event))
      session.onImportProgress((progress) =>
        mainWindow?.webContents.send(importProgressChannel, progress),
      )
      // A screen reader started or stopped (Windows and macOS report it): a long essay is then
      // laid out whole, or windowed again (Settings > Screen reader support).
      app.on('accessibility-support-changed', (_event, running) =>
        mainWindow?.webContents.send(screenReaderChannel, running),
      )
      scheduleBackups(session, undefined, (error) => console.error('Backup failed:', error))
      const ports = electronPorts(
        () => mainWindow,
        () => readyToClose(),
        () => opened.take(),
      )
      // Before the window exists, so it opens in the theme's colours.
      const handlers = await followThemeSetting(createHandlers(session, ports), (theme) => {
        nativeTheme.themeSource = theme
      })
      registerIpc(ipcMain, handlers, { devServerUrl: devServerUrl() })
      installMenu(
        () => mainWindow,
        () =>
          void ports
            .openFolder(dataDir)
            .catch((error: Error) =>
              dialog.showErrorBox('Commonplace could not open its data folder', error.message),
            ),
      )
      await openWindow(dataDir)
      started = { dataDir }
      app.on('activate', () => openWindowIfNone(dataDir))
    })
    .catch(failedToStart)

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  // The derived indexes save a moment after each change; what is pending is written before the
  // app ends, so the next start need not catch them up from the change log.
  let flushed = false
  app.on('will-quit', (event) => {
    if (flushed || !session) return
    event.preventDefault()
    const closing = session
    void closing
      .flush()
      .catch((error: unknown) => console.error('Saving the indexes failed:', error))
      // The sync's documents are on disk as they change; this ends its connection and lock.
      .then(() => closing.close())
      .catch((error: unknown) => console.error('Closing the notebook failed:', error))
      .finally(() => {
        flushed = true
        app.quit()
      })
  })
}
