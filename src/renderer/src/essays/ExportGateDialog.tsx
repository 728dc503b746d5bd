import type { ReactElement } from 'react'
import type { CitationProblem } from '../../../shared/ipc'
import { quoted } from '../../../shared/quoted'
import { ModalDialog } from './ModalDialog'

/**
 * What stopped the export: quotes that do not match, quotes whose clipping sync has not brought
 * yet, and blocks the essay could not read.
 */
function gateSummary(problems: CitationProblem[]): string {
  const blocks = problems.filter((problem) => problem.state === 'unreadable').length
  const waiting = problems.filter((problem) => problem.state === 'waiting').length
  const quotes = problems.length - blocks - waiting
  const parts: string[] = []
  if (quotes > 0) {
    parts.push(
      quotes === 1
        ? 'one quote does not match its source'
        : `${quotes} quotes do not match their sources`,
    )
  }
  if (waiting > 0) {
    parts.push(
      waiting === 1
        ? 'one quote cannot be checked until sync brings its clipping'
        : `${waiting} quotes cannot be checked until sync brings their clippings`,
    )
  }
  if (blocks > 0) {
    parts.push(
      `${blocks === 1 ? 'one block of the essay' : `${blocks} blocks of the essay`} could not be read`,
    )
  }
  const summary = parts.join(', and ')
  return `${summary.charAt(0).toUpperCase()}${summary.slice(1)}:`
}

interface ExportGateDialogProps {
  problems: CitationProblem[]
  busy: boolean
  onExportAnyway(): void
  onCancel(): void
}

/** The quote-integrity gate: each unverified quote listed; writing needs "Export anyway". */
export function ExportGateDialog(props: ExportGateDialogProps): ReactElement {
  const { problems, busy, onExportAnyway, onCancel } = props
  return (
    <ModalDialog label="Unverified quotes" role="alertdialog" onClose={onCancel}>
      <h2 className="essay-dialog-title">Check these quotes before exporting</h2>
      <p>{gateSummary(problems)}</p>
      <ul className="essay-dialog-list">
        {problems.map((problem, index) => (
          <li key={`${problem.clippingId}-${index}`}>
            <strong className="essay-gate-state">{problem.state}</strong> {quoted(problem.quote)} —{' '}
            {problem.message}
          </li>
        ))}
      </ul>
      <p className="essay-dialog-hint">
        Exported anyway, each of them is marked in the file as unverified.
      </p>
      <div className="essay-dialog-actions">
        {/* The safe answer has the focus: Enter does not write unverified quotes by accident. */}
        <button type="button" className="essays-button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="essays-button essays-button-warning"
          disabled={busy}
          onClick={onExportAnyway}
        >
          Export anyway
        </button>
      </div>
    </ModalDialog>
  )
}
