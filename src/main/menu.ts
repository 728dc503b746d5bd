import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { menuCommandChannel, type MenuCommand } from '../shared/ipc'

/**
 * The renderer owns the keyboard shortcuts (they work the same in the e2e harness), so the menu
 * shows them without registering them twice. `openDataFolder` is main's own: it needs no page.
 */
export function installMenu(
  getWindow: () => BrowserWindow | null,
  openDataFolder: () => void,
): void {
  const send = (command: MenuCommand) => (): void =>
    getWindow()?.webContents.send(menuCommandChannel, command)
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Import…',
          accelerator: 'CmdOrCtrl+O',
          registerAccelerator: false,
          click: send('import-source'),
        },
        { label: 'Import Highlights…', click: send('import-highlights') },
        { label: 'New Essay', click: send('new-essay') },
        { label: 'Import Essay from Markdown…', click: send('import-essay') },
        {
          label: 'Export…',
          accelerator: 'CmdOrCtrl+E',
          registerAccelerator: false,
          click: send('export-essay'),
        },
        { type: 'separator' },
        { label: 'Backups…', click: send('open-backups') },
        {
          label: 'Settings…',
          accelerator: 'CmdOrCtrl+,',
          registerAccelerator: false,
          click: send('open-settings'),
        },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        {
          label: 'Clip Selection',
          accelerator: 'CmdOrCtrl+Shift+C',
          registerAccelerator: false,
          click: send('clip-selection'),
        },
      ],
    },
    {
      label: 'View',
      submenu: [
        {
          label: 'Show or Hide Sources',
          accelerator: 'CmdOrCtrl+\\',
          registerAccelerator: false,
          click: send('toggle-library'),
        },
        {
          label: 'Show or Hide Clippings',
          accelerator: 'CmdOrCtrl+Shift+\\',
          registerAccelerator: false,
          click: send('toggle-clippings'),
        },
        {
          label: 'Focus Mode',
          accelerator: 'CmdOrCtrl+Shift+F',
          registerAccelerator: false,
          click: send('focus-mode'),
        },
        { type: 'separator' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Open Sample Notebook', click: send('open-sample') },
        { label: 'Open Data Folder', click: openDataFolder },
        { type: 'separator' },
        {
          label: 'Keyboard Shortcuts',
          accelerator: 'CmdOrCtrl+/',
          registerAccelerator: false,
          click: send('show-shortcuts'),
        },
        { type: 'separator' },
        { label: 'About Commonplace', click: send('show-about') },
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
