import { open } from 'node:fs/promises'
import type { Frozen } from './json-store-file'
import type { Clipping } from '../../../shared/domain'
import { clippingSchema, type SourceFile } from './schema'

/** Where one clipping's record lies in its source's file: [first byte, byte after the last). */
export type BytePlace = readonly [start: number, end: number]

const CLIPPINGS_LAST = '"clippings":[]}'

/**
 * Where each clipping of this file lies in it as the store writes it: compact JSON with the
 * clippings last, one after another. Worked out from the parsed file, so only right if the file
 * on disk was written that way; `readClippingRecords` checks what it finds there. Empty when the
 * clippings are not last (then every read takes the whole file, as before).
 */
export function clippingPlaces(file: Frozen<SourceFile>): Map<string, BytePlace> {
  const places = new Map<string, BytePlace>()
  const head = JSON.stringify({ ...file, clippings: [] })
  if (!head.endsWith(CLIPPINGS_LAST)) return places
  let at = Buffer.byteLength(head) - 2
  for (const clipping of file.clippings) {
    const end = at + Buffer.byteLength(JSON.stringify(clipping))
    places.set(clipping.id, [at, end])
    at = end + 1
  }
  return places
}

/** Records larger than this are not read on their own: nothing real comes near it. */
const LARGEST_RECORD = 1 << 20

/**
 * These clippings read from their own bytes of the source's file, not the whole file (a page of
 * search results spans fifty sources of a hundred clippings each). Each is parsed and checked:
 * the store's schema, its own id and source. Null for one whose bytes are not that clipping (the
 * file was rewritten since its places were worked out, or written another way), or for all of
 * them when the file cannot be read: the caller then reads the whole file.
 */
export async function readClippingRecords(
  path: string,
  sourceId: string,
  wanted: readonly (readonly [id: string, place: BytePlace])[],
): Promise<Map<string, Frozen<Clipping> | null>> {
  const records = new Map<string, Frozen<Clipping> | null>()
  let file
  try {
    file = await open(path, 'r')
  } catch {
    for (const [id] of wanted) records.set(id, null)
    return records
  }
  try {
    for (const [id, [start, end]] of wanted) {
      const length = end - start
      if (length <= 0 || length > LARGEST_RECORD) {
        records.set(id, null)
        continue
      }
      const bytes = Buffer.alloc(length)
      const { bytesRead } = await file.read(bytes, 0, length, start)
      records.set(id, bytesRead === length ? recordOf(bytes, id, sourceId) : null)
    }
  } catch {
    for (const [id] of wanted) if (!records.get(id)) records.set(id, null)
  } finally {
    await file.close()
  }
  return records
}

function recordOf(bytes: Buffer, id: string, sourceId: string): Frozen<Clipping> | null {
  let data: unknown
  try {
    data = JSON.parse(bytes.toString('utf8'))
  } catch {
    return null
  }
  const parsed = clippingSchema.safeParse(data)
  if (!parsed.success || parsed.data.id !== id || parsed.data.sourceId !== sourceId) return null
  return parsed.data
}
