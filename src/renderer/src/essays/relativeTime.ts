const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' })
const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
})

/** "just now", "5 min ago", "3 h ago", "yesterday", "12 Mar", "12 Mar 2023". */
export function editedAgo(iso: string, now: Date = new Date()): string {
  const then = new Date(iso)
  const elapsed = now.getTime() - then.getTime()
  if (Number.isNaN(elapsed)) return iso
  if (elapsed < MINUTE) return 'just now'
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`
  if (elapsed < DAY && then.getDate() === now.getDate())
    return `${Math.floor(elapsed / HOUR)} h ago`
  if (elapsed < 2 * DAY && new Date(now.getTime() - DAY).getDate() === then.getDate()) {
    return 'yesterday'
  }
  return then.getFullYear() === now.getFullYear() ? shortDate.format(then) : longDate.format(then)
}
