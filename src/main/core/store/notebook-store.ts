import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import type { LoadProblem, NotebookChange } from '../../../shared/ipc'
import { CommonplaceError, notFound } from '../errors'
import { ChangeFeed } from './change-feed'
import { inParallel } from '../in-parallel'
import { readFailure } from '../importing/read-source-file'
import { assertWritable, fingerprintOf, writeDurably } from './durable-json-file'
import {
  damagedIndex,
  refuseUnreadable,
  saveStoreFile,
  sharedLoads,
  type Frozen,
  type Loaded,
} from './json-store-file'
import { keep } from './recent-files'
import type { HeldLock, NotebookLock } from './notebook-lock'
import {
  essayFileSchema,
  HASH_PATTERN,
  isSafeId,
  libraryFileSchema,
  sourceFileSchema,
  versionTextSchema,
  type EssayEntry,
  type EssayFile,
  type LibraryFile,
  type SourceEntry,
  type SourceFile,
  type VersionText,
} from './schema'
import { Transaction } from './transaction'

/** Texts are immutable and can be large: a few recent ones are kept in memory. */
const TEXTS_KEPT = 32

/**
 * The notebook on disk, shared with other processes. `library.json` is a small index; each
 * source's versions and clippings live in `sources/<id>.json`, its texts in `texts/<hash>.json`
 * (written once), each essay in `essays/<id>.json`.
 *
 * Disk is the truth: every read checks the file's fingerprint and reads it again when another
 * process replaced it; every write is a transaction under the notebook lock that starts from the
 * files as they are on disk. What this class hands out is its own copy, read-only.
 */
export class NotebookStore {
  readonly dataDir: string
  private readonly sourceCache = new Map<string, Loaded<SourceFile>>()
  private readonly essayCache = new Map<string, Loaded<EssayFile>>()
  private readonly textCache = new Map<string, VersionText>()
  private readonly loadShared = sharedLoads()
  private readonly problemsByFile = new Map<string, LoadProblem>()
  private readonly listeners = new Set<(change: NotebookChange) => void>()
  private readonly writeListeners = new Set<(change: NotebookChange) => void>()
  private listed: {
    library: Frozen<LibraryFile>
    byId: Map<string, Frozen<SourceEntry>>
  } | null = null

  constructor(
    dataDir: string,
    private index: Loaded<LibraryFile>,
    readonly lock: NotebookLock,
    readonly feed: ChangeFeed,
  ) {
    this.dataDir = dataDir
  }

  get libraryPath(): string {
    return join(this.dataDir, 'library.json')
  }

  sourcePath(id: string): string {
    return join(this.dataDir, 'sources', `${safeId(id)}.json`)
  }

  essayPath(id: string): string {
    return join(this.dataDir, 'essays', `${safeId(id)}.json`)
  }

  textPath(hash: string): string {
    if (!HASH_PATTERN.test(hash)) throw new CommonplaceError('invalid-argument', 'Not a text hash.')
    return join(this.dataDir, 'texts', `${hash}.json`)
  }

  /** An imported file kept as it was (a PDF the reader draws), named by its sha-256. */
  keptFilePath(hash: string): string {
    if (!HASH_PATTERN.test(hash)) throw new CommonplaceError('invalid-argument', 'Not a file hash.')
    return join(this.dataDir, 'files', hash)
  }

  /** The bytes of a kept file; a missing one is reported like a missing text. */
  async keptFile(hash: string): Promise<Buffer> {
    const path = this.keptFilePath(hash)
    try {
      return await readFile(path)
    } catch (error) {
      const problem = new CommonplaceError(
        'damaged',
        `${path} cannot be read (${readFailure(error)}): the file this version was imported from is gone.`,
      )
      this.report(path, problem)
      throw problem
    }
  }

  /** Files that could not be read: reported, and left on disk as they are. */
  get problems(): LoadProblem[] {
    return [...this.problemsByFile.values()]
  }

