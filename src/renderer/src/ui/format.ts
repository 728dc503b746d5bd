const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

/**
 * "2021-12-10" or "2021-12-10T23:30:00-05:00" -> "10 Dec 2021". The calendar date is read as the
 * page wrote it: converting through the local time zone would move late-evening dates a day.
 * Anything unparseable is shown as it is rather than hidden.
 */
export function formatDate(value: string | undefined): string {
  if (!value) return ''
  let formatted = formattedDates.get(value)
  if (formatted === undefined) {
    if (formattedDates.size >= DATES_KEPT) formattedDates.clear()
    formatted = formatDateNow(value)
    formattedDates.set(value, formatted)
  }
  return formatted
}

/**
 * Dates formatted already: an essay of 1,000 citations of a few sources formats the same few dates
 * as it opens, and formatting one takes Intl about 12 microseconds.
 */
const formattedDates = new Map<string, string>()
const DATES_KEPT = 1000

function formatDateNow(value: string): string {
  const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim())
  if (ymd) {
    const [year, month, day] = ymd.slice(1).map(Number) as [number, number, number]
    return dateFormat.format(new Date(Date.UTC(year, month - 1, day)))
  }
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? value : dateFormat.format(new Date(parsed))
}

/** "https://www.example.org/a/b" -> "example.org/a/b": the part a reader recognises. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '')
}

/** Joins the parts that are present with a middle dot. */
export function byline(parts: (string | undefined)[]): string {
  return parts.filter((part) => part && part.trim()).join(' · ')
}

const momentFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

/** An instant the app itself recorded (a backup), in the writer's own time zone: "2 Dec 2026, 08:14". */
export function formatDateTime(iso: string): string {
  const parsed = Date.parse(iso)
  return Number.isNaN(parsed) ? iso : momentFormat.format(new Date(parsed))
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' })
const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
})

/**
 * When the app recorded something (a clipping), in the writer's own time zone: "2 Dec", with the
 * year only when it is not this year ("2 Dec 2025"). Short, so that it is not read as the date
 * the source was published.
 */
export function formatShortDate(iso: string, now: Date = new Date()): string {
  const parsed = Date.parse(iso)
  if (Number.isNaN(parsed)) return iso
  const date = new Date(parsed)
  return date.getFullYear() === now.getFullYear()
    ? dayMonth.format(date)
    : dayMonthYear.format(date)
}
