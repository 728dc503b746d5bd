import { useEffect, useId, useState, type ReactElement } from 'react'
import type { CitationStyle, ExportFormat } from '../../../shared/ipc'
import { citationStyles } from '../essays/EssayMenu'
import {
  READER_FONT_SIZE,
  type EssayFont,
  type ScreenReaderSupport,
  type Settings,
  type Theme,
} from '../../../shared/settings'
import { call } from '../api'
import { ModalDialog } from '../ui/ModalDialog'
import { shortcutLabel, shortcuts } from '../ui/commands'
import { useSettings } from './SettingsContext'
import { RadioChoices } from './RadioChoices'
import { SyncSettings } from './SyncSettings'

interface SettingsDialogProps {
  onClose(): void
  onShowShortcuts(): void
}

const themes: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

const essayFonts: { value: EssayFont; label: string }[] = [
  { value: 'serif', label: 'Serif' },
  { value: 'sans', label: 'Sans-serif' },
]

const screenReaderChoices: { value: ScreenReaderSupport; label: string }[] = [
  { value: 'auto', label: 'When one is running' },
  { value: 'on', label: 'On' },
  { value: 'off', label: 'Off' },
]

/** Settings (Ctrl/Cmd+,): each change applies and is saved at once; there is no Save button. */
export function SettingsDialog({ onClose, onShowShortcuts }: SettingsDialogProps): ReactElement {
  const { settings, update, file, problem } = useSettings()
  const id = useId()
  const [error, setError] = useState<string | null>(null)
  const [dataDir, setDataDir] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    void call((api) => api.aboutApp()).then((result) => {
      if (current && result.ok) setDataDir(result.value.dataDir)
    })
    return () => {
      current = false
    }
  }, [])

  const change = (patch: Partial<Settings>): void => {
    void update(patch).then(setError)
  }

  const reveal = async (): Promise<void> => {
    const result = await call((api) => api.revealDataFolder())
    setError(result.ok ? null : result.error.message)
  }

  return (
    <ModalDialog title="Settings" onClose={onClose} className="settings-dialog">
      <div className="settings-form">
        {problem && <p className="settings-problem">{problem}</p>}
        <RadioChoices
          legend="Theme"
          choices={themes}
          value={settings.theme}
          onChange={(theme) => change({ theme })}
        />
        <div className="settings-field">
          <label htmlFor={`${id}-size`}>Reader text size</label>
          <div className="settings-range">
            <input
              id={`${id}-size`}
              type="range"
              min={READER_FONT_SIZE.min}
              max={READER_FONT_SIZE.max}
              step={1}
              value={settings.readerFontSize}
              aria-valuetext={`${settings.readerFontSize} pixels`}
              onChange={(event) => change({ readerFontSize: Number(event.target.value) })}
            />
            <output htmlFor={`${id}-size`}>{settings.readerFontSize} px</output>
          </div>
        </div>
        <RadioChoices
          legend="Essay font"
          choices={essayFonts}
          value={settings.essayFont}
          onChange={(essayFont) => change({ essayFont })}
        />
        <RadioChoices
          legend="Screen reader support"
          choices={screenReaderChoices}
          value={settings.screenReaderSupport}
          onChange={(screenReaderSupport) => change({ screenReaderSupport })}
          hint="When on, a long essay is laid out whole, so a screen reader can read all of it; typing in it is slower."
        />
        <div className="settings-field">
          <label htmlFor={`${id}-format`}>Default export format</label>
          <select
            id={`${id}-format`}
            value={settings.exportFormat}
            onChange={(event) => change({ exportFormat: event.target.value as ExportFormat })}
          >
            <option value="gfm">Markdown (footnotes)</option>
            <option value="pandoc">Pandoc (citations)</option>
            <option value="obsidian">Obsidian</option>
          </select>
        </div>
        <div className="settings-field">
          <label htmlFor={`${id}-style`}>Citation style (Markdown export)</label>
          <select
            id={`${id}-style`}
            value={settings.citationStyle}
            onChange={(event) => change({ citationStyle: event.target.value as CitationStyle })}
          >
            {citationStyles.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="settings-field">
          <span id={`${id}-folder`} className="settings-label">
            <strong>Data folder</strong>
          </span>
          <p className="settings-path" aria-labelledby={`${id}-folder`}>
            {dataDir ?? '…'}
          </p>
          <div className="settings-actions">
            <button type="button" className="button" onClick={() => void reveal()}>
              Reveal in file manager
            </button>
          </div>
          {file && <p className="settings-hint">Settings are kept in {file}.</p>}
        </div>
        <SyncSettings />
        {error && (
          <p className="settings-problem" role="alert">
            {error}
          </p>
        )}
        <div className="settings-actions">
          <button type="button" className="button button-quiet" onClick={onShowShortcuts}>
            Keyboard shortcuts ({shortcutLabel(shortcuts['show-shortcuts'])})
          </button>
        </div>
      </div>
    </ModalDialog>
  )
}
