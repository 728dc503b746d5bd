import type { AnchorState } from '../../../shared/anchor'
import { clippingPlaces, type BytePlace } from '../store/clipping-records'
import type { Frozen } from '../store/json-store-file'
import type { SourceEntry, SourceFile } from '../store/schema'
import type { SourceDerivedData } from './derived-index'

/** What lists need to know of a clipping without opening its source's file. */
export interface CatalogEntry {
  id: string
  sourceId: string
  createdAt: string
  tags: readonly string[]
  /** Where its passage stands in the newest version, as last re-anchored. */
  state: AnchorState
  /** Where its record lies in the source's file: a page reads only those bytes. */
  place?: BytePlace
}

/** One page of a list, newest first, and where the next one starts. */
export interface CatalogPage {
  entries: CatalogEntry[]
  total: number
  /** Pass back to get the page after this one; null at the end. */
  next: string | null
}

export interface CatalogQuery {
  sourceId?: string
  tag?: string
  limit: number
  /** From a previous page's `next`. */
  after?: string
}

/** A list grouped by source: which clippings to count, and which groups to leave out. */
export interface GroupedQuery extends CatalogQuery {
  collapsed?: readonly string[]
}

/** One source's clippings in a grouped list, newest first. */
export interface CatalogGroup {
  sourceId: string
  entries: readonly CatalogEntry[]
}

/**
 * Every clipping that is not deleted, newest first, with where each one lives: the list the
 * Clippings panel pages through and the map from a clipping's id to its source, for 100,000
 * clippings in a few megabytes. Derived from the source files (see DerivedIndex).
 */
export class ClippingCatalog implements SourceDerivedData {
  private readonly byId = new Map<string, CatalogEntry>()
  /** Deleted ones too: undo must find them. */
  private readonly sourceOfId = new Map<string, string>()
  private readonly bySource = new Map<string, string[]>()
  /** Each source's newest version: a clipping read on its own is placed against it. */
  private readonly newestOf = new Map<string, string>()
  private sorted: CatalogEntry[] | null = null
  /** The last grouping asked for, kept while nothing changes: paging must not regroup 100,000. */
  private grouped: { from: CatalogEntry[]; tag: string; groups: CatalogGroup[] } | null = null

  get size(): number {
    return this.byId.size
  }

  /** A clipping that is not deleted. */
  entry(clippingId: string): CatalogEntry | undefined {
    return this.byId.get(clippingId)
  }

  sourceOf(clippingId: string): string | undefined {
    return this.sourceOfId.get(clippingId)
  }

  newestVersionOf(sourceId: string): string | undefined {
    return this.newestOf.get(sourceId)
  }

  page(query: CatalogQuery): CatalogPage {
    let entries = this.newestFirst()
    if (query.sourceId) entries = entries.filter((entry) => entry.sourceId === query.sourceId)
    if (query.tag) {
      const tag = query.tag
      entries = entries.filter((entry) => entry.tags.includes(tag))
    }
    let start = 0
    if (query.after) {
      const [createdAt, id] = splitCursor(query.after)
      start = firstAfter(entries, createdAt, id)
    }
    const page = entries.slice(start, start + query.limit)
    const last = page[page.length - 1]
    const more = start + query.limit < entries.length
    return {
      entries: page,
      total: entries.length,
      next: more && last ? `${last.createdAt}|${last.id}` : null,
    }
  }

  /**
   * Each source's clippings together, newest first, the source clipped from most recently first
   * (the order the newest-first list meets them in).
   */
  groups(query: { sourceId?: string; tag?: string } = {}): CatalogGroup[] {
    const from = this.newestFirst()
    const tag = query.tag ?? ''
    if (this.grouped?.from !== from || this.grouped.tag !== tag) {
      const bySource = new Map<string, CatalogEntry[]>()
      for (const entry of from) {
        if (tag && !entry.tags.includes(tag)) continue
        const entries = bySource.get(entry.sourceId)
        if (entries) entries.push(entry)
        else bySource.set(entry.sourceId, [entry])
      }
      const groups = [...bySource].map(([sourceId, entries]) => ({ sourceId, entries }))
      this.grouped = { from, tag, groups }
    }
    const { groups } = this.grouped
    return query.sourceId ? groups.filter((group) => group.sourceId === query.sourceId) : groups
  }

  /** A page of the grouped list; its cursor is the offset of the page's first clipping. */
  groupedPage(query: GroupedQuery): CatalogPage {
    const collapsed = new Set(query.collapsed ?? [])
    const open = this.groups(query).filter((group) => !collapsed.has(group.sourceId))
    const start = Math.max(0, Number(query.after ?? 0) || 0)
    const entries: CatalogEntry[] = []
    let total = 0
    for (const group of open) {
      const from = Math.max(0, start - total)
      const wanted = query.limit - entries.length
      if (wanted > 0 && from < group.entries.length) {
        entries.push(...group.entries.slice(from, from + wanted))
      }
      total += group.entries.length
    }
    const end = start + entries.length
    return { entries, total, next: end < total ? String(end) : null }
  }

