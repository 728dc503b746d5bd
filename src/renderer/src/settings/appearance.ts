import type { Settings } from '../../../shared/settings'
import './appearance.css'

/**
 * Puts the settings that change how things look on <html>: `data-theme` for a chosen theme (the
 * design tokens honour it; without it they follow the system), the colour scheme native controls
 * use (through the tokens' color-scheme rules), the reader's text size and the essay's font.
 */
export function applyAppearance(root: HTMLElement, settings: Settings): void {
  if (settings.theme === 'system') root.removeAttribute('data-theme')
  else root.dataset.theme = settings.theme
  root.style.setProperty('--reader-font-size', `${settings.readerFontSize}px`)
  root.dataset.readerFontSize = String(settings.readerFontSize)
  root.dataset.essayFont = settings.essayFont
}
