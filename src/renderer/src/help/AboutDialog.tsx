import { useEffect, useState, type ReactElement } from 'react'
import type { AboutInfo } from '../../../shared/settings'
import { call } from '../api'
import { ModalDialog } from '../ui/ModalDialog'

/** Help > About: what this is, which version, and where its data lives. */
export function AboutDialog({ onClose }: { onClose(): void }): ReactElement {
  const [about, setAbout] = useState<AboutInfo | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    void call((api) => api.aboutApp()).then((result) => {
      if (!current) return
      if (result.ok) setAbout(result.value)
      else setError(result.error.message)
    })
    return () => {
      current = false
    }
  }, [])
  return (
    <ModalDialog title="About Commonplace" onClose={onClose} className="about-dialog">
      <p>
        An offline research notebook: clip exact passages, cite them, and keep every quote true.
      </p>
      {error && <p role="alert">{error}</p>}
      {about && (
        <dl className="about-facts">
          <dt>Name</dt>
          <dd>{about.name}</dd>
          <dt>Version</dt>
          <dd>{about.version}</dd>
          <dt>Data folder</dt>
          <dd>{about.dataDir}</dd>
        </dl>
      )}
    </ModalDialog>
  )
}
