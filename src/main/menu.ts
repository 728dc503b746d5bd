import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
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
  const mac = process.platform === 'darwin'
  // Reload is for developers: it skips the close guard, so an edit the autosave has not written
  // yet would be lost, and a packaged app has nothing a writer needs reloaded. Developer Tools
  // would open the page to whoever sits at the machine. Both stay in development only.
  const developerItems: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
  const settings: MenuItemConstructorOptions = {
    label: 'Settings…',
    accelerator: 'CmdOrCtrl+,',
    registerAccelerator: false,
    click: send('open-settings'),
  }
  const about: MenuItemConstructorOptions = {
    label: 'About Commonplace',
    click: send('show-about'),
  }
  // On macOS, About, Settings and Quit live in the menu named after the app, where Mac users look.
  const appMenu: MenuItemConstructorOptions = {
    label: 'Commonplace',
    submenu: [
      about,
      { type: 'separator' },
      settings,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [appMenu] : []),
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
        ...(mac ? [] : [settings]),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
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
        {
          label: 'Find in Essay…',
          accelerator: 'CmdOrCtrl+F',
          registerAccelerator: false,
          click: send('find-in-essay'),
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
        ...developerItems,
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
        ...(mac ? [] : [{ type: 'separator' } as const, about]),
      ],
    },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
