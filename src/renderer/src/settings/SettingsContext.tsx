import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import {
  DEFAULT_SETTINGS,
  EMPTY_RESUME_STATE,
  type ResumeState,
  type Settings,
  type SettingsSnapshot,
} from '../../../shared/settings'
import { call } from '../api'
import { useNotify } from '../ui/notices'
import { applyAppearance } from './appearance'

export interface SettingsValue {
  settings: Settings
  /** Saves a change; resolves to an error message to show, or null once saved. */
  update(change: Partial<Settings>): Promise<string | null>
  /** Where the writer left off at the last run, as loaded at start. */
  resumeAtStart: ResumeState
  /** The settings file, named in the dialog. */
  file: string
  /** What could not be read from it at start (defaults stand in), or null. */
  problem: string | null
}

const SettingsContext = createContext<SettingsValue | null>(null)

export function useSettings(): SettingsValue {
  const value = useContext(SettingsContext)
  if (!value) throw new Error('useSettings needs a SettingsProvider above it')
  return value
}

/** The settings at start; when main cannot answer, the defaults and why. */
export async function loadSettings(): Promise<SettingsSnapshot> {
  const result = await call((api) => api.getSettings())
  if (result.ok) return result.value
  return {
    settings: { ...DEFAULT_SETTINGS },
    resume: { ...EMPTY_RESUME_STATE },
    file: '',
    problem: `Settings could not be loaded, so the defaults apply: ${result.error.message}`,
  }
}

export function SettingsProvider({
  initial,
  children,
}: {
  initial: SettingsSnapshot
  children: ReactNode
}): ReactNode {
  const notify = useNotify()
  const [settings, setSettings] = useState(initial.settings)
  const latestUpdate = useRef(0)

  useEffect(() => applyAppearance(document.documentElement, settings), [settings])
  // Said once, at start: the app opened anyway, with defaults where the file was bad.
  useEffect(() => {
    if (initial.problem) notify.error(initial.problem)
  }, [initial.problem, notify])

  const value = useMemo<SettingsValue>(
    () => ({
      settings,
      async update(change) {
        // Shown at once; the answer is what was saved. Only the answer to the latest change is
        // shown: an older one, arriving after a newer change was shown (a slider stepped twice
        // while main saved the first step), would take the control back, and the next key would
        // step on from there.
        const request = ++latestUpdate.current
        setSettings((current) => ({ ...current, ...change }))
        const result = await call((api) => api.updateSettings(change))
        if (!result.ok) return result.error.message
        if (request === latestUpdate.current) setSettings(result.value)
        return null
      },
      resumeAtStart: initial.resume,
      file: initial.file,
      problem: initial.problem,
    }),
    [settings, initial],
  )
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>
}
