import type { SourceSummary } from '../../../shared/domain'
import { call } from '../api'
import { useNotify } from '../ui/notices'
import type { Notebook } from '../useNotebook'

/**
 * Deletes a source, with Undo in the status toast: main keeps it on disk, marked, so Undo brings
 * back the very same source and clippings. Its clippings leave the lists, and the open essay's
 * citations of them re-check (Missing until Undo).
 */
export function useSourceDeletion(
  notebook: Pick<Notebook, 'detail' | 'openSource' | 'closeSource' | 'refreshClippings'>,
): (source: Pick<SourceSummary, 'id' | 'title'>) => Promise<void> {
  const notify = useNotify()

  const restore = async (sourceId: string, reopen: boolean): Promise<void> => {
    const result = await call((api) => api.restoreSource(sourceId))
    if (!result.ok) return notify.error(result.error.message)
    notebook.refreshClippings()
    if (reopen) await notebook.openSource(sourceId)
    notify.info(`Restored “${result.value.title}”`)
  }

  return async (source) => {
    const result = await call((api) => api.deleteSource(source.id))
    if (!result.ok) return notify.error(result.error.message)
    const wasOpen = notebook.detail?.source.id === source.id
    if (wasOpen) notebook.closeSource()
    // Lists are asked again, and citations check whether their clippings still exist.
    notebook.refreshClippings()
    notify.info(`Deleted “${source.title}” and its clippings`, {
      label: 'Undo',
      run: () => void restore(source.id, wasOpen),
    })
  }
}