  updateSource(
    sourceId: string,
    file: Frozen<SourceFile> | null,
    _entry: Frozen<SourceEntry> | null,
  ): void {
    for (const id of this.bySource.get(sourceId) ?? []) {
      this.byId.delete(id)
      this.sourceOfId.delete(id)
    }
    this.bySource.delete(sourceId)
    this.newestOf.delete(sourceId)
    if (!file) {
      this.sorted = this.sorted?.filter((entry) => entry.sourceId !== sourceId) ?? null
      return
    }
    const newest = file.versions[file.versions.length - 1]?.hash
    if (newest) this.newestOf.set(sourceId, newest)
    const places = clippingPlaces(file)
    const ids: string[] = []
    for (const clipping of file.clippings) {
      ids.push(clipping.id)
      this.sourceOfId.set(clipping.id, sourceId)
      if (clipping.deletedAt) continue
      const recorded = clipping.reanchored
      // A source file has at least one version (the schema's min(1)), so `newest` is a hash and
      // a record made on it is there.
      const state: AnchorState =
        clipping.versionHash === newest
          ? 'verified'
          : recorded?.versionHash === newest
            ? (recorded as NonNullable<typeof recorded>).state
            : 'moved'
      this.byId.set(clipping.id, {
        id: clipping.id,
        sourceId,
        createdAt: clipping.createdAt,
        tags: [...clipping.tags],
        state,
        place: places.get(clipping.id),
      })
    }
    this.bySource.set(sourceId, ids)
    if (this.sorted) {
      // One merge, not a sort of everything: a save must not cost the whole list.
      const others = this.sorted.filter((entry) => entry.sourceId !== sourceId)
      const mine = ids.flatMap((id) => this.byId.get(id) ?? []).sort(newestFirst)
      this.sorted = merge(others, mine)
    }
  }

  clear(): void {
    this.byId.clear()
    this.sourceOfId.clear()
    this.bySource.clear()
    this.newestOf.clear()
    this.sorted = null
  }

  /**
   * Compact rows, [id, sourceId, createdAt, state, deleted (0|1), start, end, ...tags] (start
   * and end -1 when its place is not known), and each source's newest version.
   */
  serialize(): unknown {
    // Newest first, so that loading needs no sort; deleted ones after.
    const rows: (string | number)[][] = this.newestFirst().map((entry) => [
      entry.id,
      entry.sourceId,
      entry.createdAt,
      entry.state,
      0,
      ...(entry.place ?? [-1, -1]),
      ...entry.tags,
    ])
    for (const [id, sourceId] of this.sourceOfId) {
      if (!this.byId.has(id)) rows.push([id, sourceId, '', 'missing', 1, -1, -1])
    }
    return { rows, newest: Object.fromEntries(this.newestOf) }
  }

  restore(data: unknown): void {
    this.clear()
    const { rows, newest } = (data ?? {}) as { rows?: unknown; newest?: Record<string, string> }
    if (!Array.isArray(rows) || typeof newest !== 'object') throw new Error('not a catalog')
    for (const [sourceId, hash] of Object.entries(newest)) this.newestOf.set(sourceId, hash)
    const live: CatalogEntry[] = []
    let inOrder = true
    type Row = [string, string, string, AnchorState, number, number, number, ...string[]]
    for (const row of rows as Row[]) {
      const [id, sourceId, createdAt, state, deleted, start, end, ...tags] = row
      if (typeof id !== 'string' || typeof sourceId !== 'string') throw new Error('not a catalog')
      this.sourceOfId.set(id, sourceId)
      const ids = this.bySource.get(sourceId) ?? []
      ids.push(id)
      this.bySource.set(sourceId, ids)
      if (deleted) continue
      const place: BytePlace | undefined = start >= 0 ? [start, end] : undefined
      const entry = { id, sourceId, createdAt, tags, state, place }
      const previous = live[live.length - 1]
      if (previous && newestFirst(previous, entry) > 0) inOrder = false
      live.push(entry)
      this.byId.set(id, entry)
    }
    // Written in order by serialize; checked in one pass rather than trusted.
    this.sorted = inOrder ? live : null
  }

  private newestFirst(): CatalogEntry[] {
    this.sorted ??= [...this.byId.values()].sort(newestFirst)
    return this.sorted
  }
}

function newestFirst(a: CatalogEntry, b: CatalogEntry): number {
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1
}

function merge(a: CatalogEntry[], b: CatalogEntry[]): CatalogEntry[] {
  const out: CatalogEntry[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const left = a[i]
    const right = b[j]
    if (right === undefined || (left !== undefined && newestFirst(left, right) <= 0)) {
      out.push(left as CatalogEntry)
      i++
    } else {
      out.push(right)
      j++
    }
  }
  return out
}

function splitCursor(cursor: string): [string, string] {
  const at = cursor.lastIndexOf('|')
  return at === -1 ? [cursor, ''] : [cursor.slice(0, at), cursor.slice(at + 1)]
}

/** The first entry that comes after (createdAt, id) in newest-first order: binary search. */
function firstAfter(entries: CatalogEntry[], createdAt: string, id: string): number {
  let low = 0
  let high = entries.length
  while (low < high) {
    const middle = (low + high) >> 1
    const entry = entries[middle] as CatalogEntry
    const before = entry.createdAt > createdAt || (entry.createdAt === createdAt && entry.id >= id)
    if (before) low = middle + 1
    else high = middle
  }
  return low
}
