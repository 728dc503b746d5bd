// What a citation carries, built from a clipping and its source, and read back from untrusted
// places (a drop's DataTransfer, saved JSON) without a Lexical editor.
import { quoteSelectorOf, type ClippingView, type SourceSummary } from '../../../shared/domain'
import {
  MAX_LOCATOR_LENGTH,
  type CitationData,
  type CitationSnapshot,
  type KeptWording,
} from '../../../shared/essay'
import { locatorLabel } from '../../../shared/layout'
import { formatDate } from '../ui/format'

/** The DataTransfer type a dragged clipping carries: its CitationData as JSON. */
export const CITATION_MIME = 'application/x-commonplace-citation'

/** The snapshot a citation keeps, so the essay still reads if the clipping or source goes. */
export function citationDataFrom(clipping: ClippingView, source: SourceSummary): CitationData {
  const snapshot: CitationSnapshot = {
    exact: quoteSelectorOf(clipping).exact,
    title: source.title || clipping.sourceTitle,
  }
  // Absent fields stay absent (not undefined) so the saved JSON has no empty keys.
  if (source.author) snapshot.author = source.author
  if (source.siteName) snapshot.siteName = source.siteName
  if (source.publishedAt) snapshot.publishedAt = source.publishedAt
  if (source.url) snapshot.url = source.url
  return withLocator({ clippingId: clipping.id, sourceId: clipping.sourceId, snapshot }, clipping)
}

/** The clipping's page or chapter, for a new citation to start with ("p. 12"); none for articles. */
export function withLocator(data: CitationData, clipping: ClippingView): CitationData {
  const locator = locatorLabel(clipping.locator)
  return locator ? { ...data, locator } : data
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** Reads a snapshot from JSON nobody vouched for: wrong types become empty, never a crash. */
export function parseSnapshot(value: unknown): CitationSnapshot {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  const snapshot: CitationSnapshot = { exact: text(raw.exact), title: text(raw.title) }
  for (const key of ['author', 'siteName', 'publishedAt', 'url'] as const) {
    const field = optionalText(raw[key])
    if (field !== undefined) snapshot[key] = field
  }
  return snapshot
}

/** A kept-wording decision from saved JSON: both fields, or none at all. */
export function parseKeptWording(value: unknown): KeptWording | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const raw = value as Record<string, unknown>
  const versionHash = optionalText(raw.versionHash)
  const keptAt = optionalText(raw.keptAt)
  return versionHash && keptAt ? { versionHash, keptAt } : undefined
}

/** CitationData from a drop or a message; null unless it names a clipping and a source. */
export function parseCitationData(value: unknown): CitationData | null {
  if (typeof value !== 'object' || value === null) return null
  const raw = value as Record<string, unknown>
  const clippingId = optionalText(raw.clippingId)
  const sourceId = optionalText(raw.sourceId)
  if (!clippingId || !sourceId) return null
  const data: CitationData = { clippingId, sourceId, snapshot: parseSnapshot(raw.snapshot) }
  const locator = optionalText(raw.locator)
  if (locator !== undefined) data.locator = locator.slice(0, MAX_LOCATOR_LENGTH)
  return data
}

export function copySnapshot(snapshot: CitationSnapshot): CitationSnapshot {
  return { ...snapshot }
}

/** "Author or Site, Title, 10 Dec 2021", leaving out what the source did not give. */
export function attributionOf(snapshot: CitationSnapshot): string {
  const who = snapshot.author || snapshot.siteName
  return [who, snapshot.title || 'Untitled source', formatDate(snapshot.publishedAt)]
    .filter((part) => part && part.trim())
    .join(', ')
}
