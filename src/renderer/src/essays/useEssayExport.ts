import { useState } from 'react'
import type { CitationProblem, ExportFormat } from '../../../shared/ipc'
import { quoted } from '../../../shared/quoted'
import { call } from '../api'
import { useSettings } from '../settings/SettingsContext'
import { useNotify } from '../ui/notices'

export interface EssayExport {
  /** What stopped the last export (the gate's list), or null. */
  blocked: CitationProblem[] | null
  busy: boolean
  /** Checks every quote, then asks where to save; `allowUnverified` after the gate's answer. */
  run(allowUnverified: boolean): Promise<void>
  /** The writer closed the gate without exporting. */
  cancel(): void
}

/** "Exported to …", then each quote whose older wording the writer kept, one a line. */
function writtenMessage(path: string, unverified: number, kept: CitationProblem[]): string {
  const marked = unverified > 0 ? ` (${unverified} unverified, marked)` : ''
  const lines = [`Exported to ${path}${marked}`]
  if (kept.length > 0) {
    lines.push(
      kept.length === 1
        ? 'One quote keeps the wording you clipped, as you chose; the file notes it:'
        : `${kept.length} quotes keep the wording you clipped, as you chose; the file notes each:`,
    )
    for (const problem of kept) {
      const now =
        problem.current !== undefined ? ` (the source now reads ${quoted(problem.current)})` : ''
      lines.push(`${quoted(problem.quote)}${now}`)
    }
  }
  return lines.join('\n')
}

/**
 * "Export" with the quote-integrity gate: every citation is checked first, and an unverified one
 * stops it; writing anyway needs the writer's explicit "Export anyway". A written file is
 * announced with "Reveal in folder".
 */
export function useEssayExport(
  essayId: string,
  format: ExportFormat,
  /** Saves what autosave has not written yet: the export reads the essay from disk. */
  flush: () => Promise<unknown>,
): EssayExport {
  const notify = useNotify()
  // A CSL style formats Markdown exports only: Pandoc applies one itself (--csl).
  const { citationStyle } = useSettings().settings
  const style = format === 'gfm' && citationStyle !== 'plain' ? citationStyle : undefined
  const [blocked, setBlocked] = useState<CitationProblem[] | null>(null)
  const [busy, setBusy] = useState(false)

  const reveal = async (path: string): Promise<void> => {
    const result = await call((api) => api.revealExport(path))
    if (!result.ok) notify.error(result.error.message)
  }

  const run = async (allowUnverified: boolean): Promise<void> => {
    if (busy) return
    setBusy(true)
    await flush()
    const result = await call((api) => api.exportEssay({ essayId, format, allowUnverified, style }))
    setBusy(false)
    setBlocked(null)
    if (!result.ok) return notify.error(result.error.message)
    const value = result.value
    if (value.status === 'blocked') return setBlocked(value.problems)
    if (value.status === 'cancelled') return
    notify.info(writtenMessage(value.path, value.unverified, value.kept), {
      label: 'Reveal in folder',
      run: () => void reveal(value.path),
    })
  }

  return { blocked, busy, run, cancel: () => setBlocked(null) }
}
