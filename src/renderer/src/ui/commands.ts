import { useEffect, useEffectEvent } from 'react'
import type { MenuCommand } from '../../../shared/ipc'
import { api } from '../api'

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform)

export interface Shortcut {
  key: string
  shift?: boolean
  /** The physical key, for a key whose character changes with Shift ("\\" and "|"). */
  code?: string
}

/** How the shortcut reads in this platform's own notation, for hints beside buttons. */
export function shortcutLabel({ key, shift }: Shortcut): string {
  const upper = keyName(key)
  if (isMac) return `${shift ? '⇧' : ''}⌘${upper}`
  return `Ctrl+${shift ? 'Shift+' : ''}${upper}`
}

/** "k" reads "K", "enter" reads "Enter". */
function keyName(key: string): string {
  return key.length === 1 ? key.toUpperCase() : key[0].toUpperCase() + key.slice(1)
}

export const shortcuts = {
  'import-source': { key: 'o' },
  'clip-selection': { key: 'c', shift: true },
  'export-essay': { key: 'e' },
  'open-settings': { key: ',' },
  'show-shortcuts': { key: '/' },
  'toggle-library': { key: '\\', code: 'Backslash' },
  'toggle-clippings': { key: '\\', shift: true, code: 'Backslash' },
  'focus-mode': { key: 'f', shift: true },
} satisfies Partial<Record<MenuCommand, Shortcut>>

const shortcutOf: Partial<Record<MenuCommand, Shortcut>> = shortcuts

/** Whether a key press is this shortcut: the platform's modifier (Cmd or Ctrl), no Alt. */
export function matches(event: KeyboardEvent, { key, shift = false, code }: Shortcut): boolean {
  const modifier = isMac ? event.metaKey : event.ctrlKey
  const sameKey = code ? event.code === code : event.key.toLowerCase() === key
  return modifier && !event.altKey && event.shiftKey === shift && sameKey
}

/**
 * Runs `handler` for a command from the native menu or its keyboard shortcut. The renderer owns
 * the shortcuts (main's menu only displays them), so they work in the e2e harness too.
 */
export function useCommand(command: MenuCommand, handler: () => void): void {
  const run = useEffectEvent(handler)
  useEffect(() => {
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

/** The shortcut in `aria-keyshortcuts` notation. */
export function ariaShortcut({ key, shift }: Shortcut): string {
  return `${isMac ? 'Meta' : 'Control'}+${shift ? 'Shift+' : ''}${keyName(key)}`
}
