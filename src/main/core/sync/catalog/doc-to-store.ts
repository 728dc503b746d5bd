// Document → store: what other devices put into the catalog document is written into the store
// through store transactions (so the lock, the change feed and the app's watcher all see it).
// Only fields the document changed since the two last agreed (the shadow) are written, so a local
// edit not yet mirrored into the document is kept. A source whose texts have not all arrived, and
// a clipping whose version's text has not, wait in the document (the app shows "Waiting for
// source") and are written when the text comes. Touched sources are re-anchored afterwards, against
// the same content-hashed versions as everywhere else, so every device ends with the same anchors.
import type * as Y from 'yjs'
import type { Clipping } from '../../../../shared/domain'
import { reanchorAll } from '../../reanchoring'
import { fingerprintOf } from '../../store/durable-json-file'
import type { Frozen } from '../../store/json-store-file'
import type { NotebookStore } from '../../store/notebook-store'
import {
  SCHEMA_VERSION,
  type LibraryFile,
  type SourceEntry,
  type SourceFile,
  type VersionRef,
  type VersionText,
} from '../../store/schema'
import type { Transaction } from '../../store/transaction'
import { effectiveClipping, effectiveSource } from './conflicts'
import { applyFields, changedKeys, formOf, parseForm, type CatalogMaps, type Form } from './forms'
import { CLIPPING_SKIP, SOURCE_SKIP, type Shadow } from './store-to-doc'

/** A source as the document holds it, read at one moment. */
interface DocSource {
  id: string
  form: Form
  versions: VersionRef[]
  clippings: { id: string; form: Form; restoredBecauseEdited: boolean }[]
}

export interface Applied {
  sources: string[]
  essays: string[]
  /** Clippings brought back because another device edited them while this one deleted them. */
  restoredBecauseEdited: string[]
  /** Sources (or clippings of them) still waiting for a text to arrive. */
  waiting: string[]
}

/**
 * Which sources to read, each with the clippings the document changed (null: all of them, for a
 * source seen for the first time or whose text arrived).
 */
export type Touched = Map<string, Set<string> | null>

/** Reads these sources out of the document (synchronously: one consistent moment). */
export function readDocSources(maps: CatalogMaps, touched: Touched): DocSource[] {
  // Every clipping of a source is only looked for when needed: with 10k clippings, one source
  // edited at a time would otherwise cost a walk through all of them per update.
  let all: Map<string, string[]> | null = null
  const clippingsOf = (sourceId: string): string[] => {
    if (!all) {
      all = new Map()
      for (const [id, clipping] of maps.clippings.entries()) {
        const of = clipping.get('sourceId')
        if (typeof of !== 'string' || !touched.has(of)) continue
        all.set(of, [...(all.get(of) ?? []), id])
      }
    }
    return all.get(sourceId) ?? []
  }
  const read: DocSource[] = []
  for (const [id, clippings] of touched) {
    const map = maps.sources.get(id)
    if (!map || map.get('purged')) continue
    const deletedHere = map.has('deletedAt') && map.has('deletedClippings')
    const refs = map.get('versions') as Y.Map<VersionRef> | undefined
    const ids = clippings === null ? clippingsOf(id) : [...clippings]
    read.push({
      id,
      form: effectiveSource(map, deletedHere ? clippingsOf(id) : [], maps).form,
      versions: [...(refs?.values() ?? [])].sort((a, b) =>
        a.importedAt === b.importedAt
          ? a.hash.localeCompare(b.hash)
          : a.importedAt < b.importedAt
            ? -1
            : 1,
      ),
      clippings: ids.flatMap((clippingId) => {
        const clipping = maps.clippings.get(clippingId)
        return clipping ? [{ id: clippingId, ...effectiveClipping(clipping) }] : []
      }),
    })
  }
  return read
}

/** Writes these sources from the document into the store, in one transaction. */
export async function sourcesToStore(
  store: NotebookStore,
  maps: CatalogMaps,
  shadow: Shadow,
  sources: DocSource[],
): Promise<Applied> {
  const applied: Applied = { sources: [], essays: [], restoredBecauseEdited: [], waiting: [] }
  const agreed = new Map<string, Form>()
  await store.write(async (tx) => {
    // Read as it stands; the draft (rewritten when the transaction ends) only when it changes.
    const listed = await store.library()
    for (const source of sources) {
      const outcome = await sourceToStore(tx, store, listed, maps, shadow, source, agreed)
      if (outcome.changed) applied.sources.push(source.id)
      if (outcome.waiting) applied.waiting.push(source.id)
      applied.restoredBecauseEdited.push(...outcome.restored)
    }
  })
  // Only once it is on disk do store and document agree.
  for (const [key, form] of agreed) {
    shadow.set(key, form)
    if (key.startsWith('c:')) shadow.delete(`q:${key.slice(2)}`)
  }
  return applied
}

