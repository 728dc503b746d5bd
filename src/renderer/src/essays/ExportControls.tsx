import { useState, type ReactElement } from 'react'
import type { CitationProblem, ExportFormat } from '../../../shared/ipc'
import { quoted } from '../../../shared/quoted'
import { call } from '../api'
import { useSettings } from '../settings/SettingsContext'
import { useCommand } from '../ui/commands'

interface ExportControlsProps {
  essayId: string
  /** Saves what autosave has not written yet: the export reads the essay from disk. */
  flush: () => Promise<unknown>
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'blocked'; problems: CitationProblem[] }
  | { kind: 'done'; message: string; kept: CitationProblem[] }
  | { kind: 'error'; message: string }

/** What stopped the export: quotes that do not match, and blocks the essay could not read. */
function gateSummary(problems: CitationProblem[]): string {
  const blocks = problems.filter((problem) => problem.state === 'unreadable').length
  const quotes = problems.length - blocks
  const parts: string[] = []
  if (quotes > 0) {
    parts.push(
      quotes === 1
        ? 'One quote does not match its source'
        : `${quotes} quotes do not match their sources`,
    )
  }
  if (blocks > 0) {
    const what = blocks === 1 ? 'one block of the essay' : `${blocks} blocks of the essay`
    parts.push(
      `${parts.length > 0 ? what : what[0].toUpperCase() + what.slice(1)} could not be read`,
    )
  }
  return `${parts.join(', and ')}:`
}

/**
 * "Export to Markdown" with the quote-integrity gate: every citation is checked first, and an
 * unverified one is listed; writing anyway needs the writer's explicit "Export anyway".
 */
export function ExportControls({ essayId, flush }: ExportControlsProps): ReactElement {
  // The default from Settings; the writer may pick the other one for this export.
  const [format, setFormat] = useState<ExportFormat>(useSettings().settings.exportFormat)
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  const [busy, setBusy] = useState(false)

  const run = async (allowUnverified: boolean): Promise<void> => {
    if (busy) return
    setBusy(true)
    await flush()
    const result = await call((api) => api.exportEssay({ essayId, format, allowUnverified }))
    setBusy(false)
    if (!result.ok) return setOutcome({ kind: 'error', message: result.error.message })
    const value = result.value
    if (value.status === 'blocked') return setOutcome({ kind: 'blocked', problems: value.problems })
    if (value.status === 'cancelled') return setOutcome({ kind: 'idle' })
    const marked = value.unverified > 0 ? ` (${value.unverified} unverified, marked)` : ''
    setOutcome({ kind: 'done', message: `Exported to ${value.path}${marked}`, kept: value.kept })
  }
  useCommand('export-essay', () => void run(false))

  return (
    <div className="essay-export">
      <label className="essay-export-format">
        <span className="visually-hidden">Export format</span>
        <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
          <option value="gfm">Markdown (footnotes)</option>
          <option value="pandoc">Pandoc (citations)</option>
        </select>
      </label>
      <button
        type="button"
        className="essays-button"
        disabled={busy}
        onClick={() => void run(false)}
      >
        Export to Markdown
      </button>
      {outcome.kind === 'done' && (
        <div className="essay-export-result" role="status">
          <p>{outcome.message}</p>
          {outcome.kept.length > 0 && (
            <>
              <p>
                {outcome.kept.length === 1
                  ? 'One quote keeps the wording you clipped, as you chose; the file notes it:'
                  : `${outcome.kept.length} quotes keep the wording you clipped, as you chose; the file notes each:`}
              </p>
              <ul aria-label="Kept wordings">
                {outcome.kept.map((problem, index) => (
                  <li key={`${problem.clippingId}-${index}`}>
                    {quoted(problem.quote)}
                    {problem.current !== undefined &&
                      ` (the source now reads ${quoted(problem.current)})`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {outcome.kind === 'error' && (
        <p className="essay-export-result" role="alert">
          {outcome.message}
        </p>
      )}
      {outcome.kind === 'blocked' && (
        <div className="essay-export-gate" role="alertdialog" aria-label="Unverified quotes">
          <p>{gateSummary(outcome.problems)}</p>
          <ul>
            {outcome.problems.map((problem, index) => (
              <li key={`${problem.clippingId}-${index}`}>
                <strong>{problem.state}</strong> {quoted(problem.quote)} — {problem.message}
              </li>
            ))}
          </ul>
          <button type="button" className="essays-button" onClick={() => void run(true)}>
            Export anyway
          </button>
          <button
            type="button"
            className="essays-button essays-button-quiet"
            onClick={() => setOutcome({ kind: 'idle' })}
          >
            Cancel
          </button>
        </div>
      )}
    </div>
  )
}
