// The catalog document's shape, and the one way both directions compare a record: its "form",
// each field as canonical JSON. Comparing forms (not objects) makes "did this field change?" a
// string comparison, and lets the sync remember what store and document last agreed on per field.
import * as Y from 'yjs'

/** The origin of every write the store's changes make to the document: never written back. */
export const FROM_STORE = Symbol('from the store')

/** The catalog document of one notebook (see sync-design.md). */
export interface CatalogMaps {
  /** sourceId → Y.Map of the SourceEntry's fields, with `versions`: Y.Map<hash, VersionRef>. */
  sources: Y.Map<Y.Map<unknown>>
  /** hash → VersionText: named by content, written once, so it never conflicts. */
  texts: Y.Map<unknown>
  /** hash → the bytes of a kept PDF or EPUB. */
  files: Y.Map<Uint8Array>
  /** clippingId → Y.Map of the clipping's fields (never its anchor: each device re-anchors). */
  clippings: Y.Map<Y.Map<unknown>>
  /** essayId → Y.Map { title, createdAt, updatedAt, deletedAt }. */
  essays: Y.Map<Y.Map<unknown>>
}

export function catalogMaps(doc: Y.Doc): CatalogMaps {
  return {
    sources: doc.getMap('sources'),
    texts: doc.getMap('texts'),
    files: doc.getMap('files'),
    clippings: doc.getMap('clippings'),
    essays: doc.getMap('essays'),
  }
}

/** One record's fields, each as canonical JSON; an absent key is an absent (undefined) field. */
export type Form = Record<string, string>

/**
 * Keys the document keeps beside a record's own fields: the versions map, and what a deleting
 * device saw (conflicts.ts). They never reach the store.
 */
export const DOC_ONLY = new Set([
  'versions',
  'deletedNote',
  'deletedTags',
  'deletedClippings',
  'deletedUpdatedAt',
  'purged',
])

/** JSON with object keys sorted, so equal values always give equal strings. */
export function canonical(value: unknown): string {
  return JSON.stringify(sorted(value))
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key]
    if (field !== undefined) out[key] = sorted(field)
  }
  return out
}

/** The form of a plain record, leaving out `skip` and undefined fields. */
export function formOf(record: object, skip: readonly string[]): Form {
  const form: Form = {}
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined && !skip.includes(key)) form[key] = canonical(value)
  }
  return form
}

/** The form of a record in the document, without the document-only keys. */
export function mapForm(map: Y.Map<unknown>): Form {
  const form: Form = {}
  for (const [key, value] of map.entries()) {
    if (!DOC_ONLY.has(key) && value !== undefined) form[key] = canonical(value)
  }
  return form
}

/** The fields whose value differs between two forms. */
export function changedKeys(form: Form, base: Form): string[] {
  const keys = new Set([...Object.keys(form), ...Object.keys(base)])
  return [...keys].filter((key) => form[key] !== base[key])
}

/** Sets (or removes) `keys` of `target` to their values in `form`. */
export function applyFields(target: Record<string, unknown>, form: Form, keys: string[]): void {
  for (const key of keys) {
    const value = form[key]
    if (value === undefined) delete target[key]
    else target[key] = JSON.parse(value) as unknown
  }
}

/** Sets (or deletes) `keys` of a document map to their values in `form`, when they differ. */
export function writeFields(map: Y.Map<unknown>, form: Form, keys: string[]): void {
  for (const key of keys) {
    const value = form[key]
    const current = map.get(key)
    if (value === undefined) {
      if (map.has(key)) map.delete(key)
    } else if (current === undefined || canonical(current) !== value) {
      map.set(key, JSON.parse(value) as unknown)
    }
  }
}

/** A record's form parsed back into an object. */
export function parseForm(form: Form): Record<string, unknown> {
  const record: Record<string, unknown> = {}
  applyFields(record, form, Object.keys(form))
  return record
}
