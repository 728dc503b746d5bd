import { describe, expect, it } from 'vitest'
import { ariaShortcut, isMacPlatform, shortcutLabel, shortcuts } from './shortcuts'

describe('shortcut labels', () => {
  it('read with Cmd symbols on macOS', () => {
    expect(shortcutLabel(shortcuts['import-source'], true)).toBe('⌘O')
    expect(shortcutLabel(shortcuts['clip-selection'], true)).toBe('⇧⌘C')
    expect(shortcutLabel({ key: 'enter' }, true)).toBe('⌘Enter')
    expect(ariaShortcut(shortcuts['focus-mode'], true)).toBe('Meta+Shift+F')
  })

  it('read with Ctrl on Windows and Linux', () => {
    expect(shortcutLabel(shortcuts['import-source'], false)).toBe('Ctrl+O')
    expect(shortcutLabel(shortcuts['clip-selection'], false)).toBe('Ctrl+Shift+C')
    expect(shortcutLabel(shortcuts['toggle-library'], false)).toBe('Ctrl+\\')
    expect(ariaShortcut(shortcuts['focus-mode'], false)).toBe('Control+Shift+F')
  })

  it('know Apple platforms by what Chromium reports for them', () => {
    for (const platform of ['MacIntel', 'macOS', 'iPad', 'iPhone']) {
      expect(isMacPlatform(platform), platform).toBe(true)
    }
    for (const platform of ['Win32', 'Windows', 'Linux x86_64', 'Linux', '']) {
      expect(isMacPlatform(platform), platform).toBe(false)
    }
  })
})
