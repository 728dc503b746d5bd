import { useEffect, useEffectEvent, useState, type ReactElement } from 'react'
import './file-drop.css'

interface FileDropProps {
  /** The files of one drop, in the order the OS gave them. */
  onDrop: (files: File[]) => void
  /** How far the import of a drop has got; null when none is running. */
  progress: { current: number; total: number } | null
}

/** Only a drag that carries files: a clipping dragged into an essay is the editor's own. */
function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

/**
 * Files dropped anywhere on the window are imported. While files are dragged over it the window
 * shows where they will go; while a drop imports, how far it has got. The listeners sit on the
 * window in the capture phase, so a file dropped on the essay editor or the reader is imported
 * too, not inserted as text or opened by the browser.
 */
export function FileDrop({ onDrop, progress }: FileDropProps): ReactElement {
  const [dragging, setDragging] = useState(false)
  const drop = useEffectEvent(onDrop)

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when the drag
    // has left the window rather than one child.
    let depth = 0
    const enter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth += 1
      setDragging(true)
    }
    const over = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      // Without this the drop would not fire, and Chromium would open the file instead.
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const leave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const dropped = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      event.stopPropagation()
      depth = 0
      setDragging(false)
      const files = Array.from(event.dataTransfer?.files ?? [])
      if (files.length > 0) drop(files)
    }
    const end = (): void => {
      depth = 0
      setDragging(false)
    }
    const options = { capture: true }
    window.addEventListener('dragenter', enter, options)
    window.addEventListener('dragover', over, options)
    window.addEventListener('dragleave', leave, options)
    window.addEventListener('drop', dropped, options)
    window.addEventListener('dragend', end, options)
    return () => {
      window.removeEventListener('dragenter', enter, options)
      window.removeEventListener('dragover', over, options)
      window.removeEventListener('dragleave', leave, options)
      window.removeEventListener('drop', dropped, options)
      window.removeEventListener('dragend', end, options)
    }
  }, [])

  return (
    <>
      {dragging && (
        <div className="file-drop-target" data-testid="file-drop-target">
          <div className="file-drop-card">
            <p className="file-drop-title">Drop to import</p>
            <p>
              Web pages (.html), Markdown (.md), text (.txt), PDF (.pdf) or books (.epub): as many
              as you like.
            </p>
          </div>
        </div>
      )}
      <div className="file-drop-progress" role="status" hidden={progress === null}>
        {progress &&
          (progress.total === 1
            ? 'Importing 1 file…'
            : `Importing ${progress.current} of ${progress.total}…`)}
      </div>
    </>
  )
}
