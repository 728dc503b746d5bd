// The second line of a Kindle clipping ("- Your Highlight on page 12 | Location 1406-1410 | Added
// on Tuesday, 3 March 2020 09:12:45") in the languages a Kindle writes it in. The words differ
// per language but the shape does not: a kind word, a page and/or a location, and a date segment
// after the last "|". So the line is read by keywords from every language at once, without first
// guessing the language. The one npm package for these files, @hadynz/kindle-clippings, knows
// neither German nor Japanese, reads dates through moment (in maintenance mode) and takes the
// Kindle's local time for UTC; hence this small table of our own.

export type KindleEntryKind = 'highlight' | 'note' | 'bookmark'

export interface KindleMetadata {
  kind: KindleEntryKind
  /** As printed: "12", "xii". */
  page?: string
  /** As printed: "1406-1410", "1410". */
  location?: string
  /** Local time as the Kindle wrote it, without a zone: "2020-03-03T09:12:45". */
  createdAt?: string
}

// A metadata line names one kind; in none of these languages does a line of one kind contain
// another kind's word (the tests read each), so the order below only breaks a tie.
const kindWords: readonly [KindleEntryKind, readonly string[]][] = [
  [
    'bookmark',
    [
      'bookmark',
      'lesezeichen',
      'signet',
      'marcador',
      'segnalibro',
      'bladwijzer',
      'ブックマーク',
      '书签',
    ],
  ],
  [
    'highlight',
    [
      'highlight',
      'markierung',
      'surlignement',
      'subrayado',
      'evidenziazione',
      'destaque',
      'markering',
      'ハイライト',
      '标注',
    ],
  ],
  ['note', ['note', 'notiz', 'nota', 'notitie', 'メモ', '笔记']],
]

const pagePatterns: readonly RegExp[] = [
  /(?:page|seite|página|pagina)\s+([\p{L}\p{N}]+)/iu,
  /第\s*([0-9A-Za-z]+)\s*页/u,
  /([0-9A-Za-z]+)\s*ページ/u,
]

// "Loc." is the first Kindles' word; Chinese writes "位置 #1406", Japanese "位置No. 1406".
const locationPattern =
  /(?:location|loc\.|position|emplacement|posición|posizione|posição|locatie|位置\s*(?:no\.)?)\s*#?\s*(\d+(?:\s*-\s*\d+)?)/iu

/** The metadata line's facts, or a message saying why it is not one. */
export function readKindleMetadata(line: string): KindleMetadata | string {
  const body = line.replace(/^\s*-\s*/, '')
  const segments = body.split('|')
  // The date is the last segment that holds a time; a location never contains a colon.
  const dateIndex = segments.length > 1 ? lastIndexWithTime(segments) : -1
  const head = segments.filter((_, index) => index !== dateIndex).join('|')
  const kind = kindOf(head)
  if (!kind) return `metadata line not understood (no highlight, note or bookmark): "${line}"`
  const page = pagePatterns.map((pattern) => pattern.exec(head)?.[1]).find(Boolean)
  const location = locationPattern.exec(head)?.[1]?.replace(/\s+/g, '')
  const createdAt = dateIndex >= 0 ? readKindleDate(segments[dateIndex] ?? '') : undefined
  return {
    kind,
    ...(page && { page }),
    ...(location && { location }),
    ...(createdAt && { createdAt }),
  }
}

function lastIndexWithTime(segments: readonly string[]): number {
  for (let index = segments.length - 1; index > 0; index--)
    if (/\d{1,2}:\d{2}/.test(segments[index] ?? '')) return index
  return -1
}

function kindOf(head: string): KindleEntryKind | undefined {
  const lower = head.toLowerCase()
  return kindWords.find(([, words]) => words.some((word) => lower.includes(word)))?.[0]
}

/** A location's first and last number; old Kindles shorten the end ("1406-10" is 1406-1410). */
export function locationRange(location: string): { start: number; end: number } | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(location)
  if (!match) return undefined
  const start = Number(match[1])
  const endText = match[2] ?? match[1] ?? ''
  let end = Number(endText)
  if (end < start && endText.length < (match[1] ?? '').length)
    end = Number((match[1] ?? '').slice(0, -endText.length) + endText)
  return end < start ? undefined : { start, end }
}

// Month names in the languages Kindle writes dates in, January first, compared without accents
// or case, so "März", "Marz" and "MÄRZ" are all March.
const monthNames: Readonly<Record<string, string>> = {
  en: 'january february march april may june july august september october november december',
  enShort: 'jan feb mar apr may jun jul aug sep oct nov dec',
  de: 'januar februar märz april mai juni juli august september oktober november dezember',
  deAustria: 'jänner',
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  es: 'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  it: 'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
  pt: 'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
  nl: 'januari februari maart april mei juni juli augustus september oktober november december',
}

const monthByName: ReadonlyMap<string, number> = new Map(
  Object.values(monthNames).flatMap((names) =>
    names.split(' ').map((name, index): [string, number] => [plain(name), index + 1]),
  ),
)

function plain(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '')
}

/**
 * The date segment's local time, "YYYY-MM-DDTHH:MM:SS", with no zone: the Kindle writes its own
 * clock's time and no zone, and guessing the importing machine's zone would shift every date of a
 * book read elsewhere. Undefined when the segment is not a date this reads.
 */
export function readKindleDate(segment: string): string | undefined {
  const time = /(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(segment)
  if (!time) return undefined
  const rest = segment.slice(0, time.index) + ' ' + segment.slice(time.index + time[0].length)
  const date = cjkDate(rest) ?? wordDate(rest)
  if (!date) return undefined
  let hour = Number(time[1])
  const minute = Number(time[2])
  const second = Number(time[3] ?? '0')
  const afternoon = /\bPM\b|\bp\.\s?m\.|下午|午後/i.test(segment)
  const morning = /\bAM\b|\ba\.\s?m\.|上午|午前/i.test(segment)
  if (afternoon && hour < 12) hour += 12
  if (morning && hour === 12) hour = 0
  if (hour > 23 || minute > 59 || second > 59) return undefined
  const { year, month, day } = date
  const check = new Date(Date.UTC(year, month - 1, day))
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}`
}

interface CalendarDate {
  year: number
  month: number
  day: number
}

// Japanese and Chinese: "2020年3月3日火曜日", "2020年3月3日星期二".
function cjkDate(text: string): CalendarDate | undefined {
  const match = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text)
  if (!match) return undefined
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
}

// "Tuesday, 3 March 2020", "Tuesday, March 3, 2020", "Dienstag, 3. März 2020",
// "martes, 3 de marzo de 2020": a month name, a four-digit year and a day number, in any order.
function wordDate(text: string): CalendarDate | undefined {
  const yearMatch = /(?<!\d)(\d{4})(?!\d)/.exec(text)
  if (!yearMatch) return undefined
  const withoutYear = text.slice(0, yearMatch.index) + text.slice(yearMatch.index + 4)
  const day = /(?<!\d)(\d{1,2})(?!\d)/.exec(withoutYear)?.[1]
  const month = (text.match(/\p{L}+\.?/gu) ?? [])
    .map((word) => monthByName.get(plain(word)))
    .find((found) => found !== undefined)
  if (!day || !month) return undefined
  return { year: Number(yearMatch[1]), month, day: Number(day) }
}

function two(value: number): string {
  return String(value).padStart(2, '0')
}
