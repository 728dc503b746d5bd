import { useEffect, useState, type ReactElement } from 'react'
import { SettingsDialog } from '../settings/SettingsDialog'
import { useCommand } from '../ui/commands'
import { AboutDialog } from './AboutDialog'
import { ShortcutSheet } from './ShortcutSheet'

type AppDialog = 'settings' | 'shortcuts' | 'about'

const OPEN_DIALOG_EVENT = 'commonplace:open-dialog'

/** Opens one of the app's dialogs from a button anywhere, as its menu item or shortcut does. */
export function openAppDialog(dialog: AppDialog): void {
  window.dispatchEvent(new CustomEvent<AppDialog>(OPEN_DIALOG_EVENT, { detail: dialog }))
}

/** Settings, the shortcut sheet and About: one at a time, from the menu, a key or a button. */
export function AppDialogs(): ReactElement | null {
  const [open, setOpen] = useState<AppDialog | null>(null)
  useCommand('open-settings', () => setOpen('settings'))
  useCommand('show-shortcuts', () => setOpen('shortcuts'))
  useCommand('show-about', () => setOpen('about'))
  useEffect(() => {
    const onOpen = (event: Event): void => setOpen((event as CustomEvent<AppDialog>).detail)
    window.addEventListener(OPEN_DIALOG_EVENT, onOpen)
    return () => window.removeEventListener(OPEN_DIALOG_EVENT, onOpen)
  }, [])
  const close = (): void => setOpen(null)
  if (open === 'settings') {
    return <SettingsDialog onClose={close} onShowShortcuts={() => setOpen('shortcuts')} />
  }
  if (open === 'shortcuts') return <ShortcutSheet onClose={close} />
  if (open === 'about') return <AboutDialog onClose={close} />
  return null
}