interface Outcome {
  changed: boolean
  waiting: boolean
  restored: string[]
}

async function sourceToStore(
  tx: Transaction,
  store: NotebookStore,
  listed: Frozen<LibraryFile>,
  maps: CatalogMaps,
  shadow: Shadow,
  source: DocSource,
  agreed: Map<string, Form>,
): Promise<Outcome> {
  const listedAt = listed.sources.findIndex((entry) => entry.id === source.id)
  const deletedAt = (listed.deletedSources ?? []).findIndex((entry) => entry.id === source.id)
  const exists = listedAt !== -1 || deletedAt !== -1
  const available = await availableVersions(tx, store, maps, source.versions)
  let file: SourceFile
  let changed = false
  let waiting = false
  const sourceForm = { ...source.form }
  if (!exists) {
    // A source is written once its newest version's text is here.
    const current = JSON.parse(source.form.currentVersionHash ?? 'null') as string | null
    if (!current || !available.has(current)) return { changed: false, waiting: true, restored: [] }
    const entry = { id: source.id, ...parseForm(source.form) } as unknown as SourceEntry
    file = {
      schemaVersion: SCHEMA_VERSION,
      id: source.id,
      entry,
      versions: source.versions.filter(({ hash }) => available.has(hash)),
      clippings: [],
    }
    tx.createSource(file, [])
    listIn(await tx.library(), entry)
    changed = true
  } else {
    file = listedAt !== -1 ? await tx.source(source.id) : await tx.deletedSource(source.id)
    const base = shadow.get(`s:${source.id}`) ?? formOf(file.entry, SOURCE_SKIP)
    const keys = changedKeys(source.form, base)
    const current = JSON.parse(source.form.currentVersionHash ?? 'null') as string | null
    if (keys.includes('currentVersionHash') && (!current || !available.has(current))) {
      // Its text has not arrived: the newest version changes when it does.
      keys.splice(keys.indexOf('currentVersionHash'), 1)
      if (base.currentVersionHash !== undefined)
        sourceForm.currentVersionHash = base.currentVersionHash
      waiting = true
    }
    if (keys.length > 0) {
      applyFields(file.entry as unknown as Record<string, unknown>, source.form, keys)
      // Listed again where it now belongs: among the sources, or the deleted ones.
      const library = await tx.library()
      unlist(library, source.id)
      listIn(library, file.entry)
      changed = true
    }
    changed = addVersions(file, source.versions, available) || changed
  }
  for (const hash of available.keys()) await keepText(tx, store, maps, hash, available)
  agreed.set(`s:${source.id}`, sourceForm)

  const restored: string[] = []
  const versionsHere = new Set(file.versions.map(({ hash }) => hash))
  const added: Clipping[] = []
  for (const clipping of source.clippings) {
    const here = file.clippings.find((candidate) => candidate.id === clipping.id)
    const versionHash = JSON.parse(clipping.form.versionHash ?? 'null') as string | null
    if (!here) {
      if (!versionHash || !versionsHere.has(versionHash)) {
        waiting = true
        continue
      }
      added.push({ id: clipping.id, ...parseForm(clipping.form) } as unknown as Clipping)
    } else {
      const base = shadow.get(`c:${clipping.id}`) ?? formOf(here, CLIPPING_SKIP)
      const keys = changedKeys(clipping.form, base)
      if (keys.includes('versionHash') && (!versionHash || !versionsHere.has(versionHash))) {
        waiting = true
        continue
      }
      if (keys.length === 0) {
        agreed.set(`c:${clipping.id}`, clipping.form)
        continue
      }
      if (clipping.restoredBecauseEdited && here.deletedAt) restored.push(clipping.id)
      applyFields(here as unknown as Record<string, unknown>, clipping.form, keys)
      changed = true
    }
    agreed.set(`c:${clipping.id}`, clipping.form)
  }
  if (added.length > 0) {
    // In the order they were made, the same on every device.
    file.clippings.push(...added)
    file.clippings.sort((a, b) =>
      a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? -1 : 1,
    )
    changed = true
  }
  if (changed) await reanchorStale(tx, file)
  // Read for nothing: not written back (nor announced in the change feed).
  else tx.sources.delete(source.id)
  return { changed, waiting, restored }
}

