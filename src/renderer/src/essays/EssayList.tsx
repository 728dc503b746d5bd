import { useEffect, useState, type ReactElement } from 'react'
import type { EssaySummary } from '../../../shared/essay'
import { editedAgo } from './relativeTime'

export interface EssayListProps {
  essays: EssaySummary[]
  openId: string | null
  onOpen(id: string): void
}

/** The essays, most recently edited first; the open one is marked current. */
export function EssayList({ essays, openId, onOpen }: EssayListProps): ReactElement {
  // "5 min ago" goes stale: look again every minute.
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000)
    return () => window.clearInterval(timer)
  }, [])

  return (
    <ul className="essay-list" aria-label="Essays">
      {essays.map((essay) => (
        <li key={essay.id}>
          <button
            type="button"
            className="essay-list-item"
            aria-current={essay.id === openId ? 'true' : undefined}
            onClick={() => onOpen(essay.id)}
          >
            <span className="essay-list-title">{essay.title || 'Untitled essay'}</span>
            <span className="essay-list-edited">edited {editedAgo(essay.updatedAt, now)}</span>
          </button>
        </li>
      ))}
    </ul>
  )
}
