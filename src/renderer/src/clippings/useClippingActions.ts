import type { ClippingView } from '../../../shared/domain'
import type { ClippingEdit } from '../../../shared/ipc'
import { call } from '../api'
import { useNotify } from '../ui/notices'

export interface ClippingActions {
  /** Resolves to an error message to show beside the form, or null when saved. */
  saveClipping: (edit: ClippingEdit) => Promise<string | null>
  deleteClipping: (clipping: ClippingView) => Promise<void>
  /** A changed passage: the clipping (and its citations) take the new wording, or keep the old. */
  acceptWording: (clipping: ClippingView) => Promise<boolean>
  keepWording: (clipping: ClippingView) => Promise<boolean>
}

/** Changes to one clipping; `afterClippingChange` refreshes the lists and the open source. */
export function useClippingActions(afterClippingChange: () => Promise<void>): ClippingActions {
  const notify = useNotify()

  const saveClipping = async (edit: ClippingEdit): Promise<string | null> => {
    const result = await call((api) => api.updateClipping(edit))
    if (!result.ok) return result.error.message
    await afterClippingChange()
    return null
  }

  const restoreClipping = async (id: string): Promise<void> => {
    const result = await call((api) => api.restoreClipping(id))
    if (!result.ok) {
      notify.error(result.error.message)
      return
    }
    await afterClippingChange()
    notify.info('Clipping restored')
  }

  const deleteClipping = async (clipping: ClippingView): Promise<void> => {
    const result = await call((api) => api.deleteClipping(clipping.id))
    if (!result.ok) {
      notify.error(result.error.message)
      return
    }
    await afterClippingChange()
    notify.info('Clipping deleted', { label: 'Undo', run: () => void restoreClipping(clipping.id) })
  }

  const acceptWording = async (clipping: ClippingView): Promise<boolean> => {
    const result = await call((api) => api.acceptChangedQuote(clipping.id))
    if (!result.ok) {
      notify.error(result.error.message)
      return false
    }
    await afterClippingChange()
    return true
  }

  const keepWording = async (clipping: ClippingView): Promise<boolean> => {
    const result = await call((api) => api.keepClippingWording(clipping.id))
    if (!result.ok) {
      notify.error(result.error.message)
      return false
    }
    await afterClippingChange()
    return true
  }

  return { saveClipping, deleteClipping, acceptWording, keepWording }
}
