import { useState } from 'react'

export type ListOrder = 'source' | 'newest'

const STORAGE_KEY = 'commonplace.clippings.order'

/** How the Clippings panel orders its list, remembered between sessions on this computer. */
export function useListOrder(): [ListOrder, (order: ListOrder) => void] {
  const [order, setOrder] = useState<ListOrder>(() => {
    try {
      return localStorage.getItem(STORAGE_KEY) === 'newest' ? 'newest' : 'source'
    } catch {
      return 'source'
    }
  })
  const choose = (next: ListOrder): void => {
    setOrder(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Not remembered (storage refused); the choice still holds for this session.
    }
  }
  return [order, choose]
}
