import type { NotebookChange } from '../../../shared/ipc'

/**
 * What to tell the writer when a sync kept another device's work on something deleted here (see
 * sync/catalog/conflicts.ts in main): a clipping edited, or an essay written in, meanwhile.
 */
export function restoredNotices(change: NotebookChange): string[] {
  const notices: string[] = []
  const clippings = change.restoredBecauseEdited?.length ?? 0
  if (clippings === 1) {
    notices.push('A clipping you deleted was restored: it was edited on another device meanwhile.')
  } else if (clippings > 1) {
    notices.push(
      `${clippings} clippings you deleted were restored: they were edited on another device meanwhile.`,
    )
  }
  const essays = change.essaysRestoredBecauseEdited?.length ?? 0
  if (essays === 1) {
    notices.push(
      'An essay you deleted was restored: it was written in on another device meanwhile.',
    )
  } else if (essays > 1) {
    notices.push(
      `${essays} essays you deleted were restored: they were written in on another device meanwhile.`,
    )
  }
  return notices
}