  /** Told what other processes changed, once `catchUp` finds out. */
  onChange(listener: (change: NotebookChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Told what this process wrote, once it is on disk (sync mirrors it into its documents). */
  onWrite(listener: (change: NotebookChange) => void): () => void {
    this.writeListeners.add(listener)
    return () => this.writeListeners.delete(listener)
  }

  /** Learns what other processes wrote since last time, forgets it, and tells the listeners. */
  async catchUp(): Promise<NotebookChange | null> {
    const change = await this.feed.news()
    if (!change) return null
    if (change.all) {
      this.sourceCache.clear()
      this.essayCache.clear()
      this.problemsByFile.clear()
    }
    for (const id of change.sources) this.sourceCache.delete(id)
    for (const id of change.essays) this.essayCache.delete(id)
    for (const listener of this.listeners) listener(change)
    return change
  }

  // ---- Reads ----

  async library(): Promise<Frozen<LibraryFile>> {
    const fingerprint = await fingerprintOf(this.libraryPath)
    if (fingerprint !== this.index.fingerprint) {
      const loaded = await this.loadShared(this.libraryPath, libraryFileSchema).catch(
        (error: unknown) => {
          throw damagedIndex(this.libraryPath, error)
        },
      )
      if (!loaded) throw damagedIndex(this.libraryPath, new Error('it is missing'))
      this.index = loaded
    }
    return this.index.data
  }

  async sources(): Promise<Frozen<SourceEntry[]>> {
    return (await this.library()).sources
  }

  async entry(id: string): Promise<Frozen<SourceEntry>> {
    const entry = (await this.sourcesById()).get(id)
    if (!entry) throw notFound(`The source "${id}"`)
    return entry
  }

  /** The listed sources by id, made once per reading of the index (a page asks for fifty). */
  async sourcesById(): Promise<ReadonlyMap<string, Frozen<SourceEntry>>> {
    const library = await this.library()
    if (this.listed?.library !== library) {
      this.listed = { library, byId: new Map(library.sources.map((entry) => [entry.id, entry])) }
    }
    return this.listed.byId
  }

  /** Deleted sources, kept on disk until purged; no list or lookup above includes them. */
  async deletedSources(): Promise<Frozen<SourceEntry[]>> {
    return (await this.library()).deletedSources ?? []
  }

  async essays(): Promise<Frozen<EssayEntry[]>> {
    return (await this.library()).essays
  }

  async essayEntry(id: string): Promise<Frozen<EssayEntry>> {
    const entry = (await this.essays()).find((essay) => essay.id === id)
    if (!entry) throw notFound(`The essay "${id}"`)
    return entry
  }

  async sourceFile(id: string): Promise<Frozen<SourceFile>> {
    await this.entry(id)
    return this.cached(this.sourceCache, id, this.sourcePath(id), sourceFileSchema)
  }

  /**
   * The files of these sources, the index looked at once for all of them (a page of clippings
   * spans up to fifty sources): null for one not listed, or whose file cannot be read.
   */
  async sourceFiles(ids: readonly string[]): Promise<Map<string, Frozen<SourceFile> | null>> {
    const listed = await this.sourcesById()
    const files = await inParallel(ids, 8, async (id) => {
      if (!listed.has(id)) return [id, null] as const
      try {
        return [
          id,
          await this.cached(this.sourceCache, id, this.sourcePath(id), sourceFileSchema),
        ] as const
      } catch (error) {
        if (error instanceof CommonplaceError) return [id, null] as const
        throw error
      }
    })
    return new Map(files)
  }

  /** The file of a deleted source: only restoring (and purging) reads one. */
  async deletedSourceFile(id: string): Promise<Frozen<SourceFile>> {
    if (!(await this.deletedSources()).some((source) => source.id === id)) {
      throw notFound(`The deleted source "${id}"`)
    }
    return this.cached(this.sourceCache, id, this.sourcePath(id), sourceFileSchema)
  }

  /** Every readable source file; unreadable ones are listed in `problems` instead. */
  async allSourceFiles(): Promise<Frozen<SourceFile>[]> {
    const files: Frozen<SourceFile>[] = []
    for (const { id } of await this.sources()) {
      try {
        files.push(await this.sourceFile(id))
      } catch (error) {
        if (!(error instanceof CommonplaceError) || error.code !== 'damaged') throw error
      }
    }
    return files
  }

  async essayFile(id: string): Promise<Frozen<EssayFile>> {
    await this.essayEntry(id)
    return this.cached(this.essayCache, id, this.essayPath(id), essayFileSchema)
  }

  /** A version's text and display HTML. Never changes once written, so never re-read. */
  async text(hash: string): Promise<Frozen<VersionText>> {
    const kept = this.textCache.get(hash)
    if (kept) return kept
    const path = this.textPath(hash)
    const loaded = await this.loadShared(path, versionTextSchema).catch((error: unknown) => {
      this.report(path, error)
      throw error
    })
    if (!loaded) {
      const error = new CommonplaceError('damaged', `${path} is missing: a version's text is gone.`)
      this.report(path, error)
      throw error
    }
    if (this.textCache.size >= TEXTS_KEPT) {
      const oldest = this.textCache.keys().next().value
      if (oldest !== undefined) this.textCache.delete(oldest)
    }
    this.textCache.set(hash, loaded.data)
    return loaded.data
  }

  private async cached<T>(
    cache: Map<string, Loaded<T>>,
    id: string,
    path: string,
    schema: Parameters<typeof this.loadShared<T>>[1],
  ): Promise<Frozen<T>> {
    const kept = cache.get(id)
    if (kept && kept.fingerprint !== null && kept.fingerprint === (await fingerprintOf(path))) {
      // Most recently used last: the first key is the one to let go.
      cache.delete(id)
      cache.set(id, kept)
      return kept.data as Frozen<T>
    }
    try {
      const loaded = await this.loadShared(path, schema)
      if (!loaded) throw new CommonplaceError('damaged', `${path} is missing.`)
      keep(cache, id, loaded)
      this.problemsByFile.delete(path)
      return loaded.data as Frozen<T>
    } catch (error) {
      cache.delete(id)
      this.report(path, error)
      throw error
    }
  }

  private report(path: string, error: unknown): void {
    if (error instanceof CommonplaceError && error.code === 'damaged') {
      this.problemsByFile.set(path, { file: path, message: error.message })
    }
  }

  // ---- Writes ----

  /**
   * Runs `change` as one transaction under the notebook lock and writes what it changed: texts
   * first, then source and essay files, the index last, so a crash in between leaves at worst a
   * file the index does not list yet (opening adopts it), never a listed file that is missing.
   */
  write<T>(change: (tx: Transaction) => Promise<T> | T): Promise<T> {
    return this.lock.run(async (held) => {
      const tx = new Transaction(this)
      const result = await change(tx)
      await this.commit(tx, held)
      return result
    })
  }

  private async commit(tx: Transaction, held: HeldLock): Promise<void> {
    const writes: {
      path: string
      data: unknown
      /** What reading the file back checks it against. */
      schema: z.ZodType<unknown>
      landed(fp: string | null): void
    }[] = []
    const kept: { path: string; bytes: Uint8Array }[] = []
    for (const [hash, bytes] of tx.files) {
      const path = this.keptFilePath(hash)
      if ((await fingerprintOf(path)) === null) kept.push({ path, bytes })
    }
    for (const text of tx.texts.values()) {
      const path = this.textPath(text.hash)
      if ((await fingerprintOf(path)) !== null) continue // written once, by hash
      writes.push({
        path,
        data: text,
        schema: versionTextSchema,
        landed: () => this.textCache.set(text.hash, text),
      })
    }
    for (const [id, data] of tx.sources) {
      const path = this.sourcePath(id)
      writes.push({
        path,
        data,
        schema: sourceFileSchema,
        landed: (fp) => keep(this.sourceCache, id, { data, fingerprint: fp }),
      })
    }
    for (const [id, data] of tx.essays) {
      const path = this.essayPath(id)
      writes.push({
        path,
        data,
        schema: essayFileSchema,
        landed: (fp) => this.essayCache.set(id, { data, fingerprint: fp }),
      })
    }
    const library = tx.changedLibrary
    if (library) {
      writes.push({
        path: this.libraryPath,
        data: library,
        schema: libraryFileSchema,
        landed: (fingerprint) => (this.index = { data: library, fingerprint }),
      })
    }
    if (writes.length === 0 && kept.length === 0 && !tx.all) return
    // Refuse before the first byte: a file that would not read back, or a read-only file or
    // folder anywhere, means no write at all.
    for (const { path, data, schema } of writes) refuseUnreadable(path, data, schema)
    for (const { path } of writes) await assertWritable(path)
    if (!(await held.stillHeld())) {
      throw new CommonplaceError(
        'busy',
        'This process lost the notebook lock while it was stalled; nothing was written. Try again.',
      )
    }
    // Kept files first: a text that names one is never on disk without it.
    if (kept.length > 0) await mkdir(join(this.dataDir, 'files'), { recursive: true })
    for (const { path, bytes } of kept) await writeDurably(path, bytes)
    for (const write of writes) write.landed(await saveStoreFile(write.path, write.data))
    const change = { sources: [...tx.sources.keys()], essays: [...tx.essays.keys()], all: tx.all }
    await this.feed.record(change)
    for (const listener of this.writeListeners) listener(change)
  }

  /** After a restore or repair rewrote files behind this store's back. */
  forgetEverything(): void {
    this.sourceCache.clear()
    this.essayCache.clear()
    this.textCache.clear()
    this.problemsByFile.clear()
    this.index = { ...this.index, fingerprint: null }
  }
}

function safeId(id: string): string {
  if (!isSafeId(id))
    throw new CommonplaceError('invalid-argument', `"${id}" is not a Commonplace id.`)
  return id
}
