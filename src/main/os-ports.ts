import { join } from 'node:path'
import { app, dialog, shell, type BrowserWindow } from 'electron'
import type { Ports } from './core/ports'
import { isWebLink } from '../shared/urls'

/** The one door to the user's browser: web links only, never file:, app: or javascript:. */
export async function openInBrowser(url: string): Promise<void> {
  if (isWebLink(url)) await shell.openExternal(url)
}

/**
 * Where the sample notebook is: beside the packaged app (electron-builder's extraResources), else
 * in the repo, found from this bundle (out/main) however Electron was started on it.
 */
function sampleNotebookDir(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'sample')
    : join(__dirname, '..', '..', 'resources', 'sample')
}

/** The services' ports, answered by Electron: dialogs sheet-attached to the window when open. */
export function electronPorts(
  getWindow: () => BrowserWindow | null,
  readyToClose: () => void,
  takeOpenedFiles: () => string[],
): Ports {
  const openFiles = async (options: Electron.OpenDialogOptions): Promise<string[]> => {
    const window = getWindow()
    const result = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options)
    return result.canceled ? [] : result.filePaths
  }
  return {
    chooseFilesToImport: () =>
      openFiles({
        title: 'Import sources',
        properties: ['openFile', 'multiSelections'],
        filters: [
          {
            name: 'Sources',
            extensions: ['html', 'htm', 'xhtml', 'md', 'markdown', 'txt', 'pdf', 'epub'],
          },
        ],
      }),
    chooseEssayToImport: async () => {
      const [path] = await openFiles({
        title: 'Import essay from Markdown',
        properties: ['openFile'],
        filters: [{ name: 'Markdown', extensions: ['md', 'markdown'] }],
      })
      return path ?? null
    },
    chooseHighlightsToImport: async () => {
      const [path] = await openFiles({
        title: 'Import highlights',
        properties: ['openFile'],
        filters: [
          { name: 'Highlights', extensions: ['json', 'jsonld', 'txt', 'csv'] },
          { name: 'All files', extensions: ['*'] },
        ],
      })
      return path ?? null
    },
    chooseExportPath: async (suggestedName) => {
      const options: Electron.SaveDialogOptions = {
        title: 'Export to Markdown',
        defaultPath: suggestedName,
        filters: [{ name: 'Markdown', extensions: ['md'] }],
      }
      const window = getWindow()
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    openExternal: openInBrowser,
    sampleNotebookDir: sampleNotebookDir(),
    showItemInFolder: (path) => shell.showItemInFolder(path),
    readyToClose,
    openFolder: async (path) => {
      // openPath answers an error message, or '' when the file manager opened.
      const problem = await shell.openPath(path)
      if (problem) throw new Error(`Could not open ${path}: ${problem}`)
    },
    appIdentity: () => ({ name: app.getName(), version: app.getVersion() }),
    takeOpenedFiles,
    screenReaderRunning: () => app.isAccessibilitySupportEnabled(),
  }
}
