import { useEffect, useRef, useState } from 'react'
import type { ImportProgress, ImportReport } from '../../../shared/ipc'
import { eachOneAhead } from '../../../shared/one-ahead'
import { api, call } from '../api'
import { useNotify } from '../ui/notices'

export interface Importing {
  importing: boolean
  importSources: () => Promise<void>
  /**
   * Imports the files opened with Commonplace (double-clicked, on the command line) that main
   * holds; asked again once the import running now has finished, so none is left waiting.
   */
  importOpened: () => Promise<void>
  /** Imports files dropped on the window, one by one, counting them in `dropProgress`. */
  importDropped: (files: File[]) => Promise<void>
  /** How far an import of dropped files has got; null when none is running. */
  dropProgress: { current: number; total: number } | null
  /** How far main has got reading a long file (a PDF's pages); null when none is being read. */
  readProgress: ImportProgress | null
}

/**
 * Importing sources, from the dialog or dropped on the window: one import at a time, and what
 * came of it handed to `reportImport` (which opens the first new source).
 */
export function useImport(reportImport: (report: ImportReport) => Promise<void>): Importing {
  const notify = useNotify()
  const [importing, setImporting] = useState(false)
  const [dropProgress, setDropProgress] = useState<Importing['dropProgress']>(null)
  const [readProgress, setReadProgress] = useState<ImportProgress | null>(null)
  useEffect(() => api().onImportProgress(setReadProgress), [])
  // Files opened with the app arrive at any time, also during another import: they wait in main
  // and are asked for when that import is done.
  const busy = useRef(false)
  const openedWaiting = useRef(false)

  const importOpened = async (): Promise<void> => {
    if (busy.current) {
      openedWaiting.current = true
      return
    }
    busy.current = true
    setReadProgress(null)
    setImporting(true)
    const result = await call((api) => api.importOpenedFiles())
    setImporting(false)
    busy.current = false
    if (!result.ok) notify.error(result.error.message)
    else await reportImport(result.value)
    afterImport()
  }

  /** Asks for files opened with the app while an import ran. */
  const afterImport = (): void => {
    if (!openedWaiting.current) return
    openedWaiting.current = false
    void importOpened()
  }

  const importSources = async (): Promise<void> => {
    if (importing || busy.current) return
    busy.current = true
    // What the last import read is not this one's progress.
    setReadProgress(null)
    setImporting(true)
    const result = await call((api) => api.importSources())
    setImporting(false)
    busy.current = false
    if (!result.ok) notify.error(result.error.message)
    else await reportImport(result.value)
    afterImport()
  }

  const importDropped = async (files: File[]): Promise<void> => {
    if (importing || busy.current || files.length === 0) return
    busy.current = true
    // What the last import read is not this one's progress.
    setReadProgress(null)
    setImporting(true)
    const report: ImportReport = { imported: [], failed: [] }
    // One file per call, so the writer sees how far a long drop has got ("3 of 12…"); the next
    // file is already on its way while main stores this one. A file that fails is reported with
    // the rest at the end, and the others still import.
    const total = files.length
    setDropProgress({ current: 1, total })
    await eachOneAhead(
      files,
      (file) => call((api) => api.importDroppedFile(file)),
      (result, index) => {
        if (!result.ok) {
          report.failed.push({ fileName: files[index].name, message: result.error.message })
        } else {
          report.imported.push(...result.value.imported)
          report.failed.push(...result.value.failed)
          report.notices = [...(report.notices ?? []), ...(result.value.notices ?? [])]
        }
        if (index + 1 < total) setDropProgress({ current: index + 2, total })
      },
    )
    setDropProgress(null)
    setImporting(false)
    busy.current = false
    await reportImport(report)
    afterImport()
  }

  return {
    importing,
    importSources,
    importOpened,
    importDropped,
    dropProgress,
    readProgress: importing ? readProgress : null,
  }
}
