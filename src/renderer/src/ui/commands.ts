import { useEffectEvent, useLayoutEffect } from 'react'
import type { MenuCommand } from '../../../shared/ipc'
import { api } from '../api'
import type { HandledMenuCommand } from './handled-commands'
import { runningOnMac, shortcuts, type Shortcut } from './shortcuts'

export { ariaShortcut, shortcutLabel, shortcuts, type Shortcut } from './shortcuts'

const isMac = runningOnMac()

const shortcutOf: Partial<Record<MenuCommand, Shortcut>> = shortcuts

/** Whether a key press is this shortcut: the platform's modifier (Cmd or Ctrl), no Alt. */
export function matches(event: KeyboardEvent, { key, shift = false, code }: Shortcut): boolean {
  const modifier = isMac ? event.metaKey : event.ctrlKey
  const sameKey = code ? event.code === code : event.key.toLowerCase() === key
  return modifier && !event.altKey && event.shiftKey === shift && sameKey
}

/**
 * Runs `handler` for a command from the native menu or its keyboard shortcut. The renderer owns
 * the shortcuts (main's menu only displays them), so they work in the e2e harness too. Listening
 * starts before the page paints: a key pressed as soon as the window shows is not lost.
 */
export function useCommand(command: HandledMenuCommand, handler: () => void): void {
  const run = useEffectEvent(handler)
  useLayoutEffect(() => {
    const shortcut = shortcutOf[command]
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!shortcut || !matches(event, shortcut)) return
      event.preventDefault()
      run()
    }
    window.addEventListener('keydown', onKeyDown)
    const unsubscribe = api().onMenuCommand((chosen) => {
      if (chosen === command) run()
    })
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      unsubscribe()
    }
  }, [command])
}
