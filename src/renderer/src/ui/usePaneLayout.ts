import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'

export type PaneName = 'library' | 'clippings'

/**
 * docked: a column of the desk. collapsed: only its button, in a slim rail. overlay: opened over
 * the text on a narrow window, so the text keeps its width.
 */
export type PaneState = 'docked' | 'collapsed' | 'overlay'

/**
 * Below these window widths a pane steps aside by itself. Chosen so that at 1024 px the essay's
 * text column keeps at least 560 px beside the list of essays, and so that the library, the
 * clippings and a comfortable essay still fit side by side from 1360 px up. ui/app-shell.css
 * repeats them for the frame painted before the script runs.
 */
export const narrowBelow: Record<PaneName, number> = { library: 1360, clippings: 1100 }

function useNarrow(width: number): boolean {
  const query = `(max-width: ${width - 1}px)`
  const subscribe = useCallback(
    (notify: () => void) => {
      const list = window.matchMedia(query)
      list.addEventListener('change', notify)
      return () => list.removeEventListener('change', notify)
    },
    [query],
  )
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches)
}

export interface PaneLayout {
  library: PaneState
  clippings: PaneState
  /** Everything but the essay is hidden. */
  focus: boolean
  toggle(pane: PaneName): void
  /** Closes a pane opened over the text (Esc, a click elsewhere). */
  closeOverlay(): void
  setFocus(focus: boolean): void
}

/** Which side panes show, and how: the writer's choice where there is room, the window's where not. */
export function usePaneLayout(): PaneLayout {
  const narrow = {
    library: useNarrow(narrowBelow.library),
    clippings: useNarrow(narrowBelow.clippings),
  }
  // What the writer chose on a wide window; a narrow one collapses both whatever was chosen.
  const [closed, setClosed] = useState<Record<PaneName, boolean>>({
    library: false,
    clippings: false,
  })
  const [overlay, setOverlay] = useState<PaneName | null>(null)
  const [focus, setFocus] = useState(false)

  // A pane opened over the text on a narrow window closes when the window grows: it docks.
  // (Set while rendering, React's way to adjust state to a change it did not cause.)
  if (overlay !== null && !narrow[overlay]) setOverlay(null)

  const stateOf = (pane: PaneName): PaneState => {
    if (narrow[pane]) return overlay === pane ? 'overlay' : 'collapsed'
    return closed[pane] ? 'collapsed' : 'docked'
  }

  const narrowLibrary = narrow.library
  const narrowClippings = narrow.clippings
  const toggle = useCallback(
    (pane: PaneName): void => {
      const isNarrow = pane === 'library' ? narrowLibrary : narrowClippings
      // In focus mode every pane is away: asking for one leaves focus mode and shows it.
      const show = focus ? true : undefined
      setFocus(false)
      if (isNarrow) setOverlay((open) => (show || open !== pane ? pane : null))
      else setClosed((was) => ({ ...was, [pane]: show ? false : !was[pane] }))
    },
    [narrowLibrary, narrowClippings, focus],
  )
  const closeOverlay = useCallback(() => setOverlay(null), [])

  // Esc leaves focus mode, unless something on top (a picker, a menu, a dialog) took it first.
  useEffect(() => {
    if (!focus) return
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (document.querySelector('dialog[open], [role="dialog"], [role="menu"]')) return
      setFocus(false)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [focus])

  return {
    library: stateOf('library'),
    clippings: stateOf('clippings'),
    focus,
    toggle,
    closeOverlay,
    setFocus,
  }
}
