import { useEffect, useState } from 'react'
import type { CommonplaceApi, ImportProgress, ImportReport, Result } from '../../../shared/ipc'
import { eachOneAhead } from '../../../shared/one-ahead'
import { api, call } from '../api'
import { useNotify } from '../ui/notices'
import { ImportQueue } from './importQueue'

export interface Importing {
  importing: boolean
  /** Asks for files in the open dialog, once the import running now (if one is) has finished. */
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
 * Importing sources, from the dialog, opened with the app or dropped on the window: one import at
 * a time (see ImportQueue), and what came of it handed to `reportImport` (which opens the first
 * new source).
 */
export function useImport(reportImport: (report: ImportReport) => Promise<void>): Importing {
  const notify = useNotify()
  const [importing, setImporting] = useState(false)
  const [queue] = useState(() => new ImportQueue<'dialog' | 'opened'>(setImporting))
  const [dropProgress, setDropProgress] = useState<Importing['dropProgress']>(null)
  const [readProgress, setReadProgress] = useState<ImportProgress | null>(null)
  useEffect(() => api().onImportProgress(setReadProgress), [])

  const importFromMain = async (
    request: (commonplace: CommonplaceApi) => Promise<Result<ImportReport>>,
  ): Promise<void> => {
    // What the last import read is not this one's progress.
    setReadProgress(null)
    const result = await call(request)
    if (!result.ok) notify.error(result.error.message)
    else await reportImport(result.value)
  }

  const importSources = (): Promise<void> =>
    queue.run('dialog', () => importFromMain((api) => api.importSources()))

  const importOpened = (): Promise<void> =>
    queue.run('opened', () => importFromMain((api) => api.importOpenedFiles()))

  const importDropped = async (files: File[]): Promise<void> => {
    if (files.length === 0) return
    await queue.run(null, async () => {
      setReadProgress(null)
      const report: ImportReport = { imported: [], failed: [] }
      // One file per call, so the writer sees how far a long drop has got ("3 of 12…"); the next
      // file is already on its way while main stores this one. A file that fails is reported
      // with the rest at the end, and the others still import.
      const total = files.length
      setDropProgress({ current: 1, total })
      await eachOneAhead(
        files,
        (file) => call((api) => api.importDroppedFile(file)),
        (result, index) => {
          if (!result.ok) {
            const fileName = files[index]?.name ?? 'a file'
            report.failed.push({ fileName, message: result.error.message })
          } else {
            report.imported.push(...result.value.imported)
            report.failed.push(...result.value.failed)
            report.notices = [...(report.notices ?? []), ...(result.value.notices ?? [])]
          }
          if (index + 1 < total) setDropProgress({ current: index + 2, total })
        },
      )
      setDropProgress(null)
      await reportImport(report)
    })
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
