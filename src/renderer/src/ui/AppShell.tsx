import type { ReactElement } from 'react'

/**
 * The app's empty frame while main opens the notebook. index.html carries the same markup, so
 * the window paints it before the script has even run, and React's first render changes nothing.
 */
export function AppShell(): ReactElement {
  return (
    <div className="app app-shell" aria-busy="true">
      <div className="library">
        <p className="pane-title">Sources</p>
      </div>
      <div className="workspace">
        <p className="app-shell-note">Opening your notebook…</p>
      </div>
      <div className="clippings-panel">
        <p className="pane-title">Clippings</p>
      </div>
    </div>
  )
}
