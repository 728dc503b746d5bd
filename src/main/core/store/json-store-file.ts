import { Low } from 'lowdb'
import type { z } from 'zod'
import { CommonplaceError } from '../errors'
import { DurableJsonFile, fingerprintOf } from './durable-json-file'
import { describeIssue, SCHEMA_VERSION } from './schema'

/** What the services get to read: the store's own copy, which nobody may change in place. */
export type Frozen<T> = T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T

/** A file as this process last read it, and the file system's fingerprint at that moment. */
export interface Loaded<T> {
  data: T
  fingerprint: string | null
}

/**
 * Reads and validates one store file (null when it does not exist). The fingerprint is taken
 * before reading: if the file is replaced meanwhile, the next check sees a change and reads again,
 * never the other way round (new fingerprint, old content).
 */
export async function loadStoreFile<T>(
  path: string,
  schema: z.ZodType<T>,
): Promise<Loaded<T> | null> {
  const fingerprint = await fingerprintOf(path)
  const db = new Low<unknown>(new DurableJsonFile(path), null)
  await db.read()
  if (db.data === null && fingerprint === null) return null
  return { data: validated(path, db.data, schema), fingerprint }
}

/**
 * `loadStoreFile`, but readers of one file at the same time share one read: as the app starts,
 * a long essay is read for the editor and for the citation counts at once, and each read parses
 * and checks its thousand citations.
 */
export function sharedLoads(): typeof loadStoreFile {
  const reading = new Map<string, Promise<Loaded<unknown> | null>>()
  return <T>(path: string, schema: z.ZodType<T>): Promise<Loaded<T> | null> => {
    let read = reading.get(path)
    if (!read) {
      read = loadStoreFile(path, schema).finally(() => reading.delete(path))
      reading.set(path, read)
    }
    return read as Promise<Loaded<T> | null>
  }
}

export function validated<T>(path: string, data: unknown, schema: z.ZodType<T>): T {
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new CommonplaceError(
      'damaged',
      `${path} was written by a newer Commonplace (schema ${version}); update Commonplace to open it. It was left as it is.`,
    )
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    throw new CommonplaceError('damaged', `${path} is damaged at ${describeIssue(parsed.error)}`)
  }
  return parsed.data
}

/**
 * Refuses to write a file that would not read back: a bug in a service must not turn a source's
 * clippings into a file read as damaged (a clipping of NaN offsets once did).
 */
export function refuseUnreadable(path: string, data: unknown, schema: z.ZodType<unknown>): void {
  const parsed = schema.safeParse(data)
  if (parsed.success) return
  throw new CommonplaceError(
    'internal',
    `Commonplace would have saved ${path} in a form it cannot read back (${describeIssue(parsed.error)}); nothing was changed. Please report this.`,
  )
}

/** Writes through lowdb with the durable adapter, compact; returns the new fingerprint. */
export async function saveStoreFile<T>(path: string, data: T): Promise<string | null> {
  const db = new Low<T>(new DurableJsonFile<T>(path), data)
  await db.write()
  return fingerprintOf(path)
}

/** The notebook's index (library.json) cannot be read now: nothing may be written. */
export function damagedIndex(path: string, error: unknown): CommonplaceError {
  const why = error instanceof Error ? error.message : String(error)
  return new CommonplaceError(
    'damaged',
    `The notebook's index ${path} cannot be read now (${why}). Nothing was changed; restart Commonplace to recover it.`,
  )
}
