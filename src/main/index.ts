import { app, BrowserWindow, dialog, shell } from 'electron'
import { createHandlers } from './core/api'
import { openCommonplace } from './core/commonplace'
import { dataDirFromArgs } from './data-dir'
import { guardClose } from './close-guard'
import { registerIpc } from './ipc'
import { installMenu } from './menu'
import { createMainWindow, isExternalWebLink } from './window'

// App lifecycle only: everything the app does lives in ./core and is reached through ./ipc.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
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
      createHandlers(commonplace, {
        chooseFilesToImport: async () => {
          const options: Electron.OpenDialogOptions = {
            title: 'Import sources',
            properties: ['openFile', 'multiSelections'],
            filters: [{ name: 'Articles', extensions: ['html', 'htm', 'md', 'markdown', 'txt'] }],
          }
          const result = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options)
          return result.canceled ? [] : result.filePaths
        },
        openExternal: async (url) => {
          if (isExternalWebLink(url)) await shell.openExternal(url)
        },
        readyToClose: () => readyToClose(),
        chooseExportPath: async (suggestedName) => {
          const options: Electron.SaveDialogOptions = {
            title: 'Export to Markdown',
            defaultPath: suggestedName,
            filters: [{ name: 'Markdown', extensions: ['md'] }],
          }
          const result = mainWindow
            ? await dialog.showSaveDialog(mainWindow, options)
            : await dialog.showSaveDialog(options)
          return result.canceled || !result.filePath ? null : result.filePath
        },
        chooseEssayToImport: async () => {
          const options: Electron.OpenDialogOptions = {
            title: 'Import essay from Markdown',
            properties: ['openFile'],
            filters: [{ name: 'Markdown', extensions: ['md', 'markdown'] }],
          }
          const result = mainWindow
            ? await dialog.showOpenDialog(mainWindow, options)
            : await dialog.showOpenDialog(options)
          return result.canceled ? null : (result.filePaths[0] ?? null)
        },
      }),
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
