import { useEffect } from 'react'
import { call } from '../api'

/**
 * Nothing typed may be lost: `flush` saves at once when the pane unmounts, the window closes or
 * reloads, the page is hidden, or main asks before closing (then says it may close).
 */
export function useSaveOnLeave(flush: () => Promise<void>): void {
  useEffect(() => {
    const onHide = (): void => {
      if (document.visibilityState === 'hidden') void flush()
    }
    const onUnload = (): void => void flush()
    const stopMenu = window.commonplace.onMenuCommand((command) => {
      if (command === 'before-close') {
        void flush().then(() => call((api) => api.readyToClose()))
      }
    })
    window.addEventListener('beforeunload', onUnload)
    document.addEventListener('visibilitychange', onHide)
    return () => {
      stopMenu()
      window.removeEventListener('beforeunload', onUnload)
      document.removeEventListener('visibilitychange', onHide)
      void flush()
    }
  }, [flush])
}
