import type { InvokeHandlers } from '../shared/ipc'
import type { Theme } from '../shared/settings'

// The app's light or dark look, decided in main as well as in the page: Electron's nativeTheme
// follows the writer's setting (so menus, dialogs and the page's prefers-color-scheme agree), and
// the window is painted in the page's own ground colour before the page has loaded.

/** The `--desk` token of ui/tokens.css in each scheme: what the window shows before the page. */
export const windowBackground = { light: '#f1ede4', dark: '#191714' } as const

export function backgroundFor(dark: boolean): string {
  return dark ? windowBackground.dark : windowBackground.light
}

/**
 * Applies the saved theme now and after every change of settings the page makes. Returns the
 * handlers to register: the same ones, with `updateSettings` also applying what it saved.
 */
export async function followThemeSetting(
  handlers: InvokeHandlers,
  apply: (theme: Theme) => void,
): Promise<InvokeHandlers> {
  const snapshot = await handlers.getSettings()
  // A settings file that cannot be read leaves the system's choice in place.
  apply(snapshot.ok ? snapshot.value.settings.theme : 'system')
  return {
    ...handlers,
    updateSettings: async (...args) => {
      const saved = await handlers.updateSettings(...args)
      if (saved.ok) apply(saved.value.theme)
      return saved
    },
  }
}
