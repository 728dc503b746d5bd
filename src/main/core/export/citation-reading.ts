// A citation node as saved is read, not trusted: an essay saved by an older version, or edited by
// hand, may hold one without its quote or with a field of the wrong type. Such a citation is
// reported where it is (its essay, its place among the essay's citations) and the rest of the
// essay verifies and exports as usual.
import type {
  CitationCheck,
  CitationData,
  CitationSnapshot,
  KeptWording,
  SerializedNodeJson,
} from '../../../shared/essay'
import { quoted } from '../../../shared/quoted'

/** Everything the verifier and the exporter use of a citation, each field of its type. */
export interface ReadableCitation extends CitationData {
  locator: string
  comment: string
}

export type CitationReading =
  { readable: true; citation: ReadableCitation } | { readable: false; reason: string }

/** Text fields of a snapshot that may be left out, each named as a writer would say it. */
const OPTIONAL_SNAPSHOT_TEXT: [keyof CitationSnapshot, string][] = [
  ['author', 'author'],
  ['siteName', 'site name'],
  ['publishedAt', 'publication date'],
  ['url', 'web address'],
]

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** "its quote is missing" or "its quote is not text": what is wrong with one field. */
function fault(value: unknown, what: string): string {
  return value === undefined || value === null || value === ''
    ? `its ${what} is missing`
    : `its ${what} is not text`
}

/** The citation's fields, copied one by one, or the first thing that stops it being read. */
export function readCitation(node: SerializedNodeJson): CitationReading {
  const unreadable = (reason: string): CitationReading => ({ readable: false, reason })
  const { clippingId, sourceId, snapshot, keptWording } = node
  if (typeof clippingId !== 'string' || clippingId === '')
    return unreadable(fault(clippingId, 'clipping id'))
  if (typeof sourceId !== 'string' || sourceId === '')
    return unreadable(fault(sourceId, 'source id'))
  if (!isRecord(snapshot)) return unreadable('its quote is missing')
  if (typeof snapshot.exact !== 'string' || snapshot.exact === '')
    return unreadable(fault(snapshot.exact, 'quote'))
  if (typeof snapshot.title !== 'string') return unreadable(fault(snapshot.title, 'source title'))
  const read: CitationSnapshot = { exact: snapshot.exact, title: snapshot.title }
  for (const [field, what] of OPTIONAL_SNAPSHOT_TEXT) {
    const value = snapshot[field]
    if (value === undefined) continue
    if (typeof value !== 'string') return unreadable(`its ${what} is not text`)
    read[field] = value
  }
  const citation: ReadableCitation = {
    clippingId,
    sourceId,
    snapshot: read,
    locator: '',
    comment: '',
  }
  for (const field of ['locator', 'comment'] as const) {
    const value = node[field]
    if (value === undefined) continue
    if (typeof value !== 'string') return unreadable(`its ${field} is not text`)
    citation[field] = value
  }
  if (keptWording !== undefined) {
    const kept = readKeptWording(keptWording)
    if (!kept) return unreadable('its choice to keep an older wording cannot be read')
    citation.keptWording = kept
  }
  return { readable: true, citation }
}

function readKeptWording(value: unknown): KeptWording | null {
  if (!isRecord(value)) return null
  const { versionHash, keptAt } = value
  if (typeof versionHash !== 'string' || versionHash === '' || typeof keptAt !== 'string')
    return null
  return { versionHash, keptAt }
}

/**
 * The check of a citation that cannot be read, the same for the export gate and for verify:
 * it stops an export like a missing quote, and says which citation of which essay it is.
 * `position` counts the essay's citations from 1, in reading order.
 */
export function unreadableCheck(
  node: SerializedNodeJson,
  reason: string,
  position: number,
  essayTitle: string,
): Omit<CitationCheck, 'essayId'> {
  const snapshot = isRecord(node.snapshot) ? node.snapshot : {}
  const text = (value: unknown): string => (typeof value === 'string' ? value : '')
  return {
    clippingId: text(node.clippingId),
    sourceId: text(node.sourceId),
    state: 'unreadable',
    quote: text(snapshot.exact),
    position,
    message: `Citation ${position} in ${quoted(essayTitle)} cannot be read: ${reason}.`,
  }
}
