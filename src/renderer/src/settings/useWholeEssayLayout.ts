import { useEffect, useState } from 'react'
import { laysOutWholeEssay } from '../../../shared/settings'
import { api, call } from '../api'
import { useSettings } from './SettingsContext'

/** Whether the operating system reports a screen reader on, kept up to date as it starts or stops. */
function useScreenReaderRunning(): boolean {
  const [running, setRunning] = useState(false)
  useEffect(() => {
    let current = true
    // Once main has told of a change, its first answer (which may arrive later) is out of date.
    let told = false
    const stop = api().onScreenReaderChanged((now) => {
      told = true
      setRunning(now)
    })
    void call((commonplace) => commonplace.screenReaderRunning()).then((result) => {
      if (current && !told && result.ok) setRunning(result.value)
    })
    return () => {
      current = false
      stop()
    }
  }, [])
  return running
}

/**
 * Whether a long essay is laid out whole rather than only near the view: for a screen reader,
 * which reads only what is laid out (Settings > Screen reader support).
 */
export function useWholeEssayLayout(): boolean {
  const { settings } = useSettings()
  const running = useScreenReaderRunning()
  return laysOutWholeEssay(settings.screenReaderSupport, running)
}
