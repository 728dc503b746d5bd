// Store → document: what the store holds for the sources and essays a write touched is put into
// the catalog document, field by field, with the FROM_STORE origin (so it is not written back).
// Only fields the store changed since the two last agreed (the shadow) are written: a field the
// document changed meanwhile (a remote edit not yet in the store) is left for the other direction.
import * as Y from 'yjs'
import { CommonplaceError } from '../../errors'
import type { Frozen } from '../../store/json-store-file'
import type { NotebookStore } from '../../store/notebook-store'
import type { Clipping } from '../../../../shared/domain'
import type { EssayEntry, SourceFile, VersionText } from '../../store/schema'
import {
  changedKeys,
  formOf,
  FROM_STORE,
  mapForm,
  writeFields,
  type CatalogMaps,
  type Form,
} from './forms'
import { clippingDeletionSeen } from './conflicts'

/**
 * What store and document last agreed on, per record (`s:`, `c:`, `e:` + id); `q:` + id holds a
 * clipping's quick key (see quickKey).
 */
export type Shadow = Map<string, Form>

export const SOURCE_SKIP = ['id'] as const
export const CLIPPING_SKIP = ['id', 'reanchored'] as const
export const ESSAY_SKIP = ['id'] as const

/** A source as the store holds it (listed or deleted), with the texts the document lacks. */
interface StoredSource {
  file: Frozen<SourceFile>
  texts: Frozen<VersionText>[]
  files: Map<string, Uint8Array>
}

/** Mirrors these sources into the document; a source the store no longer has is marked purged. */
export async function sourcesToDoc(
  store: NotebookStore,
  doc: Y.Doc,
  maps: CatalogMaps,
  shadow: Shadow,
  ids: Iterable<string>,
): Promise<void> {
  const library = await store.library()
  const listed = new Set(library.sources.map((entry) => entry.id))
  const deleted = new Set((library.deletedSources ?? []).map((entry) => entry.id))
  for (const id of ids) {
    if (!listed.has(id) && !deleted.has(id)) {
      const purged = maps.sources.get(id)
      if (purged && !purged.get('purged'))
        doc.transact(() => purged.set('purged', true), FROM_STORE)
      continue
    }
    const stored = await readStored(store, maps, id, listed.has(id))
    if (stored) doc.transact(() => writeSource(maps, shadow, stored), FROM_STORE)
  }
}

async function readStored(
  store: NotebookStore,
  maps: CatalogMaps,
  id: string,
  listed: boolean,
): Promise<StoredSource | null> {
  try {
    const file = listed ? await store.sourceFile(id) : await store.deletedSourceFile(id)
    const texts: Frozen<VersionText>[] = []
    const files = new Map<string, Uint8Array>()
    for (const { hash } of file.versions) {
      if (maps.texts.has(hash) || texts.some((text) => text.hash === hash)) continue
      const text = await store.text(hash)
      texts.push(text)
      if (text.file && !maps.files.has(text.file.hash)) {
        files.set(text.file.hash, new Uint8Array(await store.keptFile(text.file.hash)))
      }
    }
    return { file, texts, files }
  } catch (error) {
    // A damaged file is reported by the store; it is sent once it can be read again.
    if (error instanceof CommonplaceError) return null
    throw error
  }
}

function writeSource(
  maps: CatalogMaps,
  shadow: Shadow,
  { file, texts, files }: StoredSource,
): void {
  for (const text of texts) maps.texts.set(text.hash, structuredClone(text))
  for (const [hash, bytes] of files) maps.files.set(hash, bytes)
  const source = mapIn(maps.sources, file.id)
  const form = formOf(file.entry, SOURCE_SKIP)
  const base = shadow.get(`s:${file.id}`) ?? mapForm(source)
  const keys = changedKeys(form, base)
  writeFields(source, form, keys)
  if (keys.includes('deletedAt')) {
    const live = file.clippings.filter((clipping) => !clipping.deletedAt).map(({ id }) => id)
    if (form.deletedAt === undefined) source.delete('deletedClippings')
    else source.set('deletedClippings', live)
  }
  shadow.set(`s:${file.id}`, form)

  let versions = source.get('versions')
  if (!(versions instanceof Y.Map)) {
    versions = new Y.Map<unknown>()
    source.set('versions', versions)
  }
  const refs = versions as Y.Map<unknown>
  for (const { hash, importedAt, fileName } of file.versions) {
    if (!refs.has(hash)) refs.set(hash, { hash, importedAt, fileName })
  }

  for (const clipping of file.clippings) {
    // Most of a source's clippings did not change in a write: a cheap look first.
    const quick = quickKey(clipping)
    if (shadow.get(`q:${clipping.id}`)?.quick === quick && maps.clippings.has(clipping.id)) continue
    shadow.set(`q:${clipping.id}`, { quick })
    const map = mapIn(maps.clippings, clipping.id)
    const clippingForm = formOf(clipping, CLIPPING_SKIP)
    const clippingBase = shadow.get(`c:${clipping.id}`) ?? mapForm(map)
    const changed = changedKeys(clippingForm, clippingBase)
    writeFields(map, clippingForm, changed)
    if (changed.includes('deletedAt')) {
      if (clipping.deletedAt) {
        for (const [key, value] of Object.entries(
          clippingDeletionSeen(clipping.note, clipping.tags),
        )) {
          map.set(key, value)
        }
      } else {
        map.delete('deletedNote')
        map.delete('deletedTags')
      }
    }
    shadow.set(`c:${clipping.id}`, clippingForm)
  }
}

/**
 * What changes with every edit of a clipping this version makes (its note and tags bump
 * `updatedAt`); equal keys mean an unchanged clipping. The other direction forgets a clipping's key
 * when it writes one, so a change from the document is always compared in full.
 */
function quickKey(clipping: Frozen<Clipping>): string {
  const [, position] = clipping.target
  return JSON.stringify([
    clipping.updatedAt,
    clipping.deletedAt,
    clipping.versionHash,
    position.start,
    position.end,
    clipping.keptWording?.versionHash,
    clipping.note.length,
    clipping.tags.length,
  ])
}

/** Mirrors these essays' records (title, dates, deletion) into the document. */
export async function essaysToDoc(
  store: NotebookStore,
  doc: Y.Doc,
  maps: CatalogMaps,
  shadow: Shadow,
  ids: Iterable<string>,
): Promise<void> {
  const entries = new Map((await store.essays()).map((entry) => [entry.id, entry]))
  doc.transact(() => {
    for (const id of ids) {
      const entry = entries.get(id) as EssayEntry | undefined
      if (!entry) continue
      const map = mapIn(maps.essays, id)
      const form = formOf(entry, ESSAY_SKIP)
      const changed = changedKeys(form, shadow.get(`e:${id}`) ?? mapForm(map))
      writeFields(map, form, changed)
      if (changed.includes('deletedAt')) {
        if (entry.deletedAt) map.set('deletedUpdatedAt', entry.updatedAt)
        else map.delete('deletedUpdatedAt')
      }
      shadow.set(`e:${id}`, form)
    }
  }, FROM_STORE)
}

/** The record `id` of a top-level map, made when it is new. */
function mapIn(parent: Y.Map<Y.Map<unknown>>, id: string): Y.Map<unknown> {
  let map = parent.get(id)
  if (!map) {
    map = new Y.Map<unknown>()
    parent.set(id, map)
  }
  return map
}
