import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { channels, type InvokeHandlers, type InvokeMethod } from '../shared/ipc'

/** Only the app's own page may call main: its file:// page, or the dev server in development. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? ''
  if (url.startsWith('file://')) return true
  const devServer = process.env.ELECTRON_RENDERER_URL
  return Boolean(devServer && url.startsWith(devServer))
}

export function registerIpc(handlers: InvokeHandlers): void {
  for (const method of Object.keys(channels) as InvokeMethod[]) {
    ipcMain.handle(channels[method], (event, ...args: unknown[]) => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: { code: 'invalid-argument', message: 'Refused: unknown sender.' },
        }
      }
      return handlers[method](...args)
    })
  }
}
