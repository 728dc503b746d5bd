import { channels, type InvokeHandlers, type InvokeMethod, type Result } from '../shared/ipc'
import { isTrustedSender, type SenderTrust } from './trusted-sender'

/** The part of an `IpcMainInvokeEvent` the sender check reads. */
export interface InvokeEvent {
  senderFrame: { url: string } | null
}

/**
 * The part of Electron's `ipcMain` this module uses. Injected, so the e2e harness registers the
 * very same handlers and sender check on its own stand-in and this file never imports `electron`.
 */
export interface InvokeRegistry {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void
}

const refused: Result<never> = {
  ok: false,
  error: { code: 'invalid-argument', message: 'Refused: unknown sender.' },
}

/** One handler per contract channel; a call from any frame but the app's own is refused. */
export function registerIpc(
  ipcMain: InvokeRegistry,
  handlers: InvokeHandlers,
  trust: SenderTrust = {},
): void {
  for (const method of Object.keys(channels) as InvokeMethod[]) {
    ipcMain.handle(channels[method], (event, ...args) => {
      // senderFrame is null once the frame has navigated away or been destroyed.
      if (!isTrustedSender(event.senderFrame?.url, trust)) return refused
      return handlers[method](...args)
    })
  }
}
