import { useEffect, useRef, useState, type ReactElement } from 'react'
import type { ExportFormat } from '../../../shared/ipc'
import { useCommand } from '../ui/commands'
import { EssayMenu } from './EssayMenu'
import { ExportGateDialog } from './ExportGateDialog'
import { ModalDialog } from './ModalDialog'
import type { SaveStatus } from './useAutosave'
import { useEssayExport } from './useEssayExport'

export interface EssayHeaderProps {
  essayId: string
  title: string
  status: SaveStatus
  saveError: string
  /** Select the title on mount, for a new essay the writer will want to name. */
  selectTitle: boolean
  onRename(title: string): void
  onDelete(): void
  /** The export format, kept by the pane from one essay to the next. */
  format: ExportFormat
  onFormat(format: ExportFormat): void
  /** Saves what autosave has not written yet: the export reads the essay from disk. */
  flush(): Promise<unknown>
}

const statusText: Record<Exclude<SaveStatus, 'error'>, string> = {
  saved: 'Saved',
  saving: 'Saving…',
}

/**
 * The open essay's title (rename in place, the largest type on the page), its save state, and
 * its "⋯" menu: export with the quote gate, the export format, delete.
 */
export function EssayHeader(props: EssayHeaderProps): ReactElement {
  const { essayId, title, status, saveError, selectTitle, onRename, onDelete } = props
  const { format, onFormat, flush } = props
  const exporter = useEssayExport(essayId, format, flush)
  useCommand('export-essay', () => void exporter.run(false))
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const [draft, setDraft] = useState(title)
  const [seen, setSeen] = useState(title)
  const input = useRef<HTMLInputElement>(null)
  // The title changed from outside (a rename came back cleaned up): show it.
  if (title !== seen) {
    setSeen(title)
    setDraft(title)
  }
  useEffect(() => {
    if (selectTitle) input.current?.select()
  }, [selectTitle])

  const commit = (): void => {
    const clean = draft.trim()
    if (clean === '' || clean === title) setDraft(title)
    else onRename(clean)
  }

  return (
    <header className="essay-header">
      {/* Named "Title", not "Essay title": the editor is the textbox named "Essay", and role
          queries match names by substring, so "Essay title" would make that lookup ambiguous. */}
      <input
        ref={input}
        className="essay-title"
        aria-label="Title"
        value={draft}
        maxLength={500}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            commit()
          } else if (event.key === 'Escape') {
            setDraft(title)
          }
        }}
      />
      <p className={`essay-save essay-save-${status}`} role="status">
        {status === 'error' ? `Not saved: ${saveError}` : statusText[status]}
      </p>
      <EssayMenu
        format={format}
        exportBusy={exporter.busy}
        onExport={() => void exporter.run(false)}
        onFormat={onFormat}
        onDelete={() => setConfirmingDelete(true)}
      />
      {exporter.blocked && (
        <ExportGateDialog
          problems={exporter.blocked}
          busy={exporter.busy}
          onExportAnyway={() => void exporter.run(true)}
          onCancel={exporter.cancel}
        />
      )}
      {confirmingDelete && (
        <ModalDialog
          label="Delete essay"
          role="alertdialog"
          onClose={() => setConfirmingDelete(false)}
        >
          <h2 className="essay-dialog-title">Delete “{title}”?</h2>
          <p>It can be brought back with Undo for a few seconds after.</p>
          <div className="essay-dialog-actions">
            <button
              type="button"
              className="essays-button"
              autoFocus
              onClick={() => setConfirmingDelete(false)}
            >
              Cancel
            </button>
            <button
              type="button"
              className="essays-button essays-button-warning"
              onClick={() => {
                setConfirmingDelete(false)
                onDelete()
              }}
            >
              Delete essay
            </button>
          </div>
        </ModalDialog>
      )}
    </header>
  )
}
