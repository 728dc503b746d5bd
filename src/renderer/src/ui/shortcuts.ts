import type { MenuCommand } from '../../../shared/ipc'

// The app's shortcut keys and how they read on each platform. No DOM at load time, so unit tests
// and main's smoke test (which checks the menu's accelerators against this table) import it.

export interface Shortcut {
  key: string
  shift?: boolean
  /** The physical key, for a key whose character changes with Shift ("\\" and "|"). */
  code?: string
}

/** The menu commands that have a key; the native menu shows the same ones. */
export const shortcuts = {
  'import-source': { key: 'o' },
  'clip-selection': { key: 'c', shift: true },
  'export-essay': { key: 'e' },
  'open-settings': { key: ',' },
  'show-shortcuts': { key: '/' },
  'toggle-library': { key: '\\', code: 'Backslash' },
  'toggle-clippings': { key: '\\', shift: true, code: 'Backslash' },
  'focus-mode': { key: 'f', shift: true },
  'find-in-essay': { key: 'f' },
} satisfies Partial<Record<MenuCommand, Shortcut>>

/** Apple's platforms use Cmd where the others use Ctrl. */
export function isMacPlatform(platform: string): boolean {
  return /^(mac|iphone|ipad)/i.test(platform)
}

/** The platform the page runs on: Client Hints where Chromium has them, else the older field. */
export function runningOnMac(): boolean {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } }
  return isMacPlatform(nav.userAgentData?.platform || nav.platform)
}

/** How the shortcut reads in the platform's own notation: "⇧⌘C" on a Mac, "Ctrl+Shift+C" elsewhere. */
export function shortcutLabel({ key, shift }: Shortcut, mac: boolean = runningOnMac()): string {
  const upper = keyName(key)
  if (mac) return `${shift ? '⇧' : ''}⌘${upper}`
  return `Ctrl+${shift ? 'Shift+' : ''}${upper}`
}

/** The shortcut in `aria-keyshortcuts` notation. */
export function ariaShortcut({ key, shift }: Shortcut, mac: boolean = runningOnMac()): string {
  return `${mac ? 'Meta' : 'Control'}+${shift ? 'Shift+' : ''}${keyName(key)}`
}

/** "k" reads "K", "enter" reads "Enter". */
function keyName(key: string): string {
  return key.length === 1 ? key.toUpperCase() : key.charAt(0).toUpperCase() + key.slice(1)
}
