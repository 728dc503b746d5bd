import type { BrowserWindow } from 'electron'
import { menuCommandChannel, type MenuCommand } from '../shared/ipc'

/** How long a closing window waits for the page to save before it closes anyway. */
const SAVE_GRACE_MS = 3000

/**
 * Quitting never loses a keystroke: the first close is held back while the page saves what its
 * autosave has not yet written, then the page says `readyToClose` and the window really closes.
 * Returns that `readyToClose` callback.
 */
export function guardClose(window: BrowserWindow): () => void {
  let mayClose = false
  const closeNow = (): void => {
    mayClose = true
    if (!window.isDestroyed()) window.close()
  }
  window.on('close', (event) => {
    if (mayClose) return
    event.preventDefault()
    const command: MenuCommand = 'before-close'
    window.webContents.send(menuCommandChannel, command)
    setTimeout(closeNow, SAVE_GRACE_MS)
  })
  return closeNow
}