/** The versions whose text is here (in the store or in the document), with that text if new. */
async function availableVersions(
  tx: Transaction,
  store: NotebookStore,
  maps: CatalogMaps,
  versions: VersionRef[],
): Promise<Map<string, VersionText | null>> {
  const available = new Map<string, VersionText | null>()
  for (const { hash } of versions) {
    const text = maps.texts.get(hash) as VersionText | undefined
    if (text && (!text.file || maps.files.has(text.file.hash))) {
      available.set(hash, text)
      continue
    }
    if (await hasText(tx, store, hash)) available.set(hash, null)
  }
  return available
}

async function keepText(
  tx: Transaction,
  store: NotebookStore,
  maps: CatalogMaps,
  hash: string,
  available: Map<string, VersionText | null>,
): Promise<void> {
  const text = available.get(hash)
  if (!text) return
  if (await hasText(tx, store, hash)) return
  tx.addText(structuredClone(text))
  const bytes = text.file ? maps.files.get(text.file.hash) : undefined
  if (text.file && bytes) tx.keepFile(text.file.hash, bytes)
}

/**
 * Whether the store has this text (or this transaction adds it). Looked for on disk, not read: a
 * text that has not arrived is not a damaged notebook, which reading would report it as.
 */
async function hasText(tx: Transaction, store: NotebookStore, hash: string): Promise<boolean> {
  return tx.texts.has(hash) || (await fingerprintOf(store.textPath(hash))) !== null
}

/**
 * Versions another device added, in the order they were imported; then, as a re-import does, the
 * newest one (the entry's) goes last when it is not already.
 */
function addVersions(
  file: SourceFile,
  versions: VersionRef[],
  available: Map<string, VersionText | null>,
): boolean {
  let changed = false
  for (const ref of versions) {
    if (!available.has(ref.hash) || file.versions.some(({ hash }) => hash === ref.hash)) continue
    file.versions.push({ ...ref })
    changed = true
  }
  const current = file.entry.currentVersionHash
  if (file.versions[file.versions.length - 1]?.hash !== current) {
    const ref = versions.find(({ hash }) => hash === current)
    if (ref) {
      file.versions.push({ ...ref })
      changed = true
    }
  }
  return changed
}

/** Every live clipping not on the newest version is placed in it, as a local re-import does. */
async function reanchorStale(tx: Transaction, file: SourceFile): Promise<void> {
  const current = file.entry.currentVersionHash
  const stale = file.clippings.filter(
    (clipping) =>
      !clipping.deletedAt &&
      clipping.versionHash !== current &&
      clipping.reanchored?.versionHash !== current,
  )
  for (const clipping of file.clippings) {
    if (clipping.versionHash === current) delete clipping.reanchored
  }
  if (stale.length === 0) return
  const textOf = (hash: string): Promise<string | null> =>
    tx.text(hash).then(
      (text) => text.text,
      () => null,
    )
  const newText = await textOf(current)
  if (newText === null) return
  const anchors = await reanchorAll(stale, newText, textOf)
  for (const clipping of stale) {
    const anchor = anchors.get(clipping.id)
    if (anchor) clipping.reanchored = { ...anchor, versionHash: current }
  }
}

function unlist(library: LibraryFile, id: string): void {
  library.sources = library.sources.filter((entry) => entry.id !== id)
  const deleted = (library.deletedSources ?? []).filter((entry) => entry.id !== id)
  if (deleted.length > 0) library.deletedSources = deleted
  else delete library.deletedSources
}

/** Lists the entry where it belongs: in import order, or among the deleted. */
function listIn(library: LibraryFile, entry: SourceEntry): void {
  if (entry.deletedAt) {
    library.deletedSources = [...(library.deletedSources ?? []), { ...entry }]
    return
  }
  const before = library.sources.findIndex((source) => source.importedAt > entry.importedAt)
  library.sources.splice(before === -1 ? library.sources.length : before, 0, { ...entry })
}
