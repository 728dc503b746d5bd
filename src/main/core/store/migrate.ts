import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { CommonplaceError } from '../errors'
import { DurableJsonFile } from './durable-json-file'
import { saveStoreFile } from './json-store-file'
import {
  describeIssue,
  SCHEMA_VERSION,
  type EssayEntry,
  type EssayFile,
  type LibraryFile,
  type SourceEntry,
  type SourceFile,
  type VersionText,
} from './schema'
import { snapshotNotebook } from './backups'

// Schema 1 (up to issue 8): each source file held its versions' text and HTML, and the index
// alone held source and essay metadata. Schema 2 moves texts to texts/<hash>.json and gives each
// source and essay file its own record. Each step is idempotent, so an upgrade a crash stopped
// simply runs again; the old files are kept in a backup first.

const versionV1 = z.looseObject({
  hash: z.string(),
  text: z.string(),
  html: z.string(),
  importedAt: z.string(),
  fileName: z.string(),
})
const sourceV1 = z.looseObject({
  schemaVersion: z.literal(1),
  id: z.string(),
  versions: z.array(versionV1).min(1),
  clippings: z.array(z.looseObject({})),
})
const essayV1 = z.looseObject({
  schemaVersion: z.literal(1),
  id: z.string(),
  editorState: z.looseObject({ root: z.looseObject({}) }),
})
const libraryV1 = z.looseObject({
  schemaVersion: z.literal(1),
  sources: z.array(z.looseObject({ id: z.string() })),
  essays: z.array(z.looseObject({ id: z.string() })).default([]),
})

/** A schema-1 index, or the reason it is not one. */
export function parseLibraryV1(path: string, raw: unknown): z.infer<typeof libraryV1> {
  const parsed = libraryV1.safeParse(raw)
  if (!parsed.success) {
    throw new CommonplaceError('damaged', `${path} is damaged at ${describeIssue(parsed.error)}`)
  }
  return parsed.data
}

/** Upgrades a schema-1 notebook in place; the caller holds the lock. */
export async function upgradeNotebook(dataDir: string, rawIndex: unknown): Promise<void> {
  const parsed = { data: parseLibraryV1(join(dataDir, 'library.json'), rawIndex) }
  await snapshotNotebook(dataDir, 'before-upgrade', { verify: false })
  const sources: SourceEntry[] = []
  for (const entry of parsed.data.sources as unknown as SourceEntry[]) {
    sources.push((await upgradeSourceFile(dataDir, entry.id, entry)) ?? entry)
  }
  const essays: EssayEntry[] = []
  for (const entry of parsed.data.essays as unknown as EssayEntry[]) {
    await upgradeEssayFile(dataDir, entry.id, entry)
    essays.push(entry)
  }
  const { sources: _s, essays: _e, ...rest } = parsed.data
  const index: LibraryFile = { ...rest, schemaVersion: SCHEMA_VERSION, sources, essays }
  await saveStoreFile(join(dataDir, 'library.json'), index)
}

/**
 * A schema-1 source file rewritten as schema 2 (its texts written out first); returns its
 * record, or null when the file is missing or unreadable (left as it is, reported later).
 * `entry` is the index's record; without one (a repair) it is derived from the file.
 */
export async function upgradeSourceFile(
  dataDir: string,
  id: string,
  entry: SourceEntry | null,
): Promise<SourceEntry | null> {
  const path = join(dataDir, 'sources', `${id}.json`)
  const raw = await new DurableJsonFile<unknown>(path).read().catch(() => null)
  const old = sourceV1.safeParse(raw)
  if (!old.success) return null
  for (const version of old.data.versions) {
    const text: VersionText = {
      schemaVersion: SCHEMA_VERSION,
      hash: version.hash,
      text: version.text,
      html: version.html,
    }
    await saveStoreFile(join(dataDir, 'texts', `${version.hash}.json`), text)
  }
  const newest = old.data.versions[old.data.versions.length - 1] as z.infer<typeof versionV1>
  const record: SourceEntry = entry ?? {
    id,
    kind: kindOf(newest.fileName),
    importedAt: old.data.versions[0]?.importedAt ?? newest.importedAt,
    currentVersionHash: newest.hash,
    title: newest.fileName.replace(/\.[^.]+$/, '') || id,
  }
  const { versions, ...rest } = old.data
  const file = {
    ...rest,
    schemaVersion: SCHEMA_VERSION,
    entry: record,
    versions: versions.map(({ text: _t, html: _h, ...ref }) => ref),
  } as unknown as SourceFile
  await saveStoreFile(path, file)
  return record
}

/** A schema-1 essay file rewritten as schema 2; null when it is not a schema-1 essay. */
export async function upgradeEssayFile(
  dataDir: string,
  id: string,
  entry: EssayEntry | null,
): Promise<EssayEntry | null> {
  const path = join(dataDir, 'essays', `${id}.json`)
  const raw = await new DurableJsonFile<unknown>(path).read().catch(() => null)
  const old = essayV1.safeParse(raw)
  if (!old.success) return null
  const made = (await stat(path)).mtime.toISOString()
  const record: EssayEntry = entry ?? {
    id,
    title: 'Recovered essay',
    createdAt: made,
    updatedAt: made,
  }
  const file = { ...old.data, schemaVersion: SCHEMA_VERSION, entry: record } as unknown as EssayFile
  await saveStoreFile(path, file)
  return record
}

function kindOf(fileName: string): SourceEntry['kind'] {
  const extension = fileName.toLowerCase().split('.').pop() ?? ''
  if (['html', 'htm', 'xhtml'].includes(extension)) return 'html'
  if (['md', 'markdown'].includes(extension)) return 'md'
  return 'txt'
}
